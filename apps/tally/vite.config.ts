import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the Huanjie server under /tally/; in development, GraphQL goes to a server on port 4000.
export default defineConfig({
  base: '/tally/',
  plugins: [react()],
  resolve: { dedupe: ['react', 'react-dom', 'react-router', 'antd', 'urql'] },
  server: { port: 5174, proxy: { '/graphql': 'http://localhost:4000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // @huanjie/domain is pure functions; the app uses only its counting arithmetic. Without this,
      // the top-level setup of its stroke-order module would pull cnchar's dictionaries in.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/domain/src/') },
    },
  },
});
