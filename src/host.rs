//! Telling the host page what happened: DOM `CustomEvent`s on the element the widget
//! lives in. They bubble and are `composed`, so they cross the shadow root of the custom
//! element (embedding issue) and reach listeners on the document.

use wasm_bindgen::JsValue;

pub const SESSION_EXPIRED: &str = "session-expired";

/// Dispatches `name` on `target` with `detail`; a host that cannot receive events is no
/// reason to break the form, so a failure is ignored.
pub fn dispatch(target: &web_sys::EventTarget, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
