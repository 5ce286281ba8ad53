// `import 'customer-update-widget/element'` registers <customer-update-form>.
export { CustomerUpdateForm } from './index.js';
