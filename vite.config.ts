import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The app is fully static: `vite build` writes dist/ that any file server can host.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Property tests over every example chain take 1–3 s on a quiet machine; a busy one (CI
    // beside other work, two cores) can take several times that. No test asserts a duration.
    testTimeout: 30_000,
  },
});
