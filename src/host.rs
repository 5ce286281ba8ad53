//! Telling the host page what happened: DOM `CustomEvent`s on the element the widget
//! lives in. They bubble and are `composed`, so they cross the shadow root of the custom
//! element (embedding issue) and reach listeners on the document.

use customer_update_core::FieldError;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;

pub const READY: &str = "ready";
pub const CHANGE: &str = "change";
pub const SUBMIT: &str = "submit";
pub const SUCCESS: &str = "success";
pub const ERROR: &str = "error";
pub const SESSION_EXPIRED: &str = "session-expired";

/// Dispatches `name` on `target` with `detail`, in a microtask: a listener that removes
/// the widget (or calls back into it) then runs after the widget finished its own update.
/// A host that cannot receive events is no reason to break the form, so a failure is ignored.
pub fn dispatch(target: &web_sys::EventTarget, name: &'static str, detail: &JsValue) {
    let (target, detail) = (target.clone(), detail.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = target.dispatch_event(&event);
        }
    });
}

/// Event details are plain JS objects built from JSON, so hosts read them like any JSON.
pub fn detail(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// `[{pointer, code, message}]`: the shape of every error list the widget hands out.
pub fn errors_json(errors: &[FieldError]) -> Value {
    Value::Array(
        errors.iter().map(|e| json!({"pointer": e.pointer, "code": e.code.as_str(), "message": e.message})).collect(),
    )
}
