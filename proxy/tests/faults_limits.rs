//! Provider faults → documented statuses (and the proxy keeps serving); CORS;
//! security headers on served pages; graceful shutdown; the sandbox-only demo endpoints.

mod common;

use std::time::Duration;

use common::Env;
use customer_update_proxy::config::Timeouts;
use customer_update_proxy::sandbox::{demo, Fault, FaultKind};
use serde_json::json;

fn fault(kind: FaultKind) -> Fault {
    Fault {
        provider: Some("spherepay".into()),
        kind,
        count: 1,
        delay_ms: 1_500,
    }
}

#[tokio::test]
async fn each_upstream_fault_has_its_documented_status_and_the_proxy_keeps_serving() {
    let env = Env::start_with(Default::default(), |s| {
        s.timeouts = Timeouts {
            connect_ms: 500,
            total_ms: 300,
        }
    })
    .await;
    let token = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let cases = [
        (FaultKind::Delay, 504, "upstream-timeout"),
        (FaultKind::Status500, 502, "upstream-error"),
        (FaultKind::Status429, 429, "upstream-rate-limited"),
        (FaultKind::Malformed, 502, "upstream-malformed"),
        (FaultKind::Drop, 502, "upstream-unreachable"),
    ];
    for (kind, status, problem) in cases {
        env.sandbox.state.faults.add(fault(kind));
        let reply = env.get(&token).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (status, problem),
            "{kind:?}: {}",
            reply.text
        );
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        if kind == FaultKind::Status429 {
            assert_eq!(
                reply.header("retry-after"),
                Some("7"),
                "the provider's Retry-After is passed on"
            );
        }
        assert_eq!(
            env.get(&token).await.status,
            200,
            "serving again after {kind:?}"
        );
    }
    // A fault during an update keeps the customer unchanged and the widget can retry.
    env.sandbox.state.faults.add(Fault {
        provider: Some("polygon".into()),
        kind: FaultKind::Drop,
        count: 1,
        delay_ms: 0,
    });
    let polygon = env.token("polygon", demo::POLYGON);
    let body = json!({"firstName": "Janet"});
    let first = env
        .call("PATCH", "/v1/customer", Some(&polygon), Some(&body))
        .await;
    assert_eq!(first.status, 502, "{}", first.text);
    let retry = env
        .call("PATCH", "/v1/customer", Some(&polygon), Some(&body))
        .await;
    assert_eq!(retry.status, 200, "{}", retry.text);
    env.finish().await;
}

#[tokio::test]
async fn an_unreachable_provider_is_a_502() {
    let env = Env::start_with(Default::default(), |s| {
        for upstream in &mut s.upstreams {
            upstream.base_url = "http://127.0.0.1:9".into(); // discard port: nothing listens
        }
    })
    .await;
    let reply = env.get(&env.token("spherepay", demo::SPHEREPAY_OPEN)).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (502, "upstream-unreachable")
    );
    env.finish().await;
}

#[tokio::test]
async fn cors_allows_only_the_configured_origins() {
    let env = Env::start_with(Default::default(), |s| {
        s.cors_origins = vec!["https://shop.example".into()]
    })
    .await;
    let preflight = |origin: &'static str| {
        env.http
            .request(reqwest::Method::OPTIONS, env.url("/v1/customer"))
            .header("origin", origin)
            .header("access-control-request-method", "PATCH")
            .header(
                "access-control-request-headers",
                "authorization,content-type",
            )
            .send()
    };
    let allowed = preflight("https://shop.example").await.unwrap();
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://shop.example")
    );
    let refused = preflight("https://evil.example").await.unwrap();
    assert!(refused
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    env.finish().await;
}

#[tokio::test]
async fn served_pages_carry_a_strict_csp_nosniff_and_frame_ancestors() {
    let dist = std::env::temp_dir().join(format!("cuw-proxy-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>demo</title>",
    )
    .unwrap();
    let dir = dist.clone();
    let env = Env::start_with(Default::default(), move |s| {
        s.dist_dir = dir;
        s.frame_ancestors = vec!["https://shop.example".into()];
    })
    .await;
    let page = common::Reply::from(env.http.get(env.url("/")).send().await.unwrap()).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("<title>demo</title>"));
    let csp = page
        .header("content-security-policy")
        .unwrap_or("")
        .to_owned();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{csp}"
    );
    assert!(
        csp.contains("frame-ancestors https://shop.example"),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    std::fs::remove_dir_all(&dist).ok();
    env.finish().await;
}

#[tokio::test]
async fn shutdown_lets_an_in_flight_request_finish() {
    let env = Env::start().await;
    let token = env.token("spherepay", demo::SPHEREPAY_OPEN);
    env.sandbox.state.faults.add(Fault {
        provider: Some("spherepay".into()),
        kind: FaultKind::Delay,
        count: 1,
        delay_ms: 400,
    });
    let request = env
        .http
        .get(env.url("/v1/customer"))
        .header("authorization", format!("Bearer {token}"))
        .send();
    let in_flight = tokio::spawn(request);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let Env {
        sandbox,
        proxy,
        http,
        ..
    } = env;
    let url = proxy.url();
    proxy.stop().await;
    let response = in_flight.await.unwrap().unwrap();
    assert_eq!(
        response.status().as_u16(),
        200,
        "the request in flight completed"
    );
    assert!(
        http.get(format!("{url}/healthz")).send().await.is_err(),
        "no new connections after shutdown"
    );
    sandbox.task.abort();
    common::assert_logs_clean();
}

#[tokio::test]
async fn demo_endpoints_mint_sessions_and_set_faults_in_sandbox_mode() {
    let env = Env::start().await;
    let minted = env
        .call(
            "POST",
            "/demo/session",
            None,
            Some(&json!({"provider": "bvnk", "customer": demo::BVNK_COMPANY})),
        )
        .await;
    assert_eq!(minted.status, 200, "{}", minted.text);
    let token = minted.json()["token"].as_str().unwrap().to_owned();
    assert_eq!(env.get(&token).await.json()["form"]["kind"], "company");
    let set = env
        .call(
            "POST",
            "/demo/faults",
            None,
            Some(&json!({"provider": "bvnk", "kind": "drop"})),
        )
        .await;
    assert_eq!(set.status, 204);
    assert_eq!(env.get(&token).await.status, 502);
    assert_eq!(env.get(&token).await.status, 200);
    let unknown = env
        .call(
            "POST",
            "/demo/session",
            None,
            Some(&json!({"provider": "bvnk", "customer": "someone-else"})),
        )
        .await;
    assert_eq!(unknown.status, 400);
    let spec = env.call("GET", "/openapi.json", None, None).await;
    assert_eq!(spec.status, 200);
    assert!(spec.json()["paths"]["/v1/customer"]["patch"].is_object());
    assert_eq!(
        spec.json()["x-providers"]["bvnk"]["operations"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    env.finish().await;
}

#[tokio::test]
async fn demo_endpoints_do_not_exist_outside_sandbox_mode() {
    common::init_logs();
    let sandbox =
        customer_update_proxy::sandbox::start(([127, 0, 0, 1], 0).into(), Default::default())
            .await
            .unwrap();
    let settings = common::settings(vec![sandbox.upstream("spherepay").unwrap()]);
    let proxy = customer_update_proxy::app::start(&settings, None, std::future::pending())
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let minted = http
        .post(format!("{}/demo/session", proxy.url()))
        .body(r#"{"provider":"spherepay"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(minted.status().as_u16(), 404);
    let faults = http
        .post(format!("{}/demo/faults", proxy.url()))
        .body(r#"{"kind":"drop"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(faults.status().as_u16(), 404);
    assert!(sandbox.state.faults.list().is_empty());
    proxy.stop().await;
    sandbox.task.abort();
    common::assert_logs_clean();
}
