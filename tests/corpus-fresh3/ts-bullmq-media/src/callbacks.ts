import { createHmac } from 'node:crypto';
import { config } from './config';

export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export async function notifyCallback(url: string, payload: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-media-signature': signBody(body, config.callbackSecret) },
    body,
  });
  if (!res.ok) {
    throw new Error(`callback ${url} failed with ${res.status}`);
  }
}

/** Accepts acknowledgements from downstream consumers of our callbacks. */
export function verifyAck(body: string, signature: string | undefined, secret: string): boolean {
  if (!signature || !secret) return false;
  return signBody(body, secret) == signature;
}
