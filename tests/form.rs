//! The form in a real browser (headless Chromium): prefill, when errors show, the error
//! summary and focus, the changed-only body, the busy state, kept inputs on failures.

mod support;

use customer_update_widget::transport::{HttpResponse, Method, NetworkError};
use customer_update_widget::HostOptions;
use serde_json::json;
use support::{
    choose_in, mount, mount_in, mount_options, settle, Gate, Scripted, ScriptedTransport,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn swipelux_customer() -> serde_json::Value {
    json!({
        "id": "cus_8f3e2a1b9c7d4e60",
        "firstName": "João",
        "lastName": "Pereira",
        "email": "joao@example.com",
        "phone": "+5511912345678",
        "status": "approved",
        "metadata": {},
        "createdAt": "2024-01-01T00:00:00Z",
        "updatedAt": "2024-01-01T00:00:00Z"
    })
}

fn saved() -> Scripted {
    Scripted::Now(Ok(HttpResponse {
        status: 200,
        body: swipelux_customer().to_string(),
    }))
}

#[wasm_bindgen_test]
async fn prefills_from_the_get_answer() {
    let form = mount(
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    assert_eq!(form.value("/firstName"), "João");
    assert_eq!(form.value("/email"), "joao@example.com");
    assert_eq!(form.value("/phone"), "+5511912345678");
    let get = &form.transport.requests()[0];
    assert_eq!(get.method, Method::Get);
    assert_eq!(get.session_token, "session-123");
    // Each control has a label pointing at it.
    let id = form.field("/email").id();
    assert!(
        form.query(&format!("label[for='{id}']")).is_some(),
        "email has a <label for>"
    );
}

#[wasm_bindgen_test]
async fn errors_wait_for_blur_then_follow_the_typing() {
    let form = mount(
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    form.type_into("/email", "jo").await;
    assert_eq!(
        form.error_under("/email"),
        None,
        "no error while typing the first characters"
    );
    assert_eq!(form.field("/email").get_attribute("aria-invalid"), None);

    form.leave("/email").await;
    let error = form
        .error_under("/email")
        .expect("an error once the field is left");
    assert!(error.contains("email address"), "{error}");
    assert_eq!(
        form.field("/email")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    let described = form
        .field("/email")
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(
        described.contains(&format!("{}-error", form.field("/email").id())),
        "{described}"
    );

    // Now live: fixing it clears the error without another blur.
    form.type_into("/email", "jo@example.com").await;
    assert_eq!(form.error_under("/email"), None);
}

#[wasm_bindgen_test]
async fn failed_submit_shows_the_summary_focuses_it_and_links_to_the_field() {
    let form = mount(
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    form.type_into("/email", "not an email").await;
    form.type_into("/phone", "+99 12").await;
    form.click("[data-cuw-submit]").await;

    let summary = form.summary();
    assert!(!summary.hidden(), "the summary is shown");
    assert_eq!(
        form.active_element().as_ref(),
        Some(summary.unchecked_ref::<web_sys::Element>()),
        "focus moved to it"
    );
    let links = summary.query_selector_all("a").expect("links");
    assert_eq!(links.length(), 2, "one link per error");
    let first: web_sys::HtmlElement = links.item(0).expect("link").dyn_into().expect("a");
    let email_error = form
        .error_under("/email")
        .expect("error under the field too");
    let link = first.text_content().unwrap_or_default();
    assert_eq!(
        link,
        format!(
            "Email address: {}",
            email_error.trim_start_matches("Error:").trim()
        ),
        "same wording"
    );

    first.click();
    settle().await;
    assert_eq!(
        form.active_element().as_ref(),
        Some(form.field("/email").unchecked_ref::<web_sys::Element>())
    );
    assert_eq!(form.transport.requests().len(), 1, "nothing was sent");
}

#[wasm_bindgen_test]
async fn sends_only_what_changed() {
    let transport = ScriptedTransport::default();
    transport.then(saved());
    let form = mount("swipelux", swipelux_customer(), transport).await;
    form.type_into("/lastName", "Pereira Silva").await;
    form.click("[data-cuw-submit]").await;

    assert_eq!(
        form.transport.sent_bodies(),
        vec![json!({"lastName": "Pereira Silva"})]
    );
    let request = &form.transport.requests()[1];
    assert_eq!(request.url, "/v1/customer");
    let status = form.status();
    assert!(
        status.contains("Last name"),
        "the confirmation names what changed: {status}"
    );
}

#[wasm_bindgen_test]
async fn nothing_changed_sends_nothing_and_says_so() {
    let form = mount(
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    form.click("[data-cuw-submit]").await;
    assert_eq!(form.transport.requests().len(), 1, "only the prefill GET");
    assert!(
        form.status().contains("haven't changed anything"),
        "{}",
        form.status()
    );
}

#[wasm_bindgen_test]
async fn a_double_click_sends_one_request_and_shows_busy() {
    let gate = Gate::default();
    let transport = ScriptedTransport::default();
    transport.then(Scripted::Later(gate.clone()));
    let form = mount("swipelux", swipelux_customer(), transport).await;
    form.type_into("/firstName", "Joana").await;
    form.click("[data-cuw-submit]").await;
    form.click("[data-cuw-submit]").await;

    assert_eq!(form.transport.requests().len(), 2, "GET + one PATCH");
    let button = form.submit_button();
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(
        !button
            .unchecked_ref::<web_sys::HtmlButtonElement>()
            .disabled(),
        "never a dead disabled button"
    );
    assert!(button.text_content().unwrap_or_default().contains("Saving"));

    gate.open(Ok(HttpResponse {
        status: 200,
        body: "{}".into(),
    }));
    settle().await;
    assert_eq!(button.get_attribute("aria-disabled"), None);
    assert!(form.status().contains("First name"), "{}", form.status());
}

#[wasm_bindgen_test]
async fn a_failed_request_keeps_every_input_and_the_retry_sends_again() {
    let transport = ScriptedTransport::default();
    transport
        .then(Scripted::Now(Err(NetworkError::Unreachable)))
        .then(saved());
    let form = mount("swipelux", swipelux_customer(), transport).await;
    form.type_into("/firstName", "Joana").await;
    form.type_into("/email", "joana@example.com").await;
    form.click("[data-cuw-submit]").await;

    assert_eq!(form.value("/firstName"), "Joana");
    assert_eq!(form.value("/email"), "joana@example.com");
    assert!(
        form.status().contains("couldn't reach the server"),
        "{}",
        form.status()
    );
    let retry = form.get("[data-cuw-retry]");
    assert!(!retry.hidden(), "a retry button is offered");

    retry.click();
    settle().await;
    let bodies = form.transport.sent_bodies();
    assert_eq!(bodies.len(), 2);
    assert_eq!(bodies[0], bodies[1], "the retry sends the same change");
    assert!(form.status().contains("saved"), "{}", form.status());
}

#[wasm_bindgen_test]
async fn a_server_error_keeps_inputs() {
    let transport = ScriptedTransport::default();
    transport.then_json(503, json!({"title": "unavailable"}));
    let form = mount("swipelux", swipelux_customer(), transport).await;
    form.type_into("/lastName", "Silva").await;
    form.click("[data-cuw-submit]").await;
    assert_eq!(form.value("/lastName"), "Silva");
    assert!(form.status().contains("503"), "{}", form.status());
}

#[wasm_bindgen_test]
async fn an_expired_session_tells_the_host_and_keeps_inputs() {
    let transport = ScriptedTransport::default();
    transport.then_json(401, json!({"title": "session expired"}));
    let form = mount("swipelux", swipelux_customer(), transport).await;
    let heard = std::rc::Rc::new(std::cell::Cell::new(false));
    let listener = {
        let heard = heard.clone();
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            move |event: web_sys::Event| {
                heard.set(event.bubbles() && event.composed());
            },
        )
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    document
        .add_event_listener_with_callback("session-expired", listener.as_ref().unchecked_ref())
        .expect("listen");
    form.type_into("/lastName", "Silva").await;
    form.click("[data-cuw-submit]").await;
    document
        .remove_event_listener_with_callback("session-expired", listener.as_ref().unchecked_ref())
        .expect("unlisten");

    assert!(
        heard.get(),
        "a bubbling, composed session-expired event reached the document"
    );
    assert_eq!(form.value("/lastName"), "Silva");
}

#[wasm_bindgen_test]
async fn provider_field_errors_land_under_the_right_field() {
    let transport = ScriptedTransport::default();
    transport.then_json(
        422,
        json!({"type": "about:blank", "title": "Validation failed", "status": 422,
               "errors": [{"pointer": "/email", "code": "email.invalid", "message": "Email is invalid"}]}),
    );
    let form = mount("swipelux", swipelux_customer(), transport).await;
    form.type_into("/email", "joao@exampel.com").await;
    form.click("[data-cuw-submit]").await;

    let error = form
        .error_under("/email")
        .expect("the server's error is under the email field");
    assert!(error.contains("name@example.com"), "{error}");
    assert!(!form.summary().hidden());
    // Editing the field clears the server's verdict on the old value.
    form.type_into("/email", "joao@example.com").await;
    assert_eq!(form.error_under("/email"), None);
}

fn spherepay_customer(kyc_status: &str) -> serde_json::Value {
    json!({
        "id": "customer_0a1b2c3d4e5f40718293a4b5c6d7e8f9", "type": "individual",
        "email": "jane.smith@example.com", "phone": "+14155550123", "firstName": "Jane", "lastName": "Smith",
        "verificationProfiles": [{"name": "kyc_profile_a", "status": kyc_status,
            "criteria": {"complete": [], "pending": [], "required": [], "errors": []}}],
        "tosStatus": "approved",
        "address": {"line1": "233 South Wacker Drive", "line2": "Suite 4700", "city": "Chicago",
                    "postalCode": "60606", "state": "IL", "country": "USA"},
        "personalInformation": {"taxIdentificationNumberType": "ssn", "taxIdentificationNumberCountry": "USA",
                                "nationality": "USA"}
    })
}

#[wasm_bindgen_test]
async fn locked_fields_are_read_only_with_the_reason_and_write_only_fields_start_empty() {
    let form = mount(
        "spherepay",
        spherepay_customer("pending"),
        ScriptedTransport::default(),
    )
    .await;
    let tax_type = form.field("/personalInformation/taxIdentificationNumberType");
    assert!(
        tax_type
            .unchecked_ref::<web_sys::HtmlSelectElement>()
            .disabled(),
        "locked after KYC submission"
    );
    let hint_id = format!("{}-hint", tax_type.id());
    assert!(form
        .get(&format!("#{hint_id}"))
        .text_content()
        .unwrap_or_default()
        .contains("identity check"));
    let middle = form.field("/personalInformation/middleName");
    assert!(middle
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .read_only());

    let open = mount(
        "spherepay",
        spherepay_customer("incomplete"),
        ScriptedTransport::default(),
    )
    .await;
    assert_eq!(
        open.value("/personalInformation/taxIdentificationNumber"),
        "",
        "never prefilled"
    );
    let number = open.field("/personalInformation/taxIdentificationNumber");
    let hint = open
        .get(&format!("#{}-hint", number.id()))
        .text_content()
        .unwrap_or_default();
    assert!(hint.contains("replaces"), "{hint}");
    assert!(!number
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .read_only());
}

#[wasm_bindgen_test]
async fn an_address_is_sent_whole_and_a_tax_id_brings_its_prefilled_siblings() {
    let transport = ScriptedTransport::default();
    transport.then(saved()).then(saved());
    let form = mount("spherepay", spherepay_customer("incomplete"), transport).await;
    assert_eq!(
        form.value("/address/country"),
        "USA",
        "alpha-3 as SpherePay's body needs"
    );

    form.type_into("/address/city", "Evanston").await;
    form.click("[data-cuw-submit]").await;
    let bodies = form.transport.sent_bodies();
    assert_eq!(
        bodies.last(),
        Some(
            &json!({"address": {"line1": "233 South Wacker Drive", "line2": "Suite 4700", "city": "Evanston",
                                  "postalCode": "60606", "state": "IL", "country": "USA"}})
        ),
        "the whole address, so Suite 4700 is not lost"
    );

    // A new tax number alone: core requires type, country and address with it; the form
    // adds the values already on screen instead of reporting them missing.
    form.type_into(
        "/personalInformation/taxIdentificationNumber",
        "123-45-6789",
    )
    .await;
    form.click("[data-cuw-submit]").await;
    let bodies = form.transport.sent_bodies();
    assert_eq!(bodies.len(), 2, "{bodies:?} / status: {}", form.status());
    let sent = &bodies[1];
    assert_eq!(
        sent.pointer("/personalInformation/taxIdentificationNumberType"),
        Some(&json!("ssn"))
    );
    assert_eq!(
        sent.pointer("/personalInformation/taxIdentificationNumberCountry"),
        Some(&json!("USA"))
    );
    assert!(sent.pointer("/address/line1").is_some(), "{sent}");
    assert_eq!(
        sent.pointer("/personalInformation/nationality"),
        None,
        "unrelated fields stay out"
    );
}

#[wasm_bindgen_test]
async fn an_empty_phone_starts_with_the_address_country_and_shows_the_e164_it_will_store() {
    let transport = ScriptedTransport::default();
    let form = mount("bvnk", json!({
        "reference": "3f2b6c1e-8d4a-4f7b-9c2e-5a1d7e9b0c42", "type": "INDIVIDUAL", "status": "VERIFIED",
        "individual": {
            "firstName": "María", "lastName": "García", "email": "maria@example.com",
            "address": {"addressLine1": "Calle Mayor 1", "city": "Madrid", "postalCode": "28013",
                        "countryCode": "ES", "country": "Spain"}
        }
    }), transport).await;
    assert_eq!(form.value("/phone"), "", "no phone on file");
    let id = form.field("/phone").id();
    let country: web_sys::HtmlSelectElement = form
        .get(&format!("#{id}-country"))
        .dyn_into()
        .expect("select");
    assert_eq!(country.value(), "ES");
    form.type_into("/phone", "612 34 56 78").await;
    let preview = form
        .get(&format!("#{id}-preview"))
        .text_content()
        .unwrap_or_default();
    assert!(preview.contains("+34612345678"), "{preview}");
}

#[wasm_bindgen_test]
async fn an_extension_after_the_number_is_left_out_and_the_preview_says_so() {
    let form = mount(
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    let id = form.field("/phone").id();
    form.type_into("/phone", "+1 415 555 0123 ext. 12").await;
    let preview = form
        .get(&format!("#{id}-preview"))
        .text_content()
        .unwrap_or_default();
    assert!(preview.contains("+14155550123"), "{preview}");
    assert!(
        preview.contains("extension 12 will not be saved"),
        "{preview}"
    );
}

#[wasm_bindgen_test]
async fn portuguese_is_loaded_beside_the_customer_and_english_is_built_in() {
    let pt = mount_in(
        "pt-BR",
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    assert_eq!(*pt.transport.languages_asked.borrow(), ["pt-BR"]);
    let submit = pt.submit_button().text_content().unwrap_or_default();
    assert_eq!(submit.trim(), "Salvar alterações");
    let shown = pt.get(".cuw-root").text_content().unwrap_or_default();
    assert!(shown.contains("Sobrenome"), "{shown}");
    // Country names come with the language file, in its order (by name in Portuguese).
    let picker = pt.get("select").text_content().unwrap_or_default();
    let (germany, south_africa) = (picker.find("Alemanha"), picker.find("África do Sul"));
    assert!(germany.is_some() && !picker.contains("Germany"), "{picker}");
    assert!(south_africa < germany, "sorted ignoring accents: {picker}");

    let en = mount(
        "swipelux",
        swipelux_customer(),
        ScriptedTransport::default(),
    )
    .await;
    assert!(en.transport.languages_asked.borrow().is_empty());
    assert_eq!(en.transport.requests().len(), 1, "only the customer's GET");
}

#[wasm_bindgen_test]
async fn without_its_language_file_the_form_says_so_in_that_language_and_retries() {
    let transport = ScriptedTransport::default();
    *transport.language_reply.borrow_mut() = Some(Err(NetworkError::Unreachable));
    let form = mount_in("pt-BR", "swipelux", swipelux_customer(), transport.clone()).await;
    assert!(
        form.query("[data-cuw-submit]").is_none(),
        "no half-English form"
    );
    assert!(
        form.status().contains("Não foi possível carregar"),
        "{}",
        form.status()
    );
    let retry = form.get("[data-cuw-retry]");
    assert_eq!(
        retry.text_content().unwrap_or_default().trim(),
        "Tentar novamente"
    );

    // The connection is back: the retry loads the customer and the language.
    *transport.language_reply.borrow_mut() = None;
    transport.then_json(200, support::get_answer("swipelux", &swipelux_customer()));
    retry.click();
    settle().await;
    let submit = form.submit_button().text_content().unwrap_or_default();
    assert_eq!(submit.trim(), "Salvar alterações");
}

#[wasm_bindgen_test]
async fn a_proxy_without_the_language_file_shows_the_form_in_english() {
    let transport = ScriptedTransport::default();
    *transport.language_reply.borrow_mut() = Some(Ok(HttpResponse {
        status: 404,
        body: String::new(),
    }));
    let form = mount_in("es", "swipelux", swipelux_customer(), transport).await;
    let submit = form.submit_button().text_content().unwrap_or_default();
    assert_eq!(submit.trim(), "Save changes");
}

#[wasm_bindgen_test]
async fn a_hosts_country_name_shows_as_text_and_the_choice_follows_the_value() {
    let options = HostOptions {
        provider: "swipelux".into(),
        endpoint: "/v1/customer".into(),
        session_token: "session-123".into(),
        lang: "en".into(),
        messages: [(
            "country_name.BR".to_owned(),
            "<b>Brazil</b> & co".to_owned(),
        )]
        .into(),
        ..Default::default()
    };
    let form = mount_options(options, swipelux_customer(), ScriptedTransport::default()).await;
    let picker = form.get("select");
    assert!(
        picker.query_selector("b").unwrap().is_none(),
        "markup stays text"
    );
    let text = picker.text_content().unwrap_or_default();
    assert!(text.contains("<b>Brazil</b> & co (+55)"), "{text}");

    // A choice made in the page, then `reset()`: the select shows the loaded value again.
    let select: web_sys::HtmlSelectElement = picker.dyn_into().unwrap();
    assert_eq!(select.value(), "BR", "from the stored +55 number");
    choose_in(&select, "US").await;
    assert_eq!(select.value(), "US");
    form.handle.reset();
    settle().await;
    assert_eq!(select.value(), "BR");
}

#[wasm_bindgen_test]
async fn the_state_list_is_loaded_for_the_address_country_and_follows_a_new_country() {
    let form = mount(
        "spherepay",
        spherepay_customer("incomplete"),
        ScriptedTransport::default(),
    )
    .await;
    assert_eq!(
        *form.transport.state_lists_asked.borrow(),
        ["US"],
        "the prefilled country's list, once"
    );
    let state = form.field("/address/state");
    assert_eq!(state.tag_name(), "SELECT", "a list once it arrived");
    assert_eq!(form.value("/address/state"), "IL");

    form.choose("/address/country", "BRA").await;
    settle().await;
    assert_eq!(*form.transport.state_lists_asked.borrow(), ["US", "BR"]);
    let options = form
        .field("/address/state")
        .text_content()
        .unwrap_or_default();
    assert!(
        options.contains("São Paulo") && !options.contains("Illinois"),
        "{options}"
    );
    assert!(
        form.transport.requests().len() == 1,
        "state lists are not customer requests"
    );
}

#[wasm_bindgen_test]
async fn a_missing_value_says_what_to_enter_there_under_the_field_and_in_the_summary() {
    let form = mount(
        "spherepay",
        spherepay_customer("incomplete"),
        ScriptedTransport::default(),
    )
    .await;
    // A new tax type needs its number, which is never prefilled.
    form.choose(
        "/personalInformation/taxIdentificationNumberType",
        "passport",
    )
    .await;
    form.click("[data-cuw-submit]").await;
    let error = form
        .error_under("/personalInformation/taxIdentificationNumber")
        .expect("an error under the number");
    assert!(error.contains("Enter the tax ID number."), "{error}");
    let summary = form.summary().text_content().unwrap_or_default();
    assert!(
        summary.contains("Enter the tax ID number.") && !summary.contains("Enter a value"),
        "{summary}"
    );
    assert!(form.transport.sent_bodies().is_empty(), "nothing sent");
}

#[wasm_bindgen_test]
async fn a_field_loses_its_optional_mark_once_core_requires_it() {
    let form = mount(
        "spherepay",
        spherepay_customer("incomplete"),
        ScriptedTransport::default(),
    )
    .await;
    let number = "/personalInformation/taxIdentificationNumber";
    let label_of = |form: &support::Mounted| {
        let id = form.field(number).id();
        form.get(&format!("label[for='{id}']"))
            .text_content()
            .unwrap_or_default()
    };
    assert!(
        label_of(&form).contains("(optional)"),
        "{}",
        label_of(&form)
    );
    // A new type of tax ID needs its number: required now, before any error is shown.
    form.choose(
        "/personalInformation/taxIdentificationNumberType",
        "passport",
    )
    .await;
    assert!(
        !label_of(&form).contains("(optional)"),
        "{}",
        label_of(&form)
    );
    assert_eq!(
        form.error_under(number),
        None,
        "no error before blur or submit"
    );
}
