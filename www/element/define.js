// Registers <customer-update-form> (the package's one module with a side effect).
import { CustomerUpdateForm } from './element.js';

if (!customElements.get('customer-update-form')) customElements.define('customer-update-form', CustomerUpdateForm);

export { CustomerUpdateForm };
