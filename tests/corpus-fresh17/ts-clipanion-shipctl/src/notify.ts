import { fetch } from 'undici';
import type { Logger } from 'winston';

export async function postToSlack(token: string, channel: string, text: string, log: Logger): Promise<void> {
  const res = await fetch('https://slack.com/api/chat.postMessage', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ channel, text }),
  });
  const payload = (await res.json()) as { ok: boolean; error?: string };
  if (!payload.ok) {
    // Slack is informational only; a failed post must not fail a release that already happened.
    log.warn('slack notification to %s failed: %s', channel, payload.error ?? res.status);
  }
}
