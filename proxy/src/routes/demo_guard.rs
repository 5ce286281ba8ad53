//! Who may call `/demo/*`: the sandbox's own demo page. The sandbox signs sessions with a
//! public secret and lets callers set faults, so a page on another site must not reach it
//! through the visitor's browser: not by a cross-site form or `text/plain` POST (which
//! needs no CORS preflight), and not by DNS rebinding (a foreign name resolving to the
//! loopback address, which makes the browser send that name as `Host`).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};

use crate::app::AppState;
use crate::problem::{Kind, Problem};

/// Proof that a request to a demo endpoint came from the demo's own page.
pub struct DemoPage;

impl FromRequestParts<Arc<AppState>> for DemoPage {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        if state.sandbox.is_none() {
            // Outside sandbox mode the endpoints do not exist, whoever asks.
            return Err(Problem::new(
                Kind::SandboxOnly,
                "Demo endpoints exist in sandbox mode only.",
            ));
        }
        let refuse = |why: &str| {
            Problem::new(
                Kind::ForeignPage,
                format!("Demo endpoints answer the demo page only: {why}."),
            )
        };
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !is_own_host(host, state.listen) {
            return Err(refuse("the Host is not the address the sandbox listens on"));
        }
        if let Some(origin) = parts.headers.get(header::ORIGIN) {
            let origin = origin.to_str().unwrap_or("");
            if !is_own_origin(origin, state.listen) {
                return Err(refuse("the request comes from another site"));
            }
        }
        if parts.method != Method::GET && !is_json_or_empty(&parts.headers) {
            return Err(refuse("send the body as application/json"));
        }
        Ok(DemoPage)
    }
}

/// `127.0.0.1:8787` as bound, or `localhost:8787` for a loopback listener; any IP
/// literal with the port for an unspecified one (`0.0.0.0`). Never a DNS name that
/// could have been rebound.
fn is_own_host(host: &str, listen: SocketAddr) -> bool {
    let Some((name, port)) = host.rsplit_once(':') else {
        return false;
    };
    if port.parse::<u16>().ok() != Some(listen.port()) {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    if name.eq_ignore_ascii_case("localhost") {
        return listen.ip().is_loopback();
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip == listen.ip() || listen.ip().is_unspecified(),
        Err(_) => false,
    }
}

/// The demo's own origin, or, when it listens on loopback, a page on another loopback
/// port of this machine (the example hosts forward `/demo/*` to it).
fn is_own_origin(origin: &str, listen: SocketAddr) -> bool {
    let Some(authority) = origin.strip_prefix("http://") else {
        return false;
    };
    if is_own_host(authority, listen) {
        return true;
    }
    let name = authority
        .rsplit_once(':')
        .map_or(authority, |(name, _)| name)
        .trim_start_matches('[')
        .trim_end_matches(']');
    listen.ip().is_loopback()
        && (name.eq_ignore_ascii_case("localhost")
            || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback()))
}

/// `application/json` (any parameters), or no body and no content type at all.
fn is_json_or_empty(headers: &HeaderMap) -> bool {
    match headers.get(header::CONTENT_TYPE) {
        Some(value) => value
            .to_str()
            .ok()
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json")),
        None => {
            let length = headers
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok());
            length.unwrap_or(0) == 0 && !headers.contains_key(header::TRANSFER_ENCODING)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_origins_are_the_listeners_own() {
        let listen: SocketAddr = "127.0.0.1:8787".parse().unwrap();
        assert!(is_own_host("127.0.0.1:8787", listen));
        assert!(is_own_host("localhost:8787", listen));
        assert!(!is_own_host("127.0.0.1:8788", listen));
        assert!(!is_own_host("evil.example:8787", listen));
        assert!(!is_own_host("127.0.0.1", listen));
        assert!(is_own_origin("http://127.0.0.1:8787", listen));
        assert!(is_own_origin("http://localhost:5173", listen));
        assert!(!is_own_origin("https://evil.example", listen));
        assert!(!is_own_origin("null", listen));
        let public: SocketAddr = "192.0.2.1:80".parse().unwrap();
        assert!(!is_own_origin("http://localhost:5173", public));
    }
}
