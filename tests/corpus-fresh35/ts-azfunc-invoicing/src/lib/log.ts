import type { InvocationContext } from '@azure/functions';

export interface Fields {
  [key: string]: string | number | boolean | undefined | null;
}

function format(message: string, fields?: Fields): string {
  if (!fields) return message;
  const rendered = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  return `${message} ${rendered}`;
}

export function logger(context: InvocationContext) {
  const base = { invocationId: context.invocationId, fn: context.functionName };
  return {
    info: (message: string, fields?: Fields) => context.log(format(message, { ...base, ...fields })),
    warn: (message: string, fields?: Fields) => context.warn(format(message, { ...base, ...fields })),
    error: (message: string, fields?: Fields) => context.error(format(message, { ...base, ...fields })),
  };
}

export type Log = ReturnType<typeof logger>;
