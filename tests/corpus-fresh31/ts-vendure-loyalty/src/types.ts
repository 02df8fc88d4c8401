import { PointsRoundingStrategy } from './strategies/points-rounding-strategy';
import { PointsNotifier } from './service/notifier';

export interface LoyaltyPluginOptions {
    /** Points credited per whole unit of the channel currency. */
    pointsPerUnit: number;
    /** Number of days after which unspent points expire. */
    expiryDays?: number;
    /** PointsHub partner network. */
    pointsHub: {
        baseUrl: string;
        apiKey: string;
        webhookSecret: string;
        /** PEM bundle for the PointsHub private CA, if the sandbox is used. */
        caFile?: string;
    };
    /** Shared key used by the ERP when it bulk-imports historical points. */
    importApiKey: string;
    /** Where CSV exports are written. */
    exportDir?: string;
    roundingStrategy?: PointsRoundingStrategy;
    notifier?: PointsNotifier;
}

export type LoyaltyTierCode = 'BRONZE' | 'SILVER' | 'GOLD';

export interface AwardPointsJobData {
    orderId: string;
    channelToken: string;
    multiplier: number;
}

export interface ExportJobData {
    channelToken: string;
    requestedBy: string;
    since?: string;
}
