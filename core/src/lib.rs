//! Everything the widget (browser) and the token proxy (server) must agree on:
//! field types that parse user input into typed values, the validation rules, and one
//! module per provider with its request/response shapes. No web dependencies; builds
//! natively and for `wasm32-unknown-unknown`.

#![cfg_attr(not(feature = "json"), allow(unused_imports))]

pub mod address;
pub mod country;
pub mod date;
pub mod email;
pub mod error;
pub mod i18n;
pub mod phone;
pub mod providers;
pub mod tax;

pub use error::{Code, FieldError};
/// The JSON Schema library of [`providers::ProviderSpec::update_schema`], so a caller
/// builds its generator with the same version.
#[cfg(feature = "schema")]
pub use schemars;
