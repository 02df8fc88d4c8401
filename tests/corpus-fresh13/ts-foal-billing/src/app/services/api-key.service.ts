import { createHash, timingSafeEqual } from 'crypto';
import { getManager } from 'typeorm';

export interface ApiKeyOwner {
  tenantId: string;
  label: string;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Looks up machine-to-machine API keys (stored as sha256 digests). */
export class ApiKeyService {
  async verify(presented: string): Promise<ApiKeyOwner | null> {
    const [prefix] = presented.split('_', 1);
    const rows: Array<{ tenant_id: string; label: string; digest: Buffer }> = await getManager().query(
      'SELECT tenant_id, label, digest FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL',
      [prefix],
    );

    const candidate = sha256(presented);
    for (const row of rows) {
      if (row.digest.length === candidate.length && timingSafeEqual(row.digest, candidate)) {
        return { tenantId: row.tenant_id, label: row.label };
      }
    }
    return null;
  }
}
