// The package's main entry: no side effects. Import './define.js' (the package's
// `customer-update-widget/element` export) to register the <customer-update-form> tag.
export { load } from './loader.js';
export { mount } from './mount.js';
export { CustomerUpdateForm } from './element.js';
export { normalizePhone, checkEmail, checkPostalCode, validate } from './headless.js';
