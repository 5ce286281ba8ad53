// The host page's script: a session token from "our backend" (here the sandbox's demo
// endpoint), the element, and its events. `customer-update-widget/` is the npm package's
// folder copied next to this page (served from pkg/ by ../serve.mjs in the tests).
import { load } from './customer-update-widget/index.js';

const params = new URLSearchParams(location.search);
const provider = params.get('provider') ?? 'swipelux';
const form = document.querySelector('customer-update-form');
const log = document.getElementById('events');

// Your backend mints the token for the signed-in customer; the sandbox has a demo endpoint.
async function sessionToken() {
  const response = await fetch('/demo/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ provider, customer: params.get('customer') ?? undefined }),
  });
  if (!response.ok) throw new Error(`session: ${response.status}`);
  return (await response.json()).token;
}

for (const name of ['ready', 'change', 'submit', 'success', 'error', 'session-expired']) {
  form.addEventListener(name, (event) => {
    if (!(event instanceof CustomEvent)) return;
    const item = document.createElement('li');
    item.dataset.event = name;
    item.textContent = `${name} ${JSON.stringify(event.detail)}`;
    log.append(item);
  });
}
// A session that ran out: get a new one; what the customer typed stays.
form.addEventListener('session-expired', async () => form.setSessionToken(await sessionToken()));

document.getElementById('check').addEventListener('click', () => form.validate());
document.getElementById('undo').addEventListener('click', () => form.reset());

form.provider = provider;
for (const name of ['lang', 'theme', 'hidden-fields', 'required-fields']) {
  if (params.has(name)) form.setAttribute(name, params.get(name));
}
form.sessionToken = await sessionToken();
// Registering the tag last: the element starts with every attribute in place.
await import('./customer-update-widget/define.js');
await load();
document.body.dataset.widgetLoaded = 'true';
