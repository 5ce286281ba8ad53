//! Every provider through the proxy and the sandbox: GET (form state only), update round trip, operator-only
//! fields refused, 422 with pointers, and no tax ID number in any response.

mod common;

use common::Env;
use customer_update_core::providers;
use customer_update_proxy::sandbox::demo;
use serde_json::{json, Value};

/// A body that sets `pointer` (`-` = an array item) to a string.
fn body_setting(pointer: &str) -> Value {
    fn build(segments: &[&str]) -> Value {
        match segments.split_first() {
            None => json!("x"),
            Some((&"-", rest)) => json!([build(rest)]),
            Some((key, rest)) => json!({ (*key): build(rest) }),
        }
    }
    let segments: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    build(&segments)
}

#[tokio::test]
async fn get_returns_the_form_state_never_the_providers_body_nor_tax_numbers() {
    let env = Env::start().await;
    for (provider, customer) in [
        ("spherepay", demo::SPHEREPAY_OPEN),
        ("spherepay", demo::SPHEREPAY_KYC_SUBMITTED),
        ("polygon", demo::POLYGON),
        ("bvnk", demo::BVNK_INDIVIDUAL),
        ("bvnk", demo::BVNK_COMPANY),
        ("swipelux", demo::SWIPELUX),
    ] {
        let reply = env.get(&env.token(provider, customer)).await;
        assert_eq!(reply.status, 200, "{provider}: {}", reply.text);
        let body = reply.json();
        assert_eq!(body["provider"], provider);
        assert!(
            body.get("customer").is_none()
                && body["form"]["locked"].is_array()
                && body["form"]["writeOnly"].is_array()
        );
        for number in ["123456789", "914764628", "52998224725"] {
            assert!(
                !reply.text.contains(number),
                "{provider} GET leaks {number}"
            );
        }
    }
    // What the widget renders differently: locks after KYC, Polygon's write-only PII.
    let locked = env
        .get(&env.token("spherepay", demo::SPHEREPAY_KYC_SUBMITTED))
        .await
        .json();
    assert!(
        locked["form"]["locked"]
            .as_array()
            .is_some_and(|l| !l.is_empty()),
        "{locked}"
    );
    let polygon = env.get(&env.token("polygon", demo::POLYGON)).await.json();
    assert!(polygon["form"]["writeOnly"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "/birthDate"));
    assert!(polygon["form"]["values"].get("/birthDate").is_none());
    env.finish().await;
}

#[tokio::test]
async fn a_countrys_state_list_is_served_without_an_upstream_call() {
    let env = Env::start().await;
    let token = env.token("swipelux", demo::SWIPELUX);
    let calls = env.sandbox.state.total_provider_requests();
    let us = env
        .call("GET", "/v1/customer/states/US", Some(&token), None)
        .await;
    assert_eq!(us.status, 200, "{}", us.text);
    assert!(
        us.text.starts_with("AL|Alabama|") && us.text.contains("~CA|California|"),
        "{}",
        us.text
    );
    assert_eq!(
        env.sandbox.state.total_provider_requests(),
        calls,
        "a state list never reaches the provider"
    );
    // No list (France's format has no state), not a country, no session.
    assert_eq!(
        env.call("GET", "/v1/customer/states/FR", Some(&token), None)
            .await
            .status,
        404
    );
    assert_eq!(
        env.call("GET", "/v1/customer/states/ZZZ", Some(&token), None)
            .await
            .status,
        404
    );
    assert_eq!(
        env.call("GET", "/v1/customer/states/US", None, None)
            .await
            .status,
        401
    );
    env.finish().await;
}

#[tokio::test]
async fn a_languages_messages_are_served_without_an_upstream_call() {
    let env = Env::start().await;
    let token = env.token("polygon", demo::POLYGON);
    let calls = env.sandbox.state.total_provider_requests();
    let pt = env
        .call("GET", "/v1/customer/messages/pt-BR", Some(&token), None)
        .await;
    assert_eq!(pt.status, 200, "{}", pt.text);
    assert!(
        pt.text.contains("ui.submit\tSalvar alterações\n"),
        "{}",
        pt.text
    );
    assert!(!pt.text.contains('#'), "notes for translators stay home");
    assert_eq!(pt.header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(pt.header("cache-control"), Some("private, max-age=86400"));
    let es = env
        .call("GET", "/v1/customer/messages/es", Some(&token), None)
        .await;
    assert!(
        es.text.contains("ui.submit\tGuardar cambios\n"),
        "{}",
        es.text
    );
    assert_eq!(env.sandbox.state.total_provider_requests(), calls);
    // A language without a file, a tag that is not exact, no session.
    for path in ["/v1/customer/messages/fr", "/v1/customer/messages/pt"] {
        assert_eq!(
            env.call("GET", path, Some(&token), None).await.status,
            404,
            "{path}"
        );
    }
    assert_eq!(
        env.call("GET", "/v1/customer/messages/es", None, None)
            .await
            .status,
        401
    );
    env.finish().await;
}

#[tokio::test]
async fn reference_texts_travel_compressed_and_customer_data_does_not() {
    let env = Env::start().await;
    let token = env.token("polygon", demo::POLYGON);
    let fetch = |path: &'static str, encodings: &'static str| {
        env.http
            .get(env.url(path))
            .header("authorization", format!("Bearer {token}"))
            .header("accept-encoding", encodings)
            .send()
    };
    let plain = env
        .call("GET", "/v1/customer/messages/pt-BR", Some(&token), None)
        .await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-encoding"), None, "not asked for");

    let response = fetch("/v1/customer/messages/pt-BR", "gzip, deflate, br")
        .await
        .expect("proxy answers");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("br")
    );
    assert!(response.headers()["vary"]
        .to_str()
        .unwrap()
        .contains("accept-encoding"));
    let compressed = response.bytes().await.expect("body");
    let mut text = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut compressed.as_ref(), &mut text).expect("brotli");
    assert_eq!(String::from_utf8(text).expect("utf-8"), plain.text);
    assert!(
        compressed.len() * 2 < plain.text.len(),
        "{} bytes compressed from {}",
        compressed.len(),
        plain.text.len()
    );

    // The customer's own data (and anything echoed from what they typed) is never
    // compressed: its size would leak what it holds.
    let customer = fetch("/v1/customer", "gzip, br")
        .await
        .expect("proxy answers");
    assert_eq!(customer.status(), 200);
    assert_eq!(customer.headers().get("content-encoding"), None);
    env.finish().await;
}

#[tokio::test]
async fn spherepay_update_round_trip_and_kyc_lock() {
    let env = Env::start().await;
    let token = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let address = json!({"line1": "1 North State St", "city": "Chicago", "postalCode": "60602", "state": "IL", "country": "USA"});
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&token),
            Some(&json!({"address": address})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let stored = env
        .sandbox
        .state
        .customer("spherepay", demo::SPHEREPAY_OPEN)
        .unwrap();
    assert_eq!(stored["address"]["line1"], "1 North State St");

    // Tax ID with the address: accepted, stored, never echoed.
    let body = json!({"address": address, "personalInformation": {
        "taxIdentificationNumber": "123-45-6780", "taxIdentificationNumberType": "ssn", "taxIdentificationNumberCountry": "USA"}});
    let reply = env
        .call("PATCH", "/v1/customer", Some(&token), Some(&body))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(!reply.text.contains("123456780") && !reply.text.contains("123-45-6780"));

    // After KYC submission the tax ID is locked: refused before the PATCH goes upstream.
    let locked_token = env.token("spherepay", demo::SPHEREPAY_KYC_SUBMITTED);
    let before = env.sandbox.state.requests("spherepay");
    let body = json!({"address": {"line1": "Rua A, 1", "city": "São Paulo", "postalCode": "01310-100", "state": "SP", "country": "BRA"},
        "personalInformation": {"taxIdentificationNumber": "39053344705", "taxIdentificationNumberType": "national_id", "taxIdentificationNumberCountry": "BRA"}});
    let reply = env
        .call("PATCH", "/v1/customer", Some(&locked_token), Some(&body))
        .await;
    assert_eq!(reply.status, 422, "{}", reply.text);
    assert!(
        reply
            .pointers()
            .iter()
            .any(|p| p.starts_with("/personalInformation/taxIdentification")),
        "{}",
        reply.text
    );
    assert_eq!(
        env.sandbox.state.requests("spherepay"),
        before + 1,
        "only the GET for the lock check went upstream"
    );
    env.finish().await;
}

#[tokio::test]
async fn polygon_update_round_trip_keeps_pii_write_only_and_fills_the_ip() {
    let env = Env::start().await;
    let token = env.token("polygon", demo::POLYGON);
    let body =
        json!({"phone": "+1 (212) 555-0100", "birthDate": "1990-02-02", "signedAgreement": true});
    let reply = env
        .call("PATCH", "/v1/customer", Some(&token), Some(&body))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let answer = reply.json();
    let values = &answer["form"]["values"];
    assert_eq!(
        values["/phone"], "+12125550100",
        "core normalised the phone to E.164"
    );
    assert!(values.get("/birthDate").is_none() && !reply.text.contains("ipAddress"));
    let stored = env
        .sandbox
        .state
        .customer("polygon", demo::POLYGON)
        .unwrap();
    assert_eq!(
        (stored["birthDate"].as_str(), stored["ipAddress"].as_str()),
        (Some("1990-02-02"), Some("127.0.0.1"))
    );
    // signedAgreement is one-way: `false` is refused by the proxy.
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&token),
            Some(&json!({"signedAgreement": false})),
        )
        .await;
    assert!(reply.status == 400 || reply.status == 422, "{}", reply.text);
    assert_eq!(reply.pointers(), vec!["/signedAgreement".to_owned()]);
    env.finish().await;
}

#[tokio::test]
async fn bvnk_individual_company_and_associates_round_trips() {
    let env = Env::start().await;
    let individual = env.token("bvnk", demo::BVNK_INDIVIDUAL);
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&individual),
            Some(&json!({"email": "maria@example.es"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        env.sandbox
            .state
            .customer("bvnk", demo::BVNK_INDIVIDUAL)
            .unwrap()["individual"]["email"],
        "maria@example.es"
    );

    let company = env.token("bvnk", demo::BVNK_COMPANY);
    let reply = env
        .call(
            "PUT",
            "/v1/customer",
            Some(&company),
            Some(&json!({"name": "Acme Holdings Ltd"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert!(
        !reply.text.contains("914764628") && !reply.text.contains("123456789"),
        "redacted: {}",
        reply.text
    );
    assert_eq!(
        env.sandbox
            .state
            .customer("bvnk", demo::BVNK_COMPANY)
            .unwrap()["company"]["name"],
        "Acme Holdings Ltd"
    );

    let associates = json!({"associates": [{"person": {"reference": "911685b0-acaa-418d-bd91-ed80b96c62cf"},
        "details": {"contactInfo": {"emailAddress": "sean@acme.example"}}}]});
    let reply = env
        .call(
            "PUT",
            "/v1/customer/associates",
            Some(&company),
            Some(&associates),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let stored = env
        .sandbox
        .state
        .customer("bvnk", demo::BVNK_COMPANY)
        .unwrap();
    let associate = &stored["company"]["associates"][0];
    assert_eq!(
        associate["details"]["contactInfo"]["emailAddress"],
        "sean@acme.example"
    );
    assert_eq!(
        associate["person"]["lastName"], "Bond",
        "the rest of the associate was kept"
    );
    assert_eq!(associate["riskScore"], "LOW", "operator fields untouched");

    // An individual cannot use the company operation, and the status path does not exist.
    let reply = env
        .call(
            "PUT",
            "/v1/customer",
            Some(&individual),
            Some(&json!({"name": "Me Ltd"})),
        )
        .await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (400, "operation-not-for-this-customer")
    );
    let before = env.sandbox.state.requests("bvnk");
    let reply = env
        .call(
            "PUT",
            "/v1/customer/status",
            Some(&company),
            Some(&json!({"status": "VERIFIED"})),
        )
        .await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (400, "path-not-allowed")
    );
    assert_eq!(env.sandbox.state.requests("bvnk"), before);
    assert_eq!(
        env.sandbox
            .state
            .customer("bvnk", demo::BVNK_COMPANY)
            .unwrap()["status"],
        "PENDING"
    );
    env.finish().await;
}

#[tokio::test]
async fn swipelux_update_carries_a_fresh_share_token() {
    let env = Env::start().await;
    let token = env.token_with_applicant("swipelux", demo::SWIPELUX, demo::SWIPELUX_APPLICANT);
    let reply = env
        .call(
            "PUT",
            "/v1/customer",
            Some(&token),
            Some(&json!({"firstName": "Joana"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        env.sandbox
            .state
            .customer("swipelux", demo::SWIPELUX)
            .unwrap()["status"],
        "under_review",
        "the sandbox imported the KYC via the share token"
    );
    assert_eq!(env.sandbox.state.share_token_calls(), 1);
    assert!(!reply.text.contains("shareToken"));
    let reply = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&token),
            Some(&json!({"lastName": "Silva"})),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        env.sandbox
            .state
            .customer("swipelux", demo::SWIPELUX)
            .unwrap()["lastName"],
        "Silva"
    );
    env.finish().await;
}

#[tokio::test]
async fn every_operator_only_field_is_refused_naming_it() {
    let env = Env::start().await;
    for (provider, customer) in [
        ("spherepay", demo::SPHEREPAY_OPEN),
        ("polygon", demo::POLYGON),
        ("bvnk", demo::BVNK_COMPANY),
        ("swipelux", demo::SWIPELUX),
    ] {
        let spec = providers::by_id(provider).unwrap();
        let token = env.token(provider, customer);
        assert!(!spec.profile().operator_only.is_empty(), "{provider}");
        for pointer in spec.profile().operator_only {
            for op in spec.operations() {
                let body = body_setting(pointer);
                let path = format!("/v1/customer{}", op.sub_path);
                let reply = env
                    .call(op.method.as_str(), &path, Some(&token), Some(&body))
                    .await;
                assert_eq!(
                    reply.status, 400,
                    "{provider} {} {pointer}: {}",
                    op.id, reply.text
                );
                assert!(
                    !reply.pointers().is_empty(),
                    "{provider} {pointer}: names the field"
                );
            }
        }
    }
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    env.finish().await;
}

#[tokio::test]
async fn invalid_values_get_422_with_a_pointer_for_each_field() {
    let env = Env::start().await;
    let cases = [
        (
            "spherepay",
            demo::SPHEREPAY_OPEN,
            "PATCH",
            "",
            json!({"personalInformation": {"taxIdentificationNumber": "123456789"}}),
            vec![
                "/address/line1",
                "/address/city",
                "/address/country",
                "/personalInformation/taxIdentificationNumberType",
                "/personalInformation/taxIdentificationNumberCountry",
            ],
        ),
        (
            "polygon",
            demo::POLYGON,
            "PATCH",
            "",
            json!({"phone": "+1 555", "email": "not-an-email", "nationality": "XX"}),
            vec!["/phone", "/email", "/nationality"],
        ),
        (
            "bvnk",
            demo::BVNK_INDIVIDUAL,
            "PATCH",
            "",
            json!({"email": "nope", "phone": "12"}),
            vec!["/email", "/phone"],
        ),
        (
            "swipelux",
            demo::SWIPELUX,
            "PUT",
            "",
            json!({"firstName": "", "phone": "+999 1"}),
            vec!["/firstName", "/phone"],
        ),
    ];
    for (provider, customer, method, sub, body, expected) in cases {
        let reply = env
            .call(
                method,
                &format!("/v1/customer{sub}"),
                Some(&env.token(provider, customer)),
                Some(&body),
            )
            .await;
        assert_eq!(reply.status, 422, "{provider}: {}", reply.text);
        assert_eq!(reply.problem(), "validation-failed");
        let pointers = reply.pointers();
        for pointer in expected {
            assert!(
                pointers.iter().any(|p| p == pointer),
                "{provider}: no error at {pointer}: {}",
                reply.text
            );
        }
    }
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    env.finish().await;
}

#[tokio::test]
async fn a_body_over_16_kib_or_not_json_is_refused_as_problem_json() {
    let env = Env::start().await;
    let token = env.token("polygon", demo::POLYGON);
    let big = json!({"firstName": "a".repeat(17 * 1024)});
    let reply = env
        .call("PATCH", "/v1/customer", Some(&token), Some(&big))
        .await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (413, "body-too-large")
    );
    let reply = Env::call(
        &env,
        "PATCH",
        "/v1/customer",
        Some(&token),
        Some(&json!("just a string")),
    )
    .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    let raw = env
        .http
        .patch(env.url("/v1/customer"))
        .header("authorization", format!("Bearer {token}"))
        .body("{oops")
        .send()
        .await
        .unwrap();
    let reply = common::Reply::from(raw).await;
    assert_eq!(
        (reply.status, reply.problem().as_str()),
        (400, "malformed-body")
    );
    assert_eq!(env.sandbox.state.total_provider_requests(), 0);
    env.finish().await;
}
