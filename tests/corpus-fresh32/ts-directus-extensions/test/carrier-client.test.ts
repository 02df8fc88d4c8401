import https from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipRelayClient, CarrierUnavailableError, type ShipmentInput } from '../src/lib/carrier-client.js';
import type { ShipRelayConfig } from '../src/lib/config.js';

const received: Array<{ url?: string; headers: Record<string, unknown>; body: string }> = [];
let failNext = false;

const server = https.createServer(
	{
		key: readFileSync(new URL('./fixtures/localhost-key.pem', import.meta.url)),
		cert: readFileSync(new URL('./fixtures/localhost-cert.pem', import.meta.url)),
	},
	(req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ url: req.url, headers: req.headers, body });
			if (failNext) {
				failNext = false;
				res.writeHead(502).end();
				return;
			}
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(
				JSON.stringify({
					id: 'lbl_abc123def456',
					tracking_code: 'SR123456789DE',
					label_url: 'https://labels.shiprelay.io/lbl_abc123def456.pdf',
					rate: { amount: '5.49' },
				}),
			);
		});
	},
);

const config: ShipRelayConfig = {
	baseUrl: '',
	apiKey: 'sr_test_key',
	accountId: 'acct_test',
	webhookSecret: 'whsec_test',
	legacyCallbackToken: '',
	labelCacheDir: '/unused',
	defaultServiceLevel: 'standard',
	requestTimeoutMs: 2000,
};

const shipment: ShipmentInput = {
	orderId: 'ord_1',
	from: { name: 'Warehouse', street1: 'Hafenstr. 1', city: 'Hamburg', postalCode: '20457', country: 'DE' },
	to: { name: 'Jane Doe', street1: 'Main St 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
	parcels: [{ weightGrams: 1200, lengthCm: 30, widthCm: 20, heightCm: 10 }],
	serviceLevel: 'express',
};

let client: ShipRelayClient;

beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const http = axios.create({
		baseURL: `https://127.0.0.1:${port}`,
		// The fixture certificate is self-signed for 127.0.0.1 and only exists in this test.
		httpsAgent: new https.Agent({ rejectUnauthorized: false }),
	});
	client = new ShipRelayClient(http, config);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ShipRelayClient', () => {
	it('maps the label response', async () => {
		const label = await client.createLabel(shipment, 'order-ord_1-label');
		expect(label).toEqual({
			labelId: 'lbl_abc123def456',
			trackingCode: 'SR123456789DE',
			labelUrl: 'https://labels.shiprelay.io/lbl_abc123def456.pdf',
			costCents: 549,
		});
		const last = received.at(-1)!;
		expect(JSON.parse(last.body)).toMatchObject({ reference: 'ord_1', service_level: 'express' });
	});

	it('turns an upstream 5xx into CarrierUnavailableError', async () => {
		failNext = true;
		await expect(client.voidLabel('lbl_abc123def456')).rejects.toBeInstanceOf(CarrierUnavailableError);
	});

	it('skips the network when there is nothing to track', async () => {
		const before = received.length;
		await expect(client.tracking([])).resolves.toEqual([]);
		expect(received).toHaveLength(before);
	});
});
