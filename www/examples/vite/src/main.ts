// A typed host: the package's declarations type the element, its events and the
// headless functions (checked by `tsc --noEmit` before `vite build`).
import 'customer-update-widget/element';
import type { ErrorDetail } from 'customer-update-widget';
import { load as loadChecks, normalizePhone } from 'customer-update-widget/headless';
import './app.css';

const form = document.querySelector('customer-update-form')!;
const saved = document.getElementById('saved')!;

async function sessionToken(): Promise<string> {
  // Your backend mints this for the signed-in customer; the sandbox has a demo endpoint.
  const response = await fetch('/demo/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ provider: form.provider }),
  });
  return (await response.json()).token;
}

form.addEventListener('success', (event) => {
  const updated: string[] = event.detail.updated;
  saved.textContent = `Saved: ${updated.join(', ')}`;
});
form.addEventListener('error', (event) => {
  const detail: ErrorDetail = event.detail;
  saved.textContent = detail.kind === 'invalid' ? `Fix ${detail.errors.length} field(s)` : `Not saved (${detail.kind})`;
});
form.addEventListener('session-expired', async () => form.setSessionToken(await sessionToken()));

form.setSessionToken(await sessionToken());

await loadChecks();
const phone = normalizePhone('(415) 555-0123', 'US');
document.body.dataset.headlessPhone = phone.ok ? phone.value : phone.error.code;
