// Loads the widget (no inline script: the page runs under a strict CSP) and lets the
// visitor switch between the sandbox's demo customers. Trunk puts the hashed file names
// of the wasm-bindgen module and the wasm on this script's data attributes.
// Nothing waits for the wasm that need not: the demo's own requests, and then the
// customer's GET and language file (prefetch.js, as `mount()` from the npm package does),
// travel while the wasm is fetched and compiled.
import { prefetch } from './prefetch.js';

const me = document.querySelector('script[data-widget-js]');
const widget = import(me.dataset.widgetJs).then(async (glue) => {
  await glue.default({ module_or_path: me.dataset.widgetWasm });
  return glue;
});

const picker = document.getElementById('demo-customer');
const note = document.getElementById('demo-note');
const host = document.getElementById('customer-update-form');
let mounted = null;

async function json(response) {
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.json();
}

async function open(provider, customer) {
  note.textContent = '';
  const session = await json(await fetch('/demo/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ provider, customer }),
  }));
  const sessionToken = session.token ?? session.sessionToken;
  // ?lang=pt-BR or ?lang=es shows the form in that language (default: the page's).
  const lang = new URLSearchParams(location.search).get('lang') ?? undefined;
  const options = { provider, endpoint: host.dataset.endpoint, sessionToken, lang };
  const prefetched = prefetch(host, options);
  const { mount } = await widget;
  if (mounted) mounted.destroy();
  host.dataset.provider = provider;
  mounted = mount(host, { ...options, prefetched });
}

host.addEventListener('session-expired', () => {
  note.textContent = 'The demo session expired: pick the customer again for a new one.';
});

picker.addEventListener('change', () => {
  const [provider, customer] = picker.value.split('|');
  open(provider, customer).catch((error) => { note.textContent = `Could not start a demo session: ${error.message}`; });
});

try {
  const customers = await json(await fetch('/demo/customers'));
  const list = Array.isArray(customers) ? customers : customers.customers ?? [];
  picker.replaceChildren(...list.map((c) => new Option(`${c.provider}: ${c.label}`, `${c.provider}|${c.id}`)));
  // ?provider=bvnk (first demo customer of it) or ?customer=<id> picks where to start.
  const query = new URLSearchParams(location.search);
  const first = list.find((c) => c.id === query.get('customer'))
    ?? list.find((c) => c.provider === query.get('provider'))
    ?? list[0];
  if (first) {
    picker.value = `${first.provider}|${first.id}`;
    picker.disabled = false;
    await open(first.provider, first.id);
  }
} catch (error) {
  note.textContent = `The sandbox is not reachable (${error.message}). Start it with scripts/demo.sh.`;
}
