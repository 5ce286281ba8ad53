//! Sandbox mode's `/demo/*` answers only its own page: JSON bodies, its own origin, its
//! own Host (no DNS rebinding). A cross-site `text/plain` POST cannot set a fault.

mod common;

use std::time::Duration;

use common::Env;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends one raw request and returns the status code.
async fn status_of(
    env: &Env,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: &str,
) -> u16 {
    let mut socket = TcpStream::connect(env.proxy.addr).await.unwrap();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    socket.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"))
}

#[tokio::test]
async fn demo_endpoints_answer_only_their_own_page() {
    let env = Env::start().await;
    let own_host = env.proxy.addr.to_string();
    let own_origin = format!("http://{own_host}");
    let fault = r#"{"provider": "spherepay", "kind": "drop"}"#;
    let host = |h: &str| ("Host", h.to_owned());
    let origin = |o: &str| ("Origin", o.to_owned());
    let json = ("Content-Type", "application/json".to_owned());
    let text = ("Content-Type", "text/plain".to_owned());
    let refused = [
        (
            "cross-site text/plain",
            vec![
                host(&own_host),
                origin("https://evil.example"),
                text.clone(),
            ],
        ),
        (
            "text/plain without Origin",
            vec![host(&own_host), text.clone()],
        ),
        (
            "a form post",
            vec![
                host(&own_host),
                (
                    "Content-Type",
                    "application/x-www-form-urlencoded".to_owned(),
                ),
            ],
        ),
        ("no content type", vec![host(&own_host)]),
        (
            "JSON from another origin",
            vec![
                host(&own_host),
                origin("https://evil.example"),
                json.clone(),
            ],
        ),
        (
            "JSON from a null origin",
            vec![host(&own_host), origin("null"), json.clone()],
        ),
        (
            "DNS rebinding",
            vec![
                host(&format!("rebind.evil.example:{}", env.proxy.addr.port())),
                json.clone(),
            ],
        ),
        ("another port", vec![host("127.0.0.1:1"), json.clone()]),
        ("no Host", vec![json.clone()]),
    ];
    for (name, headers) in &refused {
        assert_eq!(
            status_of(&env, "POST", "/demo/faults", headers, fault).await,
            403,
            "{name}"
        );
    }
    assert!(
        env.sandbox.state.faults.list().is_empty(),
        "no fault was set"
    );
    let rebinding = vec![host(&format!(
        "rebind.evil.example:{}",
        env.proxy.addr.port()
    ))];
    assert_eq!(
        status_of(&env, "GET", "/demo/customers", &rebinding, "").await,
        403
    );
    assert_eq!(
        status_of(
            &env,
            "POST",
            "/demo/session",
            &refused[0].1,
            r#"{"provider":"spherepay"}"#
        )
        .await,
        403
    );

    // The demo page itself: its own origin (or none), JSON.
    let page = vec![host(&own_host), origin(&own_origin), json.clone()];
    assert_eq!(
        status_of(&env, "POST", "/demo/faults", &page, fault).await,
        204
    );
    assert_eq!(
        status_of(
            &env,
            "GET",
            "/demo/customers",
            &[host(&format!("localhost:{}", env.proxy.addr.port()))],
            ""
        )
        .await,
        200
    );
    assert_eq!(
        status_of(&env, "POST", "/demo/reset", &[host(&own_host)], "").await,
        204,
        "a bodiless POST needs no content type"
    );
    assert!(env.sandbox.state.faults.list().is_empty());
    env.finish().await;
}
