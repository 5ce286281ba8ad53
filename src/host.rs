//! Telling the host page what happened: DOM `CustomEvent`s on the element the widget
//! lives in. They bubble and are `composed`, so they cross the shadow root of the custom
//! element and reach listeners on the document. Every detail is a Rust value shaped for JS
//! by serde-wasm-bindgen (plain objects and arrays, `null` for nothing), so the shapes
//! below are the contract.

use customer_update_core::FieldError;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// An event for the host, with its detail.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Event<'a> {
    /// The customer's data arrived and the form is shown.
    Ready {
        provider: &'static str,
    },
    /// The form turned dirty/clean or valid/invalid.
    Change {
        dirty: bool,
        valid: bool,
    },
    /// A save started; the pointers of what changed.
    Submit {
        changed: Vec<String>,
    },
    /// Everything was saved; the pointers of what was updated.
    Success {
        updated: Vec<String>,
    },
    Error(Problem<'a>),
    /// Detail `null`: the host should call `setSessionToken` with a fresh token.
    SessionExpired,
}

impl Event<'_> {
    pub fn name(&self) -> &'static str {
        match self {
            Event::Ready { .. } => "ready",
            Event::Change { .. } => "change",
            Event::Submit { .. } => "submit",
            Event::Success { .. } => "success",
            Event::Error(_) => "error",
            Event::SessionExpired => "session-expired",
        }
    }
}

/// Why a save did not happen: the `error` event's detail, told apart by `kind`.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Problem<'a> {
    /// The form's own checks failed; nothing was sent.
    Invalid {
        errors: &'a [FieldError],
    },
    Network,
    Timeout,
    /// The proxy or provider failed (5xx).
    Server {
        status: u16,
    },
    /// The provider refused the update (4xx), with its field errors.
    Rejected {
        status: u16,
        errors: &'a [FieldError],
    },
}

/// What the mount handle's `validate()` returns.
#[derive(Debug, Serialize)]
pub struct Validation<'a> {
    pub valid: bool,
    pub dirty: bool,
    pub errors: &'a [FieldError],
}

/// `value` as JS: maps as plain objects, `None` as `null`, as `JSON.parse` would give it.
/// Nothing the widget serializes can fail to convert; `null` if it ever did.
pub fn to_js(value: &impl Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Dispatches `event` on `target`, in a microtask: a listener that removes the widget (or
/// calls back into it) then runs after the widget finished its own update. A host that
/// cannot receive events is no reason to break the form, so a failure is ignored.
pub fn dispatch(target: &web_sys::EventTarget, event: &Event<'_>) {
    let (target, name, detail) = (target.clone(), event.name(), to_js(event));
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
