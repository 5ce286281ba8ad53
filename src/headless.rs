//! Headless exports for apps that keep their own UI: core's checks, callable from JS.
//! Each returns a plain object: `{ok: true, value}` or `{ok: false, error: {pointer,
//! code, message, params}}` (`validate`: `{ok: false, errors: [...]}`), with core's
//! stable codes and English messages.

use customer_update_core::providers::{self, Leaf, Leaves};
use customer_update_core::{address, email, phone, FieldError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::host::Detail;

fn error_js(error: &FieldError) -> JsValue {
    let params = error
        .params
        .iter()
        .fold(Detail::new(), |params, (key, value)| {
            params.with(key, value.as_str())
        });
    Detail::new()
        .with("pointer", error.pointer.as_str())
        .with("code", error.code.as_str())
        .with("message", error.message.as_str())
        .with("params", params)
        .into()
}

fn one(result: Result<String, FieldError>) -> JsValue {
    match result {
        Ok(value) => Detail::new()
            .with("ok", true)
            .with("value", value.as_str())
            .into(),
        Err(error) => Detail::new()
            .with("ok", false)
            .with("error", error_js(&error))
            .into(),
    }
}

/// What a person typed → E.164 (`"+14155550123"`); `country` (ISO alpha-2) is used for
/// numbers typed without a `+`.
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(input: &str, country: Option<String>) -> JsValue {
    one(phone::normalize(
        input,
        country.as_deref().filter(|c| !c.is_empty()),
    ))
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

/// The proxy's rules for an update body for `provider`, run in the browser. `value` is
/// the canonical body (phones in E.164, countries upper case).
#[wasm_bindgen(js_name = validate)]
pub fn validate(provider: &str, body: JsValue) -> JsValue {
    let is_object = body.is_object() && !js_sys::Array::is_array(&body);
    let result = if is_object {
        let mut leaves = Leaves::new();
        collect(&body, &mut String::new(), &mut leaves, 0);
        providers::check_leaves(provider, None, &leaves, providers::clock_today())
    } else {
        Err(vec![FieldError::new(
            customer_update_core::Code::InvalidType,
            "The body must be a JSON object.",
        )])
    };
    match result {
        Ok(canonical) => {
            let value = js_sys::JSON::parse(&canonical.to_json()).unwrap_or(JsValue::NULL);
            Detail::new().with("ok", true).with("value", value).into()
        }
        Err(errors) => {
            let errors: js_sys::Array = errors.iter().map(error_js).collect();
            Detail::new()
                .with("ok", false)
                .with("errors", errors)
                .into()
        }
    }
}

/// Bodies nest a few levels; deeper is not a body of any provider here.
const MAX_DEPTH: usize = 16;

/// The leaves of a JS value (objects by own enumerable keys, arrays by index).
fn collect(value: &JsValue, pointer: &mut String, leaves: &mut Leaves, depth: usize) {
    let leaf = if let Some(text) = value.as_string() {
        Leaf::Text(text)
    } else if let Some(flag) = value.as_bool() {
        Leaf::Bool(flag)
    } else if value.is_null() || value.is_undefined() {
        Leaf::Null
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        if array.length() == 0 || depth >= MAX_DEPTH {
            Leaf::Other
        } else {
            for (index, item) in array.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&index.to_string());
                collect(&item, pointer, leaves, depth + 1);
                pointer.truncate(len);
            }
            return;
        }
    } else if value.is_object() {
        let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
        if keys.length() == 0 || depth >= MAX_DEPTH {
            Leaf::Other
        } else {
            for key in keys.iter().filter_map(|key| key.as_string()) {
                let child = js_sys::Reflect::get(value, &JsValue::from_str(&key))
                    .unwrap_or(JsValue::UNDEFINED);
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&providers::leaves::escape(&key));
                collect(&child, pointer, leaves, depth + 1);
                pointer.truncate(len);
            }
            return;
        }
    } else {
        Leaf::Other
    };
    if !pointer.is_empty() {
        leaves.set(pointer.clone(), leaf);
    }
}
