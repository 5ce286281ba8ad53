//! PLACEHOLDER (core-fields helper replaces this): tax identification numbers.
use crate::FieldError;

pub fn check(_kind: &str, _country_alpha2: &str, number: &str) -> Result<String, FieldError> {
    Ok(number.trim().to_owned())
}
