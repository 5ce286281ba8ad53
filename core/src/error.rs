//! The one error value every rule returns: which field, a stable machine code, and an
//! English message. The widget translates by `code` (+ `params`); the proxy returns these
//! as `errors[]` in its problem+json bodies.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A problem with one field, addressed by a JSON Pointer into the body it came from
/// (`""` when a field-level function is called on its own, e.g. `phone::normalize`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub pointer: String,
    pub code: Code,
    pub message: String,
    /// Values the message mentions (e.g. `max`, `example`), so a translation can use them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl FieldError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            pointer: String::new(),
            code,
            message: message.into(),
            params: BTreeMap::new(),
        }
    }

    /// Same error, addressed at `pointer` (a JSON Pointer such as `/address/postalCode`).
    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = pointer.into();
        self
    }

    pub fn with_param(mut self, key: &str, value: impl fmt::Display) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{} ({})", self.message, self.code)
        } else {
            write!(f, "{}: {} ({})", self.pointer, self.message, self.code)
        }
    }
}

impl std::error::Error for FieldError {}

macro_rules! codes {
    ($($variant:ident => $text:literal,)*) => {
        /// Stable machine codes. The string forms are part of the public contract
        /// (proxy responses, npm headless API, message catalogue keys): never rename one.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum Code {
            $($variant,)*
            /// A code from a provider's own error envelope, passed through as-is.
            Provider(String),
        }

        impl Code {
            /// Every code of our own, for catalogue-completeness tests.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(&self) -> &str {
                match self {
                    $(Code::$variant => $text,)*
                    Code::Provider(code) => code,
                }
            }

            pub fn parse(text: &str) -> Code {
                match text {
                    $($text => Code::$variant,)*
                    other => Code::Provider(other.to_owned()),
                }
            }
        }
    };
}

codes! {
    // generic
    Required => "required",
    TooShort => "too_short",
    TooLong => "too_long",
    InvalidType => "invalid_type",
    InvalidValue => "invalid_value",
    UnknownField => "unknown_field",
    NotEditable => "not_editable",
    Locked => "locked",
    General => "general",
    ControlCharacters => "control_characters",
    // phone
    PhoneInvalidCharacters => "phone.invalid_characters",
    PhoneMissingCountry => "phone.missing_country",
    PhoneUnknownCallingCode => "phone.unknown_calling_code",
    PhoneTooShort => "phone.too_short",
    PhoneTooLong => "phone.too_long",
    // a notice, not an error: the number is accepted, without the extension typed after it
    PhoneExtensionNotStored => "phone.extension_not_stored",
    // email
    EmailInvalid => "email.invalid",
    EmailTooLong => "email.too_long",
    // country / address
    CountryUnknown => "country.unknown",
    CountryMismatch => "country.mismatch",
    PostalCodeInvalid => "postal_code.invalid",
    StateUnknown => "state.unknown",
    // dates
    DateInvalidFormat => "date.invalid_format",
    DateNotACalendarDate => "date.not_a_calendar_date",
    DateInFuture => "date.in_future",
    DateTooYoung => "date.too_young",
    // tax identification
    TaxUnknownType => "tax.unknown_type",
    TaxInvalidFormat => "tax.invalid_format",
    TaxCheckDigit => "tax.check_digit",
    TaxTypeNotAllowedForCountry => "tax.type_not_allowed_for_country",
    TaxDescriptionRequired => "tax.description_required",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Code::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_their_string_form() {
        for code in Code::ALL {
            assert_eq!(&Code::parse(code.as_str()), code);
        }
        assert_eq!(
            Code::parse("validation/failed"),
            Code::Provider("validation/failed".into())
        );
    }

    #[test]
    fn field_error_serialises_to_the_problem_json_shape() {
        let error = FieldError::new(Code::PhoneTooShort, "Too short").at("/phone");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"pointer": "/phone", "code": "phone.too_short", "message": "Too short"})
        );
    }
}
