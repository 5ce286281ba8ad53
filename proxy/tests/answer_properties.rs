//! No provider answer, however odd, panics a request: the answer readers and Polygon's
//! token cache over arbitrary statuses, bodies, JSON shapes and numbers.

use axum::http::HeaderValue;
use bytes::Bytes;
use customer_update_core::country::Lang;
use customer_update_core::providers;
use customer_update_proxy::answer;
use customer_update_proxy::customer_id::CustomerId;
use customer_update_proxy::upstream::polygon_token::{
    parse_token_response, token_lifetime, TokenCache,
};
use customer_update_proxy::upstream::UpstreamResponse;
use proptest::prelude::*;
use serde_json::{json, Value};

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        prop_oneof![
            Just("cus_1".to_owned()),
            Just("individual".to_owned()),
            Just("COMPANY".to_owned()),
            ".{0,12}".prop_map(String::from),
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("id".to_owned()),
            Just("reference".to_owned()),
            Just("type".to_owned()),
            Just("email".to_owned()),
            Just("company".to_owned()),
            Just("associates".to_owned()),
            Just("individual".to_owned()),
            Just("person".to_owned()),
            Just("errors".to_owned()),
            Just("code".to_owned()),
            "[a-z]{1,6}".prop_map(String::from),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn response(status: u16, body: Vec<u8>, retry_after: Option<String>) -> UpstreamResponse {
    UpstreamResponse {
        status: reqwest::StatusCode::from_u16(status).unwrap_or(reqwest::StatusCode::OK),
        retry_after: retry_after.and_then(|v| HeaderValue::from_str(&v).ok()),
        body: Bytes::from(body),
    }
}

fn read_every_provider(response: &UpstreamResponse) {
    let customer = CustomerId::parse("cus_1").unwrap();
    for spec in providers::all() {
        for lang in Lang::ALL {
            match answer::record(*spec, &customer, response, lang) {
                Ok(record) => {
                    let out = answer::form_answer(*spec, &record);
                    assert_eq!(out.status(), 200);
                }
                Err(problem) => {
                    let status = problem.status().as_u16();
                    assert!((400..600).contains(&status), "{status}");
                    let _ = problem.body();
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_with_any_status_are_read_without_panic(
        status in 100u16..600,
        body in prop::collection::vec(any::<u8>(), 0..256),
        retry_after in proptest::option::of(".{0,24}"),
    ) {
        read_every_provider(&response(status, body, retry_after));
    }

    #[test]
    fn any_json_shape_with_any_status_is_read_without_panic(
        status in prop_oneof![Just(200u16), Just(201), Just(400), Just(404), Just(409), Just(422), Just(429), Just(500), 100u16..600],
        body in json_value(),
        retry_after in proptest::option::of(any::<u64>().prop_map(|n| n.to_string())),
    ) {
        read_every_provider(&response(status, body.to_string().into_bytes(), retry_after));
    }

    #[test]
    fn a_retry_after_stays_within_bounds(text in ".{0,32}") {
        let value = HeaderValue::from_str(&text).ok();
        let secs = answer::retry_after_secs(value.as_ref());
        prop_assert!((1..=answer::MAX_RETRY_AFTER_SECS).contains(&secs));
    }

    #[test]
    fn any_token_answer_is_parsed_and_cached_without_panic(
        body in prop::collection::vec(any::<u8>(), 0..128),
        expires_in in any::<u64>(),
        token in "[ -~]{0,40}",
    ) {
        let _ = parse_token_response(&body);
        let answer = json!({"accessToken": token, "tokenType": "Bearer", "expiresIn": expires_in}).to_string();
        let parsed = parse_token_response(answer.as_bytes());
        let lifetime = token_lifetime(expires_in);
        prop_assert!(lifetime.as_secs() >= 1 && lifetime.as_secs() <= 24 * 3600);
        let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        runtime.block_on(async {
            let cache = TokenCache::default();
            let got = cache
                .get(|| async { parsed.clone().ok_or(()) })
                .await;
            if let Ok(token) = got {
                cache.invalidate(&token).await;
            }
        });
    }
}
