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
  },
});
