//! The results as JS sees them (wasm-bindgen-test, in Node): plain objects and arrays that
//! `JSON.stringify` and property access read as the README documents, not serde-wasm-bindgen's
//! defaults (a `Map` for `params`) nor hand-built ones.
#![cfg(target_arch = "wasm32")]

use customer_update_headless::{check_email, check_postal_code, normalize_phone, validate};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("an object")
}

fn json(value: &JsValue) -> String {
    JSON::stringify(value).expect("serialisable").into()
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && Object::get_prototype_of(value) == Object::get_prototype_of(&Object::new())
}

#[wasm_bindgen_test]
fn a_valid_phone_is_ok_with_its_e164_value() {
    let result = normalize_phone("(415) 555-0123", Some("US".into())).unwrap();
    assert!(is_plain_object(&result));
    assert_eq!(json(&result), r#"{"ok":true,"value":"+14155550123"}"#);
}

#[wasm_bindgen_test]
fn a_phone_with_an_extension_is_ok_and_has_a_notice_naming_it() {
    let result = normalize_phone("(415) 555-0123 x12", Some("US".into())).unwrap();
    assert_eq!(get(&result, "ok"), JsValue::TRUE);
    assert_eq!(
        get(&result, "value").as_string().as_deref(),
        Some("+14155550123")
    );
    let notice = get(&result, "notice");
    assert!(is_plain_object(&notice));
    assert_eq!(
        get(&notice, "code").as_string().as_deref(),
        Some("phone.extension_not_stored")
    );
    assert_eq!(
        get(&get(&notice, "params"), "extension")
            .as_string()
            .as_deref(),
        Some("12")
    );
}

#[wasm_bindgen_test]
fn an_error_is_a_plain_object_with_its_params_as_properties() {
    let result = check_postal_code("US", "1234").unwrap();
    assert_eq!(get(&result, "ok"), JsValue::FALSE);
    let error = get(&result, "error");
    assert!(is_plain_object(&error));
    assert_eq!(get(&error, "pointer").as_string().as_deref(), Some(""));
    assert_eq!(
        get(&error, "code").as_string().as_deref(),
        Some("postal_code.invalid")
    );
    let params = get(&error, "params");
    assert!(
        is_plain_object(&params),
        "params is a {params:?}, not a plain object"
    );
    assert_eq!(
        get(&params, "example").as_string().as_deref(),
        Some("95014")
    );
}

#[wasm_bindgen_test]
fn an_error_without_params_has_no_params_key() {
    let result = check_email("ana@").unwrap();
    let error = get(&result, "error");
    assert_eq!(
        get(&error, "code").as_string().as_deref(),
        Some("email.invalid")
    );
    assert!(!Reflect::has(&error, &JsValue::from_str("params")).unwrap());
}

#[wasm_bindgen_test]
fn validate_reads_a_js_object_and_returns_an_array_of_errors() {
    let body = JSON::parse(r#"{"address": {"line1": ""}}"#).unwrap();
    let result = validate("spherepay", body).unwrap();
    assert_eq!(get(&result, "ok"), JsValue::FALSE);
    let errors = get(&result, "errors");
    assert!(Array::is_array(&errors));
    let pointers: Vec<String> = errors
        .unchecked_ref::<Array>()
        .iter()
        .filter_map(|error| get(&error, "pointer").as_string())
        .collect();
    assert!(
        pointers.contains(&"/address/line1".to_owned()),
        "{pointers:?}"
    );
}

#[wasm_bindgen_test]
fn validate_accepts_a_body_the_proxy_would_accept() {
    let body = JSON::parse(r#"{"email": "ana@example.com"}"#).unwrap();
    let result = validate("swipelux", body).unwrap();
    assert_eq!(json(&result), r#"{"ok":true,"errors":[]}"#);
}

#[wasm_bindgen_test]
fn validate_names_a_body_that_is_no_json_data() {
    let body: JsValue = js_sys::Symbol::for_("not data").into();
    let result = validate("swipelux", body).unwrap();
    let errors = get(&result, "errors");
    let first = errors.unchecked_ref::<Array>().get(0);
    assert_eq!(
        get(&first, "code").as_string().as_deref(),
        Some("invalid_type")
    );
}
