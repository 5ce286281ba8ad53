// `mount(element, options)` for frameworks: renders the form into `element` and returns a
// handle at once (the wasm loads in the background). Events are dispatched on `element`.
import { load } from './loader.js';
import { adoptStyles } from './styles.js';

// As long as the wasm's own requests wait (src/transport.rs).
const TIMEOUT_MS = 20000;
// Languages whose file the proxy serves, by primary subtag (as core's `Lang::parse` reads
// a tag); English is built into the wasm.
const LANGUAGE_FILES = { pt: 'pt-BR', es: 'es' };

function languageFile(element, lang) {
  const tag = lang || element.closest('[lang]')?.getAttribute('lang') || navigator.language || '';
  return LANGUAGE_FILES[tag.trim().split(/[-_]/)[0].toLowerCase()];
}

// The customer's GET and the language file, started now, while the wasm is fetched and
// compiled. The form takes a reply over when it would send the same GET (same URL and
// token); one it does not take is simply dropped.
function prefetch(element, { provider, endpoint, sessionToken, lang }) {
  if (!provider || !endpoint || !sessionToken) return [];
  const get = (url) => ({
    url,
    sessionToken,
    reply: fetch(url, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${sessionToken}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
      .then(async (response) => ({ status: response.status, body: await response.text() }))
      .catch((error) => ({ failure: error?.name === 'TimeoutError' ? 'timeout' : 'network' })),
  });
  const started = [get(endpoint)];
  const file = languageFile(element, lang);
  if (file) started.push(get(`${endpoint}/messages/${file}`));
  return started;
}

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
