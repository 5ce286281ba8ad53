//! No input makes the provider code panic: arbitrary JSON-ish bodies through
//! check_update/validate/form_state/redact/merge and the leaf rules the browser runs,
//! arbitrary bytes through parse_errors.

use customer_update_core::providers::{all, rules, validate, Leaves, ProviderSpec};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Keys the providers use, so generated bodies reach deep into the types.
const KEYS: &[&str] = &[
    "address",
    "personalInformation",
    "meta",
    "line1",
    "line2",
    "city",
    "postalCode",
    "state",
    "country",
    "taxIdentificationNumber",
    "taxIdentificationNumberType",
    "taxIdentificationNumberCountry",
    "taxIdentificationNumberDescription",
    "nationality",
    "firstName",
    "lastName",
    "email",
    "phone",
    "birthDate",
    "signedAgreement",
    "residentialAddress",
    "zipCode",
    "identifyingInformation",
    "issuingCountry",
    "number",
    "name",
    "description",
    "addressLine1",
    "countryCode",
    "associates",
    "person",
    "reference",
    "details",
    "contactInfo",
    "emailAddress",
    "phoneNumber",
    "streetLine1",
    "dateOfBirth",
    "errors",
    "pointer",
    "code",
    "message",
    "errorList",
    "parameter",
    "error",
    "detail",
    "company",
    "type",
    "verificationProfiles",
    "status",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        ".{0,24}".prop_map(Value::String),
        "[+0-9 ()-]{0,20}".prop_map(Value::String),
        "(US|USA|BR|BRA|GB|ssn|other|[0-9]{4}-[0-9]{2}-[0-9]{2})".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn exercise(spec: &dyn ProviderSpec, body: &Value) {
    // The browser's side: the rules on the leaves, whatever the typed parse would say; the
    // canonical leaves written back are JSON again.
    let leaves = Leaves::from_json(body);
    for op in spec.operations() {
        if let Ok(canonical) = rules::check(spec, op, &leaves, None) {
            let text = canonical.to_json();
            assert!(
                serde_json::from_str::<Value>(&text).is_ok(),
                "not JSON: {text}"
            );
        }
    }
    let written = leaves.to_json();
    assert!(
        serde_json::from_str::<Value>(&written).is_ok(),
        "not JSON: {written}"
    );
    for op in spec.operations() {
        if let Ok(checked) = spec.check_update(op, body, None) {
            let _ = spec.merge_upstream(op, checked, body);
        }
    }
    let _ = spec.form_state(body);
    let _ = spec.customer_kind(body);
    let mut copy = body.clone();
    spec.redact_response(&mut copy);
    let _ = customer_update_core::providers::check_locks(
        body,
        &["/address/-/x", "/personalInformation/middleName"],
    );
    let _ = validate(spec.id(), body);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn bodies_never_panic(body in json_value()) {
        for spec in all() {
            exercise(*spec, &body);
        }
    }

    #[test]
    fn error_bodies_never_panic_and_never_come_back_empty(bytes in prop::collection::vec(any::<u8>(), 0..256), status in 100u16..600) {
        for spec in all() {
            prop_assert!(!spec.parse_errors(status, &bytes).is_empty());
        }
    }

    #[test]
    fn json_error_bodies_never_panic(body in json_value(), status in 100u16..600) {
        let bytes = serde_json::to_vec(&body).unwrap();
        for spec in all() {
            prop_assert!(!spec.parse_errors(status, &bytes).is_empty());
        }
    }

    #[test]
    fn every_validation_error_points_into_the_body(body in json_value()) {
        for spec in all() {
            for error in validate(spec.id(), &body) {
                prop_assert!(error.pointer.is_empty() || error.pointer.starts_with('/'));
            }
        }
    }
}
