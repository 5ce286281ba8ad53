// `customer-update-widget/headless` in a browser: the checks without the form. The glue
// fetches customer_update_headless_bg.wasm next to itself (bundlers copy it).
import init from './customer_update_headless.js';
import { markLoaded } from './checks.js';

let loading = null;

/** Loads the headless wasm (idempotent); the functions work once it has resolved. */
export function load() {
  loading ??= init().then(markLoaded);
  return loading;
}

export { normalizePhone, checkEmail, checkPostalCode, validate } from './checks.js';
