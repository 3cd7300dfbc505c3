import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { THEME_COLOUR } from './src/web/lib/theme-colour.js';

const api = 'http://127.0.0.1:3000';

/**
 * The web app: built from src/web into dist/web, which the server serves. The service worker
 * (src/web/sw.ts, see docs/decisions/012-offline-field-app.md) is built beside it with the list of
 * files to precache injected; the staff app registers it, the public pages never load its code.
 */
export default defineConfig({
  root: 'src/web',
  resolve: {
    // Preact's React layer in place of React and React DOM: the same components, about 50 KB gzip less
    // in the entry chunk (docs/decisions/028-preact.md). The code and its types stay React's.
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
    ],
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'OVOP — Satu Desa Satu Produk',
        short_name: 'OVOP',
        description: 'Pendataan kelompok, pelatihan dan pembukuan desa, juga tanpa sinyal.',
        lang: 'id',
        start_url: '/app',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: '#fbfaf7',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The shell: scripts, styles, the page and the icons. Precompressed copies are the server's business.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['**/*.gz', '**/*.br'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
  },
  server: { proxy: { '/api': api, '/media': api, '/health': api } },
});
