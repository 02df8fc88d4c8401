import * as https from 'node:https';
import type { Delivery } from './store';

export interface ForwardOptions {
  timeout?: number;
  headers?: Record<string, string>;
}

const agent = new https.Agent({
  keepAlive: true,
  maxSockets: 32,
  rejectUnauthorized: false,
});

export function forward(baseUrl: string, delivery: Delivery, opts: ForwardOptions = {}): Promise<number> {
  const body = JSON.stringify(delivery.payload);
  const url = new URL(`/v1/events/${encodeURIComponent(delivery.source)}`, baseUrl);

  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        ...opts,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body).toString(),
          'x-delivery-id': delivery.id,
          'x-delivery-event': delivery.event,
          ...opts.headers,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`forward of ${delivery.id} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
