//! The real transport (gloo-net's `fetch`) in the browser, against the test runner's own
//! HTTP server: a status comes back as an answer, a closed port as `Unreachable`. And the
//! GETs the page's JS starts before the wasm is ready, taken over instead of sent again.

mod support;

use std::rc::Rc;

use customer_update_widget::transport::{
    GlooTransport, HttpRequest, Method, NetworkError, Prefetched, Started, Transport,
};
use customer_update_widget::{mount_with, HostOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(url: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        url: url.into(),
        session_token: "session-123".into(),
        body: None,
    }
}

#[wasm_bindgen_test]
async fn an_http_status_is_an_answer_with_its_body() {
    let page = web_sys::window().unwrap().location().origin().unwrap();
    let reply = GlooTransport
        .send(get(&format!("{page}/no-such-customer")))
        .await
        .expect("the test server answers");
    assert_eq!(reply.status, 404);
}

#[wasm_bindgen_test]
async fn a_closed_port_is_unreachable_not_a_status() {
    let mut patch = get("http://127.0.0.1:9/v1/customer");
    patch.method = Method::Patch;
    patch.body = Some(r#"{"lastName":"Silva"}"#.into());
    let reply = GlooTransport.send(patch).await;
    assert_eq!(reply, Err(NetworkError::Unreachable));
}

fn started(url: &str, token: &str, reply: serde_json::Value) -> Started {
    let reply = js_sys::JSON::parse(&reply.to_string()).unwrap();
    Started {
        url: url.into(),
        session_token: token.into(),
        reply: js_sys::Promise::resolve(&reply),
    }
}

fn swipelux_answer() -> serde_json::Value {
    support::get_answer(
        "swipelux",
        &serde_json::json!({"id": "cus_1", "firstName": "João", "lastName": "Pereira",
            "email": "joao@example.com", "status": "approved", "metadata": {},
            "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-01T00:00:00Z"}),
    )
}

#[wasm_bindgen_test]
async fn a_get_the_page_already_started_is_taken_over_not_sent_again() {
    let scripted = support::ScriptedTransport::default();
    let prefetched = Prefetched::new(
        Rc::new(scripted.clone()),
        vec![started(
            "/v1/customer",
            "session-123",
            serde_json::json!({"status": 200, "body": swipelux_answer().to_string()}),
        )],
    );
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let options = HostOptions {
        provider: "swipelux".into(),
        endpoint: "/v1/customer".into(),
        session_token: "session-123".into(),
        lang: "pt-BR".into(),
        ..Default::default()
    };
    let _handle = mount_with(&host, options, Rc::new(prefetched));
    support::settle().await;

    let first: web_sys::HtmlInputElement = host
        .query_selector("[name='/firstName']")
        .unwrap()
        .expect("the form is shown from the started GET")
        .dyn_into()
        .unwrap();
    assert_eq!(first.value(), "João");
    assert!(
        scripted.requests().is_empty(),
        "the customer's GET was not sent twice"
    );
    assert_eq!(
        *scripted.languages_asked.borrow(),
        ["pt-BR"],
        "a GET the page did not start goes out as usual"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_started_get_for_another_token_is_left_alone() {
    let scripted = support::ScriptedTransport::default();
    let prefetched = Prefetched::new(
        Rc::new(scripted.clone()),
        vec![started(
            "/v1/customer",
            "old-token",
            serde_json::json!({"status": 401, "body": ""}),
        )],
    );
    let reply = prefetched.send(get("/v1/customer")).await;
    assert_eq!(
        reply,
        Err(NetworkError::Unreachable),
        "the scripted transport answered"
    );
    assert_eq!(scripted.requests().len(), 1);
}
