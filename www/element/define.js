// Registers <customer-update-form> (the package's one module with a side effect). Where
// there is no DOM (server-side rendering in Node) it registers nothing and does not throw.
import { CustomerUpdateForm } from './element.js';

if (globalThis.customElements && !customElements.get('customer-update-form')) {
  customElements.define('customer-update-form', CustomerUpdateForm);
}

export { CustomerUpdateForm };
