import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';

const startedAt = new Date().toISOString();

export async function health(_request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return {
    status: 200,
    jsonBody: { status: 'ok', startedAt, version: process.env.APP_VERSION ?? 'dev' },
    headers: { 'cache-control': 'no-store' },
  };
}

// Probed by Front Door and the availability test; reveals nothing but liveness.
app.http('health', { methods: ['GET'], authLevel: 'anonymous', route: 'health', handler: health });
