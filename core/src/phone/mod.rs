//! Phone numbers: what a person types → E.164 (`+<calling code><national number>`).
//!
//! Syntax alone is not enough: the calling code must exist and the national number must
//! have a length that is possible for that code (libphonenumber's `possible_length`,
//! through the compact generated [`table`]). For calling codes several regions share
//! (+1, +7, +44…) a length possible for any of them is accepted.
//!
//! Stored values that are E.164-shaped but impossible (the provider docs' own example
//! `"+123456789"`: +1 needs ten national digits) are rejected by [`normalize`]; for prefill,
//! [`classify_stored`] keeps them visible so the customer can fix them (see [`StoredPhone`]).

mod argentina;
mod extension;
mod input;
mod meta;
#[rustfmt::skip]
pub mod table;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Code, FieldError};
use extension::split_extension;
use input::{scan, ScanError};
use meta::{calling_code_entry, region, split_calling_code, CallingCode};

pub use table::LIBPHONENUMBER_VERSION;

/// E.164 allows at most 15 digits, calling code included.
const MAX_E164_DIGITS: usize = 15;

/// Parse what a person typed into E.164 (`+<cc><nsn>`); `default_country` is ISO alpha-2
/// (case-insensitive) and is used only for numbers typed without `+` or an international
/// prefix ("00", or the country's own such as US "011"). An extension typed after the
/// number is left out; [`normalize_with_hint`] says so.
pub fn normalize(input: &str, default_country: Option<&str>) -> Result<String, FieldError> {
    normalize_with_hint(input, default_country).map(|normalized| normalized.e164)
}

/// [`normalize`], and what was typed but is not stored: show [`Normalized::hint`] next to
/// the field when it is `Some`.
pub fn normalize_with_hint(
    input: &str,
    default_country: Option<&str>,
) -> Result<Normalized, FieldError> {
    let (e164, extension) = E164::parse_with_extension(input, default_country)?;
    Ok(Normalized {
        e164: e164.into_string(),
        extension,
    })
}

/// A phone number as it will be stored, and the extension typed after it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub e164: String,
    /// The extension's digits ("ext. 12" → "12"). E.164 has no room for one, and no
    /// provider field takes one, so it is not stored.
    pub extension: Option<String>,
}

impl Normalized {
    /// "The extension 12 will not be saved…" (`phone.extension_not_stored`, param
    /// `extension`) when one was typed. A notice, not an error: the number is accepted.
    pub fn hint(&self) -> Option<FieldError> {
        self.extension.as_ref().map(|extension| {
            FieldError::new(
                Code::PhoneExtensionNotStored,
                format!(
                    "The extension {extension} will not be saved: this field holds only the phone number."
                ),
            )
            .with_param("extension", extension)
        })
    }
}

/// The calling code of an ISO alpha-2 region (case-insensitive), e.g. `GB` → 44.
pub fn calling_code(region_alpha2: &str) -> Option<u16> {
    region(region_alpha2).map(|r| r.code)
}

/// The regions that use a calling code, main region first (`1` → `["US", "AG", …]`).
/// Empty for unknown and for non-geographic codes (+800, +882…).
pub fn regions_for_calling_code(code: u16) -> &'static [&'static str] {
    calling_code_entry(code).map_or(&[], |entry| entry.regions)
}

/// A phone number in E.164 form, known to have an existing calling code and a possible length.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct E164 {
    /// `+` followed by digits.
    text: String,
    code: u16,
}

impl E164 {
    /// An extension typed after the number is left out (see [`E164::parse_with_extension`]).
    pub fn parse(input: &str, default_country: Option<&str>) -> Result<E164, FieldError> {
        Self::parse_with_extension(input, default_country).map(|(e164, _)| e164)
    }

    /// The number, and the digits of an extension typed after it ("x12", "ext. 12", "#12":
    /// the forms libphonenumber reads, see `extension.rs`).
    pub fn parse_with_extension(
        input: &str,
        default_country: Option<&str>,
    ) -> Result<(E164, Option<String>), FieldError> {
        let (number, extension) = split_extension(input);
        Ok((Self::parse_number(number, default_country)?, extension))
    }

    fn parse_number(input: &str, default_country: Option<&str>) -> Result<E164, FieldError> {
        let scanned = scan(input).map_err(|error| match error {
            ScanError::Empty => FieldError::new(Code::Required, "Enter a phone number."),
            ScanError::Unexpected(c) => FieldError::new(
                Code::PhoneInvalidCharacters,
                "A phone number can only contain digits, spaces, brackets, dashes and a leading +.",
            )
            .with_param("character", c),
        })?;
        if scanned.digits.is_empty() {
            return Err(too_short_without_digits());
        }
        if scanned.plus {
            return international(&scanned.digits);
        }
        let default = default_country
            .filter(|c| !c.trim().is_empty())
            .and_then(region);
        // An international prefix typed instead of "+": "00" everywhere, or the country's own.
        if let Some(rest) = scanned.digits.strip_prefix("00") {
            return international(rest);
        }
        match default {
            Some(home) => match scanned
                .digits
                .strip_prefix(home.idd)
                .filter(|_| !home.idd.is_empty())
            {
                Some(rest) => international(rest),
                None => national(home.code, home.trunk, &scanned.digits),
            },
            None => Err(missing_country(default_country)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn into_string(self) -> String {
        self.text
    }

    pub fn calling_code(&self) -> u16 {
        self.code
    }

    /// The digits after the calling code.
    pub fn national_number(&self) -> &str {
        let code_len = self.code.to_string().len();
        self.text.get(1 + code_len..).unwrap_or("")
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for E164 {
    type Err = FieldError;

    /// Without a default country: the text must carry its calling code.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        E164::parse(text, None)
    }
}

impl Serialize for E164 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Deserialising checks the number like [`normalize`] does; for values *read from a
/// provider* (which may be impossible, see [`classify_stored`]) use a plain `String`.
impl<'de> Deserialize<'de> for E164 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// What the widget should do with a phone value the provider already stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StoredPhone {
    /// Nothing stored.
    Empty,
    /// A possible number; `e164` is its canonical form.
    Valid { e164: E164 },
    /// Stored but not a possible number (e.g. the docs' `"+123456789"`). The widget shows
    /// `raw` as-is with a "please check this number" hint built from `problem`, instead of
    /// silently dropping it. It never sends `raw` back: only changed fields are sent, and a
    /// changed value goes through [`normalize`] like any other input.
    NeedsReview { raw: String, problem: FieldError },
}

/// Classify a phone value read from a provider (prefill). Never fails.
pub fn classify_stored(value: &str) -> StoredPhone {
    if value.trim().is_empty() {
        return StoredPhone::Empty;
    }
    match E164::parse(value, None) {
        Ok(e164) => StoredPhone::Valid { e164 },
        Err(problem) => StoredPhone::NeedsReview {
            raw: value.to_owned(),
            problem,
        },
    }
}

/// Digits after "+" or an international prefix: calling code, then national number.
fn international(digits: &str) -> Result<E164, FieldError> {
    if digits.is_empty() {
        return Err(too_short_without_digits());
    }
    let Some((entry, rest)) = split_calling_code(digits) else {
        return Err(FieldError::new(
            Code::PhoneUnknownCallingCode,
            "This number does not start with a country calling code that exists.",
        ));
    };
    if let Some(mobile) = argentina::mobile_from_national_form(entry, rest) {
        return finish(entry, &mobile); // "+54 11 15 2345-6789"
    }
    // "+44 (0) 7700 900123": people often keep the trunk prefix after the calling code.
    let nsn = drop_trunk_prefix(entry, entry.trunk(), rest, false);
    finish(entry, nsn)
}

/// Digits typed without a calling code, in the default country.
fn national(code: u16, trunk: &str, digits: &str) -> Result<E164, FieldError> {
    let Some(entry) = calling_code_entry(code) else {
        return Err(missing_country(None));
    };
    if let Some(mobile) = argentina::mobile_from_national_form(entry, digits) {
        return finish(entry, &mobile); // "011 15-2345-6789" with AR
    }
    // "55 11 91234 5678" with BR: the calling code typed without "+".
    let code_text = code.to_string();
    if let Some(rest) = digits.strip_prefix(code_text.as_str()) {
        let whole = drop_trunk_prefix(entry, trunk, digits, true);
        if entry.is_viable(rest) && !entry.is_viable(whole) {
            return finish(entry, rest);
        }
    }
    finish(entry, drop_trunk_prefix(entry, trunk, digits, true))
}

/// Remove a leading trunk prefix when that gives a national number that fits the code
/// better. `trunks` lists the region's prefixes longest first, `|`-separated ("80|0|8" in
/// Belarus). Regions without one (Italy keeps its leading 0) are left untouched.
fn drop_trunk_prefix<'a>(
    entry: &CallingCode,
    trunks: &str,
    digits: &'a str,
    typed_nationally: bool,
) -> &'a str {
    let stripped = || {
        trunks
            .split('|')
            .filter(|t| !t.is_empty())
            .filter_map(|t| digits.strip_prefix(t))
    };
    let Some(first) = stripped().next() else {
        return digits;
    };
    // After a calling code the digits are usually the national number already ("+375 801…"
    // is a Belarusian toll-free number, not trunk 80 + "1…"); typed nationally, a leading
    // trunk prefix is the rule.
    if !typed_nationally && entry.is_viable(digits) {
        digits
    } else if let Some(viable) = stripped().find(|nsn| entry.is_viable(nsn)) {
        viable
    } else if entry.is_viable(digits) || !typed_nationally {
        // After a calling code, strip only when that makes the number viable: otherwise the
        // E.164 we return would lose another digit when parsed again.
        digits
    } else if let Some(nsn) = stripped().find(|nsn| {
        typed_nationally && entry.allows_first_digit(nsn) && !entry.allows_first_digit(digits)
    }) {
        // "07700 9001" in GB: clearly a trunk 0, then too few digits.
        nsn
    } else if let Some(nsn) = stripped().find(|nsn| entry.allows_length(nsn.len())) {
        nsn
    } else if entry.allows_length(digits.len()) || !typed_nationally {
        digits
    } else {
        // They dialled the trunk prefix; judge the length of what follows it.
        first
    }
}

fn finish(entry: &CallingCode, nsn: &str) -> Result<E164, FieldError> {
    let code_text = entry.code.to_string();
    let length_error = |code: Code, message: &str| {
        FieldError::new(code, message)
            .with_param("calling_code", format!("+{}", entry.code))
            .with_param("min", entry.min_length())
            .with_param("max", entry.max_length())
    };
    if code_text.len() + nsn.len() > MAX_E164_DIGITS {
        return Err(length_error(
            Code::PhoneTooLong,
            "A phone number has at most 15 digits.",
        ));
    }
    if !entry.allows_length(nsn.len()) {
        return Err(if nsn.len() < entry.max_length() {
            length_error(
                Code::PhoneTooShort,
                "This phone number is too short for its country.",
            )
        } else {
            length_error(
                Code::PhoneTooLong,
                "This phone number is too long for its country.",
            )
        });
    }
    Ok(E164 {
        text: format!("+{code_text}{nsn}"),
        code: entry.code,
    })
}

fn too_short_without_digits() -> FieldError {
    FieldError::new(Code::PhoneTooShort, "Enter the digits of the phone number.")
}

fn missing_country(given: Option<&str>) -> FieldError {
    let error = FieldError::new(
        Code::PhoneMissingCountry,
        "Choose the country of this number or start it with + and the country calling code.",
    );
    match given.filter(|c| !c.trim().is_empty()) {
        Some(unknown) => error.with_param("country", unknown.trim()),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_comes_from_pinned_libphonenumber() {
        // Regenerating the table from another release must show up here.
        assert_eq!(LIBPHONENUMBER_VERSION, "9.0.43");
        assert!(table::CALLING_CODES
            .windows(2)
            .all(|w| w[0].code < w[1].code));
        assert!(table::REGIONS.windows(2).all(|w| w[0].alpha2 < w[1].alpha2));
    }
}
