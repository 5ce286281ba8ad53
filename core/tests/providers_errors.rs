//! Provider error bodies → field errors addressed like the update body.

use customer_update_core::providers::by_id;
use customer_update_core::providers::swipelux::Swipelux;
use customer_update_core::Code;

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn parsed(provider: &str, status: u16, body: &[u8]) -> Vec<(String, Code, String)> {
    by_id(provider)
        .unwrap()
        .parse_errors(status, body)
        .into_iter()
        .map(|e| (e.pointer, e.code, e.message))
        .collect()
}

fn provider(code: &str) -> Code {
    Code::Provider(code.to_owned())
}

#[test]
fn spherepay_envelopes() {
    assert_eq!(
        parsed(
            "spherepay",
            422,
            &fixture("spherepay/error_validation.json")
        ),
        vec![(
            "/email".into(),
            provider("validation/failed"),
            "Invalid email format".into()
        )]
    );
    assert_eq!(
        parsed("spherepay", 404, &fixture("spherepay/error_not_found.json")),
        vec![(
            "".into(),
            provider("resource/not-found"),
            "Customer not found".into()
        )]
    );
    let old = parsed("spherepay", 400, &fixture("spherepay/error_old.json"));
    let pointers: Vec<&str> = old.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        pointers,
        vec![
            "/address/postalCode",
            "/personalInformation/taxIdentificationNumber",
            "/personalInformation/taxIdentificationNumber"
        ]
    );
    assert_eq!(old[0].1, Code::InvalidValue);
}

#[test]
fn bvnk_envelopes() {
    let current = parsed("bvnk", 400, &fixture("bvnk/error_current.json"));
    assert_eq!(
        current[0],
        (
            "/address/postalCode".into(),
            provider("bvnk:customer:2001"),
            "must not be blank".into()
        )
    );
    assert_eq!(
        current[1],
        (
            "".into(),
            provider("bvnk:customer:2001"),
            "name is too long".into()
        )
    );
    assert_eq!(
        parsed("bvnk", 400, &fixture("bvnk/error_legacy.json")),
        vec![(
            "/associates/0/details/contactInfo/emailAddress".into(),
            provider("MER-PAY-2000"),
            "Invalid parameter value".into()
        )]
    );
    let bare = parsed("bvnk", 404, br#"{"code":"bvnk:customer:0404","status":404,"message":"Customer not found for reference: x"}"#);
    assert_eq!(
        bare,
        vec![(
            "".into(),
            provider("bvnk:customer:0404"),
            "Customer not found for reference: x".into()
        )]
    );
}

#[test]
fn swipelux_problem_json_and_plain_message() {
    let errors = by_id("swipelux")
        .unwrap()
        .parse_errors(422, &fixture("swipelux/error_validation.json"));
    let pointers: Vec<&str> = errors.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, vec!["/phone", "/residentialAddress/country"]);
    assert_eq!(errors[0].code, provider("invalid_format"));
    let plain = parsed("swipelux", 400, br#"{"message":"Share token expired"}"#);
    assert_eq!(
        plain,
        vec![("".into(), Code::General, "Share token expired".into())]
    );
    assert!(Swipelux::share_token_rejected(
        &by_id("swipelux")
            .unwrap()
            .parse_errors(400, br#"{"message":"Share token expired"}"#)
    ));
    let on_pointer = br#"{"status":422,"code":"validation_error","errors":[{"pointer":"/shareToken","code":"expired","message":"expired"}]}"#;
    assert!(Swipelux::share_token_rejected(
        &by_id("swipelux").unwrap().parse_errors(422, on_pointer)
    ));
    assert!(!Swipelux::share_token_rejected(&errors));
}

#[test]
fn polygon_best_effort() {
    let with_errors = parsed(
        "polygon",
        400,
        br#"{"errors":[{"field":"phone","message":"invalid phone"}]}"#,
    );
    assert_eq!(
        with_errors,
        vec![("/phone".into(), Code::InvalidValue, "invalid phone".into())]
    );
    let message = parsed(
        "polygon",
        409,
        br#"{"message":"signedAgreement cannot be revoked","code":"conflict"}"#,
    );
    assert_eq!(
        message,
        vec![(
            "".into(),
            provider("conflict"),
            "signedAgreement cannot be revoked".into()
        )]
    );
}

#[test]
fn anything_unreadable_is_one_general_error() {
    for provider_id in ["spherepay", "polygon", "bvnk", "swipelux"] {
        for body in [
            &b""[..],
            b"<html>502</html>",
            b"null",
            b"[]",
            b"42",
            b"{}",
            b"{\"errors\": 5}",
            b"\xff\xfe",
        ] {
            let errors = by_id(provider_id).unwrap().parse_errors(502, body);
            assert_eq!(errors.len(), 1, "{provider_id} {body:?}");
            assert_eq!(
                (errors[0].pointer.as_str(), &errors[0].code),
                ("", &Code::General),
                "{provider_id} {body:?}"
            );
            assert!(errors[0].message.contains("502"));
        }
    }
}
