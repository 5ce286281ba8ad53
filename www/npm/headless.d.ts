// Types of `customer-update-widget/headless` and `customer-update-widget/node`: core's
// checks without the form. No DOM types, so a Node project type-checks them as they are.

/** The providers the widget knows. */
export type Provider = 'spherepay' | 'polygon' | 'bvnk' | 'swipelux';

/** One problem with a value: where (RFC 6901 JSON pointer into the update body), a stable code, an English message. */
export interface FieldErrorInfo {
  pointer: string;
  /** e.g. `required`, `email.invalid`, `phone.too_short`, `postal_code.invalid`. */
  code: string;
  message: string;
  /** Values the message mentions (`min`, `max`, `example`…), for your own translation. */
  params?: Record<string, string>;
}

/** `notice`: the value is accepted but part of what was typed is not kept (a phone's extension: `phone.extension_not_stored`, param `extension`). */
export type CheckResult = { ok: true; value: string; notice?: FieldErrorInfo } | { ok: false; error: FieldErrorInfo };
/** `errors` is empty exactly when `ok` is true. */
export type ValidateResult = { ok: true; errors: [] } | { ok: false; errors: FieldErrorInfo[] };

/** Loads the headless WebAssembly (once): by URL in a browser, from the file in Node. The functions need it to have resolved. */
export function load(): Promise<void>;

/** What a person typed → E.164. `country` (ISO alpha-2) applies to numbers typed without `+`. */
export function normalizePhone(input: string, country?: string | null): CheckResult;
/** An e-mail address by the HTML rules, trimmed. */
export function checkEmail(input: string): CheckResult;
/** A postal code for a country (ISO alpha-2), in canonical form. */
export function checkPostalCode(country: string, code: string): CheckResult;
/** The token proxy's own check of an update body, for any country. */
export function validate(provider: Provider | (string & {}), body: unknown): ValidateResult;
