//! A body field that is parsed once, when the body is read. `Parsed<K>` deserialises from
//! any JSON string (so a bad phone is a 422 with a pointer, not a 400 from serde), keeps
//! the typed value or the `FieldError` the parser gave, leaves the reporting to the rules
//! (`rules.rs`, which run the same parsers), and serialises the canonical form (E.164, upper-case code, …).

use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::country::{Alpha3, CountryCode};
use crate::date::Date;
use crate::phone::E164;
use crate::{Code, FieldError};

/// How one kind of field is parsed and written back.
pub trait Kind {
    type Value: Clone + fmt::Debug + PartialEq;
    fn parse(input: &str) -> Result<Self::Value, FieldError>;
    fn wire(value: &Self::Value) -> String;
}

pub struct Parsed<K: Kind> {
    raw: String,
    value: Result<K::Value, FieldError>,
    kind: PhantomData<K>,
}

impl<K: Kind> Parsed<K> {
    pub fn new(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let value = K::parse(&raw);
        Parsed {
            raw,
            value,
            kind: PhantomData,
        }
    }

    /// The value as sent.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The typed value, when it parsed.
    pub fn value(&self) -> Option<&K::Value> {
        self.value.as_ref().ok()
    }

    /// The typed value, or the error the parser gave (for the rules to report).
    pub fn result(&self) -> Result<&K::Value, FieldError> {
        self.value.as_ref().map_err(Clone::clone)
    }

    /// What is sent upstream: the canonical form, or the raw text if it did not parse
    /// (such a body never leaves `check_update`).
    pub fn wire(&self) -> String {
        match &self.value {
            Ok(value) => K::wire(value),
            Err(_) => self.raw.clone(),
        }
    }
}

impl<K: Kind> Clone for Parsed<K> {
    fn clone(&self) -> Self {
        Parsed {
            raw: self.raw.clone(),
            value: self.value.clone(),
            kind: PhantomData,
        }
    }
}

impl<K: Kind> fmt::Debug for Parsed<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parsed")
            .field("raw", &self.raw)
            .field("value", &self.value)
            .finish()
    }
}

impl<K: Kind> PartialEq for Parsed<K> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

/// `length(max = …)` counts the characters as sent (Swipelux limits the phone field so).
impl<K: Kind> validator::ValidateLength<u64> for Parsed<K> {
    fn length(&self) -> Option<u64> {
        Some(self.raw.chars().count() as u64)
    }
}

impl<'de, K: Kind> Deserialize<'de> for Parsed<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Parsed::new)
    }
}

impl<K: Kind> Serialize for Parsed<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.wire())
    }
}

/// A phone number in E.164 (the body must carry the country calling code).
pub struct Phone;
impl Kind for Phone {
    type Value = E164;
    fn parse(input: &str) -> Result<E164, FieldError> {
        E164::parse(input, None)
    }
    fn wire(value: &E164) -> String {
        value.as_str().to_owned()
    }
}

/// An email address (trimmed).
pub struct Email;
impl Kind for Email {
    type Value = crate::email::Email;
    fn parse(input: &str) -> Result<crate::email::Email, FieldError> {
        crate::email::Email::parse(input)
    }
    fn wire(value: &crate::email::Email) -> String {
        value.as_str().to_owned()
    }
}

/// A country written as ISO alpha-2 (and only alpha-2: "USA" here is an error, not a rewrite).
pub struct Alpha2Country;
impl Kind for Alpha2Country {
    type Value = CountryCode;
    fn parse(input: &str) -> Result<CountryCode, FieldError> {
        if input.trim().chars().count() == 2 {
            CountryCode::parse(input)
        } else {
            Err(FieldError::new(
                Code::CountryUnknown,
                "Use the country's two-letter ISO code (e.g. US).",
            )
            .with_param("form", "alpha2"))
        }
    }
    fn wire(value: &CountryCode) -> String {
        value.alpha2().to_owned()
    }
}

/// A country written as ISO alpha-3 (SpherePay).
pub struct Alpha3Country;
impl Kind for Alpha3Country {
    type Value = Alpha3;
    fn parse(input: &str) -> Result<Alpha3, FieldError> {
        if input.trim().chars().count() == 3 {
            Alpha3::parse(input)
        } else {
            Err(FieldError::new(
                Code::CountryUnknown,
                "Use the country's three-letter ISO code (e.g. USA).",
            )
            .with_param("form", "alpha3"))
        }
    }
    fn wire(value: &Alpha3) -> String {
        value.alpha3().to_owned()
    }
}

/// A calendar date `YYYY-MM-DD`.
pub struct Day;
impl Kind for Day {
    type Value = Date;
    fn parse(input: &str) -> Result<Date, FieldError> {
        crate::date::parse(input)
    }
    fn wire(value: &Date) -> String {
        value.to_string()
    }
}

/// A tax identification type (`ssn`, `passport`, `national_id`, `other`, …).
pub struct TaxType;
impl Kind for TaxType {
    type Value = crate::tax::TaxIdKind;
    fn parse(input: &str) -> Result<crate::tax::TaxIdKind, FieldError> {
        crate::tax::TaxIdKind::parse(input)
    }
    fn wire(value: &crate::tax::TaxIdKind) -> String {
        value.as_str().to_owned()
    }
}
