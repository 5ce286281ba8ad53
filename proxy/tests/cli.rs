//! The binary: exit code 2 with a clear message when a secret's env var is missing, and
//! `mint-session` prints a token the proxy accepts.

use std::process::Command;

use customer_update_proxy::session::{SessionKey, SANDBOX_SESSION_SECRET};

const BIN: &str = env!("CARGO_BIN_EXE_customer-update-proxy");

fn write_config(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("cuw-{}-{name}.toml", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

const POLYGON_CONFIG: &str = r#"
session_secret_env = "CUW_TEST_SESSION_SECRET"
listen = "127.0.0.1:0"
[upstream]
provider = "polygon"
base_url = "https://sandbox-api.polygon.technology/v0.9"
api_key_env = "CUW_TEST_POLYGON_KEY"
api_secret_env = "CUW_TEST_POLYGON_SECRET"
fill_ip_address = true
"#;

#[test]
fn serve_refuses_to_start_without_its_secrets_and_names_them() {
    let config = write_config("missing", POLYGON_CONFIG);
    let output = Command::new(BIN)
        .args(["serve", "--config"])
        .arg(&config)
        .env_remove("CUW_TEST_SESSION_SECRET")
        .env("CUW_TEST_POLYGON_KEY", "k")
        .env_remove("CUW_TEST_POLYGON_SECRET")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("CUW_TEST_SESSION_SECRET") && stderr.contains("CUW_TEST_POLYGON_SECRET"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("CUW_TEST_POLYGON_KEY"),
        "only the missing ones are named: {stderr}"
    );
}

#[test]
fn a_config_with_an_unknown_key_is_refused() {
    let config = write_config(
        "typo",
        &POLYGON_CONFIG.replace("fill_ip_address", "fill_ip_adress"),
    );
    let output = Command::new(BIN)
        .args(["serve", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("fill_ip_adress"));
}

#[test]
fn mint_session_prints_a_token_signed_with_the_configured_secret() {
    let config = write_config("mint", POLYGON_CONFIG);
    let output = Command::new(BIN)
        .args([
            "mint-session",
            "--customer",
            "cst_123",
            "--provider",
            "polygon",
            "--ttl",
            "5m",
            "--aud",
            "https://shop.example",
            "--config",
        ])
        .arg(&config)
        .env(
            "CUW_TEST_SESSION_SECRET",
            "a-real-secret-of-at-least-32-bytes",
        )
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let token = String::from_utf8(output.stdout).unwrap();
    let claims = SessionKey::new(b"a-real-secret-of-at-least-32-bytes")
        .verify(token.trim())
        .unwrap();
    assert_eq!(
        (claims.sub.as_str(), claims.provider.as_str()),
        ("cst_123", "polygon")
    );
    assert_eq!(claims.aud.as_deref(), Some("https://shop.example"));
    assert_eq!(claims.exp - claims.iat, 300);
    assert!(SessionKey::new(SANDBOX_SESSION_SECRET.as_bytes())
        .verify(token.trim())
        .is_err());
}

#[test]
fn mint_session_without_config_uses_the_sandbox_secret_and_says_so() {
    let output = Command::new(BIN)
        .args(["mint-session", "--customer", "c", "--provider", "spherepay"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("sandbox"));
    let token = String::from_utf8(output.stdout).unwrap();
    assert!(SessionKey::new(SANDBOX_SESSION_SECRET.as_bytes())
        .verify(token.trim())
        .is_ok());
    let bad_ttl = Command::new(BIN)
        .args([
            "mint-session",
            "--customer",
            "c",
            "--provider",
            "spherepay",
            "--ttl",
            "soon",
        ])
        .output()
        .unwrap();
    assert_eq!(bad_ttl.status.code(), Some(2));
}

const STRONG_SECRET: &str = "0123456789abcdef0123456789abcdef-strong";

/// Runs the binary, killing it if it is still running after a few seconds (a proxy that
/// wrongly starts must fail the test, not hang it).
fn run_bounded(command: &mut Command) -> std::process::Output {
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..50 {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    child.wait_with_output().unwrap()
}

/// Runs `serve --config` with the Polygon keys set and `session` as the session secret.
fn serve_with(name: &str, config: &str, session: &str, extra: &[&str]) -> std::process::Output {
    let config = write_config(name, config);
    run_bounded(
        Command::new(BIN)
            .args(["serve", "--config"])
            .arg(&config)
            .args(extra)
            .env("CUW_TEST_SESSION_SECRET", session)
            .env("CUW_TEST_SESSION_SECRET_OLD", STRONG_SECRET)
            .env("CUW_TEST_POLYGON_KEY", "k")
            .env("CUW_TEST_POLYGON_SECRET", "s"),
    )
}

#[test]
fn serve_refuses_a_short_or_public_session_secret_and_says_which() {
    for (secret, expected) in [
        ("short-secret", "at least 32 bytes"),
        (SANDBOX_SESSION_SECRET, "sandbox"),
    ] {
        let output = serve_with("weak", POLYGON_CONFIG, secret, &[]);
        assert_eq!(output.status.code(), Some(2), "{secret}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("CUW_TEST_SESSION_SECRET") && stderr.contains(expected),
            "{stderr}"
        );
        assert!(
            !stderr.contains(secret),
            "the secret itself is not printed: {stderr}"
        );
    }
    // Every secret of a rotation list is checked, the old ones too.
    let rotating = POLYGON_CONFIG.replace(
        r#"session_secret_env = "CUW_TEST_SESSION_SECRET""#,
        r#"session_secret_env = ["CUW_TEST_SESSION_SECRET_OLD", "CUW_TEST_SESSION_SECRET"]"#,
    );
    let output = serve_with("weak-rotation", &rotating, "short", &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("at least 32 bytes"));
}

#[test]
fn serve_refuses_a_plain_http_base_url_unless_it_is_loopback() {
    let plain = POLYGON_CONFIG.replace("https://sandbox-api", "http://sandbox-api");
    let output = serve_with("plain-http", &plain, STRONG_SECRET, &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("https://"), "{stderr}");
    for url in ["ftp://127.0.0.1/x", "https://user@[::1", "not a url"] {
        let odd = POLYGON_CONFIG.replace("https://sandbox-api.polygon.technology/v0.9", url);
        let output = serve_with("odd-url", &odd, STRONG_SECRET, &[]);
        assert_eq!(output.status.code(), Some(2), "{url}");
    }
}

#[test]
fn sandbox_mode_refuses_a_non_loopback_address_without_the_explicit_flag() {
    // A documentation address (not this machine's): should the check ever fail, the bind
    // fails too, and nothing listens beyond loopback.
    let output = run_bounded(Command::new(BIN).args(["serve", "--listen", "192.0.2.1:0"]));
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("public") && stderr.contains("--sandbox-on-public-address"),
        "{stderr}"
    );
}

/// `CUW_LOG_FORMAT=json` and the fleet keys in a real config: the binary starts, answers
/// `/metrics` on its own address, and logs each request as a JSON line with its ID.
#[test]
fn serve_with_fleet_settings_logs_json_lines_and_serves_metrics_apart() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dead_redis = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let config = write_config(
        "fleet",
        &format!(
            "{POLYGON_CONFIG}\n[rate_limit]\nredis_url_env = \"CUW_TEST_REDIS_URL\"\n[metrics]\nlisten = \"127.0.0.1:0\"\n"
        )
        .replace(
            "[upstream]",
            "audit_key_env = \"CUW_TEST_AUDIT_KEY\"\n[upstream]",
        ),
    );
    let mut child = Command::new(BIN)
        .args(["serve", "--config"])
        .arg(&config)
        .env("CUW_TEST_SESSION_SECRET", STRONG_SECRET)
        .env("CUW_TEST_POLYGON_KEY", "k")
        .env("CUW_TEST_POLYGON_SECRET", "s")
        .env("CUW_TEST_REDIS_URL", format!("redis://{dead_redis}"))
        .env("CUW_TEST_AUDIT_KEY", "an audit key")
        .env("CUW_LOG_FORMAT", "json")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Read stdout on a thread, so a proxy that never prints cannot hang the test.
    let (lines, received) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let next = || received.recv_timeout(std::time::Duration::from_secs(10));
    let address_after = |line: &str, marker: &str| {
        line.split(marker)
            .nth(1)
            .map(|rest| rest.trim_end_matches("/metrics").to_owned())
    };
    let (mut proxy, mut metrics) = (None, None);
    while proxy.is_none() || metrics.is_none() {
        let Ok(line) = next() else { break };
        proxy = proxy.or(address_after(&line, "listening on http://"));
        metrics = metrics.or(address_after(&line, "metrics on http://"));
    }
    let get = |addr: &str, path: &str| {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nX-Request-Id: cli-req-1\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    };
    let (Some(proxy), Some(metrics)) = (proxy, metrics) else {
        let _ = child.kill();
        panic!("the proxy did not print its addresses");
    };
    let answer = get(&proxy, "/v1/customer");
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert!(answer
        .to_ascii_lowercase()
        .contains("x-request-id: cli-req-1"));
    let scrape = get(&metrics, "/metrics");
    assert!(scrape.contains("cuw_http_requests_total"), "{scrape}");
    assert!(
        scrape.contains("cuw_redis_errors_total"),
        "Redis down is counted: {scrape}"
    );
    let mut request_line = None;
    while let Ok(line) = next() {
        if line.contains("cli-req-1") {
            request_line = Some(line);
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let line = request_line.expect("a log line for the request");
    let parsed: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
    assert_eq!(parsed["span"]["request_id"], "cli-req-1", "{line}");
}
