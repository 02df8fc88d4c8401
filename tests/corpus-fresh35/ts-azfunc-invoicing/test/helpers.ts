import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { expect } from 'vitest';

export function context(functionName = 'test'): InvocationContext {
  return new InvocationContext({ invocationId: 'inv-test-1', functionName });
}

export function request(init: {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  body?: string;
}): HttpRequest {
  return new HttpRequest({
    method: init.method ?? 'GET',
    url: init.url ?? 'http://localhost:7071/api/test',
    headers: init.headers ?? {},
    params: init.params ?? {},
    body: init.body === undefined ? undefined : { string: init.body },
  });
}

export function expectProblem(res: HttpResponseInit, status: number, detail?: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.headers).toMatchObject({ 'content-type': 'application/problem+json' });
  if (detail) expect((res.jsonBody as { detail?: string }).detail).toMatch(detail);
}
