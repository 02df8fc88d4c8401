import jwt from 'jsonwebtoken';
import type { Response } from 'supertest';

export const TEST_JWT_SECRET = 'test-only-not-a-secret';

export function bearer(roles: string[] = [], accountId = 'acct_test_1'): Record<string, string> {
  const token = jwt.sign({ sub: 'user_1', accountId, roles }, TEST_JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: '5m',
  });
  return { Authorization: `Bearer ${token}` };
}

export function expectProblem(res: Response, status: number, fragment?: string): void {
  expect(res.status).toBe(status);
  if (fragment) {
    expect(JSON.stringify(res.body)).toContain(fragment);
  }
}
