import path from 'node:path';

export interface ClinicConfig {
	sessionSecret: string;
	sessionTtlDays: number;
	labLinkBaseUrl: string;
	labLinkClientId: string;
	labLinkClientSecret: string;
	labLinkWebhookSecret: string;
	labLinkCaFile: string | undefined;
	pdfCacheDir: string;
	uploadRoot: string;
	smtpUrl: string;
}

const DEV_SESSION_SECRET = 'dev-session-secret-not-for-production';

function required(env: NodeJS.ProcessEnv, key: string): string {
	const value = env[key];
	if (!value) throw new Error(`${key} is not set`);
	return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ClinicConfig {
	const sessionSecret = env.SESSION_SECRET ?? DEV_SESSION_SECRET;
	if (env.NODE_ENV === 'production' && sessionSecret === DEV_SESSION_SECRET) {
		throw new Error('SESSION_SECRET must be configured in production');
	}
	return {
		sessionSecret,
		sessionTtlDays: Number(env.SESSION_TTL_DAYS ?? 7),
		labLinkBaseUrl: env.LABLINK_BASE_URL ?? 'https://api.lablink-diagnostics.com/v3',
		labLinkClientId: required(env, 'LABLINK_CLIENT_ID'),
		labLinkClientSecret: required(env, 'LABLINK_CLIENT_SECRET'),
		labLinkWebhookSecret: required(env, 'LABLINK_WEBHOOK_SECRET'),
		labLinkCaFile: env.LABLINK_CA_FILE,
		pdfCacheDir: env.PDF_CACHE_DIR ?? '/Users/dana.kowal/clinic/pdf-cache',
		uploadRoot: env.UPLOAD_ROOT ?? path.join(process.cwd(), 'var', 'uploads'),
		smtpUrl: env.SMTP_URL ?? 'smtp://localhost:1025',
	};
}

let cached: ClinicConfig | undefined;
export function config(): ClinicConfig {
	cached ??= loadConfig();
	return cached;
}
