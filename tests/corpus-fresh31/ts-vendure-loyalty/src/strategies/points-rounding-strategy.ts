import { InjectableStrategy, RequestContext } from '@vendure/core';

/**
 * Decides how fractional points are rounded when an order total does not
 * divide evenly by the points-per-unit rate.
 */
export interface PointsRoundingStrategy extends InjectableStrategy {
    round(points: number, ctx: RequestContext): number;
}

export class FloorPointsRoundingStrategy implements PointsRoundingStrategy {
    // ctx is part of the strategy contract so channel-specific strategies can
    // vary by channel; the default rounding is the same everywhere.
    round(points: number, _ctx: RequestContext): number {
        return Math.floor(points);
    }
}
