//! The embedded sandbox: a real HTTP server playing each provider's documented API (paths,
//! authentication, shapes, rules, error envelopes) with in-memory demo customers. It is
//! the default upstream in sandbox mode and the test double of every upstream test.
//!
//! Each provider module declares its [`Provider`] entry (prefix, routes, the credentials
//! it accepts), listed once in [`PROVIDERS`]; Sumsub's share-token API, which Swipelux
//! integrations call, lives under `/sumsub`. Admin endpoints under `/__sandbox/` set faults
//! and read counters (see `admin`).

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
use customer_update_core::providers;
use tokio::net::TcpListener;

use crate::config::UpstreamSettings;
use crate::upstream::auth::Credentials;
pub use faults::{Fault, FaultKind};

/// The sandbox's fixed credentials, as each provider module declares them. Public: they
/// only open the in-memory demo customers.
pub mod credentials {
    pub use super::bvnk::{HAWK_ID as BVNK_HAWK_ID, HAWK_KEY as BVNK_HAWK_KEY};
    pub use super::polygon::{API_KEY as POLYGON_API_KEY, API_SECRET as POLYGON_API_SECRET};
    pub use super::spherepay::API_KEY as SPHEREPAY_API_KEY;
    pub use super::sumsub::{
        APP_TOKEN as SUMSUB_APP_TOKEN, FOR_CLIENT_ID as SUMSUB_FOR_CLIENT_ID,
        SECRET_KEY as SUMSUB_SECRET_KEY,
    };
    pub use super::swipelux::API_KEY as SWIPELUX_API_KEY;
}

/// One provider the sandbox plays.
pub struct Provider {
    /// core's `ProviderSpec::id`.
    pub id: &'static str,
    /// Where it lives under the sandbox's base URL; the first segment is the id (requests
    /// and faults are keyed by it).
    pub prefix: &'static str,
    router: fn(Arc<SandboxState>) -> Router<Arc<SandboxState>>,
    /// The credentials it accepts, given the sandbox's base URL.
    credentials: fn(&str) -> Credentials,
    /// Whether its updates carry the caller's address, as a deployment would configure it.
    fill_ip_address: bool,
}

/// Every provider the sandbox plays (one for each of core's `providers::all()`).
pub const PROVIDERS: &[Provider] = &[
    spherepay::SANDBOX,
    polygon::SANDBOX,
    bvnk::SANDBOX,
    swipelux::SANDBOX,
];

pub fn provider(id: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|provider| provider.id == id)
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
    let providers = PROVIDERS
        .iter()
        .fold(Router::new(), |router, provider| {
            router.nest(provider.prefix, (provider.router)(state.clone()))
        })
        .nest(sumsub::PREFIX, sumsub::router())
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

    /// Settings for every provider core knows, in core's order.
    pub fn upstreams(&self) -> Vec<UpstreamSettings> {
        providers::ids()
            .into_iter()
            .filter_map(|id| self.upstream(id))
            .collect()
    }
}

/// Sandbox base URL + credentials for one provider.
pub fn upstream_settings(base: &str, provider: &str) -> Option<UpstreamSettings> {
    let provider = self::provider(provider)?;
    Some(UpstreamSettings {
        provider: provider.id.to_owned(),
        base_url: format!("{base}{}", provider.prefix),
        credentials: (provider.credentials)(base),
        fill_ip_address: provider.fill_ip_address,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_plays_every_provider_core_knows_under_its_id() {
        let core = providers::ids();
        let sandbox: Vec<&str> = PROVIDERS.iter().map(|provider| provider.id).collect();
        assert_eq!(sandbox, core);
        for provider in PROVIDERS {
            let first = provider.prefix.trim_start_matches('/').split('/').next();
            assert_eq!(first, Some(provider.id));
            let settings = upstream_settings("http://127.0.0.1:1", provider.id).unwrap();
            assert_eq!(settings.credentials.provider(), provider.id);
        }
    }
}
