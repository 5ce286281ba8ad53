// The customer's GET and the language file, started by the page's JS while the wasm is
// fetched and compiled. The form takes a reply over when it would send the same GET (same
// URL and token: src/transport.rs `Prefetched`); one it does not take is simply dropped.
// Used by `mount()` (mount.js) and by the sandbox demo page.

// As long as the wasm's own requests wait (src/transport.rs).
const TIMEOUT_MS = 20000;
// Languages whose file the proxy serves, by primary subtag (as core's `Lang::parse` reads
// a tag); English is built into the wasm.
const LANGUAGE_FILES = { pt: 'pt-BR', es: 'es' };

function languageFile(element, lang) {
  const tag = lang || element.closest('[lang]')?.getAttribute('lang') || navigator.language || '';
  return LANGUAGE_FILES[tag.trim().split(/[-_]/)[0].toLowerCase()];
}

/** The requests to hand to the wasm's `mount` as `prefetched` (none without a session). */
export function prefetch(element, { provider, endpoint, sessionToken, lang }) {
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
