//! One provider's HTTP client: adds its authentication, bounds every call with the
//! configured timeouts, and turns transport failures into `Failure`s with a fixed status.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::auth::{self, Credentials, SumsubCredentials};
use super::polygon_token::{parse_token_response, Token, TokenCache};
use crate::config::UpstreamSettings;
use crate::metrics;
use crate::problem::{Kind, Problem};
use crate::sumsub;

/// What the provider answered.
#[derive(Debug)]
pub struct UpstreamResponse {
    pub status: StatusCode,
    pub retry_after: Option<HeaderValue>,
    pub body: Bytes,
}

/// A call that produced no usable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Timeout,
    Unreachable,
    /// The proxy's own credentials were refused (token endpoint, Sumsub).
    Auth,
    Malformed,
    /// The answer is larger than [`MAX_BODY`]; the rest was not read.
    TooLarge,
}

/// Largest answer body read from a provider (its records are a few KiB).
pub const MAX_BODY: usize = 1024 * 1024;

/// The body of `response`, refused as soon as it is known to exceed [`MAX_BODY`]: from
/// its Content-Length before reading, or while reading a body without one. Dropping the
/// response closes the connection, so the rest is never read.
pub async fn read_bounded(mut response: reqwest::Response) -> Result<Bytes, Failure> {
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY as u64)
    {
        return Err(Failure::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(&e))? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(Failure::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(body))
}

impl Failure {
    pub fn problem(self) -> Problem {
        match self {
            Failure::Timeout => Problem::new(
                Kind::UpstreamTimeout,
                "The provider did not answer in time. Try again.",
            ),
            Failure::Unreachable => Problem::new(
                Kind::UpstreamUnreachable,
                "The provider could not be reached. Try again.",
            ),
            Failure::Auth => Problem::new(
                Kind::UpstreamAuth,
                "The proxy's provider credentials were refused.",
            ),
            Failure::Malformed => Problem::new(
                Kind::UpstreamMalformed,
                "The provider's answer could not be read.",
            ),
            Failure::TooLarge => Problem::new(
                Kind::UpstreamMalformed,
                "The provider's answer is larger than the proxy accepts.",
            ),
        }
    }
}

impl Failure {
    /// The failure as the `outcome` label of the upstream metrics.
    pub fn label(self) -> &'static str {
        match self {
            Failure::Timeout => "timeout",
            Failure::Unreachable => "unreachable",
            Failure::Auth => "auth_refused",
            Failure::Malformed => "malformed",
            Failure::TooLarge => "too_large",
        }
    }
}

fn classify(error: &reqwest::Error) -> Failure {
    if error.is_timeout() {
        Failure::Timeout
    } else {
        Failure::Unreachable
    }
}

pub struct Upstream {
    pub settings: UpstreamSettings,
    client: reqwest::Client,
    polygon: TokenCache,
}

/// Installs the TLS crypto backend once per process (reqwest is built without a default one).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

impl Upstream {
    pub fn new(
        settings: UpstreamSettings,
        connect_timeout: Duration,
        total_timeout: Duration,
    ) -> Result<Self, String> {
        install_crypto_provider();
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .timeout(total_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Self {
            settings,
            client,
            polygon: TokenCache::default(),
        })
    }

    pub fn provider(&self) -> &str {
        &self.settings.provider
    }

    /// Sends `method path` (appended to the base URL) with an optional JSON body, with this
    /// provider's authentication. Polygon: a refused bearer is refreshed once and the call
    /// repeated once. `operation` (`get`, or the update's op ID) labels the metrics.
    pub async fn send(
        &self,
        operation: &str,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<UpstreamResponse, Failure> {
        let body = body.map(|b| Bytes::from(b.to_string()));
        if let Credentials::Polygon { .. } = self.settings.credentials {
            let token = self.polygon_token("expired").await?;
            let response = self
                .send_once(operation, &method, path, body.clone(), Some(&token))
                .await?;
            if response.status != StatusCode::UNAUTHORIZED {
                return Ok(response);
            }
            tracing::info!(
                provider = %self.provider(),
                "bearer refused; refreshing once and retrying once"
            );
            self.polygon.invalidate(&token).await;
            let token = self.polygon_token("refused").await?;
            return self
                .send_once(operation, &method, path, body, Some(&token))
                .await;
        }
        self.send_once(operation, &method, path, body, None).await
    }

    async fn send_once(
        &self,
        operation: &str,
        method: &Method,
        path: &str,
        body: Option<Bytes>,
        bearer: Option<&Token>,
    ) -> Result<UpstreamResponse, Failure> {
        let url = reqwest::Url::parse(&format!("{}{}", self.settings.base_url, path))
            .map_err(|_| Failure::Unreachable)?;
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        auth::static_headers(&self.settings.credentials, &mut headers);
        if let Some(token) = bearer {
            if let Some(value) = auth::header_value(&format!("Bearer {}", token.value)) {
                headers.insert(AUTHORIZATION, value);
            }
        }
        if let Credentials::Bvnk { hawk_id, hawk_key } = &self.settings.credentials {
            if let Some(value) =
                auth::hawk_header(hawk_id, hawk_key, method.as_str(), &url, body.as_deref())
            {
                headers.insert(AUTHORIZATION, value);
            }
        }
        let mut request = self.client.request(method.clone(), url).headers(headers);
        if let Some(body) = body {
            request = request.header(CONTENT_TYPE, "application/json").body(body);
        }
        let started = std::time::Instant::now();
        let provider = &self.settings.provider;
        let counted =
            |outcome| metrics::upstream_call(provider, operation, outcome, started.elapsed());
        let response = request
            .send()
            .await
            .map_err(|e| classify(&e))
            .inspect_err(|failure| counted(failure.label()))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .cloned();
        let body = read_bounded(response).await.inspect_err(|failure| {
            counted(failure.label());
            if *failure == Failure::TooLarge {
                tracing::warn!(provider = %self.settings.provider, "provider answer over 1 MiB refused");
            }
        })?;
        counted(metrics::status_class(status.as_u16()));
        tracing::debug!(provider = %self.settings.provider, %method, status = status.as_u16(), elapsed_ms = started.elapsed().as_millis() as u64, "upstream call");
        Ok(UpstreamResponse {
            status,
            retry_after,
            body,
        })
    }

    /// The cached bearer, or a new one; `trigger` (`expired`, `refused`) labels the metric.
    async fn polygon_token(&self, trigger: &'static str) -> Result<Token, Failure> {
        let Credentials::Polygon {
            api_key,
            api_secret,
        } = &self.settings.credentials
        else {
            return Err(Failure::Auth);
        };
        self.polygon
            .get(|| async {
                metrics::polygon_token_refresh(trigger);
                let url = format!("{}/auth/token", self.settings.base_url);
                let body = serde_json::json!({"apiKey": api_key, "apiSecret": api_secret});
                let started = std::time::Instant::now();
                let counted = |outcome| {
                    metrics::upstream_call(self.provider(), "token", outcome, started.elapsed())
                };
                let response = self
                    .client
                    .post(url)
                    .json_body(&body)
                    .send()
                    .await
                    .map_err(|e| classify(&e))
                    .inspect_err(|failure| counted(failure.label()))?;
                let status = response.status();
                let bytes = read_bounded(response)
                    .await
                    .inspect_err(|failure| counted(failure.label()))?;
                counted(metrics::status_class(status.as_u16()));
                if !status.is_success() {
                    tracing::warn!(
                        provider = %self.provider(),
                        status = status.as_u16(),
                        "token call refused"
                    );
                    return Err(if status.is_server_error() {
                        Failure::Unreachable
                    } else {
                        Failure::Auth
                    });
                }
                tracing::info!(provider = %self.provider(), "fetched a new bearer token");
                parse_token_response(&bytes).ok_or(Failure::Malformed)
            })
            .await
    }

    /// A fresh Sumsub share token for `applicant`, when this is Swipelux with Sumsub
    /// credentials (`Ok(None)` otherwise).
    pub async fn share_token(&self, applicant: &str) -> Result<Option<String>, Failure> {
        match &self.settings.credentials {
            Credentials::Swipelux {
                sumsub: Some(sumsub),
                ..
            } => self.mint_share_token(sumsub, applicant).await.map(Some),
            _ => Ok(None),
        }
    }

    async fn mint_share_token(
        &self,
        sumsub: &SumsubCredentials,
        applicant: &str,
    ) -> Result<String, Failure> {
        metrics::share_token_mint();
        let body = serde_json::json!({
            "applicantId": applicant,
            "forClientId": sumsub.for_client_id,
            "ttlInSecs": sumsub.ttl_secs,
        })
        .to_string();
        let url = reqwest::Url::parse(&format!(
            "{}{}",
            sumsub.base_url.trim_end_matches('/'),
            sumsub::SHARE_TOKEN_PATH
        ))
        .map_err(|_| Failure::Unreachable)?;
        let ts = crate::session::now_secs();
        let signature = sumsub::signature(
            sumsub.secret_key.as_bytes(),
            ts,
            "POST",
            url.path(),
            body.as_bytes(),
        );
        let mut headers = HeaderMap::new();
        if let Some(value) = auth::header_value(&sumsub.app_token) {
            headers.insert(sumsub::HEADER_TOKEN, value);
        }
        headers.insert(sumsub::HEADER_TS, HeaderValue::from(ts));
        if let Some(value) = auth::header_value(&signature) {
            headers.insert(sumsub::HEADER_SIG, value);
        }
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let started = std::time::Instant::now();
        let counted =
            |outcome| metrics::upstream_call("sumsub", "share_token", outcome, started.elapsed());
        let response = self
            .client
            .post(url)
            .headers(headers)
            .body(body)
            .send()
            .await
            .map_err(|e| classify(&e))
            .inspect_err(|failure| counted(failure.label()))?;
        let status = response.status();
        let bytes = read_bounded(response)
            .await
            .inspect_err(|failure| counted(failure.label()))?;
        counted(metrics::status_class(status.as_u16()));
        if !status.is_success() {
            tracing::warn!(
                provider = "sumsub",
                status = status.as_u16(),
                "share token call refused"
            );
            return Err(if status.is_server_error() {
                Failure::Unreachable
            } else {
                Failure::Auth
            });
        }
        let parsed: Value = serde_json::from_slice(&bytes).map_err(|_| Failure::Malformed)?;
        parsed
            .get("token")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or(Failure::Malformed)
    }
}

/// reqwest's `json` feature is off (it would pull serde_urlencoded etc.); this is all we need.
trait JsonBody {
    fn json_body(self, body: &Value) -> Self;
}

impl JsonBody for reqwest::RequestBuilder {
    fn json_body(self, body: &Value) -> Self {
        self.header(CONTENT_TYPE, "application/json")
            .body(body.to_string())
    }
}
