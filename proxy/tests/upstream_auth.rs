//! Upstream authentication, checked for real by the sandbox: Polygon's token cache under
//! concurrency, Hawk nonces, Swipelux share-token re-mint.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::Env;
use customer_update_proxy::sandbox::{self, demo, Fault, FaultKind};
use customer_update_proxy::upstream::Upstream;
use serde_json::json;

async fn fifty_concurrent_gets(env: &Env) {
    let token = env.token("polygon", demo::POLYGON);
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let (http, url, token) = (env.http.clone(), env.url("/v1/customer"), token.clone());
        tasks.push(tokio::spawn(async move {
            http.get(url)
                .header("authorization", format!("Bearer {token}"))
                .send()
                .await
                .map(|r| r.status().as_u16())
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap(), 200);
    }
}

#[tokio::test]
async fn polygon_fifty_concurrent_requests_share_one_token_call() {
    let env = Env::start().await;
    fifty_concurrent_gets(&env).await;
    assert_eq!(
        env.sandbox.state.polygon_token_calls(),
        1,
        "cold cache: one token call for 50 requests"
    );
    env.finish().await;
}

#[tokio::test]
async fn polygon_token_expiring_under_load_is_refreshed_once() {
    let options = sandbox::Options {
        polygon_token_ttl_secs: 2,
        ..Default::default()
    };
    let env = Env::start_with(options, |_| {}).await;
    let token = env.token("polygon", demo::POLYGON);
    assert_eq!(env.get(&token).await.status, 200);
    assert_eq!(env.sandbox.state.polygon_token_calls(), 1);
    // The proxy refreshes halfway through a 2 s token: after 1.1 s it is due.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    fifty_concurrent_gets(&env).await;
    assert_eq!(
        env.sandbox.state.polygon_token_calls(),
        2,
        "exactly one refresh for 50 waiting requests"
    );
    env.finish().await;
}

#[tokio::test]
async fn polygon_token_revoked_upstream_gets_one_refresh_and_one_retry() {
    let env = Env::start().await;
    let token = env.token("polygon", demo::POLYGON);
    assert_eq!(env.get(&token).await.status, 200);
    env.sandbox.state.revoke_polygon_tokens();
    let before = env.sandbox.state.requests("polygon");
    fifty_concurrent_gets(&env).await;
    assert_eq!(
        env.sandbox.state.polygon_token_calls(),
        2,
        "one refresh although 50 requests saw the 401"
    );
    // 50 GETs, each refused at most once, plus the one token call.
    let calls = env.sandbox.state.requests("polygon") - before;
    assert!((51..=101).contains(&calls), "{calls}");
    env.finish().await;
}

#[tokio::test]
async fn polygon_wrong_credentials_are_a_502_not_a_session_error() {
    let env = Env::start().await;
    let mut settings = env.sandbox.upstream("polygon").unwrap();
    settings.credentials = customer_update_proxy::upstream::auth::Credentials::Polygon {
        api_key: "wrong".into(),
        api_secret: "wrong".into(),
    };
    let upstream =
        Upstream::new(settings, Duration::from_millis(500), Duration::from_secs(2)).unwrap();
    let failure = upstream
        .send(
            "get",
            reqwest::Method::GET,
            "/customers/cst_01H9Xa8F5dN6mP3q",
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(failure.problem().kind.status().as_u16(), 502);
    env.finish().await;
}

#[tokio::test]
async fn hawk_nonces_are_unique_across_a_thousand_calls() {
    let env = Env::start().await;
    let upstream = Arc::new(
        Upstream::new(
            env.sandbox.upstream("bvnk").unwrap(),
            Duration::from_millis(500),
            Duration::from_secs(5),
        )
        .unwrap(),
    );
    let path = format!("/platform/v1/customers/{}", demo::BVNK_INDIVIDUAL);
    let mut tasks = Vec::new();
    for worker in 0..4 {
        let (upstream, path) = (upstream.clone(), path.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..250 {
                let body =
                    (i % 10 == 0).then(|| json!({"email": format!("w{worker}-{i}@example.com")}));
                let method = if body.is_some() {
                    reqwest::Method::PATCH
                } else {
                    reqwest::Method::GET
                };
                let response = upstream
                    .send("get", method, &path, body.as_ref())
                    .await
                    .unwrap();
                assert_eq!(
                    response.status.as_u16(),
                    200,
                    "{}",
                    String::from_utf8_lossy(&response.body)
                );
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    // The sandbox refuses a reused nonce, so 1,000 successes mean 1,000 distinct nonces.
    assert_eq!(env.sandbox.state.hawk_nonces_seen(), 1000);
    env.finish().await;
}

#[tokio::test]
async fn bvnk_refuses_a_bad_mac_a_replayed_nonce_and_a_stale_timestamp() {
    use customer_update_proxy::hawk;
    let env = Env::start().await;
    let url = format!(
        "{}/bvnk/platform/v1/customers/{}",
        env.sandbox.base_url(),
        demo::BVNK_INDIVIDUAL
    );
    let port = env.sandbox.addr.port();
    let resource = format!("/bvnk/platform/v1/customers/{}", demo::BVNK_INDIVIDUAL);
    let sign = |ts: u64, nonce: &str, key: &str| {
        let artifacts = hawk::Artifacts {
            ts,
            nonce,
            method: "GET",
            resource: &resource,
            host: "127.0.0.1",
            port,
            hash: "",
            ext: "",
        };
        hawk::header(
            sandbox::credentials::BVNK_HAWK_ID,
            key.as_bytes(),
            &artifacts,
        )
    };
    let now = customer_update_proxy::session::now_secs();
    let status = |header: String| {
        let request = env.http.get(&url).header("authorization", header);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(
        status(sign(now, "n-1", sandbox::credentials::BVNK_HAWK_KEY)).await,
        200
    );
    assert_eq!(
        status(sign(now, "n-1", sandbox::credentials::BVNK_HAWK_KEY)).await,
        401,
        "replayed nonce"
    );
    assert_eq!(status(sign(now, "n-2", "wrong-key")).await, 401, "bad MAC");
    assert_eq!(
        status(sign(now - 3600, "n-3", sandbox::credentials::BVNK_HAWK_KEY)).await,
        401,
        "stale ts"
    );
    env.finish().await;
}

#[tokio::test]
async fn swipelux_stale_share_token_is_minted_again_and_the_update_repeated_once() {
    let env = Env::start().await;
    let token = env.token_with_applicant("swipelux", demo::SWIPELUX, demo::SWIPELUX_APPLICANT);
    env.sandbox.state.faults.add(Fault {
        provider: Some("swipelux".into()),
        kind: FaultKind::StaleShareToken,
        count: 1,
        delay_ms: 0,
    });
    let reply = env
        .call(
            "PUT",
            "/v1/customer",
            Some(&token),
            Some(&json!({"firstName": "Joana"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(env.sandbox.state.share_token_calls(), 2, "one re-mint");
    assert_eq!(
        env.sandbox.state.requests("swipelux"),
        3,
        "GET + first PUT + one retry"
    );

    // Still stale after the retry: no third attempt, the provider's 422 is relayed.
    env.sandbox.state.faults.add(Fault {
        provider: Some("swipelux".into()),
        kind: FaultKind::StaleShareToken,
        count: 5,
        delay_ms: 0,
    });
    let reply = env
        .call(
            "PUT",
            "/v1/customer",
            Some(&token),
            Some(&json!({"firstName": "Joana"})),
        )
        .await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    // `/shareToken` is no field of the form: the customer gets the general message.
    assert_eq!(reply.pointers(), vec![String::new()]);
    assert!(!reply.text.contains("shareToken"), "{}", reply.text);
    assert_eq!(env.sandbox.state.share_token_calls(), 4);
    assert_eq!(env.sandbox.state.requests("swipelux"), 6);
    env.finish().await;
}
