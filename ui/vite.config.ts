import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI is served by Vite in development and tests, and embedded into the app binary in builds.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The Fluent files live in ../locales, shared with Rust.
    fs: { allow: ['..'] },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Three pages: the citizen window's (index.html), the service centre's staff window's and the
    // service hall kiosk's.
    rollupOptions: { input: { main: 'index.html', staff: 'staff.html', kiosk: 'kiosk.html' } },
  },
  // Vitest runs in mode 'test'; Svelte 5 components need the browser build there.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
}));
