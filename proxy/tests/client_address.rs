//! Rate limits by who is asking: a valid session counts against its customer's bucket
//! only, invalid attempts against the client's address; the address is the socket peer,
//! or, behind a trusted reverse proxy, the right-most untrusted X-Forwarded-For hop
//! (IPv6 by /64). Polygon's `ipAddress` is the same address.

mod common;

use common::{Env, Reply};
use customer_update_proxy::config::RateLimit;
use customer_update_proxy::sandbox::demo;
use serde_json::json;

fn limits() -> RateLimit {
    RateLimit {
        per_session_per_minute: 6,
        per_session_burst: 2,
        per_ip_per_minute: 6,
        per_ip_burst: 3,
        ..RateLimit::default()
    }
}

async fn get_as(env: &Env, token: &str, forwarded_for: Option<&str>) -> Reply {
    let mut request = env
        .http
        .get(env.url("/v1/customer"))
        .header("authorization", format!("Bearer {token}"));
    if let Some(hops) = forwarded_for {
        request = request.header("x-forwarded-for", hops);
    }
    Reply::from(request.send().await.unwrap()).await
}

#[tokio::test]
async fn invalid_tokens_cannot_use_up_the_limits_of_valid_sessions() {
    let env = Env::start_with(Default::default(), |s| s.rate_limit = limits()).await;
    let statuses = |replies: Vec<Reply>| replies.iter().map(|r| r.status).collect::<Vec<_>>();
    let mut invalid = Vec::new();
    for _ in 0..5 {
        invalid.push(get_as(&env, "forged.token.value", None).await);
    }
    assert_eq!(statuses(invalid), vec![401, 401, 401, 429, 429]);
    // Same address, valid sessions: served, each customer within its own bucket.
    let open = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let other = env.token("spherepay", demo::SPHEREPAY_KYC_SUBMITTED);
    let mut valid = Vec::new();
    for token in [&open, &open, &open, &other, &other] {
        valid.push(get_as(&env, token, None).await);
    }
    let limited = &valid[2];
    assert_eq!(
        limited.header("retry-after"),
        Some("10"),
        "one token every 10 s at 6/min"
    );
    assert_eq!(limited.problem(), "rate-limited");
    assert_eq!(statuses(valid), vec![200, 200, 429, 200, 200]);
    env.finish().await;
}

#[tokio::test]
async fn forwarded_for_names_the_client_only_behind_a_trusted_proxy() {
    let env = Env::start_with(Default::default(), |s| {
        s.rate_limit = limits();
        s.trusted_proxies = vec![
            "127.0.0.0/8".parse().unwrap(),
            "10.0.0.0/8".parse().unwrap(),
        ];
    })
    .await;
    let mut seen = Vec::new();
    for hops in [
        "203.0.113.7",
        "198.51.100.1, 203.0.113.7",
        "203.0.113.7, 10.1.2.3",
        "203.0.113.7",
        "203.0.113.8",
        "2001:db8:1:2::1",
        "2001:db8:1:2::2",
        "[2001:db8:1:2:ffff::9]:443",
        "2001:db8:1:2::3",
        "2001:db8:1:3::1",
    ] {
        seen.push(get_as(&env, "forged", Some(hops)).await.status);
    }
    assert_eq!(
        seen,
        vec![401, 401, 401, 429, 401, 401, 401, 401, 429, 401],
        "keyed by the right-most untrusted hop, IPv6 by /64"
    );
    let token = env.token("polygon", demo::POLYGON);
    let reply = Reply::from(
        env.http
            .patch(env.url("/v1/customer"))
            .header("authorization", format!("Bearer {token}"))
            .header("x-forwarded-for", "192.0.2.66, 198.51.100.23")
            .header("content-type", "application/json")
            .body(json!({"phone": "+1 (212) 555-0100"}).to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let stored = env
        .sandbox
        .state
        .customer("polygon", demo::POLYGON)
        .unwrap();
    assert_eq!(stored["ipAddress"], "198.51.100.23");
    env.finish().await;
}

#[tokio::test]
async fn forwarded_for_from_an_untrusted_peer_is_ignored() {
    let env = Env::start_with(Default::default(), |s| s.rate_limit = limits()).await;
    let mut seen = Vec::new();
    for hops in ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"] {
        seen.push(get_as(&env, "forged", Some(hops)).await.status);
    }
    assert_eq!(seen, vec![401, 401, 401, 429], "all counted as 127.0.0.1");
    let token = env.token("polygon", demo::POLYGON);
    let reply = Reply::from(
        env.http
            .patch(env.url("/v1/customer"))
            .header("authorization", format!("Bearer {token}"))
            .header("x-forwarded-for", "198.51.100.23")
            .header("content-type", "application/json")
            .body(json!({"phone": "+1 (212) 555-0100"}).to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let stored = env
        .sandbox
        .state
        .customer("polygon", demo::POLYGON)
        .unwrap();
    assert_eq!(stored["ipAddress"], "127.0.0.1");
    env.finish().await;
}
