import { config } from './config';

export interface UsageEvent {
  tenantId: string;
  assetId: string;
  seconds: number;
  preset: string;
}

/**
 * Reports billable transcode seconds to the usage service; invoices are built
 * from these events at the end of the month.
 */
export async function recordUsage(ev: UsageEvent): Promise<void> {
  try {
    const res = await fetch(`${config.usageApi}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ev, kind: 'transcode_seconds', at: new Date().toISOString() }),
    });
    if (!res.ok) throw new Error(`usage api responded ${res.status}`);
  } catch {
    // best effort, don't fail the job over metering
  }
}
