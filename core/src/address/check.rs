//! The address checks the widget runs as the customer types and the proxy runs again:
//! required fields, postal code format, state from the list.

use super::{pattern, rules_for, AddressRules, Field, State};
use crate::country::fold::fold_key;
use crate::country::CountryCode;
use crate::{Code, FieldError};

/// The address fields the rules look at, borrowed from whatever body shape a provider
/// uses (`None` or blank = not filled in).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddressInput<'a> {
    pub line1: Option<&'a str>,
    pub city: Option<&'a str>,
    pub state: Option<&'a str>,
    pub postal_code: Option<&'a str>,
}

/// Trimmed, upper case, internal whitespace runs collapsed to one space:
/// " k1a   0b1 " → "K1A 0B1".
pub fn normalize_postal_code(code: &str) -> String {
    code.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase()
}

fn parse_country(country: &str) -> Result<CountryCode, FieldError> {
    CountryCode::parse(country)
}

fn postal_required(rules: &AddressRules) -> FieldError {
    let kind = rules.postal_kind();
    FieldError::new(Code::Required, format!("Enter the {}", kind.label_en()))
        .with_param("kind", kind.as_str())
}

/// Normalises a postal code and checks it against the country's pattern. Ok is the
/// normalised code. Errors: `country.unknown`, `required` (blank), or
/// `postal_code.invalid` with params `example` (a real code of that country) and
/// `kind` (`postal`, `zip`, `pin`, `eircode`). A country without a pattern accepts any
/// non-blank code.
pub fn check_postal_code(country_alpha2: &str, code: &str) -> Result<String, FieldError> {
    let rules = rules_for(parse_country(country_alpha2)?);
    let normalized = normalize_postal_code(code);
    if normalized.is_empty() {
        return Err(postal_required(rules));
    }
    let Some(postal_pattern) = rules.postal_pattern() else {
        return Ok(normalized);
    };
    if pattern::full_match(postal_pattern, &normalized) {
        return Ok(normalized);
    }
    Err(postal_invalid(rules))
}

fn postal_invalid(rules: &AddressRules) -> FieldError {
    let kind = rules.postal_kind();
    let article = if kind == super::PostalKind::Eircode {
        "an"
    } else {
        "a"
    };
    let error = match rules.postal_examples().first() {
        Some(example) => FieldError::new(
            Code::PostalCodeInvalid,
            format!("Enter {article} {} like {example}", kind.label_en()),
        )
        .with_param("example", example),
        None => FieldError::new(
            Code::PostalCodeInvalid,
            format!("Enter a valid {}", kind.label_en()),
        ),
    };
    error.with_param("kind", kind.as_str())
}

/// Finds a state in the country's list by Google key ("CA"), ISO 3166-2 code ("CA" or
/// "US-CA") or name ("california", "São Paulo" = "sao paulo"), ignoring case and accents.
/// Errors: `country.unknown`, `required` (blank), `state.unknown` (not in the list, or the
/// country has no list: its state is free text, see `AddressRules::states`).
pub fn check_state(country: &str, state: &str) -> Result<&'static State, FieldError> {
    let code = parse_country(country)?;
    let rules = rules_for(code);
    let kind = rules.state_kind();
    let wanted = fold_key(state);
    if wanted.is_empty() {
        return Err(
            FieldError::new(Code::Required, format!("Enter the {}", kind.label_en()))
                .with_param("kind", kind.as_str()),
        );
    }
    let states = rules.states();
    // Keys first, then ISO codes, then names: in Spain "A" is Alicante's key, and a key
    // must never lose to another state's code or name.
    let iso_prefix = fold_key(&format!("{}-", code.alpha2()));
    let wanted_iso = wanted.strip_prefix(&iso_prefix).unwrap_or(&wanted);
    states
        .iter()
        .find(|s| fold_key(s.key()) == wanted)
        .or_else(|| {
            states
                .iter()
                .find(|s| s.iso().is_some_and(|iso| fold_key(iso) == wanted_iso))
        })
        .or_else(|| states.iter().find(|s| fold_key(s.name()) == wanted))
        .ok_or_else(|| {
            FieldError::new(
                Code::StateUnknown,
                format!("Choose a {} from the list", kind.label_en()),
            )
            .with_param("kind", kind.as_str())
        })
}

fn blank(value: Option<&str>) -> bool {
    value.is_none_or(|v| v.trim().is_empty())
}

fn required_error(rules: &AddressRules, field: Field) -> FieldError {
    let what = match field {
        Field::Line1 => "street address".to_owned(),
        Field::City => rules.locality_kind().label_en().to_owned(),
        Field::State => rules.state_kind().label_en().to_owned(),
        Field::PostalCode => rules.postal_kind().label_en().to_owned(),
    };
    let kind = match field {
        Field::Line1 => "street",
        Field::City => rules.locality_kind().as_str(),
        Field::State => rules.state_kind().as_str(),
        Field::PostalCode => rules.postal_kind().as_str(),
    };
    FieldError::new(Code::Required, format!("Enter the {what}"))
        .with_param("kind", kind)
        .at(field.pointer())
}

/// Every problem with an address for `country`: missing required fields, a postal
/// code of the wrong shape, a state not in the country's list. Pointers are relative to
/// the address object (`/line1`, `/city`, `/state`, `/postalCode`; `/country` when the
/// country itself is unknown), so a provider prefixes its own path.
pub fn check(country: &str, address: &AddressInput<'_>) -> Vec<FieldError> {
    let code = match parse_country(country) {
        Ok(code) => code,
        Err(error) => return vec![error.at("/country")],
    };
    let rules = rules_for(code);
    let mut errors = Vec::new();
    let values = [
        (Field::Line1, address.line1),
        (Field::City, address.city),
        (Field::State, address.state),
        (Field::PostalCode, address.postal_code),
    ];
    for (field, value) in values {
        if blank(value) {
            if rules.requires(field) {
                errors.push(required_error(rules, field));
            }
            continue;
        }
        let value = value.unwrap_or_default();
        let problem = match field {
            Field::State if !rules.states().is_empty() => check_state(code.alpha2(), value).err(),
            Field::PostalCode => check_postal_code(code.alpha2(), value).err(),
            _ => None,
        };
        errors.extend(problem.map(|e| e.at(field.pointer())));
    }
    errors
}
