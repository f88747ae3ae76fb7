import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The dashboard is served by the Hono server (`thidua serve`); in `vite dev` API calls go to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
})
