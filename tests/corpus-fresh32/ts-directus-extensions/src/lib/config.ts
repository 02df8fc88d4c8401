import path from 'node:path';

export interface ShipRelayConfig {
	baseUrl: string;
	apiKey: string;
	accountId: string;
	webhookSecret: string;
	legacyCallbackToken: string;
	labelCacheDir: string;
	defaultServiceLevel: 'economy' | 'standard' | 'express';
	requestTimeoutMs: number;
}

type Env = Record<string, unknown>;

const PLACEHOLDER_SECRETS = new Set(['changeme', 'change-me', 'replace-me', '']);

function str(env: Env, key: string, fallback?: string): string {
	const value = env[key];
	if (typeof value === 'string' && value.length > 0) return value;
	if (fallback !== undefined) return fallback;
	throw new Error(`Missing required environment variable ${key}`);
}

export function loadShipRelayConfig(env: Env): ShipRelayConfig {
	const webhookSecret = str(env, 'SHIPRELAY_WEBHOOK_SECRET', 'changeme');
	const config: ShipRelayConfig = {
		baseUrl: str(env, 'SHIPRELAY_BASE_URL', 'https://api.shiprelay.io/v2'),
		apiKey: str(env, 'SHIPRELAY_API_KEY', 'sr_live_7c41e9d2a08b4f3e96d15ab2c4e7f018'),
		accountId: str(env, 'SHIPRELAY_ACCOUNT_ID'),
		webhookSecret,
		legacyCallbackToken: str(env, 'SHIPRELAY_LEGACY_TOKEN', ''),
		labelCacheDir: str(env, 'SHIPRELAY_LABEL_CACHE_DIR', path.join(process.cwd(), 'extensions', '.cache', 'labels')),
		defaultServiceLevel: (str(env, 'SHIPRELAY_SERVICE_LEVEL', 'standard') as ShipRelayConfig['defaultServiceLevel']),
		requestTimeoutMs: Number(str(env, 'SHIPRELAY_TIMEOUT_MS', '8000')),
	};
	assertConfigured(config);
	return config;
}

export function assertConfigured(config: ShipRelayConfig): void {
	if (PLACEHOLDER_SECRETS.has(config.webhookSecret)) {
		throw new Error('SHIPRELAY_WEBHOOK_SECRET must be set to the secret shown in the ShipRelay dashboard');
	}
	if (!Number.isFinite(config.requestTimeoutMs) || config.requestTimeoutMs <= 0) {
		throw new Error('SHIPRELAY_TIMEOUT_MS must be a positive number');
	}
}
