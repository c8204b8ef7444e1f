import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    // index.html renders in the browser; ssr.html is the shell the server renders into.
    rollupOptions: { input: { index: 'index.html', ssr: 'ssr.html' } },
  },
});
