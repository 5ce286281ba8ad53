// Core's checks for apps with their own UI, over the headless wasm (its own module, no
// form). Synchronous once the entry's `load()` has resolved: headless.js loads the wasm by
// URL in a browser, node.js from the file's bytes in Node.
import * as wasm from './customer_update_headless.js';

let loaded = false;

/** Called by the entry once the wasm is instantiated. */
export function markLoaded() {
  loaded = true;
}

function exports() {
  if (!loaded) throw new Error("customer-update-widget/headless: call `await load()` before using the headless functions");
  return wasm;
}

/** `"(415) 555-0123", "US"` → `{ok: true, value: "+14155550123"}` or `{ok: false, error}`. */
export const normalizePhone = (input, country) => exports().normalizePhone(String(input), country ?? undefined);
/** `{ok: true, value}` with the trimmed address, or `{ok: false, error}`. */
export const checkEmail = (input) => exports().checkEmail(String(input));
/** `("BR", "01310-100")` → `{ok: true, value}` (canonical form) or `{ok: false, error}`. */
export const checkPostalCode = (country, code) => exports().checkPostalCode(String(country), String(code));
/** The proxy's own check of an update body: `{ok: true, errors: []}` or `{ok: false, errors}`. */
export const validate = (provider, body) => exports().validate(String(provider), body);
