import { Mongo } from 'meteor/mongo';

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'refunded' | 'partially_refunded';

export interface Payment {
  _id?: string;
  clubId: string;
  userId: string;
  memberId: string;
  description: string;
  amountCents: number;
  refundedCents: number;
  currency: 'EUR' | 'GBP';
  status: PaymentStatus;
  providerRef?: string;
  checkoutUrl?: string;
  createdAt: Date;
  paidAt?: Date;
}

export const Payments = new Mongo.Collection<Payment>('payments');
