// Loads the widget's WebAssembly once, on first use, for every instance.
// wasm-bindgen's glue finds the .wasm next to itself (new URL(..., import.meta.url)),
// which bundlers such as Vite understand and copy into the build.
import init, * as wasm from './customer_update_widget.js';

let loading = null;

/** Starts loading the widget (idempotent); resolves to the wasm exports. */
export function load() {
  loading ??= init().then(() => wasm);
  return loading;
}
