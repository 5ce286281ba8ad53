//! E-mail: the HTML "valid e-mail address" syntax, trimmed, at most 254 characters.

use customer_update_core::email::{self, Email};
use customer_update_core::Code;

#[test]
fn accepts_valid_addresses_and_trims_them() {
    let cases: &[(&str, &str)] = &[
        ("name@example.com", "name@example.com"),
        ("  Name.Surname@Example.COM \n", "Name.Surname@Example.COM"),
        ("a+tag@sub.example.co.uk", "a+tag@sub.example.co.uk"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        (
            "!#$%&'*+/=?^_`{|}~-@example.com",
            "!#$%&'*+/=?^_`{|}~-@example.com",
        ),
        // The HTML syntax allows a single-label domain and dots anywhere in the local part.
        ("admin@localhost", "admin@localhost"),
        (".a..b.@example.com", ".a..b.@example.com"),
        ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
        ("x@1-2.3", "x@1-2.3"),
    ];
    for (input, expected) in cases {
        assert_eq!(email::check(input).as_deref(), Ok(*expected), "{input:?}");
    }
}

#[test]
fn refuses_invalid_addresses_with_a_code() {
    let label63 = "a".repeat(63);
    let label64 = "a".repeat(64);
    let ok_63 = format!("x@{label63}.com");
    let bad_64 = format!("x@{label64}.com");
    assert!(email::check(&ok_63).is_ok());
    let cases: Vec<(&str, Code)> = vec![
        ("", Code::Required),
        ("   ", Code::Required),
        ("name.example.com", Code::EmailInvalid),
        ("@example.com", Code::EmailInvalid),
        ("name@", Code::EmailInvalid),
        ("name@@example.com", Code::EmailInvalid),
        ("na me@example.com", Code::EmailInvalid),
        ("\"quoted\"@example.com", Code::EmailInvalid),
        ("josé@example.com", Code::EmailInvalid),
        ("name@bücher.de", Code::EmailInvalid),
        ("name@-example.com", Code::EmailInvalid),
        ("name@example-.com", Code::EmailInvalid),
        ("name@example..com", Code::EmailInvalid),
        ("name@.example.com", Code::EmailInvalid),
        ("name@example.com.", Code::EmailInvalid),
        ("name@exa_mple.com", Code::EmailInvalid),
        ("name@[127.0.0.1]", Code::EmailInvalid),
        (bad_64.as_str(), Code::EmailInvalid),
    ];
    for (input, code) in cases {
        assert_eq!(email::check(input).unwrap_err().code, code, "{input:?}");
    }
}

#[test]
fn length_limit_is_254_characters() {
    let domain = format!(
        "{}.{}.{}.{}",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(50)
    );
    let at_limit = format!("{}@{domain}", "x".repeat(254 - 1 - domain.len()));
    assert_eq!(at_limit.len(), 254);
    assert!(email::check(&at_limit).is_ok());
    let over = format!("x{at_limit}");
    let error = email::check(&over).unwrap_err();
    assert_eq!(error.code, Code::EmailTooLong);
    assert_eq!(error.params.get("max").map(String::as_str), Some("254"));
    // Surrounding whitespace does not count.
    assert!(email::check(&format!("  {at_limit}  ")).is_ok());
}

#[test]
fn email_type_round_trips_through_serde_as_a_string() {
    let address: Email = serde_json::from_value(serde_json::json!(" a@b.co ")).unwrap();
    assert_eq!(address.as_str(), "a@b.co");
    assert_eq!(
        serde_json::to_value(&address).unwrap(),
        serde_json::json!("a@b.co")
    );
    assert!(serde_json::from_value::<Email>(serde_json::json!("not an email")).is_err());
}
