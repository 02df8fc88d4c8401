import { PassThrough } from 'node:stream';
import { Cli } from 'clipanion';
import { expect } from 'vitest';

export interface Captured {
  context: typeof Cli.defaultContext;
  stdout: () => string;
  stderr: () => string;
}

export function capture(): Captured {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk) => (stdout += chunk.toString()));
  err.on('data', (chunk) => (stderr += chunk.toString()));
  return {
    context: { ...Cli.defaultContext, stdout: out, stderr: err },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

export function expectExit(actual: number, expected: number, io: Captured): void {
  expect(actual, `stderr: ${io.stderr()}`).toBe(expected);
}
