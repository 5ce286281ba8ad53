//! The rules the update types' `#[derive(Validate)]` call: `custom` functions for one
//! field (they run core's field parsers) and `schema` functions for the rules that span
//! fields (an address follows its country). Providers' own cross-field rules sit in their
//! modules and use the same helpers. [`check`] is what the widget runs on a draft.

use validator::ValidationError;

use super::engine::{self, Ctx};
use super::leaves::Leaves;
use super::parsed::{Day, Kind, Parsed};
use super::spec::{CountryForm, ProviderSpec, Rejection, UpdateOp};
use crate::address::{self, AddressInput};
use crate::country::{by_name, Alpha3, CountryCode, Lang};
use crate::date::Date;
use crate::{Code, FieldError};

/// Checks a draft body (the widget's, before it is sent) with the same types and derive
/// the proxy uses: the body unchanged, or every error.
pub fn check(
    spec: &dyn ProviderSpec,
    op: &UpdateOp,
    body: &Leaves,
    today: Option<Date>,
) -> Result<Leaves, Rejection> {
    let ctx = Ctx {
        today,
        min_age: spec.profile().min_age,
    };
    spec.check_draft(op, body, &ctx).map(|()| body.clone())
}

/// `custom`: a field that parsed when the body was read (phone, e-mail, country, date…).
pub(crate) fn parsed<K: Kind>(value: &Parsed<K>) -> Result<(), ValidationError> {
    engine::field(value.result())
}

/// `custom`: free text is not blank (its length is `length(max = …)`).
pub(crate) fn text(value: &str) -> Result<(), ValidationError> {
    engine::field(check_text(value, usize::MAX))
}

/// `custom` with context: a real date of birth, not in the future, old enough.
pub(crate) fn birth_date(value: &Parsed<Day>, ctx: &Ctx) -> Result<(), ValidationError> {
    let date = match value.result() {
        Ok(date) => date,
        Err(error) => return engine::field::<()>(Err(error)),
    };
    match ctx.today {
        Some(today) => engine::field(crate::date::check_birth_date(
            &date.to_string(),
            today,
            ctx.min_age.map_or(0, u16::from),
        )),
        None => Ok(()),
    }
}

/// `custom`: a one-way agreement may be accepted, never withdrawn.
pub(crate) fn accepted(value: &bool) -> Result<(), ValidationError> {
    engine::field(if *value {
        Ok(())
    } else {
        Err(FieldError::new(
            Code::InvalidValue,
            "The agreement cannot be withdrawn here: it can only be accepted.",
        ))
    })
}

/// One of a fixed list of wire values.
pub(crate) fn one_of(value: &str, options: &[&str]) -> Result<(), ValidationError> {
    engine::field(if options.contains(&value.trim()) {
        Ok(())
    } else {
        Err(
            FieldError::new(Code::InvalidValue, "Choose one of the options.")
                .with_param("allowed", options.join(", ")),
        )
    })
}

/// An address type: its parts, named as its provider names them.
pub(crate) trait Address {
    /// The body's keys for line 1, city, state and postal code (`None`: this provider's
    /// address has no such part).
    const KEYS: [Option<&'static str>; 4];
    fn country(&self) -> Option<CountryCode>;
    fn input(&self) -> AddressInput<'_>;
}

/// `schema`: an address follows its country (required parts, postal code pattern, state
/// list), each error at the part it is about.
/// (validator hands a schema function `&&Self`.)
pub(crate) fn address<A: Address>(value: &&A) -> Result<(), ValidationError> {
    engine::rules(address_errors(*value))
}

/// What [`address`] reports, for a provider's schema function that adds its own rules.
pub(crate) fn address_errors<A: Address>(value: &A) -> Vec<FieldError> {
    let Some(country) = value.country() else {
        return Vec::new(); // no usable country: its own field says why
    };
    address::check(country.alpha2(), &value.input())
        .into_iter()
        .filter_map(|error| {
            let part = ["/line1", "/city", "/state", "/postalCode"]
                .iter()
                .position(|p| *p == error.pointer);
            match part {
                // A part the provider's address does not have (BVNK: no state) cannot be required.
                Some(index) => A::KEYS[index].map(|key| {
                    let at = format!("/{key}");
                    error.at(at)
                }),
                None => Some(error),
            }
        })
        .collect()
}

/// A country written in the profile's form only ("USA" where alpha-2 is expected is an
/// error, not a rewrite).
pub fn parse_country(text: &str, form: CountryForm) -> Result<CountryCode, FieldError> {
    match form {
        CountryForm::Alpha2 => super::parsed::Alpha2Country::parse(text),
        CountryForm::Alpha3 => super::parsed::Alpha3Country::parse(text).map(Alpha3::to_alpha2),
    }
}

/// Free text: not blank, at most `max` characters.
pub fn check_text(value: &str, max: usize) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::new(Code::Required, "Enter a value."));
    }
    // Control characters (NUL, escape, backspace…) come from a bad paste or a script,
    // never from a person typing; a provider may store them and break its own exports.
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FieldError::new(
            Code::ControlCharacters,
            "Remove the invisible control characters that came with pasted text.",
        ));
    }
    if value.trim().chars().count() > max {
        return Err(
            FieldError::new(Code::TooLong, format!("Enter at most {max} characters."))
                .with_param("max", max),
        );
    }
    Ok(())
}

/// A country-name field must name the same country as its code (English, ISO short
/// names accepted).
pub fn name_matches(code: CountryCode, name: &str) -> Result<(), FieldError> {
    match by_name(name, Lang::En) {
        Some(country) if country.alpha2() == code.alpha2() => Ok(()),
        _ => Err(FieldError::new(
            Code::CountryMismatch,
            format!(
                "The country name must be “{}” for code {}.",
                code.name(Lang::En),
                code.alpha2()
            ),
        )
        .with_param("expected", code.name(Lang::En))),
    }
}
