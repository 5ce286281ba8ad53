//! No parser panics on any input, and what they accept is stable (normalising twice
//! gives the same value). Arbitrary unicode plus strings biased towards each parser's
//! own alphabet, so the deep branches are reached too.

use customer_update_core::{date, email, phone, tax};
use proptest::prelude::*;

const COUNTRIES: &[&str] = &[
    "US", "GB", "IT", "BR", "DE", "RU", "BY", "MX", "JP", "AR", "", "ZZ", "gb", "É",
];
const KINDS: &[&str] = &[
    "ssn",
    "itin",
    "ein",
    "tin",
    "vat",
    "cpf",
    "cnpj",
    "rfc",
    "curp",
    "passport",
    "national_id",
    "other",
    "x",
];

fn phone_like() -> impl Strategy<Value = String> {
    "[+＋]?[0-9０-９ ()\\-./]{0,24}"
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn phone_never_panics(input in any::<String>(), country in proptest::sample::select(COUNTRIES)) {
        let _ = phone::normalize(&input, Some(country));
        let _ = phone::classify_stored(&input);
    }

    #[test]
    fn phone_output_is_e164_and_stable(input in phone_like(), country in proptest::sample::select(COUNTRIES)) {
        if let Ok(e164) = phone::normalize(&input, Some(country)) {
            prop_assert!(e164.starts_with('+'));
            prop_assert!(e164.len() <= 16);
            prop_assert!(e164[1..].bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(phone::normalize(&e164, None), Ok(e164.clone()));
        }
    }

    #[test]
    fn phone_extensions_come_out_as_ascii_digits_and_the_number_stays_stable(
        number in phone_like(),
        label in proptest::sample::select(&["", " ", " ext. ", "ext", " x", " X ", " #", ";ext=", ",,", ", ", " - ", " доб ", " anexo ", " ｘ", "~"][..]),
        digits in "[0-9０-９]{0,24}",
        hash in proptest::bool::ANY,
        country in proptest::sample::select(COUNTRIES),
    ) {
        let input = format!("{number}{label}{digits}{}", if hash { "#" } else { "" });
        if let Ok(normalized) = phone::normalize_with_hint(&input, Some(country)) {
            prop_assert_eq!(phone::normalize(&normalized.e164, None), Ok(normalized.e164.clone()));
            if let Some(extension) = &normalized.extension {
                prop_assert!(!extension.is_empty() && extension.len() <= 20);
                prop_assert!(extension.bytes().all(|b| b.is_ascii_digit()));
                prop_assert!(normalized.hint().is_some());
            }
        }
    }

    #[test]
    fn phone_keypad_letters_and_argentine_mobiles_stay_stable(
        keypad in "[+]?[0-9A-Za-z \\-]{0,20}",
        argentine in "0?[0-9]{2,4} ?15[ \\-]?[0-9 \\-]{5,10}",
        country in proptest::sample::select(COUNTRIES),
    ) {
        for (input, country) in [(keypad.as_str(), country), (argentine.as_str(), "AR")] {
            if let Ok(e164) = phone::normalize(input, Some(country)) {
                prop_assert!(e164[1..].bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(phone::normalize(&e164, None), Ok(e164.clone()));
            }
        }
    }

    #[test]
    fn email_never_panics_and_is_stable(input in any::<String>()) {
        if let Ok(address) = email::check(&input) {
            prop_assert!(address.len() <= 254);
            prop_assert_eq!(email::check(&address), Ok(address.clone()));
        }
    }

    #[test]
    fn email_like_strings(input in "[a-z.+\\-]{0,10}@?[a-z0-9.\\-]{0,20}") {
        if let Ok(address) = email::check(&input) {
            prop_assert_eq!(address.matches('@').count(), 1);
        }
    }

    #[test]
    fn date_never_panics(input in any::<String>(), shaped in "[0-9]{4}-[0-9]{2}-[0-9]{2}", days in any::<i64>()) {
        let _ = date::parse(&input);
        if let Ok(parsed) = date::parse(&shaped) {
            prop_assert_eq!(&parsed.to_string(), &shaped);
            let today = date::Date::parse("2025-06-15").unwrap();
            let _ = date::check_birth_date(&shaped, today, 18);
        }
        let _ = date::Date::from_unix_days(days);
    }

    #[test]
    fn tax_never_panics(
        kind in proptest::sample::select(KINDS),
        country in proptest::sample::select(COUNTRIES),
        input in any::<String>(),
        shaped in "[0-9A-Zña-z.\\-/ Ñ&]{0,20}",
    ) {
        let _ = tax::check(kind, country, &input);
        if let Ok(normalised) = tax::check(kind, country, &shaped) {
            prop_assert_eq!(tax::check(kind, country, &normalised), Ok(normalised.clone()));
        }
    }

    #[test]
    fn us_numbers_come_out_as_nine_ascii_digits(
        kind in proptest::sample::select(&["ssn", "itin", "ein"][..]),
        shaped in "[0-9０-９\\- –‑]{0,14}",
    ) {
        if let Ok(normalised) = tax::check(kind, "US", &shaped) {
            prop_assert_eq!(normalised.len(), 9);
            prop_assert!(normalised.bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(tax::check(kind, "US", &normalised), Ok(normalised.clone()));
        }
    }
}
