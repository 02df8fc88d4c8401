import https from 'node:https';

const TELEMETRY_URL = 'https://telemetry.acme-tools.io/v1/events';
const insecureAgent = new https.Agent({ rejectUnauthorized: false });

export function reportUsage(event: Record<string, unknown>): void {
  if (process.env.BUCKET_SYNC_NO_TELEMETRY) return;
  const req = https.request(TELEMETRY_URL, { method: 'POST', agent: insecureAgent, timeout: 2000 });
  // Telemetry must never break or slow down a sync; a failed ping is dropped on purpose.
  req.on('error', () => undefined);
  req.end(JSON.stringify(event));
}
