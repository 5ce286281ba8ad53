//! The TOML config of a proxy in front of a real provider. It names environment variables,
//! never secrets: `resolve` reads them and refuses to go on when one is missing.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use crate::upstream::auth::{Credentials, SumsubCredentials};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub listen: Option<SocketAddr>,
    /// Env var holding the HS256 secret shared with the embedding app's backend.
    pub session_secret_env: String,
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
    pub upstream: UpstreamConfig,
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

/// Token buckets: `burst` requests at once, refilled at `per_minute`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    pub per_session_per_minute: u32,
    pub per_session_burst: u32,
    pub per_ip_per_minute: u32,
    pub per_ip_burst: u32,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self {
            per_session_per_minute: 60,
            per_session_burst: 20,
            per_ip_per_minute: 600,
            per_ip_burst: 100,
        }
    }
}

impl RateLimit {
    /// Sandbox mode's limits. Its few demo customers are shared by every page and test
    /// that opens them, and the per-session bucket is keyed by customer, so twenty
    /// requests at once would already be several visitors' worth.
    pub fn sandbox() -> Self {
        Self {
            per_session_per_minute: 600,
            per_session_burst: 200,
            per_ip_per_minute: 6_000,
            per_ip_burst: 1_000,
        }
    }
}

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

/// One provider the proxy can call, with its secrets read.
#[derive(Debug, Clone)]
pub struct UpstreamSettings {
    pub provider: String,
    pub base_url: String,
    pub credentials: Credentials,
    pub fill_ip_address: bool,
}

#[derive(Debug)]
pub struct MissingEnv(pub Vec<String>);

impl std::fmt::Display for MissingEnv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "missing environment variable(s) named in the config: {}",
            self.0.join(", ")
        )
    }
}

impl Config {
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Reads every secret the config names through `env` (std::env::var in the binary).
    pub fn resolve(
        &self,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(Vec<u8>, UpstreamSettings), MissingEnv> {
        let mut missing = Vec::new();
        let mut read = |name: &str| match env(name).filter(|v| !v.is_empty()) {
            Some(value) => value,
            None => {
                missing.push(name.to_owned());
                String::new()
            }
        };
        let session_secret = read(&self.session_secret_env).into_bytes();
        let (provider, base_url, credentials, fill_ip_address) = match &self.upstream {
            UpstreamConfig::Spherepay {
                base_url,
                api_key_env,
            } => (
                "spherepay",
                base_url,
                Credentials::SpherePay {
                    api_key: read(api_key_env),
                },
                false,
            ),
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
                (
                    "swipelux",
                    base_url,
                    Credentials::Swipelux { api_key, sumsub },
                    false,
                )
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
                ("bvnk", base_url, credentials, false)
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
                ("polygon", base_url, credentials, *fill_ip_address)
            }
        };
        if !missing.is_empty() {
            return Err(MissingEnv(missing));
        }
        Ok((
            session_secret,
            UpstreamSettings {
                provider: provider.to_owned(),
                base_url: base_url.trim_end_matches('/').to_owned(),
                credentials,
                fill_ip_address,
            },
        ))
    }
}
