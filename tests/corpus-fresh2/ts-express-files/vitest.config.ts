import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['./test/setup.ts'],
    typecheck: { include: ['test/**/*.test.ts'] },
  },
});
