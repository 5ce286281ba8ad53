// Loads the WebAssembly once, on first use, for every instance and every export.
// wasm-bindgen's glue finds the .wasm next to itself (new URL(..., import.meta.url)),
// which bundlers such as Vite understand and copy into the build.
import init, * as wasm from './customer_update_widget.js';

let loading = null;
let loaded = null;

/** Starts loading the widget (idempotent); resolves to the wasm exports. */
export function load() {
  loading ??= init().then(() => {
    loaded = wasm;
    return wasm;
  });
  return loading;
}

/** The wasm exports, or a clear error when `await load()` has not finished yet. */
export function loadedExports() {
  if (!loaded) throw new Error('customer-update-widget: call `await load()` before using the headless functions');
  return loaded;
}
