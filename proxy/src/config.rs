//! The TOML config of a proxy in front of a real provider. It names environment variables,
//! never secrets: `resolve` reads them and refuses to go on when one is missing.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use crate::client_addr::Cidr;
use crate::session::{self, MIN_SECRET_BYTES, SANDBOX_SESSION_SECRET};
use crate::upstream::auth::{Credentials, SumsubCredentials};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub listen: Option<SocketAddr>,
    /// Env var(s) holding the HS256 secret(s) shared with the embedding app's backend: one
    /// name, or a list whose first secret signs (`mint-session`) and all verify (rotation).
    pub session_secret_env: SecretEnvs,
    /// Longest session a token may claim (`exp - iat`), e.g. `1h` (the default) or `15m`.
    pub max_session_ttl: Option<String>,
    /// Reverse proxies (address blocks) whose `X-Forwarded-For` names the client.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    /// Limits on the connections and requests the proxy accepts.
    #[serde(default)]
    pub inbound: Inbound,
    /// Origins allowed to call the proxy from a browser (CORS). Empty: same origin only.
    #[serde(default)]
    pub cors_origins: Vec<String>,
    /// Pages allowed to frame the pages the proxy serves (CSP frame-ancestors). Empty: 'none'.
    #[serde(default)]
    pub frame_ancestors: Vec<String>,
    /// Folder of the built widget; default `./dist`.
    pub dist_dir: Option<PathBuf>,
    #[serde(default)]
    pub timeouts: Timeouts,
    #[serde(default)]
    pub rate_limit: RateLimit,
    /// Where `GET /metrics` is served (off without it; never on `listen`).
    pub metrics: Option<MetricsConfig>,
    /// Env var holding the key of the audit log's customer hash (default: derived from
    /// the first session secret).
    pub audit_key_env: Option<String>,
    pub upstream: UpstreamConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsConfig {
    /// A separate address for Prometheus, e.g. `127.0.0.1:9464`.
    pub listen: SocketAddr,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeouts {
    pub connect_ms: u64,
    pub total_ms: u64,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect_ms: 3_000,
            total_ms: 15_000,
        }
    }
}

impl Timeouts {
    pub fn connect(&self) -> Duration {
        Duration::from_millis(self.connect_ms)
    }
    pub fn total(&self) -> Duration {
        Duration::from_millis(self.total_ms)
    }
}

/// One env var name, or several (key rotation: the first signs, all verify).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum SecretEnvs {
    One(String),
    Many(Vec<String>),
}

impl SecretEnvs {
    pub fn names(&self) -> &[String] {
        match self {
            SecretEnvs::One(name) => std::slice::from_ref(name),
            SecretEnvs::Many(names) => names,
        }
    }
}

/// What the server accepts from clients before a handler runs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Inbound {
    /// A request's head must have arrived this long after the connection asked for it
    /// (also bounds how long a kept-alive connection waits for its next request).
    pub header_timeout_ms: u64,
    /// Whole request, body and upstream calls included.
    pub request_timeout_ms: u64,
    /// A connection with no bytes in either direction for this long is closed.
    pub idle_timeout_ms: u64,
    /// Open connections at once; more wait in the listen backlog.
    pub max_connections: usize,
}

impl Default for Inbound {
    fn default() -> Self {
        Self {
            header_timeout_ms: 10_000,
            request_timeout_ms: 30_000,
            idle_timeout_ms: 60_000,
            max_connections: 1_024,
        }
    }
}

impl Inbound {
    pub fn header_timeout(&self) -> Duration {
        Duration::from_millis(self.header_timeout_ms.max(1))
    }
    pub fn request_timeout(&self) -> Duration {
        Duration::from_millis(self.request_timeout_ms.max(1))
    }
    pub fn idle_timeout(&self) -> Duration {
        Duration::from_millis(self.idle_timeout_ms.max(1))
    }
}

/// Token buckets: `burst` requests at once, refilled at `per_minute`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimit {
    /// Requests with a valid session, per customer.
    pub per_session_per_minute: u32,
    pub per_session_burst: u32,
    /// Requests without a valid session, per client address (IPv6: per /64).
    pub per_ip_per_minute: u32,
    pub per_ip_burst: u32,
    /// `redis://host:port[/db]`: every instance with the same URL shares its buckets.
    /// Without it (and without `redis_url_env`) the buckets live in this process.
    pub redis_url: Option<String>,
    /// Env var holding the Redis URL instead, when it carries a password.
    pub redis_url_env: Option<String>,
    /// How long a Redis call may take before it counts as unavailable.
    pub redis_timeout_ms: u64,
    /// Redis unavailable: refuse requests (503) instead of letting them through.
    pub fail_closed: bool,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self {
            per_session_per_minute: 60,
            per_session_burst: 20,
            per_ip_per_minute: 600,
            per_ip_burst: 100,
            redis_url: None,
            redis_url_env: None,
            redis_timeout_ms: 250,
            fail_closed: false,
        }
    }
}

impl RateLimit {
    pub fn redis_timeout(&self) -> Duration {
        Duration::from_millis(self.redis_timeout_ms.max(1))
    }

    /// Sandbox mode's limits. Its few demo customers are shared by every page and test
    /// that opens them, and the per-session bucket is keyed by customer, so twenty
    /// requests at once would already be several visitors' worth.
    pub fn sandbox() -> Self {
        Self {
            per_session_per_minute: 600,
            per_session_burst: 200,
            per_ip_per_minute: 6_000,
            per_ip_burst: 1_000,
            ..Self::default()
        }
    }
}

/// The `[upstream]` table: `provider` names the variant, the other keys are its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "provider", rename_all = "lowercase", deny_unknown_fields)]
pub enum UpstreamConfig {
    Spherepay {
        base_url: String,
        api_key_env: String,
    },
    Swipelux {
        base_url: String,
        api_key_env: String,
        sumsub: Option<SumsubConfig>,
    },
    Bvnk {
        base_url: String,
        hawk_id_env: String,
        hawk_key_env: String,
    },
    Polygon {
        base_url: String,
        api_key_env: String,
        api_secret_env: String,
        /// Send the caller's IP address as `ipAddress` on updates.
        #[serde(default)]
        fill_ip_address: bool,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SumsubConfig {
    pub base_url: String,
    pub app_token_env: String,
    pub secret_key_env: String,
    /// Swipelux's client ID at Sumsub (the `forClientId` of the share token).
    pub for_client_id: String,
    #[serde(default = "default_share_ttl")]
    pub ttl_secs: u32,
}

fn default_share_ttl() -> u32 {
    600
}

impl UpstreamConfig {
    /// The base URL, the credentials with their secrets read through `read`, and whether
    /// updates carry the caller's address.
    fn read(&self, read: &mut dyn FnMut(&str) -> String) -> (&str, Credentials, bool) {
        match self {
            UpstreamConfig::Spherepay {
                base_url,
                api_key_env,
            } => {
                let api_key = read(api_key_env);
                (base_url, Credentials::SpherePay { api_key }, false)
            }
            UpstreamConfig::Swipelux {
                base_url,
                api_key_env,
                sumsub,
            } => {
                let api_key = read(api_key_env);
                let sumsub = sumsub.as_ref().map(|s| SumsubCredentials {
                    base_url: s.base_url.clone(),
                    app_token: read(&s.app_token_env),
                    secret_key: read(&s.secret_key_env),
                    for_client_id: s.for_client_id.clone(),
                    ttl_secs: s.ttl_secs,
                });
                (base_url, Credentials::Swipelux { api_key, sumsub }, false)
            }
            UpstreamConfig::Bvnk {
                base_url,
                hawk_id_env,
                hawk_key_env,
            } => {
                let credentials = Credentials::Bvnk {
                    hawk_id: read(hawk_id_env),
                    hawk_key: read(hawk_key_env),
                };
                (base_url, credentials, false)
            }
            UpstreamConfig::Polygon {
                base_url,
                api_key_env,
                api_secret_env,
                fill_ip_address,
            } => {
                let credentials = Credentials::Polygon {
                    api_key: read(api_key_env),
                    api_secret: read(api_secret_env),
                };
                (base_url, credentials, *fill_ip_address)
            }
        }
    }
}

/// One provider the proxy can call, with its secrets read.
#[derive(Debug, Clone)]
pub struct UpstreamSettings {
    pub provider: String,
    pub base_url: String,
    pub credentials: Credentials,
    pub fill_ip_address: bool,
}

/// A config that names what it needs but cannot be served with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    MissingEnv(Vec<String>),
    ShortSecret(String),
    SandboxSecret(String),
    NoSecret,
    BaseUrl { key: &'static str, problem: String },
    MaxSessionTtl(String),
    TrustedProxy(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::MissingEnv(names) => write!(
                f,
                "missing environment variable(s) named in the config: {}. Set them and start again; secrets are read from the environment only",
                names.join(", ")
            ),
            ConfigError::ShortSecret(name) => write!(
                f,
                "the session secret in {name} is shorter than {MIN_SECRET_BYTES} bytes; it must be at least 32 bytes of random data (e.g. `openssl rand -base64 48`)"
            ),
            ConfigError::SandboxSecret(name) => write!(
                f,
                "the session secret in {name} is the sandbox's public secret; anyone could sign sessions with it. Generate a secret of your own"
            ),
            ConfigError::NoSecret => f.write_str("session_secret_env names no variable"),
            ConfigError::BaseUrl { key, problem } => write!(f, "{key}: {problem}"),
            ConfigError::MaxSessionTtl(problem) => write!(f, "max_session_ttl {problem}"),
            ConfigError::TrustedProxy(problem) => write!(f, "trusted_proxies: {problem}"),
        }
    }
}

/// Everything a configured proxy needs, secrets read and every value checked.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The first signs, all verify.
    pub session_secrets: Vec<Vec<u8>>,
    pub max_session_ttl: Duration,
    pub trusted_proxies: Vec<Cidr>,
    pub upstream: UpstreamSettings,
    /// `redis_url` filled from `redis_url_env` when that is how it is given.
    pub rate_limit: RateLimit,
    pub audit_key: Option<Vec<u8>>,
}

/// `https://` anywhere, `http://` to a loopback host only (a provider's sandbox or test
/// double on this machine): provider credentials never travel in the clear.
pub fn check_base_url(key: &'static str, url: &str) -> Result<(), ConfigError> {
    let problem = |problem: String| ConfigError::BaseUrl { key, problem };
    let parsed =
        reqwest::Url::parse(url).map_err(|e| problem(format!("`{url}` is not a URL ({e})")))?;
    let Some(host) = parsed.host_str().filter(|h| !h.is_empty()) else {
        return Err(problem(format!("`{url}` names no host")));
    };
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(problem(format!(
            "`{url}` must start with https:// (plain http:// only to a loopback host)"
        ))),
    }
}

impl Config {
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The session secrets the config names, read through `env` and checked: each at
    /// least 32 bytes and none the sandbox's public one.
    pub fn session_secrets(
        &self,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Vec<Vec<u8>>, ConfigError> {
        let names = self.session_secret_env.names();
        if names.is_empty() {
            return Err(ConfigError::NoSecret);
        }
        let missing: Vec<String> = names
            .iter()
            .filter(|name| env(name).is_none_or(|v| v.is_empty()))
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(ConfigError::MissingEnv(missing));
        }
        let mut secrets = Vec::new();
        for name in names {
            let secret = env(name).unwrap_or_default();
            if secret == SANDBOX_SESSION_SECRET {
                return Err(ConfigError::SandboxSecret(name.clone()));
            }
            if secret.len() < MIN_SECRET_BYTES {
                return Err(ConfigError::ShortSecret(name.clone()));
            }
            secrets.push(secret.into_bytes());
        }
        Ok(secrets)
    }

    pub fn max_session_ttl(&self) -> Result<Duration, ConfigError> {
        match &self.max_session_ttl {
            Some(text) => session::parse_ttl(text).map_err(ConfigError::MaxSessionTtl),
            None => Ok(session::DEFAULT_MAX_TTL),
        }
    }

    /// Reads every secret the config names through `env` (std::env::var in the binary)
    /// and checks every value a proxy cannot safely serve with.
    pub fn resolve(&self, env: &dyn Fn(&str) -> Option<String>) -> Result<Resolved, ConfigError> {
        let mut missing = Vec::new();
        let session_secrets = match self.session_secrets(env) {
            Ok(secrets) => secrets,
            Err(ConfigError::MissingEnv(names)) => {
                missing.extend(names);
                Vec::new()
            }
            Err(other) => return Err(other),
        };
        let mut read = |name: &str| match env(name).filter(|v| !v.is_empty()) {
            Some(value) => value,
            None => {
                missing.push(name.to_owned());
                String::new()
            }
        };
        let (base_url, credentials, fill_ip_address) = self.upstream.read(&mut read);
        let mut rate_limit = self.rate_limit.clone();
        if let Some(name) = &self.rate_limit.redis_url_env {
            rate_limit.redis_url = Some(read(name));
        }
        let audit_key = self
            .audit_key_env
            .as_ref()
            .map(|name| read(name).into_bytes());
        if !missing.is_empty() {
            return Err(ConfigError::MissingEnv(missing));
        }
        check_base_url("upstream.base_url", base_url)?;
        if let Credentials::Swipelux {
            sumsub: Some(sumsub),
            ..
        } = &credentials
        {
            check_base_url("upstream.sumsub.base_url", &sumsub.base_url)?;
        }
        let trusted_proxies = self
            .trusted_proxies
            .iter()
            .map(|text| text.parse::<Cidr>().map_err(ConfigError::TrustedProxy))
            .collect::<Result<_, _>>()?;
        Ok(Resolved {
            session_secrets,
            max_session_ttl: self.max_session_ttl()?,
            trusted_proxies,
            upstream: UpstreamSettings {
                provider: credentials.provider().to_owned(),
                base_url: base_url.trim_end_matches('/').to_owned(),
                credentials,
                fill_ip_address,
            },
            rate_limit,
            audit_key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_https_or_loopback_http() {
        for ok in [
            "https://api.example.com/v1",
            "http://127.0.0.1:9000/x",
            "http://localhost:1",
            "http://[::1]:80",
        ] {
            assert_eq!(check_base_url("k", ok), Ok(()), "{ok}");
        }
        for bad in [
            "http://api.example.com",
            "http://10.0.0.1",
            "file:///etc",
            "ws://127.0.0.1",
        ] {
            assert!(check_base_url("k", bad).is_err(), "{bad}");
        }
    }
}
