// `mount(element, options)` for frameworks: renders the form into `element` and returns a
// handle at once (the wasm loads in the background). Events are dispatched on `element`.
import { load } from './loader.js';
import { prefetch } from './prefetch.js';
import { adoptStyles } from './styles.js';

function release(handle) {
  if (!handle) return;
  handle.destroy();
  handle.free();
}

export function mount(element, options = {}) {
  if (!globalThis.HTMLElement) throw new TypeError('mount(element, options) needs a browser: call it on the client, not during server-side rendering');
  if (!(element instanceof HTMLElement)) throw new TypeError('mount(element, options): element must be an HTMLElement');
  let current = { ...options };
  let handle = null;
  let destroyed = false;
  adoptStyles(element);
  let prefetched = prefetch(element, current);
  const start = (wasm) => {
    if (destroyed) return;
    release(handle);
    handle = wasm.mount(element, { ...current, prefetched });
    prefetched = [];
  };
  const ready = load().then(start);
  return {
    /** Resolves once the form is mounted (the customer's data may still be loading). */
    ready,
    /** New options: a new `sessionToken` alone keeps what the customer typed; any other change re-renders. */
    update(next = {}) {
      const tokenOnly = Object.keys(next).every((key) => key === 'sessionToken');
      current = { ...current, ...next };
      if (!handle) return; // still loading: `current` is what will be mounted
      if (tokenOnly) handle.setSessionToken(current.sessionToken ?? '');
      else load().then(start);
    },
    setSessionToken(token) {
      this.update({ sessionToken: token });
    },
    reset() {
      handle?.reset();
    },
    validate() {
      return handle ? handle.validate() : null;
    },
    /** Removes the form and everything it registered; the handle is dead afterwards. */
    destroy() {
      destroyed = true;
      release(handle);
      handle = null;
    },
  };
}
