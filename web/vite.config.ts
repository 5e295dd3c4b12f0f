import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Production: static files in dist/, hashed under dist/assets/ (the service caches them for a
 * year and serves index.html uncached). Development (`npm run dev`): Vite's server, with
 * /graphql, /uploads and /files proxied to a running service (API_URL, default http://localhost:4000).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/antd') || id.includes('node_modules/@ant-design') || id.includes('node_modules/rc-') || id.includes('node_modules/@rc-component')) return 'antd';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    // The GraphQL API, the chunked uploads and the signed file links live on the service.
    proxy: Object.fromEntries(['/graphql', '/uploads', '/files'].map((p) => [p, { target: process.env.API_URL ?? 'http://localhost:4000', changeOrigin: true }])),
  },
});
