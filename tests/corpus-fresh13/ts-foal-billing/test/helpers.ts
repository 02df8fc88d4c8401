import { sign } from 'jsonwebtoken';
import type { Response } from 'supertest';
import { expect } from 'vitest';

export const TEST_JWT_SECRET = 'test-secret-changeme';

export function bearer(payload: { sub: string; tenantId: string; roles?: string[] }): string {
  const token = sign({ roles: [], ...payload }, Buffer.from(TEST_JWT_SECRET, 'base64'), { expiresIn: '5m' });
  return `Bearer ${token}`;
}

export function expectProblem(res: Response, status: number, code?: string): void {
  expect(res.status).toBe(status);
  if (code) {
    expect(res.body).toMatchObject({ code });
  }
}
