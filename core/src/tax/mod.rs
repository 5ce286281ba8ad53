//! Tax identification numbers: a type, the issuing country and the number.
//!
//! Types with a published structure are checked in full (US SSN/ITIN/EIN, Brazilian CPF
//! and CNPJ check digits, Mexican RFC and CURP); any other type only has to be 1..=256
//! printable characters. Which types a *provider* accepts for a country (SpherePay: USA ⇒
//! `ssn`) is that provider's rule and lives in its module; here a type is only tied to the
//! country that issues it (an SSN is American, a CPF Brazilian).

mod br;
mod kind;
mod mx;
mod us;

pub use kind::TaxIdKind;

use crate::{Code, FieldError};

/// Longest free-form number for the types without a structure of their own.
pub const MAX_OTHER_LEN: usize = 256;

/// Check a tax identification number; Ok is the normalised number (separators removed,
/// letters upper-cased for the types that have a structure, otherwise just trimmed).
/// `country_alpha2` may be empty when unknown (the all-or-none rule is the body's); an
/// alpha-3 code is accepted as well.
pub fn check(kind: &str, country_alpha2: &str, number: &str) -> Result<String, FieldError> {
    check_number(TaxIdKind::parse(kind)?, country_alpha2, number)
}

/// [`check`] for an already parsed type.
pub fn check_number(
    kind: TaxIdKind,
    country_alpha2: &str,
    number: &str,
) -> Result<String, FieldError> {
    let number = number.trim();
    if number.is_empty() {
        return Err(FieldError::new(
            Code::Required,
            "Enter the tax identification number.",
        ));
    }
    // SpherePay names countries in alpha-3; accept that form too.
    let given = country_alpha2.trim();
    let country = crate::country::alpha3_to_alpha2(given)
        .filter(|_| given.len() == 3)
        .unwrap_or(given);
    if let Some(home) = kind.issuing_country() {
        if !country.is_empty() && !country.eq_ignore_ascii_case(home) {
            return Err(FieldError::new(
                Code::TaxTypeNotAllowedForCountry,
                format!("A {} is issued by {home} only.", kind.label()),
            )
            .with_param("type", kind.as_str())
            .with_param("country", country.to_ascii_uppercase()));
        }
    }
    match kind {
        TaxIdKind::Ssn => us::ssn(number),
        TaxIdKind::Itin => us::itin(number),
        TaxIdKind::Ein => us::ein(number),
        TaxIdKind::Cpf => br::cpf(number),
        TaxIdKind::Cnpj => br::cnpj(number),
        TaxIdKind::Rfc => mx::rfc(number),
        TaxIdKind::Curp => mx::curp(number),
        TaxIdKind::Tin
        | TaxIdKind::Vat
        | TaxIdKind::Passport
        | TaxIdKind::NationalId
        | TaxIdKind::Other => free_form(number),
    }
}

/// The description rule, for struct-level use: `other` needs one (1..=256 printable
/// characters); for the other types it is optional. Ok is the trimmed description.
pub fn check_description(
    kind: TaxIdKind,
    description: Option<&str>,
) -> Result<Option<String>, FieldError> {
    match description.map(str::trim).filter(|d| !d.is_empty()) {
        None if kind.requires_description() => Err(FieldError::new(
            Code::TaxDescriptionRequired,
            "Describe what kind of tax identification number this is.",
        )),
        None => Ok(None),
        Some(text) => free_form(text).map(Some),
    }
}

/// The types a customer can pick for a country: those issued there, then the generic ones.
pub fn allowed_kinds_for_country(alpha2: &str) -> Vec<TaxIdKind> {
    let country = alpha2.trim();
    let issued_here = TaxIdKind::ALL.iter().filter(|k| {
        k.issuing_country()
            .is_some_and(|home| home.eq_ignore_ascii_case(country))
    });
    let generic = TaxIdKind::ALL
        .iter()
        .filter(|k| k.issuing_country().is_none());
    issued_here.chain(generic).copied().collect()
}

/// 1..=256 printable characters (no control characters), trimmed.
fn free_form(text: &str) -> Result<String, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::new(
            Code::Required,
            "This field cannot be empty.",
        ));
    }
    if text.chars().count() > MAX_OTHER_LEN {
        return Err(FieldError::new(Code::TooLong, "At most 256 characters.")
            .with_param("max", MAX_OTHER_LEN));
    }
    if text.chars().any(char::is_control) {
        return Err(FieldError::new(
            Code::InvalidValue,
            "This contains characters that cannot be printed.",
        ));
    }
    Ok(text.to_owned())
}

/// Remove the separators people type between groups (`123.456.789-09`, `12-3456789`) and
/// upper-case. Every tax ID here is ASCII letters and digits (plus Ñ and & in Mexico), so
/// only those are upper-cased: full Unicode case mapping would turn a Turkish `ı` into a
/// valid `I`, and its tables cost ~16 KB of the widget's wasm.
fn compact(number: &str, separators: &[char]) -> String {
    number
        .chars()
        .filter(|c| !separators.contains(c))
        .map(|c| {
            if c == 'ñ' {
                'Ñ'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

fn format_error(kind: TaxIdKind, shape: &str) -> FieldError {
    FieldError::new(
        Code::TaxInvalidFormat,
        format!("This is not a valid {}: {shape}.", kind.label()),
    )
    .with_param("type", kind.as_str())
    // A translated message can't reuse `shape`; these let it say the same thing.
    .with_param("label", kind.label())
    .with_param("example", example_number(kind))
}

/// A well-formed number of each type with a fixed shape, as people write it.
fn example_number(kind: TaxIdKind) -> &'static str {
    match kind {
        TaxIdKind::Ssn => "123-45-6789",
        TaxIdKind::Itin => "912-70-1234",
        TaxIdKind::Ein => "12-3456789",
        TaxIdKind::Cpf => "123.456.789-09",
        TaxIdKind::Cnpj => "12.345.678/0001-95",
        TaxIdKind::Rfc => "GOMC850124AB1",
        TaxIdKind::Curp => "GOMC850124HDFRRR09",
        _ => "",
    }
}

fn check_digit_error(kind: TaxIdKind) -> FieldError {
    FieldError::new(
        Code::TaxCheckDigit,
        format!(
            "This {} has a typing mistake: its check digits do not match.",
            kind.label()
        ),
    )
    .with_param("type", kind.as_str())
}
