import { NodeOperationError } from 'n8n-workflow';
import { Dispatchly } from '../nodes/Dispatchly/Dispatchly.node';
import { createExecuteContext } from './helpers';

describe('Dispatchly node', () => {
  const node = new Dispatchly();

  it('creates a job with the mapped body', async () => {
    const ctx = createExecuteContext({
      params: {
        resource: 'job',
        operation: 'create',
        customerId: 'cus_42',
        summary: 'Boiler inspection',
        additionalFields: { priority: 'urgent', dueAt: '2025-04-02T08:00:00Z' },
      },
      responses: [{ id: 'job_1', status: 'scheduled' }],
    });

    const [output] = await node.execute.call(ctx);

    expect(ctx.requests[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.dispatchly.test/v2/jobs',
      body: {
        customer_id: 'cus_42',
        summary: 'Boiler inspection',
        priority: 'urgent',
        due_at: '2025-04-02T08:00:00.000Z',
      },
    });
    expect(output).toEqual([{ json: { id: 'job_1', status: 'scheduled' }, pairedItem: { item: 0 } }]);
  });

  it('pages through jobs until the limit is reached', async () => {
    const ctx = createExecuteContext({
      params: {
        resource: 'job',
        operation: 'getAll',
        returnAll: false,
        limit: 3,
        filters: { status: 'on_site' },
      },
      responses: [
        { jobs: [{ id: 'a' }, { id: 'b' }], next_cursor: 'c1' },
        { jobs: [{ id: 'c' }, { id: 'd' }], next_cursor: 'c2' },
      ],
    });

    await node.execute.call(ctx);
  });

  it('updates the status of each input item', async () => {
    const ctx = createExecuteContext({
      items: [{ json: {} }, { json: {} }],
      params: [
        { resource: 'job', operation: 'updateStatus', jobId: 'job_1', status: 'en_route' },
        { resource: 'job', operation: 'updateStatus', jobId: 'job_2', status: 'completed' },
      ],
      responses: [{ id: 'job_1' }, { id: 'job_2' }],
    });

    await node.execute.call(ctx);

    expect(ctx.requests.map(r => [r.url, r.body])).toEqual([
      ['https://api.dispatchly.test/v2/jobs/job_1/status', { status: 'en_route' }],
      ['https://api.dispatchly.test/v2/jobs/job_2/status', { status: 'completed' }],
    ]);
  });

  it('reports an unknown operation', async () => {
    const ctx = createExecuteContext({ params: { resource: 'job', operation: 'archive' } });
    await expect(node.execute.call(ctx)).rejects.toThrow(NodeOperationError);
  });

  it('keeps going when continueOnFail is set', async () => {
    const ctx = createExecuteContext({
      params: { resource: 'job', operation: 'get', jobId: 'job_404' },
      responses: [new Error('Not Found')],
      continueOnFail: true,
    });

    const [output] = await node.execute.call(ctx);
    expect(output[0].json.error).toMatch(/Not Found|request failed/i);
  });
});
