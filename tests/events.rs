//! What the host page receives: event details and mount options cross the wasm↔JS
//! boundary through serde-wasm-bindgen, as plain JS objects and arrays.

mod support;

use serde_json::json;
use support::{mount, settle, ScriptedTransport};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn swipelux_customer() -> serde_json::Value {
    json!({
        "id": "cus_8f3e2a1b9c7d4e60", "firstName": "João", "lastName": "Pereira",
        "email": "joao@example.com", "phone": "+5511912345678", "status": "approved",
        "metadata": {}, "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-01T00:00:00Z"
    })
}

/// The details of every `name` event that reaches the document while `during` runs.
async fn details_of(name: &str, during: impl std::future::Future<Output = ()>) -> Vec<JsValue> {
    let heard = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let listener = {
        let heard = heard.clone();
        Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            heard.borrow_mut().push(event.detail());
        })
    };
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    during.await;
    settle().await;
    document
        .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    let details = heard.borrow().clone();
    details
}

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        js_sys::Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

#[wasm_bindgen_test]
async fn a_rejection_detail_is_plain_js_down_to_each_errors_params() {
    let transport = ScriptedTransport::default();
    transport.then_json(
        422,
        json!({"type": "about:blank", "title": "Validation failed", "status": 422,
               "errors": [{"pointer": "/email", "code": "email.invalid", "message": "Email is invalid",
                           "params": {"example": "name@example.com"}}]}),
    );
    let form = mount("swipelux", swipelux_customer(), transport).await;
    form.type_into("/email", "joao@exampel.com").await;
    let details = details_of("error", form.click("[data-cuw-submit]")).await;

    let [detail] = details.as_slice() else {
        panic!("one error event, got {details:?}");
    };
    assert_eq!(
        get(detail, &["kind"]).as_string().as_deref(),
        Some("rejected")
    );
    assert_eq!(get(detail, &["status"]).as_f64(), Some(422.0));
    let errors = get(detail, &["errors"]);
    assert!(js_sys::Array::is_array(&errors), "errors is an array");
    let params = get(&errors, &["0", "params"]);
    // A Rust map reaches JS as a plain object (not a `Map`), as JSON would have it.
    assert_eq!(
        js_sys::Object::get_prototype_of(&params),
        js_sys::Object::get_prototype_of(&js_sys::Object::new()),
        "params is a plain object: {params:?}"
    );
    assert_eq!(
        get(&params, &["example"]).as_string().as_deref(),
        Some("name@example.com")
    );
    assert_eq!(
        get(&errors, &["0", "pointer"]).as_string().as_deref(),
        Some("/email")
    );
}

#[wasm_bindgen_test]
async fn a_change_detail_says_dirty_and_valid_as_booleans() {
    let form = mount(
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    let details = details_of("change", form.type_into("/lastName", "Silva")).await;
    let [detail] = details.as_slice() else {
        panic!("one change event, got {details:?}");
    };
    assert_eq!(get(detail, &["dirty"]).as_bool(), Some(true));
    assert_eq!(get(detail, &["valid"]).as_bool(), Some(true));
}

fn element() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
async fn mount_options_are_read_from_js_and_unreadable_ones_say_why() {
    let host = element();
    let _handle = customer_update_widget::mount::mount_js(
        host.clone(),
        options(
            r#"{"provider": "acme", "endpoint": "/v1/customer", "sessionToken": null, "hiddenFields": "/a /b"}"#,
        ),
    );
    settle().await;
    let text = host.text_content().unwrap_or_default();
    assert!(
        text.contains("acme"),
        "the provider option was read: {text}"
    );
    host.remove();

    let host = element();
    let _handle = customer_update_widget::mount::mount_js(
        host.clone(),
        options(
            r#"{"provider": "swipelux", "endpoint": "/v1/customer", "messages": {"ui.title": 3}}"#,
        ),
    );
    settle().await;
    let text = host.text_content().unwrap_or_default();
    assert!(
        text.contains("options: invalid type"),
        "says what could not be read: {text}"
    );
    host.remove();
}
