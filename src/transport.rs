//! How the widget talks HTTP. A trait so the browser tests can answer requests without a
//! server (the real-proxy path is covered end to end by Playwright), and one `fetch`
//! implementation with a timeout for the page.

use std::future::Future;
use std::pin::Pin;

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

/// `window.fetch` with `Authorization: Bearer` and an abort after [`TIMEOUT_MS`].
#[derive(Debug, Default, Clone, Copy)]
pub struct FetchTransport;

impl Transport for FetchTransport {
    fn send(&self, request: HttpRequest) -> Reply {
        Box::pin(fetch(request))
    }
}

async fn fetch(request: HttpRequest) -> Result<HttpResponse, NetworkError> {
    let window = web_sys::window().ok_or(NetworkError::Unreachable)?;
    let abort = web_sys::AbortController::new().map_err(|_| NetworkError::Unreachable)?;
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_timeout = {
        let abort = abort.clone();
        let timed_out = timed_out.clone();
        Closure::once(move || {
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

    let result = send_with(&window, &request, &abort.signal()).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    drop(on_timeout);
    result.map_err(|()| {
        if timed_out.get() {
            NetworkError::Timeout
        } else {
            NetworkError::Unreachable
        }
    })
}

async fn send_with(
    window: &web_sys::Window,
    request: &HttpRequest,
    signal: &web_sys::AbortSignal,
) -> Result<HttpResponse, ()> {
    let headers = web_sys::Headers::new().map_err(drop)?;
    headers.set("Accept", "application/json").map_err(drop)?;
    headers
        .set(
            "Authorization",
            &format!("Bearer {}", request.session_token),
        )
        .map_err(drop)?;
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_signal(Some(signal));
    if let Some(body) = &request.body {
        headers
            .set("Content-Type", "application/json")
            .map_err(drop)?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let fetch_request =
        web_sys::Request::new_with_str_and_init(&request.url, &init).map_err(drop)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&fetch_request))
        .await
        .map_err(drop)?
        .dyn_into()
        .map_err(drop)?;
    let text = JsFuture::from(response.text().map_err(drop)?)
        .await
        .map_err(drop)?;
    Ok(HttpResponse {
        status: response.status(),
        body: text.as_string().unwrap_or_default(),
    })
}
