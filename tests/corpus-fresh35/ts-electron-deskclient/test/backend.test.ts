import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendClient, BackendError } from '../src/main/backend';
import { silentLog } from './fakes';

const BASE = 'https://desk.test';

describe('BackendClient', () => {
  let agent: MockAgent;
  let client: BackendClient;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    client = new BackendClient(
      {
        baseUrl: `${BASE}/`,
        apiKey: 'dk_test_unit',
        timeoutMs: 1000,
        accessToken: () => 'access-token-for-tests',
        log: silentLog,
      },
      agent,
    );
  });

  afterEach(async () => {
    await agent.close();
  });

  it('sends the api key and bearer token', async () => {
    agent
      .get(BASE)
      .intercept({
        path: '/v1/queues/billing/tickets',
        method: 'GET',
        headers: { 'x-api-key': 'dk_test_unit', authorization: 'Bearer access-token-for-tests' },
      })
      .reply(200, [{ id: 'T-1', subject: 'Invoice', status: 'open', queue: 'billing', updatedAt: '2024-05-01' }]);

    const tickets = await client.listTickets('billing');
    expect(tickets.map((t) => t.id)).toEqual(['T-1']);
  });

  it('serves the cached queue when the network fails', async () => {
    const pool = agent.get(BASE);
    pool.intercept({ path: '/v1/queues/billing/tickets', method: 'GET' }).reply(200, [{ id: 'T-1' }]);
    pool.intercept({ path: '/v1/queues/billing/tickets', method: 'GET' }).replyWithError(new Error('ECONNRESET'));

    await client.listTickets('billing');
    await expect(client.listTickets('billing')).resolves.toEqual([{ id: 'T-1' }]);
  });

  it('searches tickets by status', async () => {
    agent
      .get(BASE)
      .intercept({ path: (p) => p.startsWith('/v1/tickets/search'), method: 'GET' })
      .reply(200, [{ id: 'T-7', status: 'pending' }]);

    await client.searchTickets('printer', 'pending');
  });

  it('raises BackendError on client errors', async () => {
    agent.get(BASE).intercept({ path: '/v1/tickets/T-404', method: 'GET' }).reply(404, 'no such ticket');

    await expect(client.getTicket('T-404')).rejects.toBeInstanceOf(BackendError);
  });
});
