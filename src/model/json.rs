//! Reading the proxy's JSON answers: the browser's own `JSON.parse`, then serde-wasm-bindgen
//! into the `#[derive(Deserialize)]` shape the caller expects. The wasm carries no JSON
//! parser of its own.

use serde::de::DeserializeOwned;

/// `text` as a `T`, `None` when it is not JSON or not shaped like a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}
