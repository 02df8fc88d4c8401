import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { config } from '../config';

export const WEBHOOK_SECRET_NAME = 'paystream-webhook-secret';
export const WEBHOOK_PREVIOUS_SECRET_NAME = 'paystream-webhook-secret-previous';

let credential: TokenCredential | undefined;
let client: SecretClient | undefined;
const cache = new Map<string, { value: string; expires: number }>();
const TTL_MS = 5 * 60 * 1000;

export function azureCredential(): TokenCredential {
  credential ??= new DefaultAzureCredential();
  return credential;
}

function secretClient(): SecretClient {
  client ??= new SecretClient(config().keyVaultUrl, azureCredential());
  return client;
}

export async function getSecret(name: string): Promise<string> {
  const hit = cache.get(name);
  if (hit && hit.expires > Date.now()) return hit.value;
  const secret = await secretClient().getSecret(name);
  if (!secret.value) throw new Error(`secret ${name} has no value`);
  cache.set(name, { value: secret.value, expires: Date.now() + TTL_MS });
  return secret.value;
}

export async function getOptionalSecret(name: string): Promise<string | undefined> {
  try {
    return await getSecret(name);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}
