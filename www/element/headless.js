// Core's checks for apps with their own UI. Synchronous once `await load()` resolved.
import { loadedExports } from './loader.js';

/** `"(415) 555-0123", "US"` → `{ok: true, value: "+14155550123"}` or `{ok: false, error}`. */
export const normalizePhone = (input, country) => loadedExports().normalizePhone(String(input), country ?? undefined);
/** `{ok: true, value}` with the trimmed address, or `{ok: false, error}`. */
export const checkEmail = (input) => loadedExports().checkEmail(String(input));
/** `("BR", "01310-100")` → `{ok: true, value}` (canonical form) or `{ok: false, error}`. */
export const checkPostalCode = (country, code) => loadedExports().checkPostalCode(String(country), String(code));
/** The proxy's own check of an update body: `{ok: true, value}` or `{ok: false, errors}`. */
export const validate = (provider, body) => loadedExports().validate(String(provider), body);
