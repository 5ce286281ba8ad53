//! No geo parser panics on any string, and the ones that normalise are idempotent.

use customer_update_core::address::{self, check, check_postal_code, check_state, AddressInput};
use customer_update_core::country::{
    self, alpha2_to_alpha3, alpha3_to_alpha2, Alpha3, CountryCode, Lang,
};
use proptest::prelude::*;

/// Mostly-plausible country inputs plus arbitrary text.
fn country_input() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(
            country::all()
                .iter()
                .map(|c| c.alpha2())
                .collect::<Vec<_>>()
        )
        .prop_map(str::to_lowercase),
        proptest::sample::select(
            country::all()
                .iter()
                .map(|c| c.alpha3())
                .collect::<Vec<_>>()
        )
        .prop_map(str::to_owned),
        "[a-zA-Z]{0,4}",
        any::<String>(),
    ]
}

/// Postal-code-like text (digits, letters, separators, odd whitespace) plus anything.
fn postal_input() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9A-Za-z \\-\t\u{00A0}]{0,12}", any::<String>()]
}

proptest! {
    #[test]
    fn country_lookups_never_panic(input in any::<String>()) {
        let _ = alpha2_to_alpha3(&input);
        let _ = alpha3_to_alpha2(&input);
        let _ = CountryCode::parse(&input);
        let _ = Alpha3::parse(&input);
        let _ = Lang::parse(&input);
        for lang in Lang::ALL {
            let _ = country::by_name(&input, lang);
        }
        let _ = serde_json::from_value::<CountryCode>(serde_json::Value::String(input.clone()));
        let _ = serde_json::from_value::<Alpha3>(serde_json::Value::String(input));
    }

    #[test]
    fn a_parsed_code_round_trips(input in country_input()) {
        if let Ok(code) = CountryCode::parse(&input) {
            prop_assert_eq!(CountryCode::parse(code.alpha2()).unwrap(), code);
            prop_assert_eq!(alpha3_to_alpha2(code.alpha3()), Some(code.alpha2()));
        }
    }

    #[test]
    fn postal_codes_never_panic_and_normalising_is_idempotent(country in country_input(), code in postal_input()) {
        if let Ok(normalised) = check_postal_code(&country, &code) {
            prop_assert!(!normalised.is_empty());
            prop_assert_eq!(check_postal_code(&country, &normalised), Ok(normalised.clone()));
            prop_assert_eq!(address::normalize_postal_code(&normalised), normalised);
        }
    }

    #[test]
    fn states_and_whole_addresses_never_panic(
        country in country_input(),
        state in any::<String>(),
        line1 in proptest::option::of(any::<String>()),
        city in proptest::option::of(any::<String>()),
        postal in proptest::option::of(postal_input()),
    ) {
        let _ = check_state(&country, &state);
        let _ = address::rules(&country);
        let input = AddressInput { line1: line1.as_deref(), city: city.as_deref(), state: Some(&state), postal_code: postal.as_deref() };
        for error in check(&country, &input) {
            prop_assert!(error.pointer.starts_with('/'));
            prop_assert!(!error.message.is_empty());
        }
    }
}
