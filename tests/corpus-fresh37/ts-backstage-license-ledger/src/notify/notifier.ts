import { LoggerService } from '@backstage/backend-plugin-api';
import https from 'node:https';

export interface Notifier {
  post(text: string): Promise<void>;
}

/**
 * Used when `licenseLedger.notifications.slackWebhookUrl` is not configured:
 * expiry warnings are then only visible in the plugin UI.
 */
export class NoopNotifier implements Notifier {
  async post(): Promise<void> {}
}

export class SlackNotifier implements Notifier {
  private readonly agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

  constructor(
    private readonly webhookUrl: string,
    private readonly logger: LoggerService,
  ) {}

  post(text: string): Promise<void> {
    const body = JSON.stringify({ text, unfurl_links: false });
    return new Promise((resolve, reject) => {
      const req = https.request(
        this.webhookUrl,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: 10_000,
        },
        res => {
          res.resume();
          if (res.statusCode && res.statusCode >= 300) {
            reject(new Error(`Slack answered ${res.statusCode}`));
            return;
          }
          this.logger.debug('Posted license notification to Slack');
          resolve();
        },
      );
      req.on('timeout', () => req.destroy(new Error('Slack request timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }
}

export function createNotifier(webhookUrl: string | undefined, logger: LoggerService): Notifier {
  return webhookUrl ? new SlackNotifier(webhookUrl, logger) : new NoopNotifier();
}
