//! Session matrix: every way a browser can lie about who it is ends before the provider.

mod common;

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use common::{Env, TEST_SECRET};
use customer_update_proxy::sandbox::demo;
use customer_update_proxy::session::{now_secs, SessionKey};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::json;

fn signed(header: Header, claims: serde_json::Value, secret: &str) -> String {
    encode(
        &header,
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn claims(exp: u64) -> serde_json::Value {
    json!({"sub": demo::SPHEREPAY_OPEN, "provider": "spherepay", "iat": now_secs() - 10, "exp": exp})
}

#[tokio::test]
async fn bad_sessions_are_refused_and_nothing_reaches_the_provider() {
    let env = Env::start().await;
    let later = now_secs() + 600;
    let unsigned_none = format!(
        "{}.{}.",
        B64URL.encode(r#"{"alg":"none","typ":"JWT"}"#),
        B64URL.encode(claims(later).to_string())
    );
    let cases: Vec<(&str, Option<String>, u16, &str)> = vec![
        ("missing", None, 401, "session-missing"),
        (
            "malformed",
            Some("not.a.jwt".into()),
            401,
            "session-invalid",
        ),
        ("empty", Some(String::new()), 401, "session-invalid"),
        (
            "wrong signature",
            Some(signed(
                Header::new(Algorithm::HS256),
                claims(later),
                "another-secret",
            )),
            401,
            "session-invalid",
        ),
        ("alg none", Some(unsigned_none), 401, "session-invalid"),
        (
            "alg HS512",
            Some(signed(
                Header::new(Algorithm::HS512),
                claims(later),
                TEST_SECRET,
            )),
            401,
            "session-invalid",
        ),
        (
            "expired",
            Some(signed(
                Header::new(Algorithm::HS256),
                claims(now_secs() - 120),
                TEST_SECRET,
            )),
            401,
            "session-expired",
        ),
        (
            "no exp",
            Some(signed(
                Header::new(Algorithm::HS256),
                json!({"sub": "x", "provider": "spherepay"}),
                TEST_SECRET,
            )),
            401,
            "session-invalid",
        ),
        (
            "unknown provider",
            Some(
                env.key
                    .mint("cus_1", "stripe", Duration::from_secs(60), None, None)
                    .unwrap(),
            ),
            403,
            "wrong-provider",
        ),
    ];
    for (name, token, status, problem) in cases {
        let reply = env
            .call("GET", "/v1/customer", token.as_deref(), None)
            .await;
        assert_eq!(reply.status, status, "{name}: {}", reply.text);
        assert_eq!(reply.problem(), problem, "{name}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json"),
            "{name}"
        );
        let patch = env
            .call(
                "PATCH",
                "/v1/customer",
                token.as_deref(),
                Some(&json!({"meta": {}})),
            )
            .await;
        assert_eq!(patch.status, status, "{name} (PATCH)");
    }
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    env.finish().await;
}

#[tokio::test]
async fn an_expired_session_says_so_so_the_widget_can_ask_for_a_new_one() {
    let env = Env::start().await;
    let expired = signed(
        Header::new(Algorithm::HS256),
        claims(now_secs() - 60),
        TEST_SECRET,
    );
    let reply = env.get(&expired).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (401, "session-expired")
    );
    assert!(reply
        .header("www-authenticate")
        .unwrap_or("")
        .contains("invalid_token"));
    env.finish().await;
}

#[tokio::test]
async fn a_customer_id_in_path_query_or_body_is_refused_and_never_used() {
    let env = Env::start().await;
    let token = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let other = demo::SPHEREPAY_KYC_SUBMITTED;
    let address = json!({"line1": "1 Main St", "city": "Chicago", "postalCode": "60606", "state": "IL", "country": "USA"});
    let cases = vec![
        (
            "GET",
            format!("/v1/customer/{other}"),
            None,
            "path-not-allowed",
        ),
        (
            "PATCH",
            format!("/v1/customer/{other}"),
            Some(json!({"address": address})),
            "path-not-allowed",
        ),
        (
            "GET",
            format!("/v1/customer?customerId={other}"),
            None,
            "query-not-allowed",
        ),
        (
            "PATCH",
            format!("/v1/customer?id={other}"),
            Some(json!({"address": address})),
            "query-not-allowed",
        ),
        (
            "PATCH",
            "/v1/customer".to_owned(),
            Some(json!({"id": other, "address": address})),
            "customer-id-in-request",
        ),
        (
            "PATCH",
            "/v1/customer".to_owned(),
            Some(json!({"customerId": other, "address": address})),
            "customer-id-in-request",
        ),
    ];
    for (method, path, body, problem) in cases {
        let reply = env.call(method, &path, Some(&token), body.as_ref()).await;
        assert_eq!(reply.status, 400, "{method} {path}: {}", reply.text);
        assert_eq!(reply.problem(), problem, "{method} {path}");
    }
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    // Neither customer changed.
    let stored = env.sandbox.state.customer("spherepay", other).unwrap();
    assert_eq!(stored["address"]["line1"], "Avenida Paulista, 1000");
    env.finish().await;
}

#[tokio::test]
async fn a_session_for_another_provider_is_refused_by_a_single_provider_proxy() {
    let env = Env::start_with(Default::default(), |settings| {
        settings.upstreams.retain(|u| u.provider == "spherepay")
    })
    .await;
    let reply = env.get(&env.token("polygon", demo::POLYGON)).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (403, "wrong-provider")
    );
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    env.finish().await;
}

#[tokio::test]
async fn a_session_bound_to_an_origin_is_refused_from_another_origin() {
    let env = Env::start().await;
    let key = SessionKey::new(TEST_SECRET.as_bytes());
    let token = key
        .mint(
            demo::SPHEREPAY_OPEN,
            "spherepay",
            Duration::from_secs(60),
            Some("https://shop.example".into()),
            None,
        )
        .unwrap();
    let from = |origin: &'static str| {
        env.http
            .get(env.url("/v1/customer"))
            .header("authorization", format!("Bearer {token}"))
            .header("origin", origin)
    };
    let evil = common::Reply::from(from("https://evil.example").send().await.unwrap()).await;
    assert_eq!(
        (evil.status, evil.problem().as_str()),
        (403, "origin-mismatch")
    );
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    let good = common::Reply::from(from("https://shop.example").send().await.unwrap()).await;
    assert_eq!(good.status, 200, "{}", good.text);
    env.finish().await;
}
