//! PLACEHOLDER (core-fields helper replaces this): phone input → E.164.
use crate::FieldError;

/// Parse what a person typed into E.164 (`+<cc><nsn>`); `default_country` is ISO alpha-2.
pub fn normalize(input: &str, _default_country: Option<&str>) -> Result<String, FieldError> {
    Ok(input.trim().to_owned())
}
