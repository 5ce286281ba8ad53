// Type declarations for customer-update-widget, written by hand and checked by the Vite
// example's `tsc --noEmit` (www/examples/vite). The headless checks: headless.d.ts.

import type { FieldErrorInfo, Provider } from './headless.js';

// Shared with the headless entry, whose types need no DOM.
export type { CheckResult, FieldErrorInfo, Provider, ValidateResult } from './headless.js';

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

/** Loads the form's WebAssembly (once); `mount()` and the element start it themselves. */
export function load(): Promise<unknown>;

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
