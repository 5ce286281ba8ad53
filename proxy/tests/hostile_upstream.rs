//! A provider that answers too much, the wrong customer, lists, huge bodies, absurd
//! numbers or its own error texts: none of it reaches the browser, and no update is sent
//! on the strength of a record that is not the session's customer.

mod common;

use std::time::{Duration, Instant};

use common::recorder::{Canned, Recorded};
use common::Fronted;
use serde_json::{json, Value};

const CUSTOMER: &str = "cus_session";
const OTHER: &str = "cus_someone_else";
/// Values that must never reach a browser.
const LEAKS: &[&str] = &[
    "987654321",
    "HIGH-RISK-77",
    "other@example.com",
    OTHER,
    "operator note",
];

fn spherepay_record(id: &str) -> Value {
    json!({
        "id": id, "type": "individual", "email": "jane@example.com", "firstName": "Jane",
        "verificationProfiles": [], "riskScore": "HIGH-RISK-77",
        "personalInformation": {"taxIdentificationNumber": "987654321", "nationality": "USA"},
        "meta": {"note": "operator note"},
        "related": {"id": OTHER, "email": "other@example.com"},
        "customers": [{"id": OTHER, "email": "other@example.com"}],
    })
}

fn assert_no_leak(text: &str) {
    for leak in LEAKS {
        assert!(!text.contains(leak), "the answer carries `{leak}`: {text}");
    }
}

fn only_get(recorded: &[Recorded]) -> bool {
    recorded.iter().all(|r| r.method() == "GET")
}

#[tokio::test]
async fn a_get_answers_only_the_form_state_built_from_the_profiles_pointers() {
    let env = Fronted::start("spherepay", |_| {
        Canned::Json(200, spherepay_record(CUSTOMER))
    })
    .await;
    let reply = env
        .call(
            "GET",
            "/v1/customer",
            Some(&env.token("spherepay", CUSTOMER)),
            None,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let body = reply.json();
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["form", "provider"], "no raw customer body: {body}");
    assert_eq!(
        body["form"]["values"]["/personalInformation/nationality"],
        "USA"
    );
    assert_no_leak(&reply.text);
    env.finish().await;
}

#[tokio::test]
async fn list_shaped_foreign_or_anonymous_records_are_a_502_and_relay_nothing() {
    let record = spherepay_record(CUSTOMER);
    let mut anonymous = record.clone();
    anonymous.as_object_mut().unwrap().remove("id");
    let answers = vec![
        ("a list", json!([record.clone(), spherepay_record(OTHER)])),
        ("another customer", spherepay_record(OTHER)),
        ("no id", anonymous),
        ("a wrapped record", json!({"data": record})),
        ("a number id", json!({"id": 7, "type": "individual"})),
        ("a string", json!("987654321")),
    ];
    for (name, answer) in answers {
        let env = Fronted::start("spherepay", move |_| Canned::Json(200, answer.clone())).await;
        let token = env.token("spherepay", CUSTOMER);
        let get = env.call("GET", "/v1/customer", Some(&token), None).await;
        assert_eq!(
            (get.status, get.problem().as_str()),
            (502, "upstream-malformed"),
            "{name}: {}",
            get.text
        );
        assert_no_leak(&get.text);
        let patch = env
            .call(
                "PATCH",
                "/v1/customer",
                Some(&token),
                Some(&json!({"personalInformation": {"middleName": "Q"}})),
            )
            .await;
        assert_eq!(
            (patch.status, patch.problem().as_str()),
            (502, "upstream-malformed"),
            "{name}: {}",
            patch.text
        );
        assert!(
            only_get(&env.recorder.recorded()),
            "{name}: no update was sent"
        );
        env.finish().await;
    }
}

#[tokio::test]
async fn a_bvnk_company_answering_another_reference_gets_no_associates_update() {
    let company = json!({"reference": OTHER, "type": "COMPANY", "status": "PENDING",
        "company": {"name": "Acme", "associates": [{"person": {"reference": "p-1", "firstName": "A", "lastName": "B"},
            "details": {"contactInfo": {"emailAddress": "other@example.com"}}, "riskScore": "HIGH-RISK-77"}]}});
    let env = Fronted::start("bvnk", move |_| Canned::Json(200, company.clone())).await;
    let token = env.token("bvnk", CUSTOMER);
    let body = json!({"associates": [{"person": {"reference": "p-1"}, "details": {"contactInfo": {"emailAddress": "x@example.com"}}}]});
    let reply = env
        .call("PUT", "/v1/customer/associates", Some(&token), Some(&body))
        .await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (502, "upstream-malformed"),
        "{}",
        reply.text
    );
    assert_no_leak(&reply.text);
    assert!(
        only_get(&env.recorder.recorded()),
        "{:?}",
        env.recorder.lines()
    );
    env.finish().await;
}

#[tokio::test]
async fn an_update_answers_the_form_state_of_the_providers_answer() {
    let env = Fronted::start("spherepay", |request| {
        let mut record = spherepay_record(CUSTOMER);
        if request.method() == "PATCH" {
            record["personalInformation"]["middleName"] = json!("Q");
        }
        Canned::Json(200, record)
    })
    .await;
    let token = env.token("spherepay", CUSTOMER);
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&token),
            Some(&json!({"personalInformation": {"middleName": "Q"}})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let body = reply.json();
    assert_eq!(
        body["form"]["values"]["/personalInformation/middleName"], "Q",
        "{body}"
    );
    assert!(body.get("customer").is_none() && body.get("personalInformation").is_none());
    assert_no_leak(&reply.text);
    env.finish().await;

    // An update answered with someone else's record is not relayed.
    let env = Fronted::start("spherepay", |request| match request.method() {
        "GET" => Canned::Json(200, spherepay_record(CUSTOMER)),
        _ => Canned::Json(200, spherepay_record(OTHER)),
    })
    .await;
    let token = env.token("spherepay", CUSTOMER);
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&token),
            Some(&json!({"personalInformation": {"middleName": "Q"}})),
        )
        .await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (502, "upstream-malformed"),
        "{}",
        reply.text
    );
    assert_no_leak(&reply.text);
    env.finish().await;
}

#[tokio::test]
async fn a_record_of_unknown_kind_allows_no_update() {
    let env = Fronted::start("spherepay", |_| {
        let mut record = spherepay_record(CUSTOMER);
        record["type"] = json!("alien");
        Canned::Json(200, record)
    })
    .await;
    let token = env.token("spherepay", CUSTOMER);
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&token),
            Some(&json!({"personalInformation": {"middleName": "Q"}})),
        )
        .await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (502, "upstream-malformed"),
        "{}",
        reply.text
    );
    assert!(
        only_get(&env.recorder.recorded()),
        "{:?}",
        env.recorder.lines()
    );
    env.finish().await;
}

#[tokio::test]
async fn provider_error_texts_become_cores_messages_in_the_customers_language() {
    let env = Fronted::start("spherepay", |request| match request.method() {
        "GET" => Canned::Json(200, spherepay_record(CUSTOMER)),
        _ => Canned::Json(
            400,
            json!({"code": "ZZ_SECRET_CODE", "errors": [
                {"path": "personalInformation.middleName", "code": "required", "message": "PROVIDER TEXT other@example.com"},
                {"path": "internal.riskScore", "code": "HIGH-RISK-77", "message": "PROVIDER TEXT 987654321"},
                {"field": "/address/line1", "code": "weird_code", "message": "PROVIDER TEXT three"}
            ]}),
        ),
    })
    .await;
    let token = env.token("spherepay", CUSTOMER);
    let reply = common::Reply::from(
        env.http
            .patch(env.url("/v1/customer"))
            .header("authorization", format!("Bearer {token}"))
            .header("accept-language", "es-MX,es;q=0.9")
            .header("content-type", "application/json")
            .body(json!({"personalInformation": {"middleName": "Q"}}).to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert!(!reply.text.contains("PROVIDER TEXT"), "{}", reply.text);
    assert_no_leak(&reply.text);
    let errors = reply.json()["errors"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let spanish = customer_update_core::i18n::catalogue(customer_update_core::country::Lang::Es);
    let message = |key| customer_update_core::i18n::lookup(spanish, key).unwrap();
    assert_eq!(
        errors[0],
        json!({"pointer": "/personalInformation/middleName", "code": "required", "message": message("required")})
    );
    assert_eq!(
        errors[1],
        json!({"pointer": "", "code": "general", "message": message("general")}),
        "unknown pointer and code"
    );
    assert_eq!(
        errors[2],
        json!({"pointer": "/address/line1", "code": "general", "message": message("general")})
    );
    let logs = common::logs();
    assert!(logs.contains("weird_code"), "the provider's code is logged");
    assert!(!logs.contains("PROVIDER TEXT"), "its text is not");
    env.finish().await;
}

#[tokio::test]
async fn an_answer_over_one_mib_is_refused_without_reading_the_rest() {
    const TOTAL: usize = 256 * 1024 * 1024;
    for declared in [true, false] {
        let env = Fronted::start("spherepay", move |_| Canned::Huge {
            total: TOTAL,
            declared,
        })
        .await;
        let started = Instant::now();
        let reply = env
            .call(
                "GET",
                "/v1/customer",
                Some(&env.token("spherepay", CUSTOMER)),
                None,
            )
            .await;
        assert_eq!(
            (reply.status, reply.problem().as_str()),
            (502, "upstream-malformed"),
            "{}",
            reply.text
        );
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "answered at once"
        );
        let mut written = Vec::new();
        for _ in 0..50 {
            written = env.recorder.huge_written.lock().unwrap().clone();
            if !written.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            written.first().is_some_and(|w| *w < TOTAL / 4),
            "the proxy hung up early (declared: {declared}): {written:?}"
        );
        env.finish().await;
    }
}

#[tokio::test]
async fn numbers_from_the_provider_are_clamped() {
    let env = Fronted::start("spherepay", |_| {
        Canned::Raw(
            429,
            vec![("retry-after".into(), "86400000".into())],
            b"{}".to_vec(),
        )
    })
    .await;
    let reply = env
        .call(
            "GET",
            "/v1/customer",
            Some(&env.token("spherepay", CUSTOMER)),
            None,
        )
        .await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), Some("300"));
    env.finish().await;

    // A token said to live for u64::MAX seconds neither panics nor lives for ever.
    let record = json!({"id": CUSTOMER, "object": "customer", "type": "individual", "email": "a@example.com"});
    let env = Fronted::start("polygon", move |request| {
        if request.path().ends_with("/auth/token") {
            Canned::Json(
                200,
                json!({"accessToken": "tok", "tokenType": "Bearer", "expiresIn": u64::MAX}),
            )
        } else {
            Canned::Json(200, record.clone())
        }
    })
    .await;
    let token = env.token("polygon", CUSTOMER);
    for _ in 0..2 {
        let reply = env.call("GET", "/v1/customer", Some(&token), None).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
    }
    let token_calls = env
        .recorder
        .lines()
        .iter()
        .filter(|l| l.contains("/auth/token"))
        .count();
    assert_eq!(token_calls, 1, "cached");
    env.finish().await;
}
