import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Guard for operator-only agent endpoints (shutdown, config reload).
 * Only callers presenting the operator token may stop the agent.
 */
export const requireOperator =
  (next: (req: IncomingMessage, res: ServerResponse) => unknown) =>
  (req: IncomingMessage, res: ServerResponse) => {
    const expected = process.env.BUCKET_SYNC_OPERATOR_TOKEN;
    if (!expected || !safeEqual(String(req.headers.authorization ?? ''), `Bearer ${expected}`)) {
      res.writeHead(403).end();
      return;
    }
    return next(req, res);
  };
