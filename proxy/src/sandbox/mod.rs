//! The embedded sandbox: a real HTTP server playing each provider's documented API (paths,
//! authentication, shapes, rules, error envelopes) with in-memory demo customers. It is
//! the default upstream in sandbox mode and the test double of every upstream test.
//!
//! Each provider lives under its own prefix: `/spherepay`, `/polygon/v0.9`, `/bvnk`,
//! `/swipelux`, and `/sumsub` (Sumsub's share-token API, which Swipelux integrations call).
//! Admin endpoints under `/__sandbox/` set faults and read counters (see `admin`).

mod admin;
mod bvnk;
pub mod demo;
pub mod faults;
mod polygon;
mod spherepay;
mod store;
mod sumsub;
mod swipelux;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tokio::net::TcpListener;

use crate::config::UpstreamSettings;
use crate::upstream::auth::{Credentials, SumsubCredentials};
pub use faults::{Fault, FaultKind};

/// The sandbox's fixed credentials. Public: they only open the in-memory demo customers.
pub mod credentials {
    pub const SPHEREPAY_API_KEY: &str = "sandbox-spherepay-api-key";
    pub const SWIPELUX_API_KEY: &str = "sandbox-swipelux-api-key";
    pub const BVNK_HAWK_ID: &str = "sandbox-bvnk-hawk-id";
    pub const BVNK_HAWK_KEY: &str = "sandbox-bvnk-hawk-key";
    pub const POLYGON_API_KEY: &str = "sandbox-polygon-api-key";
    pub const POLYGON_API_SECRET: &str = "sandbox-polygon-api-secret";
    pub const SUMSUB_APP_TOKEN: &str = "sbx:sandbox-sumsub-app-token";
    pub const SUMSUB_SECRET_KEY: &str = "sandbox-sumsub-secret-key";
    pub const SUMSUB_FOR_CLIENT_ID: &str = "swipelux";
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Lifetime of Polygon bearer tokens (3600 like the real API; tests shorten it).
    pub polygon_token_ttl_secs: u64,
    /// Accepted Hawk/Sumsub timestamp skew.
    pub max_skew_secs: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            polygon_token_ttl_secs: 3600,
            max_skew_secs: 60,
        }
    }
}

pub struct SandboxState {
    pub options: Options,
    pub faults: faults::Faults,
    customers: Mutex<HashMap<(String, String), serde_json::Value>>,
    requests: Mutex<BTreeMap<String, u64>>,
    polygon_tokens: Mutex<HashMap<String, u64>>,
    polygon_token_calls: Mutex<u64>,
    share_tokens: Mutex<HashMap<String, sumsub::ShareToken>>,
    share_token_calls: Mutex<u64>,
    hawk_nonces: Mutex<HashSet<String>>,
}

/// Locks a mutex, recovering from poisoning (the data stays usable for a test double).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl SandboxState {
    pub fn new(options: Options) -> Arc<Self> {
        Arc::new(Self {
            options,
            faults: faults::Faults::default(),
            customers: Mutex::new(demo::customers()),
            requests: Mutex::new(BTreeMap::new()),
            polygon_tokens: Mutex::new(HashMap::new()),
            polygon_token_calls: Mutex::new(0),
            share_tokens: Mutex::new(HashMap::new()),
            share_token_calls: Mutex::new(0),
            hawk_nonces: Mutex::new(HashSet::new()),
        })
    }

    /// Requests each provider prefix received (token and share-token calls included).
    pub fn requests(&self, provider: &str) -> u64 {
        lock(&self.requests).get(provider).copied().unwrap_or(0)
    }

    pub fn total_provider_requests(&self) -> u64 {
        lock(&self.requests).values().sum()
    }

    pub fn polygon_token_calls(&self) -> u64 {
        *lock(&self.polygon_token_calls)
    }

    pub fn share_token_calls(&self) -> u64 {
        *lock(&self.share_token_calls)
    }

    pub fn hawk_nonces_seen(&self) -> usize {
        lock(&self.hawk_nonces).len()
    }

    /// Makes every Polygon bearer issued so far invalid (as if the provider rotated them).
    pub fn revoke_polygon_tokens(&self) {
        lock(&self.polygon_tokens).clear();
    }

    /// The stored record, including what the provider never returns (for tests and admin).
    pub fn customer(&self, provider: &str, id: &str) -> Option<serde_json::Value> {
        lock(&self.customers)
            .get(&(provider.to_owned(), id.to_owned()))
            .cloned()
    }

    pub fn reset_customers(&self) {
        *lock(&self.customers) = demo::customers();
    }

    fn stats(&self) -> serde_json::Value {
        serde_json::json!({
            "requests": *lock(&self.requests),
            "polygonTokenCalls": self.polygon_token_calls(),
            "sumsubShareTokenCalls": self.share_token_calls(),
            "hawkNoncesSeen": self.hawk_nonces_seen(),
            "faultsPending": self.faults.list(),
        })
    }
}

pub fn router(state: Arc<SandboxState>) -> Router {
    let providers = Router::new()
        .nest("/spherepay", spherepay::router())
        .nest("/polygon/v0.9", polygon::router())
        .nest("/bvnk", bvnk::router(state.clone()))
        .nest("/swipelux", swipelux::router())
        .nest("/sumsub", sumsub::router())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            count_and_inject_faults,
        ));
    providers.merge(admin::router()).with_state(state)
}

/// Counts each provider request, then applies a pending fault for that provider, if any.
async fn count_and_inject_faults(
    State(state): State<Arc<SandboxState>>,
    request: Request,
    next: Next,
) -> Response {
    let provider = request
        .uri()
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("")
        .to_owned();
    *lock(&state.requests).entry(provider.clone()).or_insert(0) += 1;
    if let Some(fault) = state
        .faults
        .take(&provider, |kind| kind != FaultKind::StaleShareToken)
    {
        tracing::info!(provider = %provider, kind = ?fault.kind, "sandbox injecting fault");
        if let Some(response) = faults::apply(&fault).await {
            return response;
        }
    }
    next.run(request).await
}

/// A running sandbox.
pub struct Handle {
    pub addr: SocketAddr,
    pub state: Arc<SandboxState>,
    pub task: tokio::task::JoinHandle<()>,
}

impl Handle {
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Settings for calling `provider` in this sandbox with its sandbox credentials.
    pub fn upstream(&self, provider: &str) -> Option<UpstreamSettings> {
        upstream_settings(&self.base_url(), provider)
    }
}

/// Sandbox base URL + credentials for one provider.
pub fn upstream_settings(base: &str, provider: &str) -> Option<UpstreamSettings> {
    use credentials::*;
    let (base_url, credentials) = match provider {
        "spherepay" => (
            format!("{base}/spherepay"),
            Credentials::SpherePay {
                api_key: SPHEREPAY_API_KEY.into(),
            },
        ),
        "swipelux" => (
            format!("{base}/swipelux"),
            Credentials::Swipelux {
                api_key: SWIPELUX_API_KEY.into(),
                sumsub: Some(SumsubCredentials {
                    base_url: format!("{base}/sumsub"),
                    app_token: SUMSUB_APP_TOKEN.into(),
                    secret_key: SUMSUB_SECRET_KEY.into(),
                    for_client_id: SUMSUB_FOR_CLIENT_ID.into(),
                    ttl_secs: 600,
                }),
            },
        ),
        "bvnk" => (
            format!("{base}/bvnk"),
            Credentials::Bvnk {
                hawk_id: BVNK_HAWK_ID.into(),
                hawk_key: BVNK_HAWK_KEY.into(),
            },
        ),
        "polygon" => (
            format!("{base}/polygon/v0.9"),
            Credentials::Polygon {
                api_key: POLYGON_API_KEY.into(),
                api_secret: POLYGON_API_SECRET.into(),
            },
        ),
        _ => return None,
    };
    Some(UpstreamSettings {
        provider: provider.to_owned(),
        base_url,
        credentials,
        fill_ip_address: provider == "polygon",
    })
}

/// Starts the sandbox on `addr` (port 0 for an ephemeral one).
pub async fn start(addr: SocketAddr, options: Options) -> std::io::Result<Handle> {
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let state = SandboxState::new(options);
    let app = router(state.clone());
    let task = tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, app).await {
            tracing::error!(%error, "sandbox server stopped");
        }
    });
    Ok(Handle { addr, state, task })
}
