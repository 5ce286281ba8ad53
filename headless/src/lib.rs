//! Core's checks for apps that keep their own UI, as a wasm of their own: no form, no
//! Leptos, every country's phone and address rules. The npm package's
//! `customer-update-widget/headless` (browser) and `customer-update-widget/node` entries
//! load it.
//!
//! Each function returns a plain JS object, shaped by serde-wasm-bindgen from
//! [`Checked`] / [`Validated`]: `{ok: true, value}` or `{ok: false, error: {pointer, code,
//! message, params?}}` (`validate`: `{ok, errors}`), with core's stable codes and English
//! messages.

mod results;

pub use results::{Checked, Validated};

use customer_update_core::{address, email, phone, providers, Code, FieldError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Plain objects for structs and maps (an error's `params` too, which serde-wasm-bindgen
/// would otherwise hand over as a JS `Map`).
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(JsError::from)
}

/// What a person typed → E.164 (`"+14155550123"`); `country` (ISO alpha-2) is used for
/// numbers typed without a `+`.
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(input: &str, country: Option<String>) -> Result<JsValue, JsError> {
    let country = country.as_deref().filter(|c| !c.is_empty());
    to_js(&Checked::from(phone::normalize_with_hint(input, country)))
}

/// An e-mail address by the HTML rules, trimmed.
#[wasm_bindgen(js_name = checkEmail)]
pub fn check_email(input: &str) -> Result<JsValue, JsError> {
    to_js(&Checked::from(email::check(input)))
}

/// A postal code for a country (ISO alpha-2), in its canonical form.
#[wasm_bindgen(js_name = checkPostalCode)]
pub fn check_postal_code(country: &str, code: &str) -> Result<JsValue, JsError> {
    to_js(&Checked::from(address::check_postal_code(country, code)))
}

/// The proxy's own check of an update body for `provider` (`spherepay`, `polygon`, `bvnk`,
/// `swipelux`): every problem, each at a JSON pointer into `body`.
#[wasm_bindgen]
pub fn validate(provider: &str, body: JsValue) -> Result<JsValue, JsError> {
    let errors = match serde_wasm_bindgen::from_value::<serde_json::Value>(body) {
        Ok(body) => providers::validate(provider, &body),
        // A function, a symbol, a BigInt…: nothing JSON.stringify would send as it is.
        Err(_) => vec![FieldError::new(
            Code::InvalidType,
            "The body must be JSON data: objects, arrays, strings, numbers, booleans and null.",
        )],
    };
    to_js(&Validated::from(errors))
}
