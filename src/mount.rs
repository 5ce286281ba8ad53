//! Starting the widget: `mount(element, options)` for JS and Rust, and the automatic
//! start on `#customer-update-form` for a page that only adds data attributes.

use std::any::Any;
use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{App, Options};
use crate::control::Control;
use crate::i18n::{Lang, Messages};
use crate::transport::{GlooTransport, Prefetched, Started, Transport};

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
    /// Why the host's options object could not be read (shown instead of a form).
    pub unreadable: Option<String>,
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
        unreadable: host.unreadable,
        control: control.clone(),
    };
    let target = element.clone();
    let handle = leptos::mount::mount_to(
        element.clone(),
        move || view! { <App options host=target /> },
    );
    MountHandle {
        mounted: Some(Box::new(handle)),
        control,
    }
}

/// `mount(element, options)`'s options as JS passes them, read by serde-wasm-bindgen.
/// Everything is optional (`null` and `undefined` read as absent); the field lists are
/// arrays or space-separated pointers.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    provider: Option<String>,
    endpoint: Option<String>,
    session_token: Option<String>,
    lang: Option<String>,
    messages: Option<BTreeMap<String, String>>,
    hidden_fields: Pointers,
    required_fields: Pointers,
    /// GETs the page's JS already started for this mount.
    prefetched: Vec<Started>,
}

impl JsOptions {
    fn into_host(self) -> (HostOptions, Vec<Started>) {
        let js = self;
        let host = HostOptions {
            provider: js.provider.unwrap_or_default(),
            endpoint: js.endpoint.unwrap_or_default(),
            session_token: js.session_token.unwrap_or_default(),
            lang: js.lang.unwrap_or_default(),
            messages: js.messages.unwrap_or_default(),
            hidden_fields: js.hidden_fields.0,
            required_fields: js.required_fields.0,
            unreadable: None,
        };
        (host, js.prefetched)
    }
}

/// JSON pointers, from an array of strings or one string of space-separated pointers.
#[derive(Default)]
struct Pointers(Vec<String>);

impl<'de> Deserialize<'de> for Pointers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Pointers;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of JSON pointers or a space-separated string of them")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Pointers, E> {
                Ok(Pointers(
                    text.split_whitespace().map(str::to_owned).collect(),
                ))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Pointers, E> {
                Ok(Pointers::default())
            }

            fn visit_none<E: de::Error>(self) -> Result<Pointers, E> {
                Ok(Pointers::default())
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut items: A) -> Result<Pointers, A::Error> {
                let mut pointers = Vec::new();
                while let Some(item) = items.next_element::<String>()? {
                    let item = item.trim();
                    if !item.is_empty() {
                        pointers.push(item.to_owned());
                    }
                }
                Ok(Pointers(pointers))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// `mount(element, { provider, endpoint, sessionToken, lang?, messages?, hiddenFields?,
/// requiredFields?, prefetched? })` from JS. Options it cannot read show as a settings problem in the
/// form's place, saying why.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: web_sys::HtmlElement, options: JsValue) -> MountHandle {
    let (host, started) = match serde_wasm_bindgen::from_value::<JsOptions>(options) {
        Ok(js) => js.into_host(),
        Err(error) => {
            let host = HostOptions {
                // serde's message, without the JS `Error: ` it comes wrapped in.
                unreadable: Some(error.to_string().trim_start_matches("Error: ").to_owned()),
                ..HostOptions::default()
            };
            (host, Vec::new())
        }
    };
    let transport: Rc<dyn Transport> = if started.is_empty() {
        Rc::new(GlooTransport)
    } else {
        Rc::new(Prefetched::new(Rc::new(GlooTransport), started))
    };
    mount_with(&element, host, transport)
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
    std::mem::forget(mount_with(&element, host, Rc::new(GlooTransport)));
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
