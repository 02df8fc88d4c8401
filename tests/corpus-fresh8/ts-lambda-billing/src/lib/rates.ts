import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface TaxRate {
  country: string;
  rate: number;
}

const RATES_FILE = process.env.TAX_RATES_FILE ?? '/Users/dkowalski/dev/billing-data/tax-rates.json';
const SCRATCH_DIR = '/tmp/billing';

let cache: Map<string, number> | undefined;

export async function loadRates(): Promise<Map<string, number>> {
  if (cache) return cache;
  const raw = await readFile(RATES_FILE, 'utf8');
  const rows = JSON.parse(raw) as TaxRate[];
  cache = new Map(rows.map((r) => [r.country.toUpperCase(), r.rate]));
  return cache;
}

export async function scratchPath(name: string): Promise<string> {
  await mkdir(SCRATCH_DIR, { recursive: true });
  return join(SCRATCH_DIR, name);
}

export async function taxFor(country: string, netCents: number): Promise<number> {
  const rates = await loadRates();
  const rate = rates.get(country.toUpperCase()) ?? 0;
  return Math.round(netCents * rate);
}
