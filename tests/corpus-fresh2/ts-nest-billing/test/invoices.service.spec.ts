import { Test } from '@nestjs/testing';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../src/common/services';
import { InvoicesService, toApiInvoice } from '../src/invoices/invoices.service';

const makeInvoices = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `inv_${i + 1}`,
    number: `2024-${String(i + 1).padStart(5, '0')}`,
    status: 'OPEN',
    totalMinor: 1000 * (i + 1),
    currency: 'EUR',
    issuedAt: new Date('2024-03-01T00:00:00Z'),
  }));

describe('InvoicesService', () => {
  let service: InvoicesService;
  const prisma = {
    invoice: { findMany: jest.fn(), findFirstOrThrow: jest.fn(), updateMany: jest.fn() },
    outbox: { create: jest.fn() },
    searchQueue: { createMany: jest.fn() },
  };

  beforeEach(async () => {
    jest.resetAllMocks();
    const moduleRef = await Test.createTestingModule({
      providers: [InvoicesService, { provide: PrismaService, useValue: prisma }],
    }).compile();
    service = moduleRef.get(InvoicesService);
  });

  it('returns a page with nextCursor when more rows exist', async () => {
    prisma.invoice.findMany.mockResolvedValue(makeInvoices(51));
    const page = await service.list('tenant-1', {});
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toBe('inv_50');
  });

  it('lists invoices filtered by status with a custom page size', async () => {
    prisma.invoice.findMany.mockResolvedValue(makeInvoices(3));
    await service.list('tenant-1', { status: 'PAID' as never }, 10);
  });

  it('maps a missing invoice to null', async () => {
    prisma.invoice.findFirstOrThrow.mockRejectedValue(
      new Prisma.PrismaClientKnownRequestError('No Invoice found', { code: 'P2025', clientVersion: '5.8.0' }),
    );
    await expect(service.findOne('tenant-1', 'nope')).resolves.toBeNull();
  });

  it('rethrows unexpected prisma errors', async () => {
    prisma.invoice.findFirstOrThrow.mockRejectedValue(new Error('connection reset'));
    await expect(service.findOne('tenant-1', 'x')).rejects.toThrow('connection reset');
  });

  it('serialises an invoice for the API', () => {
    expect(toApiInvoice(makeInvoices(1)[0] as never)).toMatchSnapshot();
  });

  it('reindexes in batches until exhausted', async () => {
    prisma.invoice.findMany
      .mockResolvedValueOnce([{ id: 'a' }, { id: 'b' }])
      .mockResolvedValueOnce([]);
    await expect(service.reindex({ batchSize: 2 })).resolves.toBe(2);
    expect(prisma.searchQueue.createMany).toHaveBeenCalledTimes(1);
  });
});
