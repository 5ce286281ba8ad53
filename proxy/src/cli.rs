//! Command line: `serve` and `mint-session`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use customer_update_core::providers;

use crate::app::{self, Settings};
use crate::config::{Config, Inbound, RateLimit, Timeouts};
use crate::sandbox;
use crate::session::{self, SessionKey, SANDBOX_SESSION_SECRET};

#[derive(Debug, Parser)]
#[command(
    name = "customer-update-proxy",
    version,
    about = "Token proxy for the customer-update widget, with an embedded provider sandbox"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the proxy. Without --config: sandbox mode (embedded sandbox, demo customers, demo page).
    Serve {
        /// TOML config naming the provider, its base URL and the env vars holding secrets.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Address to listen on (overrides the config; default 127.0.0.1:8787; port 0 = any free port).
        #[arg(long)]
        listen: Option<SocketAddr>,
        /// Folder of the built widget (default ./dist).
        #[arg(long)]
        dist: Option<PathBuf>,
        /// Sandbox mode only: allow a non-loopback --listen address although the sandbox
        /// signs sessions with a public secret (anyone who can reach it can mint them).
        #[arg(long)]
        sandbox_on_public_address: bool,
    },
    /// Print a session token (HS256 JWT) for a customer.
    MintSession {
        /// The provider's customer ID (becomes `sub`).
        #[arg(long)]
        customer: String,
        #[arg(long, help = provider_help())]
        provider: String,
        /// Lifetime, e.g. 90s, 10m, 1h.
        #[arg(long, default_value = "10m")]
        ttl: String,
        /// Origin of the embedding page; the proxy then refuses requests from other origins.
        #[arg(long)]
        aud: Option<String>,
        /// Swipelux: the customer's Sumsub applicant ID (to mint share tokens).
        #[arg(long)]
        applicant: Option<String>,
        /// Config whose `session_secret_env` names the secret (default: the sandbox secret).
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

const DEFAULT_LISTEN: &str = "127.0.0.1:8787";

/// `--provider`'s help: the ids core knows.
fn provider_help() -> String {
    format!("The provider: {}", providers::known_ids())
}

/// Exit code for configuration errors (missing env var, weak secret, unreadable config).
const CONFIG_ERROR: u8 = 2;

fn load_config(path: &PathBuf) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

pub async fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Serve {
            config,
            listen,
            dist,
            sandbox_on_public_address,
        } => serve(config, listen, dist, sandbox_on_public_address).await,
        Command::MintSession {
            customer,
            provider,
            ttl,
            aud,
            applicant,
            config,
        } => {
            let ttl = match session::parse_ttl(&ttl) {
                Ok(ttl) => ttl,
                Err(error) => {
                    eprintln!("error: --ttl {error}");
                    return ExitCode::from(CONFIG_ERROR);
                }
            };
            let (secrets, max_ttl) = match config {
                Some(path) => {
                    let checked = load_config(&path).and_then(|config| {
                        let secrets = config
                            .session_secrets(&env_var)
                            .map_err(|e| e.to_string())?;
                        let max_ttl = config.max_session_ttl().map_err(|e| e.to_string())?;
                        Ok((secrets, max_ttl))
                    });
                    match checked {
                        Ok(checked) => checked,
                        Err(error) => {
                            eprintln!("error: {error}");
                            return ExitCode::from(CONFIG_ERROR);
                        }
                    }
                }
                None => {
                    eprintln!("note: no --config, signing with the sandbox's public dev secret (sandbox mode only)");
                    (
                        vec![SANDBOX_SESSION_SECRET.as_bytes().to_vec()],
                        session::DEFAULT_MAX_TTL,
                    )
                }
            };
            match SessionKey::rotating(&secrets, max_ttl)
                .mint(&customer, &provider, ttl, aud, applicant)
            {
                Ok(token) => {
                    println!("{token}");
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::from(CONFIG_ERROR)
                }
            }
        }
    }
}

async fn serve(
    config: Option<PathBuf>,
    listen: Option<SocketAddr>,
    dist: Option<PathBuf>,
    sandbox_on_public_address: bool,
) -> ExitCode {
    let default_listen: SocketAddr = DEFAULT_LISTEN
        .parse()
        .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8787)));
    let (settings, sandbox_state) = match config {
        Some(path) => {
            let config = match load_config(&path) {
                Ok(config) => config,
                Err(error) => {
                    eprintln!("error: {error}");
                    return ExitCode::from(CONFIG_ERROR);
                }
            };
            let resolved = match config.resolve(&env_var) {
                Ok(resolved) => resolved,
                Err(error) => {
                    eprintln!("error: {error}.");
                    return ExitCode::from(CONFIG_ERROR);
                }
            };
            let settings = Settings {
                listen: listen.or(config.listen).unwrap_or(default_listen),
                session_secrets: resolved.session_secrets,
                max_session_ttl: resolved.max_session_ttl,
                trusted_proxies: resolved.trusted_proxies,
                inbound: config.inbound.clone(),
                upstreams: vec![resolved.upstream],
                timeouts: config.timeouts.clone(),
                rate_limit: resolved.rate_limit,
                cors_origins: config.cors_origins.clone(),
                frame_ancestors: config.frame_ancestors.clone(),
                dist_dir: dist
                    .or(config.dist_dir.clone())
                    .unwrap_or_else(|| PathBuf::from("dist")),
                www_dir: Some(PathBuf::from("www")),
                metrics_listen: config.metrics.as_ref().map(|m| m.listen),
                audit_key: resolved.audit_key,
            };
            (settings, None)
        }
        None => {
            let listen = listen.unwrap_or(default_listen);
            if !listen.ip().is_loopback() && !sandbox_on_public_address {
                eprintln!(
                    "error: sandbox mode signs sessions with a public secret, so on {listen} anyone who can reach it \
                     could mint sessions. Listen on a loopback address, serve a --config, or pass \
                     --sandbox-on-public-address if that is what you want."
                );
                return ExitCode::from(CONFIG_ERROR);
            }
            let handle = match sandbox::start(
                SocketAddr::from(([127, 0, 0, 1], 0)),
                sandbox::Options::default(),
            )
            .await
            {
                Ok(handle) => handle,
                Err(error) => {
                    eprintln!("error: cannot start the sandbox: {error}");
                    return ExitCode::FAILURE;
                }
            };
            let upstreams = handle.upstreams();
            println!(
                "sandbox providers on {} (admin: {}/__sandbox/stats)",
                handle.base_url(),
                handle.base_url()
            );
            let settings = Settings {
                listen,
                session_secrets: vec![SANDBOX_SESSION_SECRET.as_bytes().to_vec()],
                max_session_ttl: session::DEFAULT_MAX_TTL,
                trusted_proxies: Vec::new(),
                inbound: Inbound::default(),
                upstreams,
                // Short, so a `delay` fault longer than 5 s shows the 504 path quickly.
                timeouts: Timeouts {
                    connect_ms: 1_000,
                    total_ms: 5_000,
                },
                rate_limit: RateLimit::sandbox(),
                cors_origins: Vec::new(),
                frame_ancestors: Vec::new(),
                dist_dir: dist.unwrap_or_else(|| PathBuf::from("dist")),
                www_dir: Some(PathBuf::from("www")),
                metrics_listen: None,
                audit_key: None,
            };
            (settings, Some(handle.state.clone()))
        }
    };
    let sandbox_mode = sandbox_state.is_some();
    let running = match app::start(&settings, sandbox_state, app::shutdown_signal()).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    if sandbox_mode {
        println!(
            "customer-update-proxy (sandbox mode) listening on {}",
            running.url()
        );
        println!(
            "open {}/ in a browser (demo page; POST /demo/session mints tokens)",
            running.url()
        );
        if !settings.dist_dir.is_dir() {
            println!(
                "note: {} not found: build the widget to get the demo page",
                settings.dist_dir.display()
            );
        }
    } else {
        println!("customer-update-proxy listening on {}", running.url());
    }
    if let Some(metrics) = running.metrics_addr {
        println!("metrics on http://{metrics}/metrics");
    }
    let _ = running.task.await;
    ExitCode::SUCCESS
}
