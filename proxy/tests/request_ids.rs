//! Request IDs (header, log lines, problem+json `instance`) and the audit line of an update.

mod common;

use common::{Env, TEST_SECRET};
use customer_update_proxy::audit::AuditKey;
use customer_update_proxy::sandbox::demo;
use serde_json::json;

async fn get_with_id(env: &Env, id: Option<&str>) -> common::Reply {
    let mut request = env.http.get(env.url("/v1/customer"));
    if let Some(id) = id {
        request = request.header("x-request-id", id);
    }
    common::Reply::from(request.send().await.unwrap()).await
}

fn is_generated(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

#[tokio::test]
async fn a_sane_request_id_is_kept_and_anything_else_replaced() {
    let env = Env::start().await;
    let reply = get_with_id(&env, Some("shop-req-0001")).await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.header("x-request-id"), Some("shop-req-0001"));
    assert_eq!(
        reply.json()["instance"],
        "urn:customer-update:request:shop-req-0001",
        "{}",
        reply.text
    );
    let request_line = common::logs()
        .lines()
        .find(|l| {
            l.contains("shop-req-0001") && l.contains(" request ") && l.contains("status=401")
        })
        .map(str::to_owned);
    assert!(
        request_line.is_some(),
        "the request's log line carries its ID"
    );

    for insane in [&"a".repeat(65), "two words", "semi;colon", "<script>"] {
        let reply = get_with_id(&env, Some(insane)).await;
        let id = reply.header("x-request-id").unwrap_or_default().to_owned();
        assert!(is_generated(&id), "{insane:?} → {id:?}");
        assert_eq!(
            reply.json()["instance"],
            format!("urn:customer-update:request:{id}")
        );
        assert!(
            !common::logs().contains(insane),
            "{insane:?} never reaches a log line"
        );
    }
    let first = get_with_id(&env, None).await;
    let second = get_with_id(&env, None).await;
    let (first, second) = (first.header("x-request-id"), second.header("x-request-id"));
    assert!(first.is_some_and(is_generated) && second.is_some_and(is_generated));
    assert_ne!(first, second);

    // Successful answers carry it too (and files, which have no problem body).
    let token = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let ok = env.get(&token).await;
    assert_eq!(ok.status, 200);
    assert!(ok.header("x-request-id").is_some_and(is_generated));
    env.finish().await;
}

#[tokio::test]
async fn an_update_leaves_one_audit_line_with_pointers_a_customer_hash_and_the_request_id() {
    let env = Env::start().await;
    let token = env.token("polygon", demo::POLYGON);
    let body = json!({"firstName": "Janette", "lastName": "Lisboa"});
    let reply = common::Reply::from(
        env.http
            .patch(env.url("/v1/customer"))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .header("x-request-id", "audit-req-42")
            .body(body.to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);

    let logs = common::logs();
    let ours: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("audit-req-42"))
        .collect();
    let audit: Vec<&&str> = ours
        .iter()
        .filter(|l| l.contains("update applied"))
        .collect();
    assert_eq!(audit.len(), 1, "one audit line: {ours:#?}");
    let audit = audit[0];
    let hash = AuditKey::new(None, TEST_SECRET.as_bytes()).customer_hash("polygon", demo::POLYGON);
    for expected in [
        "provider=\"polygon\"",
        "operation=\"customer\"",
        "changed=/firstName,/lastName",
        &format!("customer={hash}"),
        "request_id=audit-req-42",
    ] {
        assert!(audit.contains(expected), "`{expected}` in {audit}");
    }
    assert!(
        !audit.contains(demo::POLYGON),
        "the customer ID is hashed: {audit}"
    );
    assert!(
        !audit.contains("Janette") && !audit.contains("Lisboa"),
        "no values: {audit}"
    );

    // Every line the proxy wrote for this request is in its span: the upstream calls
    // (token, GET, PATCH), the relay, the audit line, the request line.
    for message in [
        "fetched a new bearer token",
        "upstream call",
        "update relayed",
        "request",
    ] {
        assert!(
            ours.iter().any(|l| l.contains(message)),
            "`{message}` carries the request ID: {ours:#?}"
        );
    }
    let polygon_lines = logs
        .lines()
        .filter(|l| l.contains("provider=polygon") || l.contains("provider=\"polygon\""));
    for line in polygon_lines {
        assert!(
            line.contains("audit-req-42"),
            "outside the request's span: {line}"
        );
    }

    // A refused update leaves no audit line.
    let refused = env
        .call(
            "PATCH",
            "/v1/customer",
            Some(&token),
            Some(&json!({"email": "not an email"})),
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.text);
    assert_eq!(
        common::logs()
            .lines()
            .filter(|l| l.contains("update applied"))
            .count(),
        1
    );
    env.finish().await;
}
