import pino from 'pino';

export const log = pino({ name: 'ledger-jobs', level: process.env.LOG_LEVEL ?? 'info' });
