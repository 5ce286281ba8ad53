//! The providers' documented example bodies and responses (core/tests/fixtures, see its README): they
//! parse, validate or fail exactly where the contract says, and re-serialise to the
//! documented shapes.

use customer_update_core::date::Date;
use customer_update_core::phone::{classify_stored, StoredPhone};
use customer_update_core::providers::bvnk::{Bvnk, BvnkCustomer};
use customer_update_core::providers::polygon::{Polygon, PolygonCustomer};
use customer_update_core::providers::spherepay::{SpherePay, SpherePayCustomer};
use customer_update_core::providers::swipelux::{Swipelux, SwipeluxCustomer};
use customer_update_core::providers::{by_id, CustomerKind, Rejection};
use customer_update_core::Code;
use serde_json::{json, Value};

fn fixture(path: &str) -> Value {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn today() -> Option<Date> {
    Date::new(2026, 6, 1)
}

fn without(mut body: Value, keys: &[&str]) -> Value {
    for key in keys {
        body.as_object_mut().unwrap().remove(*key);
    }
    body
}

/// Every shape error of a 400 rejection, sorted by pointer.
fn malformed(result: Result<Value, Rejection>) -> Vec<(String, Code)> {
    match result {
        Err(Rejection::Malformed(errors)) => {
            let mut found: Vec<_> = errors.into_iter().map(|e| (e.pointer, e.code)).collect();
            found.sort_by(|a, b| a.0.cmp(&b.0));
            found
        }
        other => panic!("expected a 400 rejection, got {other:?}"),
    }
}

fn not_editable(pointers: &[&str]) -> Vec<(String, Code)> {
    pointers
        .iter()
        .map(|p| (p.to_string(), Code::NotEditable))
        .collect()
}

fn invalid_pointers(result: Result<Value, Rejection>) -> Vec<(String, Code)> {
    match result {
        Err(Rejection::Invalid(errors)) => {
            let mut found: Vec<_> = errors.into_iter().map(|e| (e.pointer, e.code)).collect();
            found.sort_by(|a, b| a.0.cmp(&b.0));
            found
        }
        other => panic!("expected a 422 rejection, got {other:?}"),
    }
}

#[test]
fn spherepay_seed_update_is_refused_for_its_operator_only_meta() {
    let spec = by_id("spherepay").unwrap();
    let op = &spec.operations()[0];
    let seed = fixture("spherepay/update.json");
    assert_eq!(
        malformed(spec.check_update(op, &seed, today())),
        not_editable(&["/meta"])
    );
}

#[test]
fn spherepay_seed_update_without_meta_is_valid_and_round_trips() {
    let spec = by_id("spherepay").unwrap();
    let op = &spec.operations()[0];
    let body = without(fixture("spherepay/update.json"), &["meta"]);
    let canonical = spec.check_update(op, &body, today()).expect("valid");
    assert_eq!(canonical, body);
    let typed = SpherePay::check(&body, today()).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), body);
}

#[test]
fn spherepay_seed_response_prefills_without_locks_while_kyc_is_incomplete() {
    let spec = by_id("spherepay").unwrap();
    let response = fixture("spherepay/response.json");
    let customer: SpherePayCustomer = serde_json::from_value(response.clone()).unwrap();
    assert!(!customer.kyc_submitted());
    assert_eq!(customer.phone.as_deref(), Some("+14155550123"));
    let state = spec.form_state(&response);
    assert_eq!(state.kind, Some(CustomerKind::Individual));
    assert!(state.locked.is_empty());
    assert_eq!(
        state
            .values
            .get("/personalInformation/middleName")
            .map(String::as_str),
        Some("James")
    );
    assert_eq!(
        state
            .values
            .get("/personalInformation/taxIdentificationNumberCountry")
            .map(String::as_str),
        Some("USA")
    );
    assert_eq!(
        state.write_only,
        vec!["/personalInformation/taxIdentificationNumber"]
    );
}

#[test]
fn spherepay_locks_identity_fields_once_kyc_is_submitted() {
    let spec = by_id("spherepay").unwrap();
    let mut response = fixture("spherepay/response.json");
    response["verificationProfiles"][0]["status"] = json!("pending");
    let state = spec.form_state(&response);
    assert!(state.locked.contains(&"/personalInformation/middleName"));
    assert!(state
        .locked
        .contains(&"/personalInformation/taxIdentificationNumber"));
    assert!(!state.locked.contains(&"/address/line1"));
    let body = json!({"personalInformation": {"middleName": "J"}, "address": {"line1": "x"}});
    let errors = customer_update_core::providers::check_locks(&body, &state.locked);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].pointer.as_str(), &errors[0].code),
        ("/personalInformation/middleName", &Code::Locked)
    );
}

#[test]
fn spherepay_redaction_removes_tax_number_and_meta() {
    let spec = by_id("spherepay").unwrap();
    let mut response = fixture("spherepay/response.json");
    response["personalInformation"]["taxIdentificationNumber"] = json!("123456789");
    response["meta"] = json!({"internal": "x"});
    spec.redact_response(&mut response);
    assert!(response
        .pointer("/personalInformation/taxIdentificationNumber")
        .is_none());
    assert!(response.get("meta").is_none());
    assert_eq!(response["personalInformation"]["gender"], "male");
}

#[test]
fn polygon_seed_update_is_refused_for_each_operator_only_field() {
    let spec = by_id("polygon").unwrap();
    let op = &spec.operations()[0];
    let seed = fixture("polygon/update.json");
    assert_eq!(
        malformed(spec.check_update(op, &seed, today())),
        not_editable(&["/endorsements", "/externalId", "/ipAddress", "/metadata"])
    );
}

#[test]
fn polygon_seed_placeholders_fail_exactly_on_the_typed_fields() {
    let spec = by_id("polygon").unwrap();
    let op = &spec.operations()[0];
    let body = without(
        fixture("polygon/update.json"),
        &["ipAddress", "externalId", "endorsements", "metadata"],
    );
    let found = invalid_pointers(spec.check_update(op, &body, today()));
    let pointers: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        pointers,
        vec![
            "/birthDate",
            "/email",
            "/identifyingInformation/0/issuingCountry",
            "/nationality",
            "/phone",
            "/residentialAddress/country",
        ]
    );
    assert!(found.contains(&("/email".into(), Code::EmailInvalid)));
    assert!(found.contains(&("/birthDate".into(), Code::DateInvalidFormat)));
    assert!(found.contains(&("/nationality".into(), Code::CountryUnknown)));
}

#[test]
fn polygon_seed_shape_with_real_values_round_trips() {
    let body = json!({
        "firstName": "Jane", "middleName": "Q", "lastName": "Smith",
        "email": "jane@example.com", "phone": "+12125551234", "birthDate": "1990-01-15",
        "nationality": "US", "signedAgreement": true,
        "residentialAddress": {"line1": "1 Main St", "line2": "Apt 2", "city": "New York", "state": "NY", "country": "US", "zipCode": "10001"},
        "identifyingInformation": [{"issuingCountry": "US", "number": "123456789"}]
    });
    let typed = Polygon::check(&body, today()).expect("valid");
    assert_eq!(serde_json::to_value(&typed).unwrap(), body);
}

#[test]
fn polygon_seed_response_prefills_and_marks_pii_write_only() {
    let spec = by_id("polygon").unwrap();
    let response = fixture("polygon/response.json");
    let customer: PolygonCustomer = serde_json::from_value(response.clone()).unwrap();
    assert_eq!(customer.nationality.as_deref(), Some("US"));
    let state = spec.form_state(&response);
    assert_eq!(
        state.values.get("/firstName").map(String::as_str),
        Some("Jane")
    );
    assert_eq!(
        state.values.get("/phone").map(String::as_str),
        Some("+12125551234")
    );
    assert!(
        !state.values.contains_key("/middleName"),
        "null is not a value"
    );
    assert!(state.write_only.contains(&"/birthDate"));
    assert!(state.write_only.contains(&"/residentialAddress/line1"));
    assert!(
        state.locked.contains(&"/signedAgreement"),
        "already signed: one-way"
    );
    let mut redacted = response.clone();
    spec.redact_response(&mut redacted);
    assert!(redacted.get("metadata").is_none() && redacted.get("externalId").is_none());
}

#[test]
fn bvnk_seed_company_update_fails_only_on_its_placeholder_postal_code() {
    let spec = by_id("bvnk").unwrap();
    let body = fixture("bvnk/company_update.json");
    assert_eq!(
        spec.guess_op(&customer_update_core::providers::Leaves::from_json(&body))
            .id,
        "company"
    );
    let found = invalid_pointers(spec.check_update(spec.op("company").unwrap(), &body, today()));
    assert_eq!(
        found,
        vec![("/address/postalCode".into(), Code::PostalCodeInvalid)]
    );
    let mut fixed = body.clone();
    fixed["address"]["postalCode"] = json!("92101");
    let canonical = spec
        .check_update(spec.op("company").unwrap(), &fixed, today())
        .expect("valid");
    assert_eq!(canonical, fixed);
    assert_eq!(
        serde_json::to_value(Bvnk::check_company(&fixed, today()).unwrap()).unwrap(),
        fixed
    );
}

#[test]
fn bvnk_status_is_an_operator_action() {
    let spec = by_id("bvnk").unwrap();
    let body = fixture("bvnk/status_update.json");
    for op in spec.operations() {
        assert_eq!(
            malformed(spec.check_update(op, &body, today())),
            not_editable(&["/status"]),
            "{}",
            op.id
        );
    }
}

#[test]
fn bvnk_seed_associates_update_is_refused_and_the_contact_part_merges() {
    let spec = by_id("bvnk").unwrap();
    let op = spec.op("associates").unwrap();
    assert!(op.needs_current);
    let seed = fixture("bvnk/associates_update.json");
    // The seed carries the person's identity, documents, tax data, title, riskScore and controls.
    let found = malformed(spec.check_update(op, &seed, today()));
    let unknown = |p: &str| (format!("/associates/0/{p}"), Code::UnknownField);
    let operator = |p: &str| (format!("/associates/0/{p}"), Code::NotEditable);
    let mut expected = vec![
        operator("controls"),
        unknown("details/birthCountryCode"),
        unknown("details/documentInfo"),
        unknown("details/documentNumber"),
        unknown("details/taxIdentification"),
        unknown("person/address"),
        unknown("person/dateOfBirth"),
        unknown("person/firstName"),
        unknown("person/lastName"),
        operator("riskScore"),
        operator("title"),
    ];
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(found, expected);
    let risk = json!({"associates": [{"person": {"reference": "r"}, "details": {"contactInfo": {"emailAddress": "a@b.co"}}, "riskScore": "LOW"}]});
    assert_eq!(
        malformed(spec.check_update(op, &risk, today())),
        not_editable(&["/associates/0/riskScore"])
    );

    // The end-customer part: the seed's contact details for the person the GET lists.
    let current = fixture("bvnk/company_response.json");
    let reference = current["company"]["associates"][0]["person"]["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let contact = seed["associates"][0]["details"]["contactInfo"].clone();
    let body = json!({"associates": [{"person": {"reference": reference}, "details": {"contactInfo": contact}}]});
    // The seed's "+123456789" is E.164-shaped but +1 needs ten national digits.
    let found = invalid_pointers(spec.check_update(op, &body, today()));
    assert_eq!(
        found,
        vec![(
            "/associates/0/details/contactInfo/phoneNumber".into(),
            Code::PhoneTooShort
        )]
    );

    let mut body = body;
    body["associates"][0]["details"]["contactInfo"]["phoneNumber"] = json!("+1 619 555 0100");
    let checked = spec.check_update(op, &body, today()).expect("valid");
    assert_eq!(
        checked["associates"][0]["details"]["contactInfo"]["phoneNumber"],
        "+16195550100"
    );
    let upstream = spec.merge_upstream(op, checked, &current).expect("merged");
    let merged = &upstream["associates"][0];
    assert_eq!(
        merged["details"]["contactInfo"]["emailAddress"],
        "updated.email@example.com"
    );
    assert_eq!(
        merged["details"]["contactInfo"]["phoneNumber"],
        "+16195550100"
    );
    assert_eq!(
        merged["riskScore"], "LOW",
        "operator fields kept as they are"
    );
    assert_eq!(
        merged["controls"],
        current["company"]["associates"][0]["controls"]
    );
    assert_eq!(
        merged["details"]["taxIdentification"],
        current["company"]["associates"][0]["details"]["taxIdentification"]
    );
    assert!(merged.get("verification").is_none(), "response-only");

    let stranger = json!({"associates": [{"person": {"reference": "nobody"}, "details": {"contactInfo": {"emailAddress": "a@b.co"}}}]});
    let checked = spec.check_update(op, &stranger, today()).unwrap();
    match spec.merge_upstream(op, checked, &current) {
        Err(Rejection::Invalid(errors)) => {
            assert_eq!(errors[0].pointer, "/associates/0/person/reference")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bvnk_seed_responses_parse_prefill_and_redact() {
    let spec = by_id("bvnk").unwrap();
    for name in ["company_response", "status_response", "associates_response"] {
        let response = fixture(&format!("bvnk/{name}.json"));
        let customer: BvnkCustomer = serde_json::from_value(response.clone()).unwrap();
        assert_eq!(customer.kind.as_deref(), Some("COMPANY"));
        let state = spec.form_state(&response);
        assert_eq!(state.kind, Some(CustomerKind::Company));
        assert_eq!(state.op, Some("company"));
        assert_eq!(state.people.len(), 1);
        // The stored "+123456789" is shown for review, never silently dropped or resent.
        let phone = state.people[0].phone.clone().unwrap();
        assert!(matches!(
            classify_stored(&phone),
            StoredPhone::NeedsReview { .. }
        ));

        let mut redacted = response.clone();
        spec.redact_response(&mut redacted);
        let text = redacted.to_string();
        for secret in ["914764628", "21-4532998", "\"riskScore\""] {
            assert!(!text.contains(secret), "{name} still has {secret}");
        }
        assert!(
            text.contains("Sean.Bond@disney.com") || text.contains("updated.email@example.com")
        );
    }
}

#[test]
fn swipelux_documented_update_round_trips_and_operator_fields_are_refused() {
    let spec = by_id("swipelux").unwrap();
    let body = fixture("swipelux/update.json");
    for op in spec.operations() {
        assert_eq!(spec.check_update(op, &body, today()).expect("valid"), body);
    }
    assert_eq!(
        serde_json::to_value(Swipelux::check(&body, today()).unwrap()).unwrap(),
        body
    );
    let with_operator = fixture("swipelux/update_with_operator_fields.json");
    assert_eq!(
        malformed(spec.check_update(&spec.operations()[0], &with_operator, today())),
        not_editable(&["/metadata", "/shareToken"])
    );
}

#[test]
fn swipelux_response_prefills_and_loses_metadata() {
    let spec = by_id("swipelux").unwrap();
    let response = fixture("swipelux/response.json");
    let customer: SwipeluxCustomer = serde_json::from_value(response.clone()).unwrap();
    assert_eq!(customer.status.as_deref(), Some("under_review"));
    let state = spec.form_state(&response);
    assert_eq!(
        state.values.get("/email").map(String::as_str),
        Some("jane.smith@example.com")
    );
    let mut redacted = response;
    spec.redact_response(&mut redacted);
    assert!(redacted.get("metadata").is_none());
}
