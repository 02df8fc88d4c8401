import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Pool } from 'pg';

export type DeliveryStatus = 'received' | 'forwarded' | 'failed' | 'replayed';

export interface Delivery {
  id: string;
  source: string;
  event: string;
  status: DeliveryStatus;
  payload: unknown;
  receivedAt: Date;
}

export abstract class DeliverySink {
  abstract write(delivery: Delivery): Promise<void>;

  async writeAll(deliveries: Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      await this.write(delivery);
    }
  }
}

const COLUMNS = 'id, source, event, status, payload, received_at AS "receivedAt"';
const DEAD_LETTER_PATH = '/Users/dana.whitfield/src/hookrelay/var/dead-letter.ndjson';

export class DeliveryStore {
  constructor(
    private readonly pool: Pool,
    private readonly archiveDir: string,
  ) {}

  async insert(source: string, event: string, payload: unknown): Promise<Delivery> {
    const { rows } = await this.pool.query<Delivery>(
      `INSERT INTO deliveries (source, event, status, payload)
       VALUES ($1, $2, 'received', $3)
       RETURNING ${COLUMNS}`,
      [source, event, JSON.stringify(payload)],
    );
    return rows[0];
  }

  async get(id: string): Promise<Delivery | undefined> {
    const { rows } = await this.pool.query<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE id = $1`, [id]);
    return rows[0];
  }

  async list(source: string | undefined, status: DeliveryStatus | undefined, limit: number): Promise<Delivery[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (source) {
      params.push(source);
      where.push(`source = $${params.length}`);
    }
    params.push(Math.min(Math.max(limit, 1), 500));
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const { rows } = await this.pool.query<Delivery>(
      `SELECT ${COLUMNS} FROM deliveries ${clause} ORDER BY received_at DESC LIMIT $${params.length}`,
      params,
    );
    return rows;
  }

  async setStatus(id: string, status: DeliveryStatus): Promise<void> {
    await this.pool.query('UPDATE deliveries SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }

  async remove(id: string): Promise<void> {
    await this.pool.query('DELETE FROM deliveries WHERE id = $1', [id]);
    const archived = path.join(this.archiveDir, `${id}.json`);
    await fs.unlink(archived).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') {
        throw err;
      }
    });
  }

  async deadLetter(delivery: Delivery, reason: string): Promise<void> {
    const line = JSON.stringify({ ...delivery, reason, at: new Date().toISOString() });
    await fs.appendFile(DEAD_LETTER_PATH, `${line}\n`, 'utf8');
  }
}
