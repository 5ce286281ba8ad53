// The app's build: Vite bundles the package (its .wasm becomes a hashed asset through
// the glue's `new URL(..., import.meta.url)`). `vite preview` stands in for the app's web
// server: it forwards the widget's API to the token proxy and sends the strict CSP.
import { defineConfig } from 'vite';

const proxy = process.env.E2E_BASE_URL ?? process.env.TOKEN_PROXY ?? 'http://127.0.0.1:8787';
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
const api = { '/v1': { target: proxy, changeOrigin: true }, '/demo': { target: proxy, changeOrigin: true } };

export default defineConfig({
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  server: { proxy: api },
  preview: { proxy: api, headers: { 'Content-Security-Policy': csp } },
});
