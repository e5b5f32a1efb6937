/**
 * Vite config for the renderer. Run from the repo root:
 *   node_modules/.bin/vite build --config renderer/vite.config.ts
 * `base: './'` keeps every asset URL relative, so the same build works from
 * http://127.0.0.1:PORT/ (browser mode) and app://coldstart/ (Electron).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [svelte()],
  // Monaco's workers are ES modules; 'es' lets Rollup split them like the main bundle.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // Monaco's lazy chunk and the TypeScript worker are large by nature; they never block start-up.
    chunkSizeWarningLimit: 8000,
  },
  server: {
    host: '127.0.0.1',
    // The Monaco loader globs node_modules/@types/aws-lambda, which lives above the renderer root.
    fs: { allow: [repoRoot] },
  },
});
