//! Every request's ID: the caller's `X-Request-Id` when it is a sane one (1 to 64 of
//! `A-Z a-z 0-9 - _ .`), a fresh random one otherwise. It goes back in the response
//! header, on every log line of the request (a `request` span), and into problem+json
//! as `instance`.

use std::fmt;
use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use rand::RngCore;
use tracing::Instrument;

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Longest caller ID kept; longer ones are replaced (they would bloat every log line).
pub const MAX_LEN: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(Arc<str>);

tokio::task_local! {
    static CURRENT: RequestId;
}

impl RequestId {
    /// The caller's ID, if it is short and made of safe characters only (it ends up in
    /// logs and headers, so nothing that could forge a log line or a header).
    pub fn parse(text: &str) -> Option<RequestId> {
        let sane = (1..=MAX_LEN).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        sane.then(|| RequestId(text.into()))
    }

    /// 128 random bits as 32 hex digits.
    pub fn generate() -> RequestId {
        let mut bytes = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut bytes);
        RequestId(hex::encode(bytes).into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ID of the request being handled by this task, if any.
    pub fn current() -> Option<RequestId> {
        CURRENT.try_with(Clone::clone).ok()
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The outermost layer: everything below runs with the ID in scope and in the span.
pub async fn layer(request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(&HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(RequestId::parse)
        .unwrap_or_else(RequestId::generate);
    let span = tracing::info_span!("request", request_id = %id);
    let mut response = CURRENT
        .scope(id.clone(), next.run(request))
        .instrument(span)
        .await;
    if let Ok(value) = HeaderValue::from_str(id.as_str()) {
        response.headers_mut().insert(HEADER, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_ids_of_safe_characters_are_kept() {
        assert!(RequestId::parse("req-42_a.b").is_some());
        assert!(RequestId::parse(&"a".repeat(MAX_LEN)).is_some());
        for bad in [
            "",
            "has space",
            "line\nbreak",
            "quote\"",
            "é",
            &"a".repeat(MAX_LEN + 1),
        ] {
            assert!(RequestId::parse(bad).is_none(), "{bad:?}");
        }
        let generated = RequestId::generate();
        assert_eq!(generated.as_str().len(), 32);
        assert_ne!(generated, RequestId::generate());
    }
}
