import { expect } from 'vitest';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

export function apiEvent(overrides: Partial<APIGatewayProxyEventV2> & { body?: unknown } = {}): any {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/invoices',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    requestContext: { http: { method: 'POST', path: '/invoices' } },
    ...overrides,
    body: typeof overrides.body === 'string' ? overrides.body : JSON.stringify(overrides.body ?? {}),
  };
}

export const lambdaContext = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

export function expectStatus(res: APIGatewayProxyResultV2, status: number): any {
  const r = res as { statusCode: number; body?: string };
  expect(r.statusCode).toBe(status);
  return r.body ? JSON.parse(r.body) : undefined;
}
