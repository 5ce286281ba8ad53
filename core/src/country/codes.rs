//! Typed country codes: once parsed, a code is known to be an ISO 3166-1 entry, so the
//! rest of the code never re-checks a string.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{find_alpha2, find_alpha3, Country, Lang};
use crate::{Code, FieldError};

/// An ISO 3166-1 country, written as its alpha-2 code ("US").
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode(&'static Country);

/// The same country written as its alpha-3 code ("USA"), for bodies that need it
/// (SpherePay).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Alpha3(&'static Country);

fn unknown(input: &str) -> FieldError {
    FieldError::new(Code::CountryUnknown, "Choose a country from the list")
        .with_param("value", input.trim())
}

/// Alpha-2 or alpha-3, any case, surrounding spaces ignored.
fn lookup(input: &str) -> Option<&'static Country> {
    let code = input.trim();
    find_alpha2(code).or_else(|| find_alpha3(code))
}

impl CountryCode {
    /// Accepts an alpha-2 or alpha-3 code in any case ("us", "USA").
    pub fn parse(input: &str) -> Result<CountryCode, FieldError> {
        lookup(input).map(CountryCode).ok_or_else(|| unknown(input))
    }

    pub fn alpha2(self) -> &'static str {
        self.0.alpha2()
    }

    pub fn alpha3(self) -> &'static str {
        self.0.alpha3()
    }

    pub fn to_alpha3(self) -> Alpha3 {
        Alpha3(self.0)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        self.0.name(lang)
    }

    pub fn country(self) -> &'static Country {
        self.0
    }
}

impl Alpha3 {
    /// Accepts an alpha-2 or alpha-3 code in any case ("us", "USA").
    pub fn parse(input: &str) -> Result<Alpha3, FieldError> {
        lookup(input).map(Alpha3).ok_or_else(|| unknown(input))
    }

    pub fn alpha2(self) -> &'static str {
        self.0.alpha2()
    }

    pub fn alpha3(self) -> &'static str {
        self.0.alpha3()
    }

    pub fn to_alpha2(self) -> CountryCode {
        CountryCode(self.0)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        self.0.name(lang)
    }

    pub fn country(self) -> &'static Country {
        self.0
    }
}

impl From<CountryCode> for Alpha3 {
    fn from(code: CountryCode) -> Self {
        code.to_alpha3()
    }
}

impl From<Alpha3> for CountryCode {
    fn from(code: Alpha3) -> Self {
        code.to_alpha2()
    }
}

impl From<&'static Country> for CountryCode {
    fn from(country: &'static Country) -> Self {
        CountryCode(country)
    }
}

impl From<&'static Country> for Alpha3 {
    fn from(country: &'static Country) -> Self {
        Alpha3(country)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha2())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.alpha2())
    }
}

impl fmt::Display for Alpha3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha3())
    }
}

impl fmt::Debug for Alpha3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Alpha3({})", self.alpha3())
    }
}

// Serde: the wire form is exactly the code the field is typed as. Deserialising is strict
// about the form (an alpha-3 where the provider wants alpha-2 is an error, not a silent
// rewrite of the body) but not about case.

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.alpha2())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        find_alpha2(&text).map(CountryCode).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown country `{text}`: expected an ISO 3166-1 alpha-2 code"
            ))
        })
    }
}

impl Serialize for Alpha3 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.alpha3())
    }
}

impl<'de> Deserialize<'de> for Alpha3 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        find_alpha3(&text).map(Alpha3).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown country `{text}`: expected an ISO 3166-1 alpha-3 code"
            ))
        })
    }
}
