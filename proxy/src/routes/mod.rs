pub mod customer;
pub mod demo;
pub mod demo_guard;
pub mod messages;
pub mod openapi;
pub mod session_guard;
pub mod states;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// Marks a response as the release's fixed reference text: the only kind the proxy
/// compresses (see `app::compress_when`).
#[derive(Debug, Clone, Copy)]
pub struct ReferenceText;

/// Reference data for the widget (a state list, a language's messages) as plain text.
/// It changes only with a release, so the browser may keep it for a day.
pub fn reference_text(body: String) -> Response {
    let mut response = body.into_response();
    response.extensions_mut().insert(ReferenceText);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    response
}
