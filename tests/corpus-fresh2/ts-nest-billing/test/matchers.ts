import { HttpException } from '@nestjs/common';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeHttpError(status: number): R;
    }
  }
}

expect.extend({
  toBeHttpError(received: unknown, status: number) {
    const pass = received instanceof HttpException && received.getStatus() === status;
    return {
      pass,
      message: () =>
        `expected ${String(received)} ${pass ? 'not ' : ''}to be an HttpException with status ${status}`,
    };
  },
});

export {};
