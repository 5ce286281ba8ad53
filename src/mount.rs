//! Starting the widget: `mount(element, options)` for JS and Rust, and the automatic
//! start on `#customer-update-form` for a page that only adds data attributes.

use std::any::Any;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{app, Options};
use crate::control::Control;
use crate::i18n::{Lang, Messages};
use crate::transport::{FetchTransport, Transport};

/// The element the automatic start looks for.
pub const DEFAULT_ELEMENT_ID: &str = "customer-update-form";

/// A mounted widget; dropping it (or `destroy()`) removes it and its listeners.
#[wasm_bindgen]
pub struct MountHandle {
    mounted: Option<Box<dyn Any>>,
    control: Control,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the form from the page and disposes everything it owned.
    pub fn destroy(&mut self) {
        self.control.clear();
        self.mounted.take();
    }

    /// A fresh session token for the next requests; what the customer typed stays. After
    /// a `session-expired` while loading, loads again.
    #[wasm_bindgen(js_name = setSessionToken)]
    pub fn set_session_token(&self, token: String) {
        self.control.set_session_token(token);
    }

    /// Back to the loaded values, with no errors shown.
    pub fn reset(&self) {
        self.control.reset();
    }

    /// Shows every error as a submit would, without sending. `{valid, dirty, errors}`, or
    /// `null` before the form has loaded.
    pub fn validate(&self) -> JsValue {
        self.control.validate()
    }
}

/// What the host passes, before defaults: everything optional except where noted.
#[derive(Debug, Clone, Default)]
pub struct HostOptions {
    pub provider: String,
    pub endpoint: String,
    pub session_token: String,
    /// BCP 47 tag; empty = from the page (element, document, browser).
    pub lang: String,
    /// Message overrides by catalogue key.
    pub messages: BTreeMap<String, String>,
    /// JSON pointers of fields to leave out (`/address/line2`).
    pub hidden_fields: Vec<String>,
    /// JSON pointers of fields the customer must fill in, beyond the provider's rules.
    pub required_fields: Vec<String>,
}

/// Mounts the form into `element` with a given transport (tests pass their own).
pub fn mount_with(
    element: &web_sys::HtmlElement,
    host: HostOptions,
    transport: Rc<dyn Transport>,
) -> MountHandle {
    let lang = pick_lang(&host.lang, element);
    let control = Control::default();
    let options = Options {
        provider: host.provider,
        endpoint: host.endpoint,
        session_token: host.session_token,
        messages: Messages::new(lang, host.messages),
        transport,
        hidden_fields: host.hidden_fields,
        required_fields: host.required_fields,
        control: control.clone(),
    };
    let target = element.clone();
    let handle = leptos::mount::mount_to(element.clone(), move || app(options, target));
    MountHandle {
        mounted: Some(Box::new(handle)),
        control,
    }
}

/// `mount(element, { provider, endpoint, sessionToken, lang?, messages?, hiddenFields?,
/// requiredFields? })` from JS; the field lists are arrays or space-separated pointers.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: web_sys::HtmlElement, options: JsValue) -> MountHandle {
    let host = HostOptions {
        provider: string_prop(&options, "provider"),
        endpoint: string_prop(&options, "endpoint"),
        session_token: string_prop(&options, "sessionToken"),
        lang: string_prop(&options, "lang"),
        messages: messages_prop(&options),
        hidden_fields: pointers_prop(&options, "hiddenFields"),
        required_fields: pointers_prop(&options, "requiredFields"),
    };
    mount_with(&element, host, Rc::new(FetchTransport))
}

/// Mounts into `#customer-update-form` when the page configured it with
/// `data-provider`, `data-endpoint` and `data-session-token`.
pub fn auto_start() {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(DEFAULT_ELEMENT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let attr = |name: &str| element.get_attribute(name).unwrap_or_default();
    if attr("data-session-token").is_empty() {
        return; // the page will call `mount` itself once it has a session
    }
    let host = HostOptions {
        provider: attr("data-provider"),
        endpoint: attr("data-endpoint"),
        session_token: attr("data-session-token"),
        lang: attr("lang"),
        ..HostOptions::default()
    };
    // Lives as long as the page.
    std::mem::forget(mount_with(&element, host, Rc::new(FetchTransport)));
}

/// The language: given, else the nearest `lang` attribute (element, then document), else
/// the browser's, else English.
fn pick_lang(given: &str, element: &web_sys::HtmlElement) -> Lang {
    let from_page = || {
        let tag = element
            .closest("[lang]")
            .ok()
            .flatten()?
            .get_attribute("lang")?;
        Lang::parse(&tag)
    };
    let from_browser = || {
        web_sys::window()?
            .navigator()
            .language()
            .and_then(|tag| Lang::parse(&tag))
    };
    Lang::parse(given)
        .or_else(from_page)
        .or_else(from_browser)
        .unwrap_or(Lang::En)
}

fn string_prop(object: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// An array of strings, or one string of space-separated pointers.
fn pointers_prop(object: &JsValue, key: &str) -> Vec<String> {
    let Ok(value) = js_sys::Reflect::get(object, &JsValue::from_str(key)) else {
        return Vec::new();
    };
    if let Some(text) = value.as_string() {
        return text.split_whitespace().map(str::to_owned).collect();
    }
    match value.dyn_into::<js_sys::Array>() {
        Ok(list) => list
            .iter()
            .filter_map(|v| v.as_string())
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn messages_prop(object: &JsValue) -> BTreeMap<String, String> {
    crate::model::js::string_members(object, "messages")
}
