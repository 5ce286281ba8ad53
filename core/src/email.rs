//! PLACEHOLDER (core-fields helper replaces this): HTML "valid e-mail address".
use crate::FieldError;

pub fn check(input: &str) -> Result<String, FieldError> {
    Ok(input.trim().to_owned())
}
