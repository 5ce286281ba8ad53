//! `GET /metrics` on `[metrics] listen`: the series an operator needs, after real traffic,
//! and never on the public listener.

mod common;

use std::net::SocketAddr;

use common::redis::free_port;
use common::Env;
use customer_update_proxy::config::RateLimit;
use customer_update_proxy::sandbox::{demo, Fault, FaultKind};
use serde_json::json;

/// The value of the first series whose line starts with `name{` and holds every label.
fn value(text: &str, name: &str, labels: &[&str]) -> Option<f64> {
    text.lines()
        .filter(|line| {
            line.starts_with(&format!("{name}{{")) || line.starts_with(&format!("{name} "))
        })
        .find(|line| labels.iter().all(|label| line.contains(label)))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_upstream_calls_limits_tokens_and_redis_errors() {
    let env = Env::start_with(Default::default(), |s| {
        s.metrics_listen = Some(SocketAddr::from(([127, 0, 0, 1], 0)));
        s.rate_limit = RateLimit {
            per_ip_burst: 1,
            per_ip_per_minute: 1,
            ..common::generous_limits()
        };
    })
    .await;
    let metrics_addr = env.proxy.metrics_addr.expect("a metrics listener");
    assert_ne!(metrics_addr, env.proxy.addr);

    // A customer's GET; a Polygon update (fetches a bearer); a Swipelux update whose first
    // share token is refused (one re-mint, one retry); two requests without a session.
    let spherepay = env.token("spherepay", demo::SPHEREPAY_OPEN);
    assert_eq!(env.get(&spherepay).await.status, 200);
    let polygon = env.token("polygon", demo::POLYGON);
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&polygon),
            Some(&json!({"firstName": "Janet"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    env.sandbox.state.faults.add(Fault {
        provider: Some("swipelux".into()),
        kind: FaultKind::StaleShareToken,
        count: 1,
        delay_ms: 0,
    });
    let swipelux = env.token_with_applicant("swipelux", demo::SWIPELUX, demo::SWIPELUX_APPLICANT);
    let reply = env
        .call(
            "PUT",
            "/v1/customer",
            Some(&swipelux),
            Some(&json!({"firstName": "Joana"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(env.get("garbage").await.status, 401);
    assert_eq!(env.get("garbage").await.status, 429);

    // A second proxy in this process whose Redis is down from the start: it serves, and
    // counts the errors (one recorder per process, so they show up in the same scrape).
    let redis_down = Env::start_with(Default::default(), |s| {
        s.rate_limit.redis_url = Some(format!("redis://127.0.0.1:{}", free_port()));
    })
    .await;
    let token = redis_down.token("spherepay", demo::SPHEREPAY_OPEN);
    assert_eq!(redis_down.get(&token).await.status, 200);
    assert_eq!(redis_down.get(&token).await.status, 200);

    let scrape = env
        .http
        .get(format!("http://{metrics_addr}/metrics"))
        .send()
        .await
        .expect("metrics answer");
    assert_eq!(scrape.status(), 200);
    assert!(scrape
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain")));
    let text = scrape.text().await.unwrap();

    let requests = |labels: &[&str]| value(&text, "cuw_http_requests_total", labels);
    assert!(
        requests(&[
            r#"route="/v1/customer""#,
            r#"method="GET""#,
            r#"status="200""#
        ]) >= Some(1.0),
        "{text}"
    );
    assert!(
        requests(&[
            r#"route="/v1/customer""#,
            r#"method="PATCH""#,
            r#"status="200""#
        ]) >= Some(1.0)
    );
    assert!(requests(&[r#"route="/v1/customer""#, r#"status="429""#]) >= Some(1.0));
    let upstream = |labels: &[&str]| value(&text, "cuw_upstream_requests_total", labels);
    assert!(
        upstream(&[
            r#"provider="spherepay""#,
            r#"operation="get""#,
            r#"outcome="2xx""#
        ]) >= Some(1.0)
    );
    assert!(
        upstream(&[
            r#"provider="polygon""#,
            r#"operation="token""#,
            r#"outcome="2xx""#
        ]) >= Some(1.0)
    );
    assert!(
        upstream(&[
            r#"provider="polygon""#,
            r#"operation="customer""#,
            r#"outcome="2xx""#
        ]) >= Some(1.0)
    );
    assert!(
        upstream(&[r#"provider="swipelux""#, r#"outcome="4xx""#]) >= Some(1.0),
        "the refused share token"
    );
    assert!(upstream(&[r#"provider="sumsub""#, r#"operation="share_token""#]) >= Some(2.0));
    assert!(
        value(
            &text,
            "cuw_upstream_request_duration_seconds_bucket",
            &[r#"provider="spherepay""#, r#"le="+Inf""#]
        ) >= Some(1.0),
        "a latency histogram"
    );
    assert!(
        value(
            &text,
            "cuw_upstream_request_duration_seconds_count",
            &[r#"provider="polygon""#]
        ) >= Some(1.0)
    );
    assert_eq!(
        value(&text, "cuw_rate_limited_total", &[r#"limit="address""#]),
        Some(1.0)
    );
    assert!(
        value(
            &text,
            "cuw_polygon_token_refreshes_total",
            &[r#"trigger="expired""#]
        ) >= Some(1.0)
    );
    assert_eq!(
        value(&text, "cuw_sumsub_share_token_mints_total", &[]),
        Some(2.0)
    );
    assert_eq!(
        value(&text, "cuw_sumsub_share_token_retries_total", &[]),
        Some(1.0)
    );
    assert!(
        value(&text, "cuw_redis_errors_total", &[]) >= Some(2.0),
        "{text}"
    );
    assert!(
        !text.contains(demo::POLYGON) && !text.contains("garbage"),
        "no request data in labels"
    );

    // The public listener has no /metrics.
    let public = env.call("GET", "/metrics", None, None).await;
    assert_eq!(public.status, 404);
    assert!(!public.text.contains("cuw_"));
    env.finish().await;
    redis_down.finish().await;
}
