import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['e2e/**/*.e2e-spec.ts'],
        testTimeout: 30_000,
        hookTimeout: 120_000,
        fileParallelism: false,
    },
    plugins: [
        // Vendure relies on emitDecoratorMetadata, which esbuild does not support
        swc.vite({
            jsc: { transform: { useDefineForClassFields: false } },
        }),
    ],
});
