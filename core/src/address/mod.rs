//! PLACEHOLDER (core-geo helper replaces this): per-country address rules.
use crate::FieldError;

pub fn check_postal_code(_country_alpha2: &str, code: &str) -> Result<String, FieldError> {
    Ok(code.trim().to_uppercase())
}
