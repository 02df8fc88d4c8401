import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/lib/server/exports';
import type { Invoice } from '../src/lib/server/invoices';

const fixture: Invoice[] = [
	{
		id: '0b7c1f1e-1111-4a4a-9c9c-000000000001',
		orgId: 'org_1',
		customerId: 'cus_123',
		status: 'paid',
		totalCents: 12_345,
		currency: 'eur',
		issuedAt: new Date('2024-03-01T10:00:00Z')
	},
	{
		id: '0b7c1f1e-1111-4a4a-9c9c-000000000002',
		orgId: 'org_1',
		customerId: 'cus_456',
		status: 'draft',
		totalCents: 900,
		currency: 'eur',
		issuedAt: null
	}
];

function expectCsvShape(csv: string, rows: number) {
	const lines = csv.split('\n');
	expect(lines).toHaveLength(rows + 1);
	for (const line of lines) expect(line.split(',')).toHaveLength(6);
}

describe('toCsv', () => {
	it('renders one line per invoice plus a header', () => {
		expectCsvShape(toCsv(fixture), 2);
	});

	it('formats totals with two decimals', () => {
		expect(toCsv(fixture)).toMatchSnapshot();
	});
});
