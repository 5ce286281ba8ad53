// Type declarations for customer-update-widget, written by hand and checked by the Vite
// example's `tsc --noEmit` (www/examples/vite).

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

/** Options of `mount()`; the element takes the same as attributes. */
export interface MountOptions {
  provider: Provider | (string & {});
  /** The token proxy's customer URL, e.g. `/v1/customer`. */
  endpoint: string;
  /** Short-lived session token minted by your backend (sent as `Authorization: Bearer`). */
  sessionToken: string;
  /** BCP 47 tag: `en`, `pt-BR`, `es` (others fall back to English). Default: the page's `lang`, then the browser's. */
  lang?: string;
  /** Your own wording for any message key (`ui.submit`, `contact.email`, `email.invalid`, `country_name.GB`…). */
  messages?: Record<string, string>;
  /** JSON pointers of fields not to show (and never send), e.g. `['/address/line2']` or `'/address/line2 /phone'`. */
  hiddenFields?: string[] | string;
  /** JSON pointers of fields the customer must fill in, beyond what the provider requires. */
  requiredFields?: string[] | string;
}

/** What `validate()` found. */
export interface ValidationResult {
  valid: boolean;
  /** Whether the customer changed anything. */
  dirty: boolean;
  errors: FieldErrorInfo[];
}

export interface MountHandle {
  /** Resolves once the form is mounted (the customer's data may still be loading). */
  readonly ready: Promise<void>;
  /** A new `sessionToken` alone keeps what was typed; any other change re-renders the form. */
  update(options: Partial<MountOptions>): void;
  setSessionToken(token: string): void;
  /** Back to the loaded values, with no errors shown. */
  reset(): void;
  /** Shows every error as a submit would, without sending; `null` before the form has loaded. */
  validate(): ValidationResult | null;
  /** Removes the form and everything it registered. */
  destroy(): void;
}

/** Renders the form into `element`; its events are dispatched on `element`. */
export function mount(element: HTMLElement, options: MountOptions): MountHandle;

/** Loads the WebAssembly (once). The headless functions need it to have resolved. */
export function load(): Promise<unknown>;

export type CheckResult = { ok: true; value: string } | { ok: false; error: FieldErrorInfo };
export type ValidateResult = { ok: true; value: unknown } | { ok: false; errors: FieldErrorInfo[] };

/** What a person typed → E.164. `country` (ISO alpha-2) applies to numbers typed without `+`. */
export function normalizePhone(input: string, country?: string | null): CheckResult;
/** An e-mail address by the HTML rules, trimmed. */
export function checkEmail(input: string): CheckResult;
/** A postal code for a country (ISO alpha-2), in canonical form. */
export function checkPostalCode(country: string, code: string): CheckResult;
/** The token proxy's own check of an update body, run in the browser. */
export function validate(provider: Provider | (string & {}), body: unknown): ValidateResult;

// ---- events ----------------------------------------------------------------------------
// All are bubbling, composed CustomEvents, dispatched on the element (or mount()'s element).

export interface ReadyDetail { provider: Provider }
export interface ChangeDetail { dirty: boolean; valid: boolean }
export interface SubmitDetail { changed: string[] }
export interface SuccessDetail { updated: string[] }
export type ErrorDetail =
  | { kind: 'invalid'; errors: FieldErrorInfo[] }
  | { kind: 'rejected'; status: number; errors: FieldErrorInfo[] }
  | { kind: 'network' }
  | { kind: 'timeout' }
  | { kind: 'server'; status: number };

export interface CustomerUpdateFormEventMap {
  ready: CustomEvent<ReadyDetail>;
  change: CustomEvent<ChangeDetail>;
  submit: CustomEvent<SubmitDetail>;
  success: CustomEvent<SuccessDetail>;
  error: CustomEvent<ErrorDetail>;
  'session-expired': CustomEvent<null>;
}

export class CustomerUpdateForm extends HTMLElement {
  provider: string;
  endpoint: string;
  sessionToken: string;
  hiddenFields: string[];
  requiredFields: string[];
  /** `dark` or `light`; empty follows `prefers-color-scheme`. */
  theme: string;
  /** Message overrides by key (a property only: objects do not fit in attributes). */
  messages: Record<string, string> | undefined;
  readonly ready: Promise<void>;
  setSessionToken(token: string): void;
  reset(): void;
  validate(): ValidationResult | null;

  addEventListener<K extends keyof CustomerUpdateFormEventMap>(
    type: K,
    listener: (this: CustomerUpdateForm, event: CustomerUpdateFormEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: CustomerUpdateForm, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CustomerUpdateFormEventMap>(
    type: K,
    listener: (this: CustomerUpdateForm, event: CustomerUpdateFormEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-update-form': CustomerUpdateForm;
  }
  // The widget's own event names, typed on every element (they bubble to the document).
  // `change`, `submit` and `error` already exist there with DOM types, so those three are
  // typed on CustomerUpdateForm's addEventListener instead.
  interface HTMLElementEventMap {
    ready: CustomEvent<ReadyDetail>;
    success: CustomEvent<SuccessDetail>;
    'session-expired': CustomEvent<null>;
  }
}
