//! garde carries only a message per error; we need our stable `Code` and params too. So
//! every rule of ours fails with [`fail`], which packs whole `FieldError`s (pointer relative
//! to the field garde reports) into the message, and garde's own `length`/`required` rules
//! speak through [`CodedI18n`]. [`run`] unpacks the report into `FieldError`s addressed by
//! JSON pointers in the provider's (camelCase) key names.

use std::borrow::Cow;
use std::fmt::Display;

use garde::error::Kind;
use garde::i18n::{I18n, InvalidCreditCard, InvalidEmail, InvalidPhoneNumber, InvalidUrl, IpKind};
use garde::Validate;
use serde::Deserialize as _;

use crate::date::Date;
use crate::{Code, FieldError};

/// Validation context shared by every provider type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// `None`: rules relative to today (future dates, minimum age) are skipped.
    pub today: Option<Date>,
    /// Minimum age on dates of birth (the provider profile opts in).
    pub min_age: Option<u8>,
}

/// Marks a garde message that holds packed `FieldError`s.
const MARK: char = '\u{1}';

/// One error of ours as a garde error.
pub(crate) fn fail(error: FieldError) -> garde::Error {
    fail_many(vec![error])
}

/// Several errors (e.g. a cross-field rule naming each missing sibling), pointers relative
/// to the field the rule is attached to.
pub(crate) fn fail_many(errors: Vec<FieldError>) -> garde::Error {
    let packed = serde_json::to_string(&errors).unwrap_or_default();
    garde::Error::new(format!("{MARK}{packed}"))
}

/// Collects several checks of one field into one garde result.
pub(crate) fn all(errors: Vec<FieldError>) -> garde::Result {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(fail_many(errors))
    }
}

/// Runs garde on `value` and returns our errors (empty = valid).
pub(crate) fn run<T: Validate<Context = Ctx>>(value: &T, ctx: &Ctx) -> Vec<FieldError> {
    match garde::i18n::with_i18n(CodedI18n, || value.validate_with(ctx)) {
        Ok(()) => Vec::new(),
        Err(report) => report.iter().flat_map(|(path, error)| unpack(&pointer_of(path), error.message())).collect(),
    }
}

fn unpack(base: &str, message: &str) -> Vec<FieldError> {
    let decoded = message
        .strip_prefix(MARK)
        // Text -> Value -> type: typed parsing only ever reads a `&Value` (smaller wasm).
        .and_then(|packed| serde_json::from_str::<serde_json::Value>(packed).ok())
        .and_then(|value| Vec::<FieldError>::deserialize(&value).ok());
    match decoded {
        Some(errors) => errors
            .into_iter()
            .map(|error| {
                let pointer = format!("{base}{}", error.pointer);
                error.at(pointer)
            })
            .collect(),
        None => vec![FieldError::new(Code::General, message).at(base)],
    }
}

/// garde path (Rust field names, indices) → JSON pointer with the provider's camelCase keys.
fn pointer_of(path: &garde::Path) -> String {
    let mut pointer = String::new();
    for (kind, component) in path.__iter().rev() {
        match kind {
            Kind::None => {}
            Kind::Index => {
                pointer.push('/');
                pointer.push_str(component);
            }
            Kind::Key => {
                pointer.push('/');
                pointer.push_str(&escape(&camel_case(component)));
            }
        }
    }
    pointer
}

/// `address_line1` → `addressLine1` (every provider here names keys in camelCase).
pub(crate) fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for ch in snake.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// RFC 6901 escaping of one reference token.
pub(crate) fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// garde's built-in rule messages, carrying our codes.
struct CodedI18n;

fn coded(error: FieldError) -> Cow<'static, str> {
    let garde_error = fail(error);
    Cow::Owned(garde_error.message().to_owned())
}

impl I18n for CodedI18n {
    fn length_lower_than(&self, min: usize) -> Cow<'static, str> {
        if min <= 1 {
            coded(FieldError::new(Code::Required, "Enter a value."))
        } else {
            coded(FieldError::new(Code::TooShort, format!("Enter at least {min} characters.")).with_param("min", min))
        }
    }
    fn length_greater_than(&self, max: usize) -> Cow<'static, str> {
        coded(FieldError::new(Code::TooLong, format!("Enter at most {max} characters.")).with_param("max", max))
    }
    fn range_lower_than(&self, min: &dyn Display) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, format!("Must be at least {min}.")).with_param("min", min))
    }
    fn range_greater_than(&self, max: &dyn Display) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, format!("Must be at most {max}.")).with_param("max", max))
    }
    fn credit_card_invalid(&self, _: InvalidCreditCard) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn pattern_no_match(&self, _: &dyn Display) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn contains_missing(&self, _: &dyn Display) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn url_invalid(&self, _: InvalidUrl) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn prefix_missing(&self, _: &dyn Display) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn suffix_missing(&self, _: &dyn Display) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn phone_number_invalid(&self, _: InvalidPhoneNumber) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid phone number."))
    }
    fn ip_invalid(&self, _: IpKind) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn matches_field_mismatch(&self, _: &dyn Display) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn email_invalid(&self, _: InvalidEmail) -> Cow<'static, str> {
        coded(FieldError::new(Code::EmailInvalid, "Enter an email address like name@example.com."))
    }
    fn ascii_invalid(&self) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn alphanumeric_invalid(&self) -> Cow<'static, str> {
        coded(FieldError::new(Code::InvalidValue, "Not a valid value."))
    }
    fn required_not_set(&self) -> Cow<'static, str> {
        coded(FieldError::new(Code::Required, "Enter a value."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_names_become_the_providers_camel_case_keys() {
        assert_eq!(camel_case("address_line1"), "addressLine1");
        assert_eq!(camel_case("tax_identification_number_type"), "taxIdentificationNumberType");
        assert_eq!(camel_case("line1"), "line1");
    }

    #[test]
    fn a_plain_garde_message_becomes_a_general_error_at_its_field() {
        let errors = unpack("/x", "something odd");
        assert_eq!(errors, vec![FieldError::new(Code::General, "something odd").at("/x")]);
    }

    #[test]
    fn packed_errors_keep_code_params_and_relative_pointer() {
        let packed = fail(FieldError::new(Code::TooLong, "long").with_param("max", 3).at("/inner"));
        let errors = unpack("/outer", packed.message());
        assert_eq!(errors, vec![FieldError::new(Code::TooLong, "long").with_param("max", 3).at("/outer/inner")]);
    }
}
