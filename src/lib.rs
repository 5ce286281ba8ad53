//! The customer-update widget: a Leptos form compiled to WebAssembly. It renders the
//! provider's profile from core, prefills from the token proxy, validates with core's
//! rules as the customer types, and sends only what changed.

pub mod app;
pub mod control;
pub mod form;
pub mod host;
pub mod i18n;
pub mod model;
pub mod mount;
pub mod transport;

pub use mount::{mount_with, HostOptions, MountHandle};

use wasm_bindgen::prelude::*;

/// Runs when the wasm module is instantiated: mounts on `#customer-update-form` if the
/// page configured one (see [`mount::auto_start`]).
#[wasm_bindgen(start)]
pub fn start() {
    mount::auto_start();
}
