import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_HOST, APP_SCHEME, FILE_SCHEME } from './config';
import type { Logger } from './logger';

export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

function within(root: string, requested: string): string | undefined {
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decodeURIComponent(requested)));
  return resolved.startsWith(root + path.sep) ? resolved : undefined;
}

export function registerProtocols(opts: { rendererDir: string; attachmentsDir: string; log: Logger }): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) {
      return new Response('not found', { status: 404 });
    }
    const file = within(opts.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) {
      return new Response('forbidden', { status: 403 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });

  protocol.handle(FILE_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = within(opts.attachmentsDir, `${url.host}${url.pathname}`);
    if (!file) {
      opts.log.warn('attachment path rejected', { url: request.url });
      return new Response('forbidden', { status: 403 });
    }
    const res = await net.fetch(pathToFileURL(file).toString());
    return new Response(res.body, {
      status: res.status,
      headers: { 'content-disposition': 'inline', 'x-content-type-options': 'nosniff' },
    });
  });
}
