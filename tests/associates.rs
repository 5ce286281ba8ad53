//! A BVNK company's associates: one group per person under the company form, prefilled
//! from the GET, and only the changed people's changed contact details sent to
//! `…/associates` (after the company's own PUT when both changed).

mod support;

use customer_update_widget::transport::Method;
use serde_json::json;
use support::{fire, mount, Mounted, ScriptedTransport};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ANA: &str = "0b6f7a52-0f0e-4b43-9d7e-3f1a2c4d5e60";
const BRUNO: &str = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

fn associate(
    reference: &str,
    first: &str,
    last: &str,
    email: &str,
    phone: &str,
) -> serde_json::Value {
    json!({
        "person": {"reference": reference, "firstName": first, "lastName": last},
        "details": {"contactInfo": {"emailAddress": email, "phoneNumber": phone}},
        "title": "Director"
    })
}

fn company() -> serde_json::Value {
    json!({
        "reference": "8a0e1da2-2af3-4b9e-a221-e74db4e01b06", "type": "COMPANY", "status": "PENDING",
        "company": {
            "name": "Acme Ltd", "description": "Widgets",
            "address": {"addressLine1": "101 West Broadway", "city": "San Diego", "postalCode": "92101",
                        "countryCode": "US", "country": "United States"},
            "associates": [
                associate(ANA, "Ana", "Silva", "ana@example.com", "+16195550143"),
                associate(BRUNO, "Bruno", "Costa", "bruno@example.com", "+16195550199"),
            ]
        }
    })
}

/// The input of person `index`'s field at `pointer` (`-` stands for the person).
fn person_input(form: &Mounted, index: usize, pointer: &str) -> web_sys::HtmlInputElement {
    let at = pointer.replace("/-/", &format!("/{index}/"));
    form.get(&format!("[data-field='{at}'] input"))
        .dyn_into()
        .expect("an <input>")
}

async fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.focus().ok();
    input.set_value(text);
    fire(input, "input").await;
}

const EMAIL: &str = "/associates/-/details/contactInfo/emailAddress";
const PHONE: &str = "/associates/-/details/contactInfo/phoneNumber";

#[wasm_bindgen_test]
async fn each_person_is_listed_by_name_with_their_contact_details() {
    let form = mount("bvnk", company(), ScriptedTransport::default()).await;
    let section = form.get("[data-section='associates']");
    let title = section
        .query_selector("legend")
        .ok()
        .flatten()
        .and_then(|l| l.text_content())
        .unwrap_or_default();
    assert_eq!(title, "People at your company");
    let bruno = form
        .get(&format!("[data-person='{BRUNO}'] legend"))
        .text_content()
        .unwrap_or_default();
    assert_eq!(bruno, "Bruno Costa");
    assert_eq!(person_input(&form, 0, EMAIL).value(), "ana@example.com");
    assert_eq!(person_input(&form, 1, EMAIL).value(), "bruno@example.com");
    assert_eq!(
        form.value("/name"),
        "Acme Ltd",
        "the company form is still there"
    );
}

#[wasm_bindgen_test]
async fn a_changed_phone_is_sent_alone_for_that_person_in_e164() {
    let transport = ScriptedTransport::default();
    transport.then_json(200, json!({}));
    let form = mount("bvnk", company(), transport).await;
    // Same phone control as elsewhere: country picker (prefilled from +1) and number.
    type_into(&person_input(&form, 1, PHONE), "(619) 555-0100").await;
    form.click("[data-cuw-submit]").await;

    let requests = form.transport.requests();
    assert_eq!(requests.len(), 2, "the GET and one PUT: {requests:?}");
    let put = &requests[1];
    assert_eq!(put.method, Method::Put);
    assert_eq!(put.url, "/v1/customer/associates");
    assert_eq!(
        form.transport.sent_bodies()[0],
        json!({"associates": [{"person": {"reference": BRUNO}, "details": {"contactInfo": {"phoneNumber": "+16195550100"}}}]})
    );
    let status = form.status();
    assert!(status.contains("Phone number (Bruno Costa)"), "{status}");
}

#[wasm_bindgen_test]
async fn company_and_people_changes_go_in_two_calls_and_a_rejection_lands_under_the_person() {
    let transport = ScriptedTransport::default();
    transport.then_json(200, json!({})).then_json(
        422,
        json!({"errors": [{"pointer": "/associates/0/details/contactInfo/emailAddress", "code": "invalid_value", "message": "This email address is already in use."}]}),
    );
    let form = mount("bvnk", company(), transport).await;
    form.type_into("/name", "Acme Holdings Ltd").await;
    type_into(&person_input(&form, 1, EMAIL), "bruno.costa@example.com").await;
    form.click("[data-cuw-submit]").await;

    let requests = form.transport.requests();
    assert_eq!(
        requests.iter().map(|r| r.url.as_str()).collect::<Vec<_>>(),
        ["/v1/customer", "/v1/customer", "/v1/customer/associates"]
    );
    let bodies = form.transport.sent_bodies();
    assert_eq!(bodies[0], json!({"name": "Acme Holdings Ltd"}));
    assert_eq!(
        bodies[1],
        json!({"associates": [{"person": {"reference": BRUNO}, "details": {"contactInfo": {"emailAddress": "bruno.costa@example.com"}}}]})
    );
    // Item 0 of the body is Bruno (the only one sent), so the error is his.
    let bruno_email = person_input(&form, 1, EMAIL);
    let error = form.get(&format!("#{}-error", bruno_email.id()));
    assert!(!error.hidden(), "the error shows under Bruno's email");
    assert!(!error.text_content().unwrap_or_default().trim().is_empty());
    assert!(
        form.get(&format!("#{}-error", person_input(&form, 0, EMAIL).id()))
            .hidden(),
        "not under Ana's"
    );
    assert_eq!(bruno_email.value(), "bruno.costa@example.com", "input kept");

    // The company was saved: a retry sends only the people.
    form.transport.then_json(200, json!({}));
    form.click("[data-cuw-submit]").await;
    let urls: Vec<String> = form
        .transport
        .requests()
        .iter()
        .map(|r| r.url.clone())
        .collect();
    assert_eq!(
        urls.last().map(String::as_str),
        Some("/v1/customer/associates")
    );
    assert_eq!(urls.len(), 4);
}
