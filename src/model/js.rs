//! Reading JSON answers with the browser's own `JSON.parse`: the wasm carries no JSON
//! library. Missing or mistyped members read as absent, never as a panic.

use std::collections::BTreeMap;

use wasm_bindgen::{JsCast, JsValue};

/// `JSON.parse(text)`, `None` when it is not JSON.
pub fn parse(text: &str) -> Option<JsValue> {
    js_sys::JSON::parse(text).ok()
}

/// `object[key]` (`undefined` when absent or when `object` is not an object).
pub fn get(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `object[key]` when it is a string.
pub fn string(object: &JsValue, key: &str) -> Option<String> {
    get(object, key).as_string()
}

/// The items of `object[key]` when it is an array.
pub fn items(object: &JsValue, key: &str) -> Vec<JsValue> {
    get(object, key)
        .dyn_into::<js_sys::Array>()
        .map(|array| array.iter().collect())
        .unwrap_or_default()
}

/// The string members of `object[key]` when it is an object, in key order.
pub fn string_members(object: &JsValue, key: &str) -> BTreeMap<String, String> {
    let mut members = BTreeMap::new();
    let inner = get(object, key);
    if !inner.is_object() {
        return members;
    }
    // Inserted one by one: collecting into a map would bring a stable sort into the wasm.
    for entry in js_sys::Object::entries(inner.unchecked_ref::<js_sys::Object>()).iter() {
        let Ok(entry) = entry.dyn_into::<js_sys::Array>() else {
            continue;
        };
        if let (Some(name), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            members.insert(name, value);
        }
    }
    members
}
