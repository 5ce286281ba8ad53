//! Headless exports for apps that keep their own UI: core's checks, callable from JS.
//! Each returns a plain object: `{ok: true, value}` or `{ok: false, error: {pointer,
//! code, message, params}}` (`validate`: `{ok: false, errors: [...]}`), with core's
//! stable codes and English messages.

use customer_update_core::{address, email, phone, providers, FieldError};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

fn to_js(value: Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

fn one(result: Result<String, FieldError>) -> JsValue {
    to_js(match result {
        Ok(value) => json!({"ok": true, "value": value}),
        Err(error) => json!({"ok": false, "error": error}),
    })
}

/// What a person typed → E.164 (`"+14155550123"`); `country` (ISO alpha-2) is used for
/// numbers typed without a `+`.
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(input: &str, country: Option<String>) -> JsValue {
    one(phone::normalize(input, country.as_deref().filter(|c| !c.is_empty())))
}

/// An e-mail address by the HTML rules, trimmed.
#[wasm_bindgen(js_name = checkEmail)]
pub fn check_email(input: &str) -> JsValue {
    one(email::check(input))
}

/// A postal code for a country (ISO alpha-2), in its canonical form.
#[wasm_bindgen(js_name = checkPostalCode)]
pub fn check_postal_code(country: &str, code: &str) -> JsValue {
    one(address::check_postal_code(country, code))
}

/// The proxy's check of an update body for `provider`, run in the browser.
#[wasm_bindgen(js_name = validate)]
pub fn validate(provider: &str, body: JsValue) -> JsValue {
    let text = js_sys::JSON::stringify(&body).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let parsed: Value = match serde_json::from_str(&text) {
        Ok(parsed) => parsed,
        Err(_) => {
            let error = FieldError::new(customer_update_core::Code::InvalidType, "The body must be a JSON object.");
            return to_js(json!({"ok": false, "errors": [error]}));
        }
    };
    let errors = providers::validate(provider, &parsed);
    to_js(if errors.is_empty() { json!({"ok": true, "value": parsed}) } else { json!({"ok": false, "errors": errors}) })
}
