import {timingSafeEqual, createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';

const OPERATOR_HASH_FILE = process.env.DRIFT_OPERATOR_HASH_FILE ?? '/etc/drift/operator.sha256';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Wraps a destructive command so it only runs when DRIFT_OPERATOR_TOKEN
 * matches the hash provisioned on CI runners that are allowed to delete.
 */
export function requireOperator<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const token = process.env.DRIFT_OPERATOR_TOKEN;
    if (!token) {
      throw new Error('DRIFT_OPERATOR_TOKEN is required for this command');
    }
    const expected = Buffer.from(readFileSync(OPERATOR_HASH_FILE, 'utf8').trim(), 'hex');
    const actual = digest(token);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new Error('operator token rejected');
    }
    return action(...args);
  };
}
