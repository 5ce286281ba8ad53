// The package's main entry: no side effects, and safe to import where there is no DOM
// (server-side rendering). Import './define.js' (the package's
// `customer-update-widget/element` export) to register the <customer-update-form> tag;
// the checks without the form are `customer-update-widget/headless`.
export { load } from './loader.js';
export { mount } from './mount.js';
export { CustomerUpdateForm } from './element.js';
