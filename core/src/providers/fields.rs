//! garde custom rules shared by the provider types. Each calls the core field functions
//! (one rule in one place) and fails with coded `FieldError`s (see `coded`).

use super::coded::{fail, Ctx};
use super::parsed::{Alpha2Country, Alpha3Country, Day, Parsed};
use crate::address::{self, AddressInput};
use crate::country::CountryCode;
use crate::{Code, FieldError};

/// Free text: if sent, not blank and at most `max` characters.
pub(crate) fn text(max: usize) -> impl FnOnce(&Option<String>, &Ctx) -> garde::Result {
    move |value, _| {
        let Some(value) = value else { return Ok(()) };
        check_text(value, max).map_err(fail)
    }
}

pub(crate) fn check_text(value: &str, max: usize) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::new(Code::Required, "Enter a value."));
    }
    let chars = value.trim().chars().count();
    if chars > max {
        return Err(FieldError::new(Code::TooLong, format!("Enter at most {max} characters.")).with_param("max", max));
    }
    Ok(())
}

/// Must be present (used inside an object that, once sent, must be complete).
pub(crate) fn present<T>(value: &Option<T>, _: &Ctx) -> garde::Result {
    match value {
        Some(_) => Ok(()),
        None => Err(fail(FieldError::new(Code::Required, "Enter a value."))),
    }
}

/// A raw value must fit `max` characters (Swipelux phone ≤ 32).
pub(crate) fn raw_max<K: super::parsed::Kind>(max: usize) -> impl FnOnce(&Option<Parsed<K>>, &Ctx) -> garde::Result {
    move |value, _| match value {
        Some(value) if value.raw().chars().count() > max => Err(fail(
            FieldError::new(Code::TooLong, format!("Enter at most {max} characters.")).with_param("max", max),
        )),
        _ => Ok(()),
    }
}

/// A date of birth: not in the future and, if the profile opts in, old enough.
/// Runs only when the date parsed (its parse error is reported by `dive`) and `today` is known.
pub(crate) fn rule_birth_date(value: &Option<Parsed<Day>>, ctx: &Ctx) -> garde::Result {
    let (Some(date), Some(today)) = (value.as_ref().and_then(Parsed::value), ctx.today) else {
        return Ok(());
    };
    let min_age = ctx.min_age.map_or(0, u16::from);
    crate::date::check_birth_date(&date.to_string(), today, min_age).map(|_| ()).map_err(fail)
}

/// The country of an address, whichever form the body writes it in.
pub(crate) trait AddressCountry {
    fn code(&self) -> Option<CountryCode>;
}

impl AddressCountry for Option<Parsed<Alpha2Country>> {
    fn code(&self) -> Option<CountryCode> {
        self.as_ref().and_then(Parsed::value).copied()
    }
}

impl AddressCountry for Option<Parsed<Alpha3Country>> {
    fn code(&self) -> Option<CountryCode> {
        self.as_ref().and_then(Parsed::value).map(|alpha3| alpha3.to_alpha2())
    }
}

/// Provider key names for the address parts the per-country rules look at (`""`: the
/// provider has no such part).
pub(crate) struct AddressKeys {
    pub line1: &'static str,
    pub city: &'static str,
    pub state: &'static str,
    pub postal: &'static str,
}

/// Per-country address rules (Google's metadata via `address::check`): required parts,
/// postal code pattern, state list. Pointers are relative to the address object, in the
/// provider's key names. An unusable country is reported on the country field itself.
pub(crate) fn address_errors(country: Option<CountryCode>, input: AddressInput<'_>, keys: &AddressKeys) -> Vec<FieldError> {
    let Some(country) = country else { return Vec::new() };
    address::check(country.alpha2(), &input)
        .into_iter()
        .filter_map(|error| {
            let key = match error.pointer.as_str() {
                "/line1" => keys.line1,
                "/city" => keys.city,
                "/state" => keys.state,
                "/postalCode" => keys.postal,
                _ => return Some(error),
            };
            // A part the provider's address does not have (BVNK: no state) cannot be required.
            (!key.is_empty()).then(|| error.at(format!("/{key}")))
        })
        .collect()
}
