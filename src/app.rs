//! The widget's root: check the settings, load the customer (and the language file, side
//! by side), then show the form. A load that fails offers a retry; a 401 tells the host
//! (`session-expired`).

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use customer_update_core::providers::{self, CustomerKind, FormState, ProviderSpec, UpdateOp};
use leptos::prelude::*;

use crate::control::Control;
use crate::form::status::status_text;
use crate::form::submit;
use crate::form::CustomerForm;
use crate::host::{self, Event};
use crate::i18n::Messages;
use crate::model::prefill;
use crate::model::state::{Form, Status};
use crate::transport::{Http, HttpRequest, Method, Transport};

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
    /// Why the host's options could not be read, if they could not.
    pub unreadable: Option<String>,
    /// Where the mount handle's `setSessionToken`/`reset`/`validate` land.
    pub control: Control,
}

/// Why there is no form to show (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unloaded {
    /// No session token yet: `setSessionToken` starts the load.
    NoSession,
    Failed,
    SessionExpired,
}

/// Where loading stands, from the two resources together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Load {
    Loading,
    Unloaded(Unloaded),
    Ready,
}

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// The settings problem to show instead of a form, if any.
fn misconfiguration(options: &Options) -> Option<String> {
    let m = &options.messages;
    let problem = if let Some(reason) = &options.unreadable {
        // For the developer who set the page up: serde's words, naming what it expected.
        format!("options: {reason}")
    } else if options.provider.trim().is_empty() {
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

fn get(url: String, session_token: String) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        url,
        session_token,
        body: None,
    }
}

/// The customer's GET, read into the form's state. A 401 tells the host at once.
async fn load_customer(
    http: Http,
    provider: &'static dyn ProviderSpec,
    request: HttpRequest,
    host: StoredValue<web_sys::HtmlElement, LocalStorage>,
) -> Result<FormState, Unloaded> {
    if request.session_token.trim().is_empty() {
        return Err(Unloaded::NoSession);
    }
    let reply = http.send(request).ok_or(Unloaded::Failed)?.await;
    match reply {
        Ok(response) if response.status == 401 => {
            host.try_with_value(|h| host::dispatch(h, &Event::SessionExpired));
            Err(Unloaded::SessionExpired)
        }
        Ok(response) if response.status == 200 => {
            prefill::form_state(provider, &response.body).ok_or(Unloaded::Failed)
        }
        _ => Err(Unloaded::Failed),
    }
}

/// The language file, when the language is not compiled in: sent beside the customer's
/// GET, so showing Portuguese or Spanish costs no extra round trip. A proxy without this
/// language (404) gives English rather than no form.
async fn load_messages(
    http: Http,
    messages: Messages,
    request: HttpRequest,
) -> Result<Messages, ()> {
    if !messages.needs_loading() || request.session_token.trim().is_empty() {
        return Ok(messages);
    }
    match http.send(request).ok_or(())?.await {
        Ok(response) if response.status == 200 => Ok(messages.with_loaded(response.body)),
        Ok(response) if response.status == 404 => Ok(messages),
        _ => Err(()),
    }
}

#[component]
pub fn App(options: Options, host: web_sys::HtmlElement) -> impl IntoView {
    if let Some(problem) = misconfiguration(&options) {
        return view! {
            <div class="cuw-root" part="root">
                <p class="cuw-status cuw-status--problem" part="status" role="status">
                    {problem}
                </p>
            </div>
        }
        .into_any();
    }
    let Some(provider) = providers::by_id(options.provider.trim()) else {
        return ().into_any();
    };
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed) + 1;
    let http = Http::new(options.transport.clone());
    provide_context(http);
    let host = StoredValue::new_local(host);
    let session = RwSignal::new(options.session_token.clone());
    let endpoint = options.endpoint.clone();
    let boot_messages = options.messages.clone();
    let lang = boot_messages.lang();

    let customer = LocalResource::new({
        let endpoint = endpoint.clone();
        move || {
            let request = get(endpoint.clone(), session.get_untracked());
            load_customer(http, provider, request, host)
        }
    });
    let language = LocalResource::new({
        let (endpoint, messages) = (endpoint.clone(), boot_messages.clone());
        move || {
            let url = format!("{endpoint}/messages/{}", lang.tag());
            load_messages(http, messages.clone(), get(url, session.get_untracked()))
        }
    });
    // A memo of the phase alone: the form is built once when both arrive, not again when
    // anything else happens.
    let load = Memo::new(move |_| {
        let customer = customer.with(|c| c.as_ref().map(|c| c.as_ref().err().copied()));
        let language = language.with(|l| l.as_ref().map(Result::is_ok));
        match (customer, language) {
            (Some(Some(why @ (Unloaded::SessionExpired | Unloaded::NoSession))), _) => {
                Load::Unloaded(why)
            }
            (Some(Some(Unloaded::Failed)), _) | (Some(None), Some(false)) => {
                Load::Unloaded(Unloaded::Failed)
            }
            (Some(None), Some(true)) => Load::Ready,
            _ => Load::Loading,
        }
    });
    let reload = move || {
        customer.refetch();
        language.refetch();
    };
    // The form on screen, for the live region and the mount handle's methods.
    let shown = RwSignal::new(None::<Form>);
    embed_hooks(&options.control, load, session, shown, reload);

    let settings = StoredValue::new(FormSettings {
        provider,
        endpoint,
        id_prefix: format!("cuw{instance}"),
        hidden_fields: options.hidden_fields.clone(),
        required_fields: options.required_fields.clone(),
    });
    let text = move |key: &str| boot_messages.text(key);
    let retry_text = text("ui.retry");
    view! {
        <div class="cuw-root" part="root" lang=lang.tag() data-provider=provider.id()>
            <h2 class="cuw-title" part="title">
                {text("ui.title")}
            </h2>
            {move || match load.get() {
                Load::Ready => {
                    let state = customer.get_untracked().and_then(Result::ok);
                    let messages = language.get_untracked().and_then(Result::ok);
                    let (Some(state), Some(messages)) = (state, messages) else {
                        return ().into_any();
                    };
                    let Some(op) = form_op(provider, state.kind, state.op) else {
                        return view! { <RetryLoad text=retry_text.clone() on_retry=reload /> }
                            .into_any();
                    };
                    let settings = settings
                        .get_value()
                        .into_settings(op, session.get_untracked(), messages);
                    view! { <CustomerForm settings state host=host.get_value() shown /> }.into_any()
                }
                Load::Unloaded(Unloaded::Failed) => {
                    view! { <RetryLoad text=retry_text.clone() on_retry=reload /> }.into_any()
                }
                Load::Loading | Load::Unloaded(_) => ().into_any(),
            }}
            // The one polite live region, after the form: next to Save, where the customer is.
            <LiveRegion load shown messages=options.messages.clone() />
        </div>
    }
    .into_any()
}

/// What the form needs from the host's options besides the loaded state.
#[derive(Clone)]
struct FormSettings {
    provider: &'static dyn ProviderSpec,
    endpoint: String,
    id_prefix: String,
    hidden_fields: Vec<String>,
    required_fields: Vec<String>,
}

impl FormSettings {
    fn into_settings(
        self,
        op: &'static UpdateOp,
        session_token: String,
        messages: Messages,
    ) -> crate::model::state::Settings {
        crate::model::state::Settings {
            provider: self.provider,
            op,
            endpoint: self.endpoint,
            session_token,
            messages,
            id_prefix: self.id_prefix,
            hidden_fields: self.hidden_fields,
            required_fields: self.required_fields,
        }
    }
}

/// Offered when the customer could not be loaded.
#[component]
fn RetryLoad(text: String, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button
            type="button"
            class="cuw-button cuw-button--secondary"
            part="retry"
            data-cuw-retry=""
            on:click=move |_| on_retry()
        >
            {text}
        </button>
    }
}

/// The one polite live region: loading, then whatever the form reports.
#[component]
fn LiveRegion(
    load: Memo<Load>,
    shown: RwSignal<Option<Form>>,
    messages: Messages,
) -> impl IntoView {
    let problem = move || match load.get() {
        Load::Ready => shown.get().is_some_and(|form| {
            matches!(
                form.status.get(),
                Status::Failed(_) | Status::SessionExpired | Status::Rejected
            )
        }),
        Load::Unloaded(Unloaded::Failed | Unloaded::SessionExpired) => true,
        Load::Loading | Load::Unloaded(Unloaded::NoSession) => false,
    };
    let text = move || match load.get() {
        Load::Loading | Load::Unloaded(Unloaded::NoSession) => messages.text("ui.loading"),
        Load::Unloaded(Unloaded::Failed) => messages.text("ui.load_failed"),
        Load::Unloaded(Unloaded::SessionExpired) => messages.text("ui.session_expired"),
        Load::Ready => shown
            .get()
            .map(|form| {
                let sending = form.sending.pending().get();
                form.status
                    .with(|status| status_text(form, status, sending))
            })
            .unwrap_or_default(),
    };
    view! {
        <div class="cuw-status" part="status" class:cuw-status--problem=problem role="status" aria-live="polite" data-cuw-status="">
            {text}
        </div>
    }
}

/// What the mount handle's methods do to this instance.
fn embed_hooks(
    control: &Control,
    load: Memo<Load>,
    session: RwSignal<String>,
    shown: RwSignal<Option<Form>>,
    reload: impl Fn() + Copy + 'static,
) {
    control.on_session_token(move |token| {
        session.try_set(token.clone());
        match load.try_get_untracked() {
            Some(Load::Ready) => {
                if let Some(Some(form)) = shown.try_get_untracked() {
                    form.settings.try_update_value(|s| s.session_token = token);
                    if form.status.get_untracked() == Status::SessionExpired {
                        form.status.set(Status::Idle);
                    }
                }
            }
            Some(Load::Unloaded(_)) => reload(),
            Some(Load::Loading) | None => {}
        }
    });
    control.on_reset(move || {
        if let Some(Some(form)) = shown.try_get_untracked() {
            form.reset();
        }
    });
    control.on_validate(move || match shown.try_get_untracked() {
        Some(Some(form)) => submit::validate(form),
        _ => wasm_bindgen::JsValue::NULL,
    });
}
