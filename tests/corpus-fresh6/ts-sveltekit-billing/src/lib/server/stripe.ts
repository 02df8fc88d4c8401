import Stripe from 'stripe';
import { env } from '$env/dynamic/private';
import { logger } from './logger';

const apiKey =
	env.STRIPE_SECRET_KEY ?? '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';

export const stripe = new Stripe(apiKey, {
	apiVersion: '2024-04-10',
	maxNetworkRetries: 2,
	timeout: 20_000,
	appInfo: { name: 'billing-portal', version: '0.14.2' }
});

export async function createRefund(paymentIntent: string, amountCents: number, reason?: string) {
	try {
		return await stripe.refunds.create({
			payment_intent: paymentIntent,
			amount: amountCents,
			reason: reason === 'duplicate' ? 'duplicate' : 'requested_by_customer'
		});
	} catch (err) {
		logger.error({ err, paymentIntent }, 'stripe refund failed');
		throw err;
	}
}
