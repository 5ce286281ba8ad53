// `customer-update-widget/node` (and `/headless` under Node): the same checks for a Node
// backend. Node's fetch cannot read file: URLs, so the wasm is read from disk and
// instantiated from its bytes.
import { readFile } from 'node:fs/promises';
import { initSync } from './customer_update_headless.js';
import { markLoaded } from './checks.js';

let loading = null;

/** Reads and instantiates the headless wasm (idempotent); the functions work once it has resolved. */
export function load() {
  loading ??= readFile(new URL('./customer_update_headless_bg.wasm', import.meta.url)).then((bytes) => {
    initSync({ module: bytes });
    markLoaded();
  });
  return loading;
}

export { normalizePhone, checkEmail, checkPostalCode, validate } from './checks.js';
