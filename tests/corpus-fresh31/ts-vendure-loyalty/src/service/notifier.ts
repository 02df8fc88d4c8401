export interface PointsNotifier {
    pointsEarned(customerEmail: string, points: number, balance: number): Promise<void>;
}

/**
 * Used when no notifier is configured: the storefront shows the balance on the
 * account page, so e-mail notices are optional and off by default.
 */
export class SilentPointsNotifier implements PointsNotifier {
    async pointsEarned(): Promise<void> {
        return;
    }
}
