import { Meteor } from 'meteor/meteor';
import { SyncedCron } from 'meteor/quave:synced-cron';
import { stringify } from 'csv-stringify/sync';
import { promises as fs } from 'fs';
import path from 'path';
import { createLogger } from '../../api/lib/logger';
import { Members } from '../../api/members/members';
import { Payments } from '../../api/payments/payments';

const log = createLogger('cron');

const EXPORT_DIR = '/home/ubuntu/clubhouse/exports';

export async function lapseExpiredMemberships(now = new Date()): Promise<number> {
  const expired = await Members.find({
    status: 'active',
    membershipExpiresAt: { $lt: now },
  }).fetchAsync();

  for (const member of expired) {
    try {
      await Members.updateAsync(member._id!, { $set: { status: 'lapsed' } });
      await Payments.insertAsync({
        clubId: member.clubId,
        userId: member.userId,
        memberId: member._id!,
        description: `Renewal ${now.getFullYear()}`,
        amountCents: member.duesCents,
        refundedCents: 0,
        currency: 'EUR',
        status: 'pending',
        createdAt: now,
      });
    } catch (err) {
      log.error('renewal failed', { memberId: member._id, error: String(err) });
      throw err;
    }
  }
  return expired.length;
}

export async function exportRosters(): Promise<string[]> {
  const members = await Members.find({}, { sort: { clubId: 1, name: 1 } }).fetchAsync();
  const byClub = new Map<string, typeof members>();
  for (const m of members) {
    byClub.set(m.clubId, [...(byClub.get(m.clubId) ?? []), m]);
  }
  await fs.mkdir(EXPORT_DIR, { recursive: true });
  const written: string[] = [];
  for (const [clubId, rows] of byClub) {
    const file = path.join(EXPORT_DIR, `${clubId}-${new Date().toISOString().slice(0, 10)}.csv`);
    const csv = stringify(
      rows.map(r => [r.name, r.email, r.status, r.membershipExpiresAt.toISOString()]),
      { header: true, columns: ['name', 'email', 'status', 'expires'] }
    );
    await fs.writeFile(file, csv);
    written.push(file);
  }
  return written;
}

export function registerJobs() {
  SyncedCron.config({ log: false, collectionName: 'cronHistory' });

  SyncedCron.add({
    name: 'Lapse expired memberships',
    schedule: parser => parser.text('at 02:15 am'),
    job: async () => {
      const count = await lapseExpiredMemberships();
      log.info('memberships lapsed', { count });
      return count;
    },
  });

  SyncedCron.add({
    name: 'Nightly roster export',
    schedule: parser => parser.text('at 03:00 am'),
    job: async () => (await exportRosters()).length,
  });

  if (!Meteor.isTest) {
    SyncedCron.start();
  }
}
