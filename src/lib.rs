//! The customer-update widget: a Leptos form compiled to WebAssembly.
