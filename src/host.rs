//! Telling the host page what happened: DOM `CustomEvent`s on the element the widget
//! lives in. They bubble and are `composed`, so they cross the shadow root of the custom
//! element (embedding issue) and reach listeners on the document.

use customer_update_core::FieldError;
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

/// An event detail: a plain JS object, built field by field (the wasm has no JSON library).
pub struct Detail(js_sys::Object);

impl Detail {
    pub fn new() -> Self {
        Detail(js_sys::Object::new())
    }

    pub fn with(self, key: &str, value: impl Into<JsValue>) -> Self {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }
}

impl Default for Detail {
    fn default() -> Self {
        Detail::new()
    }
}

impl From<Detail> for JsValue {
    fn from(detail: Detail) -> JsValue {
        detail.0.into()
    }
}

/// A JS array of strings.
pub fn strings(items: impl IntoIterator<Item = String>) -> JsValue {
    items
        .into_iter()
        .map(|item| JsValue::from_str(&item))
        .collect::<js_sys::Array>()
        .into()
}

/// `[{pointer, code, message}]`: the shape of every error list the widget hands out.
pub fn errors_js(errors: &[FieldError]) -> JsValue {
    errors
        .iter()
        .map(|e| -> JsValue {
            Detail::new()
                .with("pointer", e.pointer.as_str())
                .with("code", e.code.as_str())
                .with("message", e.message.as_str())
                .into()
        })
        .collect::<js_sys::Array>()
        .into()
}
