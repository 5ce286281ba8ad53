//! How the widget talks HTTP. A trait so the browser tests can script the proxy's answers
//! (the real-proxy path is covered end to end by Playwright); its one real implementation
//! is `gloo_net`'s `fetch`, with a timeout.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use gloo_net::http::Request;
use leptos::prelude::{LocalStorage, StoredValue, WithValue};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Long enough for a slow mobile link, short enough that a dead connection gets a retry.
pub const TIMEOUT_MS: i32 = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Patch,
    Put,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Patch => "PATCH",
            Method::Put => "PUT",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub session_token: String,
    /// JSON text; `None` for GET.
    pub body: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
}

/// Why no HTTP status came back. Both are shown the same way (inputs kept, retry), but
/// the distinction is useful in the `error` event detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkError {
    Unreachable,
    Timeout,
}

pub type Reply = Pin<Box<dyn Future<Output = Result<HttpResponse, NetworkError>>>>;

pub trait Transport {
    fn send(&self, request: HttpRequest) -> Reply;
}

/// The widget's transport as its components reach it (from context): a `Copy` handle.
#[derive(Clone, Copy)]
pub struct Http(StoredValue<Rc<dyn Transport>, LocalStorage>);

impl Http {
    pub fn new(transport: Rc<dyn Transport>) -> Http {
        Http(StoredValue::new_local(transport))
    }

    /// `None` once the widget that owned the transport is gone.
    pub fn send(&self, request: HttpRequest) -> Option<Reply> {
        self.0.try_with_value(|transport| transport.send(request))
    }
}

/// A GET the page's JS started before the wasm was ready (see `www/element/mount.js`):
/// its reply resolves to `{status, body}`, or `{failure: "network" | "timeout"}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Started {
    pub url: String,
    pub session_token: String,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub reply: js_sys::Promise,
}

/// Answers each GET the page already started (same URL and token) with that request's
/// reply, once; everything else goes to `inner`. So the customer's GET and the language
/// file travel while the wasm is fetched and compiled, not after.
pub struct Prefetched {
    inner: Rc<dyn Transport>,
    started: RefCell<Vec<Started>>,
}

impl Prefetched {
    pub fn new(inner: Rc<dyn Transport>, started: Vec<Started>) -> Prefetched {
        Prefetched {
            inner,
            started: RefCell::new(started),
        }
    }

    fn take(&self, request: &HttpRequest) -> Option<Started> {
        let mut started = self.started.borrow_mut();
        let at = started.iter().position(|s| {
            request.method == Method::Get
                && s.url == request.url
                && s.session_token == request.session_token
        })?;
        Some(started.remove(at))
    }
}

impl Transport for Prefetched {
    fn send(&self, request: HttpRequest) -> Reply {
        match self.take(&request) {
            Some(started) => Box::pin(settled(started.reply)),
            None => self.inner.send(request),
        }
    }
}

/// What a started request's promise resolves to.
#[derive(Deserialize)]
struct Settled {
    #[serde(default)]
    status: u16,
    #[serde(default)]
    body: String,
    #[serde(default)]
    failure: Option<String>,
}

async fn settled(reply: js_sys::Promise) -> Result<HttpResponse, NetworkError> {
    let value = JsFuture::from(reply)
        .await
        .map_err(|_| NetworkError::Unreachable)?;
    let settled: Settled =
        serde_wasm_bindgen::from_value(value).map_err(|_| NetworkError::Unreachable)?;
    match settled.failure.as_deref() {
        None => Ok(HttpResponse {
            status: settled.status,
            body: settled.body,
        }),
        Some("timeout") => Err(NetworkError::Timeout),
        Some(_) => Err(NetworkError::Unreachable),
    }
}

/// The browser's transport: `gloo_net`'s `fetch` with `Authorization: Bearer`, aborted
/// after [`TIMEOUT_MS`] or when the reply is dropped (the form that waited for it is gone).
#[derive(Debug, Default, Clone, Copy)]
pub struct GlooTransport;

impl Transport for GlooTransport {
    fn send(&self, request: HttpRequest) -> Reply {
        Box::pin(fetch(request))
    }
}

/// Aborts the request when dropped, and after [`TIMEOUT_MS`] (then `timed_out` is set).
struct Deadline {
    abort: web_sys::AbortController,
    timed_out: Rc<Cell<bool>>,
    timer: Option<i32>,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start() -> Option<Deadline> {
        let window = web_sys::window()?;
        let abort = web_sys::AbortController::new().ok()?;
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = {
            let (abort, timed_out) = (abort.clone(), timed_out.clone());
            Closure::<dyn FnMut()>::new(move || {
                timed_out.set(true);
                abort.abort();
            })
        };
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok();
        Some(Deadline {
            abort,
            timed_out,
            timer,
            _on_timeout: on_timeout,
        })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer) {
            window.clear_timeout_with_handle(timer);
        }
        // A finished request ignores this; one still in flight stops.
        self.abort.abort();
    }
}

async fn fetch(request: HttpRequest) -> Result<HttpResponse, NetworkError> {
    let deadline = Deadline::start().ok_or(NetworkError::Unreachable)?;
    let signal = deadline.abort.signal();
    let builder = match request.method {
        Method::Get => Request::get(&request.url),
        Method::Patch => Request::patch(&request.url),
        Method::Put => Request::put(&request.url),
    }
    .header("Accept", "application/json")
    .header(
        "Authorization",
        &format!("Bearer {}", request.session_token),
    )
    .abort_signal(Some(&signal));
    let built = match request.body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    };
    let lost = |_| {
        if deadline.timed_out.get() {
            NetworkError::Timeout
        } else {
            NetworkError::Unreachable
        }
    };
    let response = built.map_err(lost)?.send().await.map_err(lost)?;
    let body = response.text().await.map_err(lost)?;
    Ok(HttpResponse {
        status: response.status(),
        body,
    })
}
