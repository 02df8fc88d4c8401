import type { HttpResponseInit } from '@azure/functions';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'cache-control': 'no-store', ...headers } };
}

export function problem(status: number, title: string, detail?: string): HttpResponseInit {
  return {
    status,
    jsonBody: { type: 'about:blank', title, status, detail },
    headers: { 'content-type': 'application/problem+json' },
  };
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail?: string) {
    super(`${status} ${title}`);
  }

  toResponse(): HttpResponseInit {
    return problem(this.status, this.title, this.detail);
  }
}
