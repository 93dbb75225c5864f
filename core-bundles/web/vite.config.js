import { defineConfig } from 'vite';

// The pages are served by the runtime under /omnitill/ (WebAppServlet) and call /api/v1 on the same origin.
// `npm run dev` serves them with live reload and forwards /api to a running ./omnitill (port 8181).
export default defineConfig({
  root: 'src/main/web',
  base: '/omnitill/',
  build: {
    outDir: '../../../target/classes/webapp',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://localhost:8181' },
  },
  test: {
    root: '.',
    include: ['src/test/web/**/*.test.js'],
    environment: 'jsdom',
  },
});
