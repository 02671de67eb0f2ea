import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The lazily loaded map (maplibre-gl, ~1 MB) and chart (echarts, ~550 kB) chunks of /steuerung are large by
    // nature; they load only on that page.
    chunkSizeWarningLimit: 1100,
  },
  // maplibre-gl's worker is an ES module (imported with ?worker&url by the district map).
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
