import { Service } from 'typedi';
import { getPool } from './db';

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
}

@Service()
export class AuditLog {
  async record(entry: AuditEntry): Promise<void> {
    await getPool().query(
      'INSERT INTO audit_log (actor, action, subject, at) VALUES ($1, $2, $3, now())',
      [entry.actor, entry.action, entry.subject],
    );
  }
}
