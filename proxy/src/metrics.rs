//! What the proxy counts, under fixed names, through the `metrics` facade; the Prometheus
//! recorder is installed only when `[metrics] listen` is set, and its text is served on
//! that address alone (see `serve_metrics`), never on the public listener.
//!
//! Labels take values from small fixed sets (route templates, known methods, provider and
//! operation names, outcome classes), so a client cannot grow the number of series.

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;

use axum::http::{header, HeaderValue, Method};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

pub const HTTP_REQUESTS: &str = "cuw_http_requests_total";
pub const HTTP_DURATION: &str = "cuw_http_request_duration_seconds";
pub const UPSTREAM_REQUESTS: &str = "cuw_upstream_requests_total";
pub const UPSTREAM_DURATION: &str = "cuw_upstream_request_duration_seconds";
pub const RATE_LIMITED: &str = "cuw_rate_limited_total";
pub const POLYGON_TOKEN_REFRESHES: &str = "cuw_polygon_token_refreshes_total";
pub const SUMSUB_SHARE_TOKEN_MINTS: &str = "cuw_sumsub_share_token_mints_total";
pub const SUMSUB_SHARE_TOKEN_RETRIES: &str = "cuw_sumsub_share_token_retries_total";
pub const REDIS_ERRORS: &str = "cuw_redis_errors_total";

/// Latency buckets in seconds: loopback calls take well under a millisecond, providers
/// up to the configured timeout.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

static HANDLE: OnceLock<Result<PrometheusHandle, String>> = OnceLock::new();

/// The process's Prometheus recorder, installed on first use (one per process: every
/// proxy started in it reports into the same registry).
pub fn handle() -> Result<PrometheusHandle, String> {
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), BUCKETS)
                .and_then(PrometheusBuilder::install_recorder)
                .map_err(|e| format!("cannot install the metrics recorder: {e}"))
        })
        .clone()
}

/// A method as a label: the ones the proxy answers, `other` for the rest.
pub fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

pub fn request(route: &str, method: &Method, status: u16, elapsed: Duration) {
    let method = method_label(method);
    metrics::counter!(HTTP_REQUESTS, "route" => route.to_owned(), "method" => method, "status" => status.to_string())
        .increment(1);
    metrics::histogram!(HTTP_DURATION, "route" => route.to_owned(), "method" => method)
        .record(elapsed);
}

/// One call to a provider (or its token / Sumsub endpoint). `outcome` is the status class
/// (`2xx`, `4xx`, `5xx`) or the failure (`timeout`, `unreachable`, `too_large`).
pub fn upstream_call(provider: &str, operation: &str, outcome: &'static str, elapsed: Duration) {
    let (provider, operation) = (label(provider), label(operation));
    metrics::counter!(UPSTREAM_REQUESTS, "provider" => provider.clone(), "operation" => operation.clone(), "outcome" => outcome)
        .increment(1);
    metrics::histogram!(UPSTREAM_DURATION, "provider" => provider, "operation" => operation, "outcome" => outcome)
        .record(elapsed);
}

/// Provider and operation names come from the config and core's fixed tables; this only
/// keeps a surprise from turning into a long label.
fn label(text: &str) -> String {
    text.chars().take(32).collect()
}

pub fn status_class(status: u16) -> &'static str {
    match status {
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

/// `limit` is `session` (per customer) or `address` (requests without a valid session).
pub fn rate_limited(limit: &'static str) {
    metrics::counter!(RATE_LIMITED, "limit" => limit).increment(1);
}

/// `trigger`: `expired` (none cached or about to expire) or `refused` (the provider said 401).
pub fn polygon_token_refresh(trigger: &'static str) {
    metrics::counter!(POLYGON_TOKEN_REFRESHES, "trigger" => trigger).increment(1);
}

pub fn share_token_mint() {
    metrics::counter!(SUMSUB_SHARE_TOKEN_MINTS).increment(1);
}

pub fn share_token_retry() {
    metrics::counter!(SUMSUB_SHARE_TOKEN_RETRIES).increment(1);
}

pub fn redis_error() {
    metrics::counter!(REDIS_ERRORS).increment(1);
}

/// A bound metrics listener; `task` serves `GET /metrics` until aborted.
pub struct MetricsServer {
    pub addr: SocketAddr,
    pub task: tokio::task::JoinHandle<()>,
}

/// Serves `GET /metrics` (Prometheus text) on `listen`, and keeps the recorder's
/// histograms drained.
pub async fn serve_metrics(listen: SocketAddr) -> Result<MetricsServer, String> {
    let handle = handle()?;
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| format!("cannot listen for metrics on {listen}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let scrape = handle.clone();
    let router = Router::new().route(
        "/metrics",
        get(move || {
            let text = scrape.render();
            async move {
                (
                    [(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
                    )],
                    text,
                )
                    .into_response()
            }
        }),
    );
    let task = tokio::spawn(async move {
        let upkeep = async {
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
                handle.run_upkeep();
            }
        };
        tokio::select! {
            _ = upkeep => {}
            result = axum::serve(listener, router) => {
                if let Err(error) = result {
                    tracing::warn!(%error, "metrics listener stopped");
                }
            }
        }
    });
    Ok(MetricsServer { addr, task })
}
