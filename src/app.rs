//! The widget's root: check the settings, load the customer, then show the form.
//! A load that fails offers a retry; a 401 tells the host (`session-expired`).

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use customer_update_core::providers::{self, CustomerKind, ProviderSpec, UpdateOp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::control::Control;
use crate::form::form_view;
use crate::form::status::status_text;
use crate::form::submit;
use crate::host;
use crate::i18n::Messages;
use crate::model::prefill;
use crate::model::state::{Form, Settings, Status};
use crate::transport::{HttpRequest, Method, Transport};

/// What the host gives the widget.
#[derive(Clone)]
pub struct Options {
    pub provider: String,
    pub endpoint: String,
    pub session_token: String,
    pub messages: Messages,
    pub transport: Rc<dyn Transport>,
    /// Pointers the host hides, and those it wants filled in beyond the provider's rules.
    pub hidden_fields: Vec<String>,
    pub required_fields: Vec<String>,
    /// Where the mount handle's `setSessionToken`/`reset`/`validate` land.
    pub control: Control,
}

#[derive(Clone, Copy)]
enum Load {
    Loading,
    Failed,
    SessionExpired,
    Ready(Form),
}

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// The settings problem to show instead of a form, if any.
fn misconfiguration(options: &Options) -> Option<String> {
    let m = &options.messages;
    let problem = if options.provider.trim().is_empty() {
        m.format1("ui.missing_setting", "name", "provider")
    } else if providers::by_id(options.provider.trim()).is_none() {
        m.format1("ui.unknown_provider", "provider", options.provider.trim())
    } else if options.endpoint.trim().is_empty() {
        m.format1("ui.missing_setting", "name", "endpoint")
    } else {
        return None;
    };
    Some(m.format1("ui.misconfigured", "problem", &problem))
}

/// The request for the language's messages, when they are not here yet: sent beside the
/// customer's GET, so showing Portuguese or Spanish costs no extra round trip.
fn messages_request(options: &Options) -> Option<HttpRequest> {
    options.messages.needs_loading().then(|| HttpRequest {
        method: Method::Get,
        url: format!(
            "{}/messages/{}",
            options.endpoint,
            options.messages.lang().tag()
        ),
        session_token: options.session_token.clone(),
        body: None,
    })
}

/// The update the form submits for this customer: the first operation for its kind.
fn form_op(
    provider: &'static dyn ProviderSpec,
    kind: Option<CustomerKind>,
    op: Option<&str>,
) -> Option<&'static UpdateOp> {
    op.and_then(|id| provider.op(id)).or_else(|| {
        let kind = kind.unwrap_or(CustomerKind::Individual);
        provider
            .operations()
            .iter()
            .find(|op| op.kinds.contains(&kind))
    })
}

pub fn app(options: Options, host_element: web_sys::HtmlElement) -> impl IntoView {
    if let Some(problem) = misconfiguration(&options) {
        return view! { <div class="cuw-root" part="root"><p class="cuw-status cuw-status--problem" part="status" role="status">{problem}</p></div> }.into_any();
    }
    let Some(provider) = providers::by_id(options.provider.trim()) else {
        return ().into_any();
    };
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed) + 1;
    let load = RwSignal::new(Load::Loading);
    let control = options.control.clone();
    let options = StoredValue::new_local(options);
    let host_element = StoredValue::new_local(host_element);
    // The form is built after an await, where no owner is current: build it under this
    // one so unmounting disposes it too.
    let owner = StoredValue::new_local(Owner::current());

    let start_load = move || {
        load.set(Load::Loading);
        if options.with_value(|o| o.session_token.trim().is_empty()) {
            return; // nothing to ask for yet: `setSessionToken` starts the load
        }
        let (request, messages_request, transport) = options.with_value(|o| {
            (
                HttpRequest {
                    method: Method::Get,
                    url: o.endpoint.clone(),
                    session_token: o.session_token.clone(),
                    body: None,
                },
                messages_request(o),
                o.transport.clone(),
            )
        });
        let messages = messages_request.map(|r| transport.send(r));
        let reply = transport.send(request);
        spawn_local(async move {
            let outcome = reply.await;
            let messages = match messages {
                Some(reply) => Some(reply.await),
                None => None,
            };
            if load.try_get_untracked().is_none() {
                return; // unmounted meanwhile
            }
            match messages {
                Some(Ok(response)) if response.status == 200 => {
                    options.update_value(|o| {
                        o.messages = o.messages.clone().with_loaded(response.body);
                    });
                }
                // A proxy without this language: English rather than no form.
                Some(Ok(response)) if response.status == 404 => {}
                Some(_) if matches!(&outcome, Ok(r) if r.status == 200) => {
                    load.set(Load::Failed);
                    return;
                }
                _ => {}
            }
            let state = match outcome {
                Ok(response) if response.status == 401 => {
                    host_element
                        .with_value(|h| host::dispatch(h, host::SESSION_EXPIRED, &JsValue::NULL));
                    load.set(Load::SessionExpired);
                    return;
                }
                Ok(response) if response.status == 200 => {
                    prefill::form_state(provider, &response.body)
                }
                _ => None,
            };
            let Some(state) = state else {
                load.set(Load::Failed);
                return;
            };
            let Some(op) = form_op(provider, state.kind, state.op) else {
                load.set(Load::Failed);
                return;
            };
            let settings = options.with_value(|o| Settings {
                provider,
                op,
                endpoint: o.endpoint.clone(),
                session_token: o.session_token.clone(),
                messages: o.messages.clone(),
                id_prefix: format!("cuw{instance}"),
                hidden_fields: o.hidden_fields.clone(),
                required_fields: o.required_fields.clone(),
            });
            let transport = options.with_value(|o| o.transport.clone());
            let build = move || Form::new(settings, &state, transport, host_element.get_value());
            let form = match owner.get_value() {
                Some(owner) => owner.with(build),
                None => build(),
            };
            load.set(Load::Ready(form));
            host_element.with_value(|h| {
                host::dispatch(
                    h,
                    host::READY,
                    &host::Detail::new().with("provider", provider.id()).into(),
                )
            });
        });
    };
    start_load();
    embed_hooks(&control, load, options, start_load);
    tell_changes(load, host_element);

    let text = move |key: &str| options.with_value(|o| o.messages.text(key));
    let lang = options.with_value(|o| o.messages.lang().tag());
    view! {
        <div class="cuw-root" part="root" lang=lang data-provider=provider.id()>
            <h2 class="cuw-title" part="title">{text("ui.title")}</h2>
            {move || match load.get() {
                Load::Ready(form) => form_view(form).into_any(),
                Load::Failed => view! {
                    <button type="button" class="cuw-button cuw-button--secondary" part="retry" data-cuw-retry="" on:click=move |_| start_load()>
                        {text("ui.retry")}
                    </button>
                }.into_any(),
                Load::Loading | Load::SessionExpired => ().into_any(),
            }}
            // The one polite live region, after the form: next to Save, where the customer is.
            <div class="cuw-status" part="status" class:cuw-status--problem=move || live_problem(load) role="status" aria-live="polite" data-cuw-status="">
                {move || live_text(load, text)}
            </div>
        </div>
    }
    .into_any()
}

/// What the mount handle's methods do to this instance.
fn embed_hooks(
    control: &Control,
    load: RwSignal<Load>,
    options: StoredValue<Options, LocalStorage>,
    start_load: impl Fn() + Copy + 'static,
) {
    control.on_session_token(move |token| {
        let had_none = options
            .try_with_value(|o| o.session_token.trim().is_empty())
            .unwrap_or(false);
        options.try_update_value(|o| o.session_token = token.clone());
        match load.try_get_untracked() {
            Some(Load::Ready(form)) => {
                form.settings.try_update_value(|s| s.session_token = token);
                if form.status.get_untracked() == Status::SessionExpired {
                    form.status.set(Status::Idle);
                }
            }
            Some(Load::SessionExpired | Load::Failed) => start_load(),
            Some(Load::Loading) if had_none => start_load(),
            Some(Load::Loading) | None => {}
        }
    });
    control.on_reset(move || {
        if let Some(Load::Ready(form)) = load.try_get_untracked() {
            form.reset();
        }
    });
    control.on_validate(move || match load.try_get_untracked() {
        Some(Load::Ready(form)) => submit::validate(form),
        _ => JsValue::NULL,
    });
}

/// A `change` event whenever the form turns dirty/clean or valid/invalid.
fn tell_changes(
    load: RwSignal<Load>,
    host_element: StoredValue<web_sys::HtmlElement, LocalStorage>,
) {
    let last = StoredValue::new(None::<(bool, bool)>);
    Effect::new(move |_| {
        let Load::Ready(form) = load.get() else {
            return;
        };
        let now = form
            .check
            .with(|p| (!p.changed.is_empty(), p.errors.is_empty()));
        let before = last.get_value();
        last.set_value(Some(now));
        if before.is_some_and(|before| before != now) {
            let detail: JsValue = host::Detail::new()
                .with("dirty", now.0)
                .with("valid", now.1)
                .into();
            host_element.with_value(|h| host::dispatch(h, host::CHANGE, &detail));
        }
    });
}

/// The one polite live region's text: loading, then whatever the form reports.
fn live_text(load: RwSignal<Load>, text: impl Fn(&str) -> String) -> String {
    match load.get() {
        Load::Loading => text("ui.loading"),
        Load::Failed => text("ui.load_failed"),
        Load::SessionExpired => text("ui.session_expired"),
        Load::Ready(form) => form.status.with(|status| status_text(form, status)),
    }
}

fn live_problem(load: RwSignal<Load>) -> bool {
    match load.get() {
        Load::Loading => false,
        Load::Failed | Load::SessionExpired => true,
        Load::Ready(form) => matches!(
            form.status.get(),
            Status::Failed(_) | Status::SessionExpired | Status::Rejected
        ),
    }
}
