//! `CUW_LOG_FORMAT=json`: one JSON object per line, the request's ID on each line of the
//! request, and the same guarantees as text logs (no secrets, tokens, tax IDs, phones).

mod common;

use customer_update_proxy::logging::LogFormat;
use customer_update_proxy::sandbox::demo;
use serde_json::{json, Value};

#[test]
fn the_env_value_json_selects_json_lines() {
    assert_eq!(LogFormat::from_env_value(Some("json")), LogFormat::Json);
    assert_eq!(LogFormat::from_env_value(Some(" JSON ")), LogFormat::Json);
    assert_eq!(LogFormat::from_env_value(Some("text")), LogFormat::Text);
    assert_eq!(LogFormat::from_env_value(None), LogFormat::Text);
}

#[tokio::test]
async fn json_lines_carry_the_request_id_and_no_secrets() {
    common::init_json_logs();
    let env = common::Env::start().await;
    let token = env.token("polygon", demo::POLYGON);
    let reply = common::Reply::from(
        env.http
            .patch(env.url("/v1/customer"))
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .header("x-request-id", "json-req-7")
            .body(json!({"firstName": "Janette"}).to_string())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    // Tax ID and phone in a body: refused or not, they never reach a line.
    let spherepay = env.token("spherepay", demo::SPHEREPAY_OPEN);
    let body = json!({"phone": "+14155550123", "personalInformation": {"taxIdentificationNumber": "123456789"}});
    env.call("PATCH", "/v1/customer", Some(&spherepay), Some(&body))
        .await;

    let logs = common::logs();
    let lines: Vec<Value> = logs
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    let ours: Vec<&Value> = lines
        .iter()
        .filter(|line| line["span"]["request_id"] == "json-req-7")
        .collect();
    let message = |line: &Value| line["fields"]["message"].as_str().unwrap_or("").to_owned();
    let request = ours
        .iter()
        .find(|l| message(l) == "request")
        .expect("the request line");
    assert_eq!(request["fields"]["status"], 200);
    assert_eq!(request["fields"]["method"], "PATCH");
    assert_eq!(request["level"], "INFO");
    let audit = ours
        .iter()
        .find(|l| message(l) == "update applied")
        .expect("the audit line");
    assert_eq!(audit["target"], "audit");
    assert_eq!(audit["fields"]["provider"], "polygon");
    assert_eq!(audit["fields"]["changed"], "/firstName");
    assert_eq!(audit["fields"]["request_id"], "json-req-7");
    assert_eq!(audit["fields"]["customer"].as_str().map(str::len), Some(32));
    for expected in [
        "fetched a new bearer token",
        "upstream call",
        "update relayed",
    ] {
        assert!(
            ours.iter().any(|l| message(l) == expected),
            "`{expected}` in the request's span"
        );
    }
    assert!(!logs.contains("Janette"));
    env.finish().await; // every secret, token, tax ID and phone of the suite: absent
}
