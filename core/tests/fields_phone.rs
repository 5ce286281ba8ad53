//! Phone input → E.164, as a customer types it.

use customer_update_core::phone::{self, classify_stored, Normalized, StoredPhone, E164};
use customer_update_core::Code;

#[test]
fn accepts_what_people_type() {
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("+1 (415) 555-0123", None, "+14155550123"),
        ("+1 (415) 555-0123", Some("GB"), "+14155550123"),
        ("415.555.0123", Some("US"), "+14155550123"),
        ("(415) 555-0123", Some("us"), "+14155550123"),
        ("1 415 555 0123", Some("US"), "+14155550123"),
        ("011 44 7700 900123", Some("US"), "+447700900123"),
        ("07700 900123", Some("GB"), "+447700900123"),
        ("+44 (0) 7700 900123", None, "+447700900123"),
        ("+55 11 91234-5678", None, "+5511912345678"),
        ("55 11 91234-5678", Some("BR"), "+5511912345678"),
        ("(11) 91234-5678", Some("BR"), "+5511912345678"),
        ("0049 30 123456", None, "+4930123456"),
        ("0049 30 123456", Some("FR"), "+4930123456"),
        ("030 123456", Some("DE"), "+4930123456"),
        // Italy has no trunk prefix: the leading 0 is part of the number.
        ("06 1234 5678", Some("IT"), "+390612345678"),
        ("+39 06 1234 5678", None, "+390612345678"),
        // Russia: trunk prefix 8, international prefix 810; 800 numbers start with 8 too.
        ("8 (495) 123-45-67", Some("RU"), "+74951234567"),
        ("810 44 7700 900123", Some("RU"), "+447700900123"),
        ("+7 800 555 35 35", None, "+78005553535"),
        ("55 1234 5678", Some("MX"), "+525512345678"),
        ("＋４４ ７７００ ９００１２３", None, "+447700900123"),
        ("０７７００　９００１２３", Some("GB"), "+447700900123"),
        ("+800 1234 5678", None, "+80012345678"),
    ];
    for (input, country, expected) in cases {
        assert_eq!(
            phone::normalize(input, *country).as_deref(),
            Ok(*expected),
            "{input:?} with {country:?}"
        );
    }
}

#[test]
fn refuses_with_a_specific_code() {
    let cases: &[(&str, Option<&str>, Code)] = &[
        ("", Some("US"), Code::Required),
        ("   ", None, Code::Required),
        // One or two letters are a typo, not a keypad number (libphonenumber drops them).
        ("415 555 O123", Some("US"), Code::PhoneInvalidCharacters),
        ("+1 415 555 0123 x", None, Code::PhoneInvalidCharacters),
        // Too many digits for the label: two numbers side by side, not an extension.
        (
            "+1 415 555 0123 x1234567890",
            None,
            Code::PhoneInvalidCharacters,
        ),
        (
            "+1 415 555 0123 - 1234567#",
            None,
            Code::PhoneInvalidCharacters,
        ),
        // A label without digits is three letters, read off the keypad (as libphonenumber does).
        ("+1 415 555 0123 ext", None, Code::PhoneTooLong),
        ("1+415", Some("US"), Code::PhoneInvalidCharacters),
        ("415 555 0123", None, Code::PhoneMissingCountry),
        ("415 555 0123", Some("ZZ"), Code::PhoneMissingCountry),
        ("+999 1234 5678", None, Code::PhoneUnknownCallingCode),
        ("+0 1234 5678", None, Code::PhoneUnknownCallingCode),
        ("+", None, Code::PhoneTooShort),
        ("+1 415 555 012", None, Code::PhoneTooShort),
        ("07700 9001", Some("GB"), Code::PhoneTooShort),
        ("+1 415 555 01234", None, Code::PhoneTooLong),
        ("+49 301234567890123", None, Code::PhoneTooLong),
        ("+44 7700 900123 4567 89", None, Code::PhoneTooLong),
    ];
    for (input, country, code) in cases {
        let error = phone::normalize(input, *country).expect_err(input);
        assert_eq!(&error.code, code, "{input:?} with {country:?}: {error}");
        assert!(!error.message.is_empty());
    }
}

#[test]
fn length_errors_tell_the_range() {
    let error = phone::normalize("+1 415 555 012", None).unwrap_err();
    assert_eq!(
        error.params.get("calling_code").map(String::as_str),
        Some("+1")
    );
    assert_eq!(error.params.get("min").map(String::as_str), Some("10"));
}

#[test]
fn docs_example_plus_123456789_is_not_a_possible_number() {
    // "+123456789" from the provider docs: calling code +1 leaves 8 digits, +1 needs 10.
    assert_eq!(
        phone::normalize("+123456789", None).unwrap_err().code,
        Code::PhoneTooShort
    );
    match classify_stored("+123456789") {
        StoredPhone::NeedsReview { raw, problem } => {
            assert_eq!(raw, "+123456789");
            assert_eq!(problem.code, Code::PhoneTooShort);
        }
        other => panic!("expected NeedsReview, got {other:?}"),
    }
    let json = serde_json::to_value(classify_stored("+123456789")).unwrap();
    assert_eq!(json["status"], "needs_review");
    assert_eq!(json["raw"], "+123456789");
}

#[test]
fn stored_values_are_classified() {
    assert_eq!(classify_stored(""), StoredPhone::Empty);
    let StoredPhone::Valid { e164 } = classify_stored("+44 7700 900123") else {
        panic!("valid")
    };
    assert_eq!(e164.as_str(), "+447700900123");
}

#[test]
fn e164_is_a_typed_value_that_serialises_as_a_string() {
    let number = E164::parse("07700 900123", Some("GB")).unwrap();
    assert_eq!(number.calling_code(), 44);
    assert_eq!(number.national_number(), "7700900123");
    assert_eq!(
        serde_json::to_value(&number).unwrap(),
        serde_json::json!("+447700900123")
    );
    let back: E164 = serde_json::from_value(serde_json::json!("+447700900123")).unwrap();
    assert_eq!(back, number);
    assert!(serde_json::from_value::<E164>(serde_json::json!("+123456789")).is_err());
    assert_eq!(
        "+14155550123".parse::<E164>().unwrap().to_string(),
        "+14155550123"
    );
}

#[test]
fn calling_codes_for_the_country_picker() {
    assert_eq!(phone::calling_code("GB"), Some(44));
    assert_eq!(phone::calling_code("br"), Some(55));
    assert_eq!(phone::calling_code("GG"), Some(44));
    assert_eq!(phone::calling_code("ZZ"), None);
    assert_eq!(phone::regions_for_calling_code(1).first(), Some(&"US"));
    assert!(phone::regions_for_calling_code(1).contains(&"CA"));
    assert_eq!(phone::regions_for_calling_code(7), &["RU", "KZ"]);
    assert!(phone::regions_for_calling_code(999).is_empty());
}

#[test]
fn shared_calling_codes_accept_any_member_regions_length() {
    // +44 7624 …: an Isle of Man mobile, same length rules as GB.
    assert_eq!(
        phone::normalize("+44 7624 123456", None).as_deref(),
        Ok("+447624123456")
    );
    // +7 7xx: Kazakhstan numbers under Russia's calling code.
    assert_eq!(
        phone::normalize("8 701 123 4567", Some("KZ")).as_deref(),
        Ok("+77011234567")
    );
}

#[test]
fn extensions_are_left_out_and_named_in_a_hint() {
    // libphonenumber (PyPI `phonenumbers` 9.0.43), phonenumberutil.py: `_create_extn_pattern`
    // and `_maybe_strip_extension`; `parse()` keeps the number and sets `extension`:
    // https://github.com/daviddrysdale/python-phonenumbers/blob/dev/python/phonenumbers/phonenumberutil.py
    // Label and digit limits: ";ext=" and "ext"/"extension"/"доб"/"anexo" 1-20 digits,
    // "x"/"#"/"~"/"int" 1-9, ";" and ",," 1-15, "," 1-9, "- 503#" 1-6.
    let cases: &[(&str, Option<&str>, &str, &str)] = &[
        ("(415) 555-0123 ext. 12", Some("US"), "+14155550123", "12"),
        ("(415) 555-0123ext12", Some("US"), "+14155550123", "12"),
        ("+1 415 555 0123 Ext: 77", None, "+14155550123", "77"),
        (
            "+1 415 555 0123 extension 1234",
            None,
            "+14155550123",
            "1234",
        ),
        ("+1 415 555 0123 extensión 5", None, "+14155550123", "5"),
        ("+1 415 555 0123 x12", None, "+14155550123", "12"),
        ("+1 415 555 0123 X 12", None, "+14155550123", "12"),
        ("415.555.0123 #12", Some("US"), "+14155550123", "12"),
        ("415.555.0123 # 12#", Some("US"), "+14155550123", "12"),
        ("415.555.0123 ~12", Some("US"), "+14155550123", "12"),
        ("415.555.0123 int 12", Some("US"), "+14155550123", "12"),
        ("+44 7700 900123 ｘ１２", None, "+447700900123", "12"),
        ("07700 900123 ДОБ. 12", Some("GB"), "+447700900123", "12"),
        ("011 2345-6789 anexo 12", Some("AR"), "+541123456789", "12"),
        ("+1 415 555 0123;ext=123", None, "+14155550123", "123"),
        ("+1 415 555 0123,,123", None, "+14155550123", "123"),
        ("+1 415 555 0123;123", None, "+14155550123", "123"),
        ("+1 415 555 0123, 123", None, "+14155550123", "123"),
        ("+1 415 555 0123 - 503#", None, "+14155550123", "503"),
        (
            "+1 415 555 0123 x123456789",
            None,
            "+14155550123",
            "123456789",
        ),
        ("+1 415 555 0123 (ext. 12)", None, "+14155550123", "12"),
        ("1-800-FLOWERS x12", Some("US"), "+18003569377", "12"),
    ];
    for (input, country, e164, extension) in cases {
        let got = phone::normalize_with_hint(input, *country);
        assert_eq!(
            got,
            Ok(Normalized {
                e164: (*e164).to_owned(),
                extension: Some((*extension).to_owned()),
            }),
            "{input:?} with {country:?}"
        );
        assert_eq!(phone::normalize(input, *country).as_deref(), Ok(*e164));
        let hint = got.unwrap().hint().expect("a hint");
        assert_eq!(hint.code, Code::PhoneExtensionNotStored);
        assert_eq!(
            hint.params.get("extension").map(String::as_str),
            Some(*extension)
        );
    }
    let plain = phone::normalize_with_hint("(415) 555-0123", Some("US")).unwrap();
    assert_eq!((plain.extension.as_deref(), plain.hint()), (None, None));
}

#[test]
fn keypad_letters_are_read_as_their_digits() {
    // libphonenumber, phonenumberutil.py `_normalize`: with three or more ASCII letters
    // (`_VALID_ALPHA_PHONE_PATTERN`) each letter becomes its keypad digit
    // (`_ALPHA_MAPPINGS`, ITU-T E.161): ABC 2, DEF 3, GHI 4, JKL 5, MNO 6, PQRS 7, TUV 8, WXYZ 9.
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("1-800-FLOWERS", Some("US"), "+18003569377"),
        ("1 800 flowers", Some("US"), "+18003569377"),
        ("+1 800 FLOWERS", None, "+18003569377"),
        ("1-800-GO-FEDEX", Some("US"), "+18004633339"),
        ("800 MY APPLE", Some("US"), "+18006927753"),
        ("1-800-CALL-ATT", Some("US"), "+18002255288"),
        ("415 CALL NOW", Some("US"), "+14152255669"),
        ("0800 REVERSE", Some("GB"), "+448007383773"),
    ];
    for (input, country, expected) in cases {
        assert_eq!(
            phone::normalize(input, *country).as_deref(),
            Ok(*expected),
            "{input:?} with {country:?}"
        );
    }
    // Spelt longer than the number: libphonenumber's number is not possible either.
    assert_eq!(
        phone::normalize("1-800-MICROSOFT", Some("US"))
            .unwrap_err()
            .code,
        Code::PhoneTooLong
    );
}

#[test]
fn argentine_mobiles_typed_nationally_get_their_9() {
    // libphonenumber AR metadata (PhoneNumberMetadata.xml, phonenumbers/data/region_AR.py):
    // national_prefix_for_parsing `0?(?:(<area codes>)15)?`, national_prefix_transform_rule
    // `9\1`, applied by phonenumberutil.py `_maybe_strip_national_prefix_carrier_code`:
    // https://github.com/google/libphonenumber/blob/master/resources/PhoneNumberMetadata.xml
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("011 15-2345-6789", Some("AR"), "+5491123456789"),
        ("0 11 15 2345-6789", Some("AR"), "+5491123456789"),
        ("(11) 15 2345-6789", Some("AR"), "+5491123456789"),
        ("11 15 2345-6789", Some("AR"), "+5491123456789"),
        ("+54 11 15 2345-6789", None, "+5491123456789"),
        ("+54 011 15 2345-6789", None, "+5491123456789"),
        ("+54 9 11 2345-6789", None, "+5491123456789"),
        ("0351 15-234-5678", Some("AR"), "+5493512345678"),
        ("02202 15-23-4567", Some("AR"), "+5492202234567"),
        ("02966 15-23-4567", Some("ar"), "+5492966234567"),
        // Landlines keep their form: no 15, no 9.
        ("011 2345-6789", Some("AR"), "+541123456789"),
        ("0351 234-5678", Some("AR"), "+543512345678"),
    ];
    for (input, country, expected) in cases {
        assert_eq!(
            phone::normalize(input, *country).as_deref(),
            Ok(*expected),
            "{input:?} with {country:?}"
        );
    }
    // 3833 is not an area code (383 is, and 383 3 is not followed by 15): libphonenumber
    // does not rewrite it, and the number is then too long, there and here.
    assert_eq!(
        phone::normalize("03833 15-23-4567", Some("AR"))
            .unwrap_err()
            .code,
        Code::PhoneTooLong
    );
}

/// Dev-only: `scripts/crosscheck_phone.py` writes libphonenumber's answers for a few
/// hundred generated inputs; run with `PHONE_CASES=<file> cargo test … -- --ignored`.
#[test]
#[ignore = "needs PHONE_CASES from scripts/crosscheck_phone.py (Python, not in CI)"]
fn phone_agrees_with_libphonenumber_on_generated_cases() {
    let path = std::env::var("PHONE_CASES").expect("PHONE_CASES=<file>");
    let text = std::fs::read_to_string(path).expect("readable PHONE_CASES");
    let mut wrong = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [typed, region, e164, extension, why] = fields[..] else {
            panic!("bad line {line:?}");
        };
        count += 1;
        let country = Some(region).filter(|r| !r.is_empty());
        let got = phone::normalize_with_hint(typed, country);
        let agrees = if !why.is_empty() || e164 == "error" {
            got.is_err()
        } else {
            got.as_ref().is_ok_and(|n| {
                n.e164 == e164
                    && n.extension.as_deref() == Some(extension).filter(|e| !e.is_empty())
            })
        };
        if !agrees {
            wrong.push(format!(
                "{typed:?} ({region}): want {e164} {extension:?}, got {got:?}"
            ));
        }
    }
    assert!(count > 100, "only {count} cases");
    assert!(
        wrong.is_empty(),
        "{} of {count} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
