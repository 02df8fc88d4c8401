import { DispatchlyTrigger } from '../nodes/DispatchlyTrigger/DispatchlyTrigger.node';
import { computeSignature, isValidSignature } from '../nodes/shared/signature';
import { createWebhookContext } from './helpers';

const WEBHOOK_SECRET = '3f6b1d2c9a8e7f60b5c4d3e2f1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1';
const NOW = 1_743_500_000;

function signedHeaders(body: object, timestamp = NOW) {
  const raw = Buffer.from(JSON.stringify(body));
  return {
    raw,
    headers: {
      'x-dispatchly-timestamp': String(timestamp),
      'x-dispatchly-signature': `sha256=${computeSignature(WEBHOOK_SECRET, String(timestamp), raw)}`,
    },
  };
}

describe('isValidSignature', () => {
  it.each([
    ['valid', NOW, true],
    ['too old', NOW - 301, false],
    ['from the future', NOW + 301, false],
  ])('%s timestamp', (_label, timestamp, expected) => {
    const { raw, headers } = signedHeaders({ event: 'job.completed' }, timestamp);
    expect(
      isValidSignature(
        WEBHOOK_SECRET,
        headers['x-dispatchly-timestamp'],
        headers['x-dispatchly-signature'],
        raw,
        NOW,
      ),
    ).toBe(expected);
  });
});

describe('DispatchlyTrigger.webhook', () => {
  const trigger = new DispatchlyTrigger();

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW * 1000);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('emits subscribed events with a valid signature', async () => {
    const body = { event: 'job.completed', job: { id: 'job_1' } };
    const { raw, headers } = signedHeaders(body);
    const { context } = createWebhookContext({
      body,
      rawBody: raw,
      headers,
      params: { events: ['job.completed'], verification: 'signature' },
      staticData: { webhookId: 'wh_1', secret: WEBHOOK_SECRET },
    });

    const result = await trigger.webhook.call(context);

    expect(result.workflowData).toEqual([[{ json: body }]]);
  });

  it('rejects a forged delivery', async () => {
    const body = { event: 'job.completed', job: { id: 'job_1' } };
    const { context, response } = createWebhookContext({
      body,
      headers: { 'x-dispatchly-timestamp': String(NOW), 'x-dispatchly-signature': 'sha256=00' },
      params: { events: ['job.completed'], verification: 'signature' },
      staticData: { webhookId: 'wh_1', secret: WEBHOOK_SECRET },
    });

    const result = await trigger.webhook.call(context);

    expect(result).toEqual({ noWebhookResponse: true });
    expect(response.statusCode).toBe(401);
  });

  it('handles the header secret mode', async () => {
    const body = { event: 'job.created', job: { id: 'job_2' } };
    const { context } = createWebhookContext({
      body,
      headers: { 'x-dispatchly-secret': 'onprem-shared-secret' },
      params: {
        events: ['job.created'],
        verification: 'headerSecret',
        headerSecret: 'onprem-shared-secret',
      },
    });

    try {
      await trigger.webhook.call(context);
    } catch (error) {
      console.error(error);
    }
  });

  it('answers the setup challenge', async () => {
    const { context, response } = createWebhookContext({
      webhookName: 'setup',
      body: {},
      query: { challenge: 'c-123' },
    });

    await trigger.webhook.call(context);

    expect(response.payload).toBe('c-123');
  });
});
