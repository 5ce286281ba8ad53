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

fn token_with(claims: serde_json::Value) -> String {
    signed(Header::new(Algorithm::HS256), claims, TEST_SECRET)
}

#[tokio::test]
async fn tokens_without_iat_living_too_long_or_not_yet_valid_are_refused() {
    let env = Env::start_with(Default::default(), |s| {
        s.max_session_ttl = Duration::from_secs(900)
    })
    .await;
    let now = now_secs();
    let sub = demo::SPHEREPAY_OPEN;
    let cases = vec![
        (
            "no iat",
            json!({"sub": sub, "provider": "spherepay", "exp": now + 60}),
            401,
        ),
        (
            "exp - iat over the maximum",
            json!({"sub": sub, "provider": "spherepay", "iat": now - 10, "exp": now + 900}),
            401,
        ),
        (
            "exp before iat",
            json!({"sub": sub, "provider": "spherepay", "iat": now + 3, "exp": now + 1}),
            401,
        ),
        (
            "nbf in the future",
            json!({"sub": sub, "provider": "spherepay", "iat": now, "exp": now + 60, "nbf": now + 60}),
            401,
        ),
        (
            "nbf within the leeway",
            json!({"sub": sub, "provider": "spherepay", "iat": now, "exp": now + 60, "nbf": now + 3}),
            200,
        ),
        (
            "exactly the maximum",
            json!({"sub": sub, "provider": "spherepay", "iat": now, "exp": now + 900}),
            200,
        ),
    ];
    for (name, claims, status) in cases {
        let reply = env.get(&token_with(claims)).await;
        assert_eq!(reply.status, status, "{name}: {}", reply.text);
        if status == 401 {
            assert_eq!(reply.problem(), "session-invalid", "{name}");
        }
    }
    assert_eq!(
        env.sandbox.state.requests("spherepay"),
        2,
        "only the two good tokens went upstream"
    );
    // The demo endpoint never mints past the maximum either.
    let minted = env
        .call(
            "POST",
            "/demo/session",
            None,
            Some(&json!({"provider": "spherepay", "ttlSecs": 86_400})),
        )
        .await;
    assert_eq!(minted.json()["expiresIn"], 900, "{}", minted.text);
    env.finish().await;
}

#[tokio::test]
async fn every_configured_secret_verifies_and_the_first_one_signs() {
    const NEW: &str = "the-new-session-secret-0123456789abcdef";
    let env = Env::start_with(Default::default(), |s| {
        s.session_secrets = vec![NEW.as_bytes().to_vec(), TEST_SECRET.as_bytes().to_vec()]
    })
    .await;
    let old = SessionKey::new(TEST_SECRET.as_bytes())
        .mint(
            demo::SPHEREPAY_OPEN,
            "spherepay",
            Duration::from_secs(60),
            None,
            None,
        )
        .unwrap();
    let new = SessionKey::new(NEW.as_bytes())
        .mint(
            demo::SPHEREPAY_OPEN,
            "spherepay",
            Duration::from_secs(60),
            None,
            None,
        )
        .unwrap();
    let retired = SessionKey::new(b"a-retired-secret-that-nobody-configures")
        .mint(
            demo::SPHEREPAY_OPEN,
            "spherepay",
            Duration::from_secs(60),
            None,
            None,
        )
        .unwrap();
    assert_eq!(
        env.get(&old).await.status,
        200,
        "tokens of the old secret still work"
    );
    assert_eq!(env.get(&new).await.status, 200);
    assert_eq!(env.get(&retired).await.problem(), "session-invalid");
    // An expired token says expired whichever secret signed it.
    let expired = signed(
        Header::new(Algorithm::HS256),
        claims(now_secs() - 60),
        TEST_SECRET,
    );
    assert_eq!(env.get(&expired).await.problem(), "session-expired");
    let minted = env
        .call(
            "POST",
            "/demo/session",
            None,
            Some(&json!({"provider": "spherepay"})),
        )
        .await;
    let token = minted.json()["token"].as_str().unwrap().to_owned();
    assert!(
        SessionKey::new(NEW.as_bytes()).verify(&token).is_ok(),
        "the first secret signs"
    );
    assert!(SessionKey::new(TEST_SECRET.as_bytes())
        .verify(&token)
        .is_err());
    env.finish().await;
}

#[tokio::test]
async fn customer_ids_that_could_rewrite_the_upstream_path_are_refused() {
    let env = Env::start().await;
    let now = now_secs();
    for sub in [
        json!(""),
        json!("   "),
        json!("."),
        json!(".."),
        json!("x".repeat(129)),
        json!("cus\u{0}1"),
        json!("cus\n1"),
        json!("cus\u{1b}[1"),
        json!(42),
    ] {
        let token =
            token_with(json!({"sub": sub, "provider": "spherepay", "iat": now, "exp": now + 60}));
        let reply = env.get(&token).await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (401, "session-invalid"),
            "{sub}: {}",
            reply.text
        );
    }
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    env.finish().await;
}

#[tokio::test]
async fn a_customer_id_stays_one_segment_of_the_upstream_path_on_the_wire() {
    use common::recorder::Canned;
    let env =
        common::Fronted::start("spherepay", |_| Canned::Json(404, json!({"message": "no"}))).await;
    let template = customer_update_core::providers::by_id("spherepay")
        .unwrap()
        .get_path();
    let cases = [
        ("a/../b", "a%2F..%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("..%2F..%2Fadmin", "..%252F..%252Fadmin"),
        ("%2e%2e", "%252e%252e"),
        ("...", "..."),
        (".hidden", ".hidden"),
        ("a b?c=1#d", "a%20b%3Fc%3D1%23d"),
        ("\\..\\x", "%5C..%5Cx"),
        ("ü;x", "%C3%BC%3Bx"),
        (&"y".repeat(128), &"y".repeat(128)),
    ];
    for (sub, _) in &cases {
        let token = env.token("spherepay", sub);
        env.call("GET", "/v1/customer", Some(&token), None).await;
    }
    let expected: Vec<String> = cases
        .iter()
        .map(|(_, segment)| format!("GET {} HTTP/1.1", template.replace("{id}", segment)))
        .collect();
    assert_eq!(env.recorder.lines(), expected);
    env.finish().await;
}
