//! Test helpers: a transport that answers from a script (no server: the real proxy is
//! covered by the Playwright suite), mounting into a fresh element, and DOM events.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use customer_update_widget::i18n::Lang;
use customer_update_widget::transport::{
    HttpRequest, HttpResponse, NetworkError, Reply, Transport,
};
use customer_update_widget::{mount_with, HostOptions, MountHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub type Outcome = Result<HttpResponse, NetworkError>;

/// A reply the test releases when it wants (to look at the busy state meanwhile).
#[derive(Clone, Default)]
pub struct Gate(Rc<RefCell<(Option<Outcome>, Option<Waker>)>>);

impl Gate {
    pub fn open(&self, outcome: Outcome) {
        let waker = {
            let mut inner = self.0.borrow_mut();
            inner.0 = Some(outcome);
            inner.1.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl Future for Gate {
    type Output = Outcome;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Outcome> {
        let mut inner = self.0.borrow_mut();
        match inner.0.take() {
            Some(outcome) => Poll::Ready(outcome),
            None => {
                inner.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

pub enum Scripted {
    Now(Outcome),
    Later(Gate),
}

/// Answers requests in order from a script and records every request it got. State
/// lists (`GET …/states/XX`) and language files (`GET …/messages/pt-BR`) are answered on
/// the side, as the proxy would (from [`STATE_LISTS`] and from core's files), and kept
/// out of the script and of `requests`.
#[derive(Clone, Default)]
pub struct ScriptedTransport {
    pub requests: Rc<RefCell<Vec<HttpRequest>>>,
    pub state_lists_asked: Rc<RefCell<Vec<String>>>,
    pub languages_asked: Rc<RefCell<Vec<String>>>,
    /// When set, what a language-file request gets instead of core's file.
    pub language_reply: Rc<RefCell<Option<Outcome>>>,
    replies: Rc<RefCell<VecDeque<Scripted>>>,
}

/// What the proxy's `/states/{alpha-2}` answers, for the countries the tests use.
pub const STATE_LISTS: &[(&str, &str)] = &[
    ("US", "CA|California|~IL|Illinois|~NY|New York|"),
    ("BR", "RJ|Rio de Janeiro|~SP|São Paulo|"),
];

impl ScriptedTransport {
    pub fn then(&self, reply: Scripted) -> &Self {
        self.replies.borrow_mut().push_back(reply);
        self
    }

    pub fn then_json(&self, status: u16, body: serde_json::Value) -> &Self {
        self.then(Scripted::Now(Ok(HttpResponse {
            status,
            body: body.to_string(),
        })))
    }

    pub fn requests(&self) -> Vec<HttpRequest> {
        self.requests.borrow().clone()
    }

    /// Bodies of the requests after the prefill GET, as JSON.
    pub fn sent_bodies(&self) -> Vec<serde_json::Value> {
        self.requests()
            .iter()
            .filter_map(|r| r.body.as_deref())
            .map(|b| serde_json::from_str(b).expect("the widget sends JSON"))
            .collect()
    }
}

impl Transport for ScriptedTransport {
    fn send(&self, request: HttpRequest) -> Reply {
        if let Some((_, tag)) = request.url.rsplit_once("/messages/") {
            self.languages_asked.borrow_mut().push(tag.to_owned());
            if let Some(outcome) = self.language_reply.borrow().clone() {
                return Box::pin(async move { outcome });
            }
            let lang = Lang::ALL.into_iter().find(|lang| lang.tag() == tag);
            let outcome = Ok(match lang {
                Some(lang) => HttpResponse {
                    status: 200,
                    body: customer_update_core::i18n::served(lang),
                },
                None => HttpResponse {
                    status: 404,
                    body: String::new(),
                },
            });
            return Box::pin(async move { outcome });
        }
        if let Some((_, country)) = request.url.rsplit_once("/states/") {
            self.state_lists_asked.borrow_mut().push(country.to_owned());
            let list = STATE_LISTS
                .iter()
                .find(|(c, _)| *c == country)
                .map(|(_, row)| row.to_string());
            let outcome = Ok(match list {
                Some(body) => HttpResponse { status: 200, body },
                None => HttpResponse {
                    status: 404,
                    body: String::new(),
                },
            });
            return Box::pin(async move { outcome });
        }
        self.requests.borrow_mut().push(request);
        let next = self.replies.borrow_mut().pop_front();
        Box::pin(async move {
            match next {
                Some(Scripted::Now(outcome)) => outcome,
                Some(Scripted::Later(gate)) => gate.await,
                None => Err(NetworkError::Unreachable),
            }
        })
    }
}

pub struct Mounted {
    pub host: web_sys::HtmlElement,
    pub transport: ScriptedTransport,
    pub handle: MountHandle,
}

impl Mounted {
    pub fn query(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        self.host
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
    }

    pub fn get(&self, selector: &str) -> web_sys::HtmlElement {
        self.query(selector).unwrap_or_else(|| {
            panic!(
                "no element matches {selector} in {}",
                self.host.inner_html()
            )
        })
    }

    /// The input (or select) for a field, by its JSON pointer.
    pub fn field(&self, pointer: &str) -> web_sys::HtmlElement {
        self.get(&format!("[name='{pointer}']"))
    }

    pub fn value(&self, pointer: &str) -> String {
        let element = self.field(pointer);
        match element.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(input) => input.value(),
            None => element
                .unchecked_ref::<web_sys::HtmlSelectElement>()
                .value(),
        }
    }

    /// The visible error text under a field (`None` while hidden).
    pub fn error_under(&self, pointer: &str) -> Option<String> {
        let id = self.field(pointer).id();
        let error = self.get(&format!("#{id}-error"));
        (!error.hidden()).then(|| error.text_content().unwrap_or_default())
    }

    pub fn status(&self) -> String {
        self.get("[data-cuw-status]")
            .text_content()
            .unwrap_or_default()
    }

    pub fn summary(&self) -> web_sys::HtmlElement {
        self.get("[data-cuw-summary]")
    }

    pub fn submit_button(&self) -> web_sys::HtmlElement {
        self.get("[data-cuw-submit]")
    }

    /// Types `text` as a person would: the value changes and `input` fires (no blur).
    pub async fn type_into(&self, pointer: &str, text: &str) {
        let input: web_sys::HtmlInputElement = self.field(pointer).dyn_into().expect("an <input>");
        input.focus().ok();
        input.set_value(text);
        fire(&input, "input").await;
    }

    /// Leaves the field (focus moves away, `blur` fires).
    pub async fn leave(&self, pointer: &str) {
        let element = self.field(pointer);
        element.blur().ok();
        fire(&element, "blur").await;
    }

    pub async fn choose(&self, pointer: &str, value: &str) {
        let select: web_sys::HtmlSelectElement =
            self.field(pointer).dyn_into().expect("a <select>");
        choose_in(&select, value).await;
    }

    pub async fn click(&self, selector: &str) {
        self.get(selector).click();
        settle().await;
    }

    pub fn active_element(&self) -> Option<web_sys::Element> {
        web_sys::window()?.document()?.active_element()
    }
}

/// Picks `value` in `select` as a person would: the value changes, then `change` fires.
pub async fn choose_in(select: &web_sys::HtmlSelectElement, value: &str) {
    select.set_value(value);
    fire(select, "change").await;
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.host.remove();
    }
}

pub async fn fire(target: &web_sys::EventTarget, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(name, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
    settle().await;
}

/// Lets Leptos effects and spawned tasks run, and one animation frame pass.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    sleep(20).await;
    leptos::task::tick().await;
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
}

/// Mounts the widget for `provider` with a GET answer, in a fresh element on the page.
pub async fn mount(
    provider: &str,
    get_body: serde_json::Value,
    transport: ScriptedTransport,
) -> Mounted {
    mount_in("en", provider, get_body, transport).await
}

/// [`mount`], showing the language `lang`.
pub async fn mount_in(
    lang: &str,
    provider: &str,
    get_body: serde_json::Value,
    transport: ScriptedTransport,
) -> Mounted {
    let options = HostOptions {
        provider: provider.into(),
        endpoint: "/v1/customer".into(),
        session_token: "session-123".into(),
        lang: lang.into(),
        ..Default::default()
    };
    mount_options(options, get_body, transport).await
}

/// The proxy's GET answer: the provider's body and core's form state for it.
pub fn get_answer(provider: &str, get_body: &serde_json::Value) -> serde_json::Value {
    let spec = customer_update_core::providers::by_id(provider).expect("known provider");
    serde_json::json!({"provider": provider, "customer": get_body, "form": spec.form_state(get_body)})
}

/// [`mount`] with the host's options as given (provider, language, message overrides…).
pub async fn mount_options(
    options: HostOptions,
    get_body: serde_json::Value,
    transport: ScriptedTransport,
) -> Mounted {
    let provider = options.provider.as_str();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    // The prefill GET is the first request, whatever the test scripted for later.
    let answer = get_answer(provider, &get_body);
    transport
        .replies
        .borrow_mut()
        .push_front(Scripted::Now(Ok(HttpResponse {
            status: 200,
            body: answer.to_string(),
        })));
    let handle = mount_with(&host, options, Rc::new(transport.clone()));
    settle().await;
    Mounted {
        host,
        transport,
        handle,
    }
}
