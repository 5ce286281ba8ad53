//! The real transport (gloo-net's `fetch`) in the browser, against the test runner's own
//! HTTP server: a status comes back as an answer, a closed port as `Unreachable`.

use customer_update_widget::transport::{
    GlooTransport, HttpRequest, Method, NetworkError, Transport,
};
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
