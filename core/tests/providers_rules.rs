//! Table-driven: every provider rule, the pointer and code a user would see.

use customer_update_core::date::Date;
use customer_update_core::providers::{check_leaves, validate, validate_on, validate_with, Leaves};
use customer_update_core::Code;
use serde_json::{json, Value};

fn today() -> Date {
    Date::new(2026, 6, 1).unwrap()
}

/// (pointer, code) of every error, sorted. The widget's side (the same body as a draft's
/// leaves) must find exactly the same errors wherever the body has the provider's shape.
fn errors(provider: &str, body: Value) -> Vec<(String, Code)> {
    let pairs = |errors: Vec<customer_update_core::FieldError>| {
        let mut found: Vec<_> = errors.into_iter().map(|e| (e.pointer, e.code)).collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    };
    let found = pairs(validate_on(provider, &body, today()));
    let shape = [Code::UnknownField, Code::NotEditable, Code::InvalidType];
    if !found.iter().any(|(_, code)| shape.contains(code)) {
        let draft = check_leaves(provider, None, &Leaves::from_json(&body), Some(today()))
            .err()
            .unwrap_or_default();
        assert_eq!(pairs(draft), found, "widget and proxy disagree on {body}");
    }
    found
}

/// A named body and the (pointer, code) of every error it must give.
type Case = (&'static str, Value, Vec<(String, Code)>);

fn one(pointer: &str, code: Code) -> Vec<(String, Code)> {
    vec![(pointer.to_owned(), code)]
}

fn us_address() -> Value {
    json!({"line1": "233 South Wacker Drive", "city": "Chicago", "state": "IL", "postalCode": "60606", "country": "USA"})
}

#[test]
fn spherepay_rules() {
    let tax = |number: &str, kind: &str, country: &str| json!({"taxIdentificationNumber": number, "taxIdentificationNumberType": kind, "taxIdentificationNumberCountry": country});
    let cases: Vec<Case> = vec![
        (
            "address alone is fine",
            json!({"address": us_address()}),
            vec![],
        ),
        (
            "country must be alpha-3",
            json!({"address": {"line1": "1", "city": "c", "state": "IL", "postalCode": "60606", "country": "US"}}),
            one("/address/country", Code::CountryUnknown),
        ),
        (
            "address needs its country",
            json!({"address": {"line1": "1", "city": "c"}}),
            one("/address/country", Code::Required),
        ),
        (
            "US ZIP pattern",
            json!({"address": {"line1": "1", "city": "c", "state": "IL", "postalCode": "6060", "country": "USA"}}),
            one("/address/postalCode", Code::PostalCodeInvalid),
        ),
        (
            "US state from the list",
            json!({"address": {"line1": "1", "city": "c", "state": "ZZ", "postalCode": "60606", "country": "USA"}}),
            one("/address/state", Code::StateUnknown),
        ),
        (
            "tax needs the address",
            json!({"personalInformation": tax("123456789", "ssn", "USA")}),
            vec![
                ("/address/city".into(), Code::Required),
                ("/address/country".into(), Code::Required),
                ("/address/line1".into(), Code::Required),
            ],
        ),
        (
            "tax with address",
            json!({"address": us_address(), "personalInformation": tax("123-45-6789", "ssn", "USA")}),
            vec![],
        ),
        (
            "any tax field needs all three",
            json!({"address": us_address(), "personalInformation": {"taxIdentificationNumber": "123456789"}}),
            vec![
                (
                    "/personalInformation/taxIdentificationNumberCountry".into(),
                    Code::Required,
                ),
                (
                    "/personalInformation/taxIdentificationNumberType".into(),
                    Code::Required,
                ),
            ],
        ),
        (
            "a description alone counts as a tax field",
            json!({"address": us_address(), "personalInformation": {"taxIdentificationNumberDescription": "x"}}),
            vec![
                (
                    "/personalInformation/taxIdentificationNumber".into(),
                    Code::Required,
                ),
                (
                    "/personalInformation/taxIdentificationNumberCountry".into(),
                    Code::Required,
                ),
                (
                    "/personalInformation/taxIdentificationNumberType".into(),
                    Code::Required,
                ),
            ],
        ),
        (
            "USA needs ssn",
            json!({"address": us_address(), "personalInformation": tax("X1234567", "passport", "USA")}),
            one(
                "/personalInformation/taxIdentificationNumberType",
                Code::TaxTypeNotAllowedForCountry,
            ),
        ),
        (
            "ssn only for USA",
            json!({"address": us_address(), "personalInformation": tax("123456789", "ssn", "BRA")}),
            one(
                "/personalInformation/taxIdentificationNumberType",
                Code::TaxTypeNotAllowedForCountry,
            ),
        ),
        (
            "SSN check",
            json!({"address": us_address(), "personalInformation": tax("666-12-3456", "ssn", "USA")}),
            one(
                "/personalInformation/taxIdentificationNumber",
                Code::TaxInvalidFormat,
            ),
        ),
        (
            "type SpherePay does not take",
            json!({"address": us_address(), "personalInformation": tax("123.456.789-09", "cpf", "BRA")}),
            one(
                "/personalInformation/taxIdentificationNumberType",
                Code::TaxUnknownType,
            ),
        ),
        (
            "unknown type",
            json!({"address": us_address(), "personalInformation": tax("1", "shoe", "BRA")}),
            one(
                "/personalInformation/taxIdentificationNumberType",
                Code::TaxUnknownType,
            ),
        ),
        (
            "other needs a description",
            json!({"address": us_address(), "personalInformation": tax("AB123", "other", "GBR")}),
            one(
                "/personalInformation/taxIdentificationNumberDescription",
                Code::TaxDescriptionRequired,
            ),
        ),
        (
            "other with description",
            json!({"address": us_address(), "personalInformation": {"taxIdentificationNumber": "AB123", "taxIdentificationNumberType": "other", "taxIdentificationNumberCountry": "GBR", "taxIdentificationNumberDescription": "UTR"}}),
            vec![],
        ),
        (
            "occupation code shape",
            json!({"personalInformation": {"occupationSocCode": "151132"}}),
            one("/personalInformation/occupationSocCode", Code::InvalidValue),
        ),
        (
            "nationality alpha-3",
            json!({"personalInformation": {"nationality": "BR"}}),
            one("/personalInformation/nationality", Code::CountryUnknown),
        ),
        (
            "blank middle name",
            json!({"personalInformation": {"middleName": "  "}}),
            one("/personalInformation/middleName", Code::Required),
        ),
        (
            "meta is the operator's",
            json!({"meta": {"a": 1}}),
            one("/meta", Code::NotEditable),
        ),
        (
            "email is not in the PATCH body",
            json!({"email": "a@b.co"}),
            one("/email", Code::UnknownField),
        ),
        (
            "wrong JSON type",
            json!({"address": {"line1": 5}}),
            one("/address/line1", Code::InvalidType),
        ),
    ];
    for (name, body, expected) in cases {
        assert_eq!(errors("spherepay", body), expected, "{name}");
    }
}

#[test]
fn polygon_rules() {
    let address = |country: &str, zip: &str| json!({"residentialAddress": {"line1": "1 Main St", "city": "Springfield", "state": "IL", "zipCode": zip, "country": country}});
    let cases: Vec<Case> = vec![
        ("phone E.164", json!({"phone": "+44 7700 900123"}), vec![]),
        (
            "phone without country code",
            json!({"phone": "07700 900123"}),
            one("/phone", Code::PhoneMissingCountry),
        ),
        (
            "impossible phone",
            json!({"phone": "+123456789"}),
            one("/phone", Code::PhoneTooShort),
        ),
        (
            "unknown calling code",
            json!({"phone": "+999 1234 5678"}),
            one("/phone", Code::PhoneUnknownCallingCode),
        ),
        (
            "nationality alpha-2",
            json!({"nationality": "USA"}),
            one("/nationality", Code::CountryUnknown),
        ),
        ("nationality any case", json!({"nationality": "br"}), vec![]),
        (
            "signedAgreement true",
            json!({"signedAgreement": true}),
            vec![],
        ),
        (
            "signedAgreement is one-way",
            json!({"signedAgreement": false}),
            one("/signedAgreement", Code::InvalidValue),
        ),
        ("address alpha-2", address("US", "62701"), vec![]),
        (
            "address country alpha-3 refused",
            address("USA", "62701"),
            one("/residentialAddress/country", Code::CountryUnknown),
        ),
        (
            "zip checked for the country",
            address("US", "ABC"),
            one("/residentialAddress/zipCode", Code::PostalCodeInvalid),
        ),
        (
            "entries need country and number",
            json!({"identifyingInformation": [{"issuingCountry": "US", "number": "1"}, {}]}),
            vec![
                (
                    "/identifyingInformation/1/issuingCountry".into(),
                    Code::Required,
                ),
                ("/identifyingInformation/1/number".into(), Code::Required),
            ],
        ),
        (
            "birth date in the future",
            json!({"birthDate": "2030-01-01"}),
            one("/birthDate", Code::DateInFuture),
        ),
        (
            "birth date under 18",
            json!({"birthDate": "2010-01-01"}),
            one("/birthDate", Code::DateTooYoung),
        ),
        (
            "not a calendar date",
            json!({"birthDate": "1990-02-30"}),
            one("/birthDate", Code::DateNotACalendarDate),
        ),
        ("adult", json!({"birthDate": "1990-02-28"}), vec![]),
        (
            "email",
            json!({"email": "not-an-email"}),
            one("/email", Code::EmailInvalid),
        ),
        (
            "ipAddress only from the server",
            json!({"ipAddress": "1.2.3.4"}),
            one("/ipAddress", Code::NotEditable),
        ),
    ];
    for (name, body, expected) in cases {
        assert_eq!(errors("polygon", body), expected, "{name}");
    }
}

#[test]
fn bvnk_rules() {
    let company_address = |code: &str, name: &str, zip: &str| json!({"name": "Acme", "address": {"addressLine1": "101 West Broadway", "city": "San Diego", "postalCode": zip, "countryCode": code, "country": name}});
    let contact = |email: Value, phone: Value| {
        let mut info = serde_json::Map::new();
        if !email.is_null() {
            info.insert("emailAddress".into(), email);
        }
        if !phone.is_null() {
            info.insert("phoneNumber".into(), phone);
        }
        json!({"associates": [{"person": {"reference": "911685b0"}, "details": {"contactInfo": info}}]})
    };
    let cases: Vec<Case> = vec![
        (
            "company address",
            company_address("US", "United States", "92101"),
            vec![],
        ),
        (
            "ISO short name accepted",
            company_address("KR", "Korea, Republic of", "03051"),
            vec![],
        ),
        (
            "name must match the code",
            company_address("US", "Canada", "92101"),
            one("/address/country", Code::CountryMismatch),
        ),
        (
            "code alpha-2",
            company_address("USA", "United States", "92101"),
            one("/address/countryCode", Code::CountryUnknown),
        ),
        (
            "name required with the code",
            json!({"address": {"addressLine1": "1", "city": "c", "postalCode": "92101", "countryCode": "US"}, "name": "x"}),
            one("/address/country", Code::Required),
        ),
        (
            "postal code per country",
            company_address("GB", "United Kingdom", "92101"),
            one("/address/postalCode", Code::PostalCodeInvalid),
        ),
        (
            "company name length",
            json!({"name": "x".repeat(256)}),
            one("/name", Code::TooLong),
        ),
        (
            "individual PATCH",
            json!({"email": "a@b.co", "phone": "+14155550123", "dateOfBirth": "1990-01-15"}),
            vec![],
        ),
        (
            "individual too young",
            json!({"dateOfBirth": "2015-01-15"}),
            one("/dateOfBirth", Code::DateTooYoung),
        ),
        (
            "individual phone",
            json!({"phone": "+123456789"}),
            one("/phone", Code::PhoneTooShort),
        ),
        (
            "status is the operator's",
            json!({"status": "VERIFIED"}),
            one("/status", Code::NotEditable),
        ),
        (
            "riskScore is the operator's",
            json!({"riskScore": "LOW"}),
            one("/riskScore", Code::NotEditable),
        ),
        (
            "associate contact",
            contact(json!("a@b.co"), json!("+16195550100")),
            vec![],
        ),
        (
            "associate email",
            contact(json!("a@"), Value::Null),
            one(
                "/associates/0/details/contactInfo/emailAddress",
                Code::EmailInvalid,
            ),
        ),
        (
            "associate needs something to change",
            contact(Value::Null, Value::Null),
            one("/associates/0/details/contactInfo", Code::Required),
        ),
        (
            "associate needs a reference",
            json!({"associates": [{"details": {"contactInfo": {"emailAddress": "a@b.co"}}}]}),
            one("/associates/0/person/reference", Code::Required),
        ),
        (
            "at least one associate",
            json!({"associates": []}),
            one("/associates", Code::Required),
        ),
        (
            "associate controls",
            json!({"associates": [{"person": {"reference": "r"}, "details": {"contactInfo": {"emailAddress": "a@b.co"}}, "controls": {}}]}),
            one("/associates/0/controls", Code::NotEditable),
        ),
    ];
    for (name, body, expected) in cases {
        assert_eq!(errors("bvnk", body), expected, "{name}");
    }
}

#[test]
fn swipelux_rules() {
    let cases: Vec<Case> = vec![
        (
            "names 1..=1024",
            json!({"firstName": "x".repeat(1024)}),
            vec![],
        ),
        (
            "name too long",
            json!({"lastName": "x".repeat(1025)}),
            one("/lastName", Code::TooLong),
        ),
        (
            "name empty",
            json!({"firstName": ""}),
            one("/firstName", Code::Required),
        ),
        ("phone E.164", json!({"phone": "+5511912345678"}), vec![]),
        (
            "phone over 32 characters as sent",
            json!({"phone": "+55 (11) 9 1234 - 5678          x"}),
            vec![
                ("/phone".into(), Code::PhoneInvalidCharacters),
                ("/phone".into(), Code::TooLong),
            ],
        ),
        (
            "birth date in the past",
            json!({"birthDate": "2020-01-01"}),
            vec![],
        ),
        (
            "birth date not in the future",
            json!({"birthDate": "2026-06-02"}),
            one("/birthDate", Code::DateInFuture),
        ),
        (
            "birth date format",
            json!({"birthDate": "01/02/1990"}),
            one("/birthDate", Code::DateInvalidFormat),
        ),
        (
            "address country alpha-2",
            json!({"residentialAddress": {"streetLine1": "Av. Paulista 1000", "city": "São Paulo", "state": "SP", "postalCode": "01310-100", "country": "BRA"}}),
            one("/residentialAddress/country", Code::CountryUnknown),
        ),
        (
            "BR CEP",
            json!({"residentialAddress": {"streetLine1": "Av. Paulista 1000", "city": "São Paulo", "state": "SP", "postalCode": "0131", "country": "BR"}}),
            one("/residentialAddress/postalCode", Code::PostalCodeInvalid),
        ),
        (
            "address parts required",
            json!({"residentialAddress": {"country": "BR"}}),
            vec![
                ("/residentialAddress/city".into(), Code::Required),
                ("/residentialAddress/postalCode".into(), Code::Required),
                ("/residentialAddress/state".into(), Code::Required),
                ("/residentialAddress/streetLine1".into(), Code::Required),
            ],
        ),
        (
            "shareToken only from the server",
            json!({"shareToken": "t"}),
            one("/shareToken", Code::NotEditable),
        ),
        (
            "metadata is the operator's",
            json!({"metadata": {}}),
            one("/metadata", Code::NotEditable),
        ),
    ];
    for (name, body, expected) in cases {
        assert_eq!(errors("swipelux", body), expected, "{name}");
    }
}

#[test]
fn text_fields_refuse_control_characters_but_keep_line_breaks_and_tabs() {
    // A NUL or an escape sequence in a name reaches the provider's records and exports;
    // a schema fuzzer sent `{"firstName": "\u0000"}` and the proxy forwarded it.
    for bad in [
        "\u{0}",
        "Ana\u{1b}[31m",
        "Ana\u{8}",
        "Ana\u{7f}",
        "\u{85}Ana",
    ] {
        assert_eq!(
            errors("swipelux", json!({"firstName": bad})),
            one("/firstName", Code::ControlCharacters),
            "{bad:?}"
        );
        assert_eq!(
            errors(
                "spherepay",
                json!({"address": {"line1": bad, "city": "Chicago", "state": "IL", "postalCode": "60606", "country": "USA"}})
            ),
            one("/address/line1", Code::ControlCharacters),
            "{bad:?}"
        );
    }
    for fine in ["Ana\tMaria", "Flat 2\nHigh Street", "Zoë O’Brien", "山田"] {
        assert_eq!(
            errors("swipelux", json!({"lastName": fine})),
            vec![],
            "{fine:?}"
        );
    }
}

#[test]
fn headless_validate_names_unknown_providers_and_bad_bodies() {
    let unknown = validate("stripe", &json!({}));
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].code, Code::InvalidValue);
    let array = validate("polygon", &json!([1]));
    assert_eq!(
        (array[0].pointer.as_str(), &array[0].code),
        ("", &Code::InvalidType)
    );
    assert!(validate("polygon", &json!({})).is_empty());
    let op = validate_with("bvnk", Some("nope"), &json!({}), None);
    assert_eq!(op[0].code, Code::InvalidValue);
}

#[test]
fn without_today_only_the_relative_date_rules_are_skipped() {
    let future = json!({"birthDate": "2999-01-01"});
    assert!(validate_with("swipelux", None, &future, None).is_empty());
    let bad = json!({"birthDate": "1990-13-01"});
    assert_eq!(
        validate_with("swipelux", None, &bad, None)[0].code,
        Code::DateNotACalendarDate
    );
    // `validate` reads the clock: 2999 is in the future on any machine running this.
    assert_eq!(validate("swipelux", &future)[0].code, Code::DateInFuture);
}

#[test]
fn every_error_has_an_english_message() {
    let body = json!({"phone": "x", "email": "y", "birthDate": "z", "nationality": "?", "signedAgreement": false});
    for error in validate_on("polygon", &body, today()) {
        assert!(!error.message.trim().is_empty(), "{error:?}");
        assert!(error.pointer.starts_with('/'), "{error:?}");
    }
}
