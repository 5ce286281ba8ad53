//! The proxy's HTTP server: state, routes, and the layers every response goes through
//! (body limit, CORS allow-list, security headers, request log).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{
    header, Extensions, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Version,
};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::audit::AuditKey;
use crate::client_addr::Cidr;
use crate::config::{Inbound, RateLimit, Timeouts, UpstreamSettings};
use crate::problem::{Kind, Problem};
use crate::rate_limit::{Limiter, RedisStore};
use crate::request_id;
use crate::routes;
use crate::sandbox::SandboxState;
use crate::session::SessionKey;
use crate::upstream::Upstream;

/// Largest request body accepted (the widget sends a handful of fields).
pub const BODY_LIMIT: usize = 16 * 1024;

/// Everything needed to run a proxy.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    /// The first signs (`/demo/session`), all verify.
    pub session_secrets: Vec<Vec<u8>>,
    pub max_session_ttl: Duration,
    /// Peers whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<Cidr>,
    pub inbound: Inbound,
    pub upstreams: Vec<UpstreamSettings>,
    pub timeouts: Timeouts,
    pub rate_limit: RateLimit,
    pub cors_origins: Vec<String>,
    pub frame_ancestors: Vec<String>,
    pub dist_dir: PathBuf,
    pub www_dir: Option<PathBuf>,
    /// Where `GET /metrics` is served; `None`: nowhere.
    pub metrics_listen: Option<SocketAddr>,
    /// Key of the audit log's customer hash; `None`: derived from the first session secret.
    pub audit_key: Option<Vec<u8>>,
}

pub struct AppState {
    /// The address the server is bound to (the demo endpoints answer requests for it only).
    pub listen: SocketAddr,
    pub session_key: SessionKey,
    pub upstreams: HashMap<String, Arc<Upstream>>,
    /// Present in sandbox mode only: enables `/demo/*`.
    pub sandbox: Option<Arc<SandboxState>>,
    /// Valid sessions, per customer.
    pub session_limiter: Limiter,
    /// Requests without a valid session, per client address.
    pub ip_limiter: Limiter,
    pub trusted_proxies: Vec<Cidr>,
    pub audit_key: AuditKey,
}

impl AppState {
    pub fn upstream(&self, provider: &str) -> Option<&Arc<Upstream>> {
        self.upstreams.get(provider)
    }
}

/// `frame-ancestors` sources: the configured origins, or `'none'`.
fn content_security_policy(frame_ancestors: &[String]) -> String {
    let ancestors = if frame_ancestors.is_empty() {
        "'none'".to_owned()
    } else {
        frame_ancestors.join(" ")
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors {ancestors}"
    )
}

fn cors(origins: &[String]) -> CorsLayer {
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::PATCH, Method::PUT])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            request_id::HEADER,
        ])
        .expose_headers([header::RETRY_AFTER, request_id::HEADER])
        .max_age(std::time::Duration::from_secs(600))
}

/// One log line per request: method, path, status, time. Never headers, query or bodies.
/// Counted by route template (`static` for files), method and status.
async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let elapsed = started.elapsed();
    tracing::info!(%method, path = %path, status, elapsed_us = elapsed.as_micros() as u64, "request");
    let route = response
        .extensions()
        .get::<RouteLabel>()
        .map_or("static", |label| &label.0);
    crate::metrics::request(route, &method, status, elapsed);
    response
}

/// The route template a response was produced by (`/v1/customer/{*sub_path}`), as a
/// metrics label that stays within the routes the proxy has.
#[derive(Clone)]
struct RouteLabel(Arc<str>);

async fn label_route(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| Arc::<str>::from(path.as_str()));
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(RouteLabel(route));
    }
    response
}

/// The whole request, its body and the provider's answer included, within the limit.
async fn bound_request(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => Problem::new(
            Kind::RequestTimeout,
            "The request took too long. Try again.",
        )
        .into_response(),
    }
}

pub fn build(
    settings: &Settings,
    sandbox: Option<Arc<SandboxState>>,
) -> Result<(Router, Arc<AppState>), String> {
    let mut upstreams = HashMap::new();
    for upstream in &settings.upstreams {
        let client = Upstream::new(
            upstream.clone(),
            settings.timeouts.connect(),
            settings.timeouts.total(),
        )?;
        upstreams.insert(upstream.provider.clone(), Arc::new(client));
    }
    let limits = &settings.rate_limit;
    let (session_limiter, ip_limiter) = match &limits.redis_url {
        Some(url) => {
            let store = RedisStore::new(url, limits.redis_timeout(), limits.fail_closed)?;
            (
                Limiter::shared(
                    store.clone(),
                    "session",
                    limits.per_session_per_minute,
                    limits.per_session_burst,
                ),
                Limiter::shared(
                    store,
                    "address",
                    limits.per_ip_per_minute,
                    limits.per_ip_burst,
                ),
            )
        }
        None => (
            Limiter::in_memory(limits.per_session_per_minute, limits.per_session_burst),
            Limiter::in_memory(limits.per_ip_per_minute, limits.per_ip_burst),
        ),
    };
    let first_secret = settings
        .session_secrets
        .first()
        .map_or(&[][..], Vec::as_slice);
    let state = Arc::new(AppState {
        listen: settings.listen,
        session_key: SessionKey::rotating(&settings.session_secrets, settings.max_session_ttl),
        upstreams,
        sandbox,
        session_limiter,
        ip_limiter,
        trusted_proxies: settings.trusted_proxies.clone(),
        audit_key: AuditKey::new(settings.audit_key.as_deref(), first_secret),
    });

    let mut pages = ServeDir::new(&settings.dist_dir)
        .precompressed_br()
        .precompressed_gzip();
    let static_files: Router = match &settings.www_dir {
        Some(www) if www.is_dir() => {
            Router::new().fallback_service(pages.fallback(ServeDir::new(www)))
        }
        _ => {
            pages = pages.append_index_html_on_directories(true);
            Router::new().fallback_service(pages)
        }
    };

    let csp = HeaderValue::from_str(&content_security_policy(&settings.frame_ancestors))
        .map_err(|_| "frame_ancestors holds characters not allowed in a header".to_owned())?;
    let router = Router::new()
        .merge(routes::customer::router())
        .merge(routes::demo::router())
        .route("/openapi.json", get(routes::openapi::document))
        .route("/healthz", get(|| async { "ok" }))
        .route_layer(middleware::from_fn(label_route))
        .with_state(state.clone())
        .merge(static_files)
        .layer(CompressionLayer::new().compress_when(compress_when))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(cors(&settings.cors_origins))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(middleware::from_fn_with_state(
            settings.inbound.request_timeout(),
            bound_request,
        ))
        .layer(middleware::from_fn(log_request))
        .layer(middleware::from_fn(request_id::layer));
    Ok((router, state))
}

/// Only the release's reference texts are compressed (a language file: 14.3 KB, 4.9 KB as
/// brotli at tower-http's default level). A response carrying the customer's data next
/// to what they typed is left as it is: its compressed size is what BREACH-style attacks
/// read. The widget's own files come precompressed from `dist/`.
fn compress_when(_: StatusCode, _: Version, _: &HeaderMap, extensions: &Extensions) -> bool {
    extensions.get::<routes::ReferenceText>().is_some()
}

/// A running proxy; dropping `shutdown` (or sending on it) stops it gracefully.
pub struct Running {
    pub addr: SocketAddr,
    /// Where `GET /metrics` answers, when `metrics_listen` is set.
    pub metrics_addr: Option<SocketAddr>,
    metrics_task: Option<tokio::task::JoinHandle<()>>,
    pub state: Arc<AppState>,
    pub shutdown: Option<oneshot::Sender<()>>,
    pub task: tokio::task::JoinHandle<()>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and waits for in-flight requests to finish.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        let _ = self.task.await;
        if let Some(metrics) = self.metrics_task.take() {
            metrics.abort();
        }
    }
}

/// Binds and serves until `stop` (or until `until` completes, e.g. SIGTERM).
pub async fn start(
    settings: &Settings,
    sandbox: Option<Arc<SandboxState>>,
    until: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<Running, String> {
    let listener = TcpListener::bind(settings.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let bound = Settings {
        listen: addr,
        ..settings.clone()
    };
    let (router, state) = build(&bound, sandbox)?;
    let metrics = match settings.metrics_listen {
        Some(listen) => Some(crate::metrics::serve_metrics(listen).await?),
        None => None,
    };
    let (shutdown, stopped) = oneshot::channel::<()>();
    let inbound = settings.inbound.clone();
    let task = tokio::spawn(async move {
        let signal = async move {
            tokio::select! {
                _ = stopped => {}
                _ = until => {}
            }
            tracing::info!("shutting down: finishing in-flight requests");
        };
        crate::serve::serve(listener, router, inbound, signal).await;
    });
    Ok(Running {
        addr,
        metrics_addr: metrics.as_ref().map(|m| m.addr),
        metrics_task: metrics.map(|m| m.task),
        state,
        shutdown: Some(shutdown),
        task,
    })
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
}
