// <customer-update-form>: the widget in an open shadow root. Attributes (and the matching
// properties) configure it; events bubble out of the shadow root (composed); methods
// reach the mounted form. Registering the tag is define.js's job, so importing this
// class has no side effect.
import { mount } from './mount.js';
import { styleSheet } from './styles.js';

const OPTIONS = {
  provider: 'provider',
  endpoint: 'endpoint',
  'session-token': 'sessionToken',
  'hidden-fields': 'hiddenFields',
  'required-fields': 'requiredFields',
};
const pointerList = (text) => (text ?? '').split(/\s+/).filter(Boolean);
// Without a DOM (server-side rendering) the class still has to be definable, so that
// importing the package does not throw; it is only ever constructed by a browser.
const Base = globalThis.HTMLElement ?? class {};

export class CustomerUpdateForm extends Base {
  static observedAttributes = [...Object.keys(OPTIONS), 'lang'];

  #mounted = null;
  #messages = undefined;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
  }

  connectedCallback() {
    // Properties set before the tag was defined sit on the instance and would hide the
    // accessors below: move them through the accessors.
    for (const key of [...Object.values(OPTIONS), 'theme', 'messages']) {
      if (Object.prototype.hasOwnProperty.call(this, key)) {
        const value = this[key];
        delete this[key];
        this[key] = value;
      }
    }
    if (!this.#mounted) this.#mount();
  }

  disconnectedCallback() {
    // A move (remove + insert in one task) keeps the form and what was typed in it.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount();
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#mounted) return;
    if (name === 'session-token') this.#mounted.setSessionToken(after ?? '');
    else this.#mounted.update(this.#options());
  }

  /** The language: this element's `lang`, then the nearest ancestor's / the document's, then the browser's. */
  #lang() {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
  }

  #options() {
    const options = { lang: this.#lang(), messages: this.#messages };
    for (const [attribute, key] of Object.entries(OPTIONS)) {
      const value = this.getAttribute(attribute) ?? '';
      options[key] = key.endsWith('Fields') ? pointerList(value) : value;
    }
    return options;
  }

  #mount() {
    const container = document.createElement('div');
    container.setAttribute('part', 'container');
    this.shadowRoot.replaceChildren(container);
    this.#mounted = mount(container, this.#options());
  }

  #unmount() {
    this.#mounted?.destroy();
    this.#mounted = null;
    this.shadowRoot.replaceChildren();
  }

  /** Resolves once the form is mounted. */
  get ready() {
    return this.#mounted?.ready ?? Promise.resolve();
  }

  setSessionToken(token) {
    this.setAttribute('session-token', token ?? '');
  }

  reset() {
    this.#mounted?.reset();
  }

  validate() {
    return this.#mounted?.validate() ?? null;
  }

  get messages() {
    return this.#messages;
  }

  set messages(messages) {
    this.#messages = messages ?? undefined;
    this.#mounted?.update({ messages: this.#messages });
  }
}

// Properties mirroring the attributes (`hiddenFields`/`requiredFields` as arrays).
for (const [attribute, key] of Object.entries(OPTIONS)) {
  const list = key.endsWith('Fields');
  Object.defineProperty(CustomerUpdateForm.prototype, key, {
    get() {
      const value = this.getAttribute(attribute);
      return list ? pointerList(value) : value ?? '';
    },
    set(value) {
      if (value == null) this.removeAttribute(attribute);
      else this.setAttribute(attribute, list && Array.isArray(value) ? value.join(' ') : String(value));
    },
  });
}
for (const key of ['theme']) {
  Object.defineProperty(CustomerUpdateForm.prototype, key, {
    get() { return this.getAttribute(key) ?? ''; },
    set(value) { if (value == null || value === '') this.removeAttribute(key); else this.setAttribute(key, value); },
  });
}
