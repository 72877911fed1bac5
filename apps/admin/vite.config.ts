import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the Huanjie server at `/`; in development, GraphQL goes to a server on port 4000.
export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: { dedupe: ['react', 'react-dom', 'react-router', 'antd', 'urql'] },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
