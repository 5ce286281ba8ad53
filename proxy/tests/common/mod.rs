//! Test harness: a real sandbox and a real proxy on 127.0.0.1 ephemeral ports, an HTTP
//! client, session tokens, and a capture of every log line the suite produces.

#![allow(dead_code)]

pub mod recorder;
pub mod redis;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Mutex, Once};
use std::time::Duration;

use customer_update_proxy::app::{self, Running, Settings};
use customer_update_proxy::config::{Inbound, RateLimit, Timeouts, UpstreamSettings};
use customer_update_proxy::logging::{self, LogFormat};
use customer_update_proxy::sandbox::{self, credentials, Handle};
use customer_update_proxy::session::{SessionKey, SANDBOX_SESSION_SECRET};
use serde_json::Value;

static LOGS: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static INIT: Once = Once::new();

struct Capture;

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Routes every log line of the test process (debug level, all crates) into `LOGS`.
pub fn init_logs() {
    init_logs_as(LogFormat::Text);
}

/// As `init_logs`, as JSON lines (`CUW_LOG_FORMAT=json`); call it before anything else
/// starts logging: the first format a test process picks is the one it keeps.
pub fn init_json_logs() {
    init_logs_as(LogFormat::Json);
}

fn init_logs_as(format: LogFormat) {
    INIT.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::new("debug");
        logging::init(format, filter, || Capture, false).expect("the first subscriber");
    });
}

pub fn logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
}

/// Strings that must never appear in a log line.
pub fn secrets() -> Vec<&'static str> {
    vec![
        SANDBOX_SESSION_SECRET,
        TEST_SECRET,
        credentials::SPHEREPAY_API_KEY,
        credentials::SWIPELUX_API_KEY,
        credentials::BVNK_HAWK_KEY,
        credentials::POLYGON_API_KEY,
        credentials::POLYGON_API_SECRET,
        credentials::SUMSUB_SECRET_KEY,
        credentials::SUMSUB_APP_TOKEN,
        "eyJ",             // any JWT
        "pgn_sbx_",        // Polygon bearer tokens
        "_act-sbx-share-", // Sumsub share tokens
        "Hawk id=",
        // tax ID and document numbers of the demo customers
        "123456789",
        "914764628",
        "52998224725",
        // full phone numbers of the demo customers
        "+14155550123",
        "+12125551234",
        "+5521987654321",
        "+34612345678",
    ]
}

pub fn assert_logs_clean() {
    let logs = logs();
    assert!(!logs.is_empty(), "the capture holds the log lines");
    for secret in secrets() {
        assert!(!logs.contains(secret), "a log line contains `{secret}`");
    }
}

pub const TEST_SECRET: &str = "test-session-secret-0123456789";

pub struct Env {
    pub sandbox: Handle,
    pub proxy: Running,
    pub http: reqwest::Client,
    pub key: SessionKey,
}

pub fn generous_limits() -> RateLimit {
    RateLimit {
        per_session_per_minute: 100_000,
        per_session_burst: 10_000,
        per_ip_per_minute: 100_000,
        per_ip_burst: 10_000,
        ..RateLimit::default()
    }
}

pub fn settings(upstreams: Vec<UpstreamSettings>) -> Settings {
    Settings {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        session_secrets: vec![TEST_SECRET.as_bytes().to_vec()],
        max_session_ttl: customer_update_proxy::session::DEFAULT_MAX_TTL,
        trusted_proxies: vec![],
        inbound: Inbound::default(),
        upstreams,
        timeouts: Timeouts {
            connect_ms: 1_000,
            total_ms: 5_000,
        },
        rate_limit: generous_limits(),
        cors_origins: vec![],
        frame_ancestors: vec![],
        dist_dir: PathBuf::from("/nonexistent-dist"),
        www_dir: None,
        metrics_listen: None,
        audit_key: None,
    }
}

impl Env {
    /// Sandbox mode: every provider, sandbox credentials.
    pub async fn start() -> Env {
        Env::start_with(sandbox::Options::default(), |_| {}).await
    }

    pub async fn start_with(options: sandbox::Options, adjust: impl FnOnce(&mut Settings)) -> Env {
        init_logs();
        let sandbox = sandbox::start(SocketAddr::from(([127, 0, 0, 1], 0)), options)
            .await
            .expect("sandbox starts");
        let upstreams = ["spherepay", "polygon", "bvnk", "swipelux"]
            .iter()
            .filter_map(|p| sandbox.upstream(p))
            .collect();
        let mut settings = settings(upstreams);
        adjust(&mut settings);
        let proxy = app::start(
            &settings,
            Some(sandbox.state.clone()),
            std::future::pending(),
        )
        .await
        .expect("proxy starts");
        Env {
            sandbox,
            proxy,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .expect("client"),
            key: SessionKey::rotating(&settings.session_secrets, settings.max_session_ttl),
        }
    }

    pub fn token(&self, provider: &str, customer: &str) -> String {
        self.key
            .mint(customer, provider, Duration::from_secs(600), None, None)
            .expect("mint")
    }

    pub fn token_with_applicant(&self, provider: &str, customer: &str, applicant: &str) -> String {
        self.key
            .mint(
                customer,
                provider,
                Duration::from_secs(600),
                None,
                Some(applicant.to_owned()),
            )
            .expect("mint")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.proxy.url(), path)
    }

    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Reply {
        call(&self.http, &self.url(path), method, token, body).await
    }

    pub async fn get(&self, token: &str) -> Reply {
        self.call("GET", "/v1/customer", Some(token), None).await
    }

    pub async fn finish(self) {
        self.proxy.stop().await;
        self.sandbox.task.abort();
        assert_logs_clean();
    }
}

/// One request to the proxy: bearer token and JSON body when given.
pub async fn call(
    http: &reqwest::Client,
    url: &str,
    method: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Reply {
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let mut request = http.request(method, url);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    Reply::from(request.send().await.expect("proxy answers")).await
}

/// A configured proxy (no sandbox) in front of a recording upstream playing `provider`.
pub struct Fronted {
    pub recorder: recorder::Recorder,
    pub proxy: Running,
    pub http: reqwest::Client,
    pub key: SessionKey,
}

/// The credentials a fronted proxy sends (fake: the recorder checks nothing).
pub fn recorder_upstream(provider: &str, base_url: &str) -> UpstreamSettings {
    use customer_update_proxy::upstream::auth::Credentials;
    let credentials = match provider {
        "spherepay" => Credentials::SpherePay {
            api_key: "recorder-key".into(),
        },
        "polygon" => Credentials::Polygon {
            api_key: "recorder-key".into(),
            api_secret: "recorder-secret".into(),
        },
        "bvnk" => Credentials::Bvnk {
            hawk_id: "recorder-id".into(),
            hawk_key: "recorder-key".into(),
        },
        _ => Credentials::Swipelux {
            api_key: "recorder-key".into(),
            sumsub: None,
        },
    };
    UpstreamSettings {
        provider: provider.to_owned(),
        base_url: base_url.to_owned(),
        credentials,
        fill_ip_address: provider == "polygon",
    }
}

impl Fronted {
    pub async fn start(
        provider: &str,
        script: impl Fn(&recorder::Recorded) -> recorder::Canned + Send + Sync + 'static,
    ) -> Fronted {
        Fronted::start_with(provider, script, |_| {}).await
    }

    pub async fn start_with(
        provider: &str,
        script: impl Fn(&recorder::Recorded) -> recorder::Canned + Send + Sync + 'static,
        adjust: impl FnOnce(&mut Settings),
    ) -> Fronted {
        init_logs();
        let recorder = recorder::Recorder::start(script).await;
        let mut settings = settings(vec![recorder_upstream(provider, &recorder.url)]);
        adjust(&mut settings);
        let proxy = app::start(&settings, None, std::future::pending())
            .await
            .expect("proxy starts");
        Fronted {
            recorder,
            proxy,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .expect("client"),
            key: SessionKey::rotating(&settings.session_secrets, settings.max_session_ttl),
        }
    }

    pub fn token(&self, provider: &str, customer: &str) -> String {
        self.key
            .mint(customer, provider, Duration::from_secs(600), None, None)
            .expect("mint")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.proxy.url(), path)
    }

    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Reply {
        call(&self.http, &self.url(path), method, token, body).await
    }

    pub async fn finish(self) {
        self.proxy.stop().await;
        assert_logs_clean();
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Reply {
    pub async fn from(response: reqwest::Response) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        Reply {
            status,
            headers,
            text,
        }
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The problem type slug (after `urn:customer-update:problem:`).
    pub fn problem(&self) -> String {
        self.json()["type"]
            .as_str()
            .unwrap_or("")
            .trim_start_matches("urn:customer-update:problem:")
            .to_owned()
    }

    pub fn pointers(&self) -> Vec<String> {
        self.json()["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .filter_map(|e| e["pointer"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}
