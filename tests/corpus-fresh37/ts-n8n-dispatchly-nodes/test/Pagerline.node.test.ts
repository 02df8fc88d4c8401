import { Pagerline } from '../nodes/Pagerline/Pagerline.node';
import { createExecuteContext, pagerlineCredentials } from './helpers';

function expectSingleRequest(
  ctx: ReturnType<typeof createExecuteContext>,
  expected: { method: string; url: string },
) {
  expect(ctx.requests).toHaveLength(1);
  expect(ctx.requests[0]).toMatchObject(expected);
}

describe('Pagerline node', () => {
  const node = new Pagerline();

  it('sends an SMS from the default sender', async () => {
    const ctx = createExecuteContext({
      credentials: pagerlineCredentials,
      params: { operation: 'send', to: '+49 151 1234 5678', message: 'Technician is on the way' },
      responses: [{ sid: 'SM1', status: 'queued', to: '+4915112345678', num_segments: 1 }],
    });

    const [output] = await node.execute.call(ctx);

    expectSingleRequest(ctx, {
      method: 'POST',
      url: 'https://api.pagerline.net/2024-01/accounts/AC_TEST/messages',
    });
    expect(output[0].json).toEqual({ id: 'SM1', status: 'queued', to: '+4915112345678', segments: 1 });
  });

  it('looks up the delivery status', async () => {
    const ctx = createExecuteContext({
      credentials: pagerlineCredentials,
      params: { operation: 'status', messageId: 'SM1' },
      responses: [{ sid: 'SM1', status: 'delivered' }],
    });

    await node.execute.call(ctx);

    expectSingleRequest(ctx, {
      method: 'GET',
      url: 'https://api.pagerline.net/2024-01/accounts/AC_TEST/messages/SM1',
    });
  });

  it('rejects numbers that are not E.164', async () => {
    const ctx = createExecuteContext({
      credentials: pagerlineCredentials,
      params: { operation: 'send', to: '0151 1234', message: 'hi' },
    });

    await expect(node.execute.call(ctx)).rejects.toThrow('is not an E.164 number');
  });

  it('describes its operations', () => {
    expect(node.description.properties.map(p => p.name)).toMatchSnapshot();
  });
});
