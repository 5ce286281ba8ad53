//! Each provider's credentials and how a request is signed with them.

use std::fmt;

use customer_update_core::providers::{bvnk, polygon, spherepay, swipelux, ProviderSpec};
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

use crate::hawk;

#[derive(Clone)]
pub enum Credentials {
    SpherePay {
        api_key: String,
    },
    Swipelux {
        api_key: String,
        sumsub: Option<SumsubCredentials>,
    },
    Bvnk {
        hawk_id: String,
        hawk_key: String,
    },
    Polygon {
        api_key: String,
        api_secret: String,
    },
}

impl Credentials {
    /// The provider these credentials are for (core's `ProviderSpec::id`).
    pub fn provider(&self) -> &'static str {
        match self {
            Credentials::SpherePay { .. } => spherepay::SpherePay.id(),
            Credentials::Swipelux { .. } => swipelux::Swipelux.id(),
            Credentials::Bvnk { .. } => bvnk::Bvnk.id(),
            Credentials::Polygon { .. } => polygon::Polygon.id(),
        }
    }
}

#[derive(Clone)]
pub struct SumsubCredentials {
    pub base_url: String,
    pub app_token: String,
    pub secret_key: String,
    pub for_client_id: String,
    pub ttl_secs: u32,
}

// Secrets never reach a log line, even through `{:?}`.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Credentials::SpherePay { .. } => "SpherePay",
            Credentials::Swipelux {
                sumsub: Some(_), ..
            } => "Swipelux+Sumsub",
            Credentials::Swipelux { .. } => "Swipelux",
            Credentials::Bvnk { .. } => "BvnkHawk",
            Credentials::Polygon { .. } => "PolygonToken",
        };
        write!(f, "Credentials::{name}(<redacted>)")
    }
}

impl fmt::Debug for SumsubCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SumsubCredentials(<redacted>)")
    }
}

pub fn header_value(text: &str) -> Option<HeaderValue> {
    let mut value = HeaderValue::from_str(text).ok()?;
    value.set_sensitive(true);
    Some(value)
}

/// Headers for the static schemes; Polygon's bearer comes from the token cache.
pub fn static_headers(credentials: &Credentials, headers: &mut HeaderMap) {
    match credentials {
        Credentials::SpherePay { api_key } => {
            if let Some(value) = header_value(&format!("Bearer {api_key}")) {
                headers.insert(AUTHORIZATION, value);
            }
        }
        Credentials::Swipelux { api_key, .. } => {
            if let Some(value) = header_value(api_key) {
                headers.insert("x-api-key", value);
            }
        }
        Credentials::Bvnk { .. } | Credentials::Polygon { .. } => {}
    }
}

/// A Hawk `Authorization` header for one request to `url` with this body.
pub fn hawk_header(
    id: &str,
    key: &str,
    method: &str,
    url: &reqwest::Url,
    body: Option<&[u8]>,
) -> Option<HeaderValue> {
    let host = url.host_str()?;
    let port = url.port_or_known_default()?;
    let resource = match url.query() {
        Some(query) => format!("{}?{}", url.path(), query),
        None => url.path().to_owned(),
    };
    let hash = body
        .map(|b| hawk::payload_hash("application/json", b))
        .unwrap_or_default();
    let nonce = hawk::nonce();
    let artifacts = hawk::Artifacts {
        ts: crate::session::now_secs(),
        nonce: &nonce,
        method,
        resource: &resource,
        host,
        port,
        hash: &hash,
        ext: "",
    };
    header_value(&hawk::header(id, key.as_bytes(), &artifacts))
}
