// Payment gateway abstraction: one implementation per provider.
export interface ChargeResult { id: string; status: "succeeded" | "failed" }

export abstract class PaymentGateway {
  abstract charge(customerId: string, amount: number, options: { idempotencyKey: string }): Promise<ChargeResult>;
  abstract refund(chargeId: string, amount: number): Promise<ChargeResult>;

  describe(): string {
    return `gateway:${this.constructor.name}`;
  }
}
