//! Everything the widget (browser) and the token proxy (server) must agree on:
//! field types that parse user input into typed values, the validation rules, and one
//! module per provider with its request/response shapes. No web dependencies; builds
//! natively and for `wasm32-unknown-unknown`.

pub mod error;

pub use error::{Code, FieldError};
