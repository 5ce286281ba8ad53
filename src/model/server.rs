//! Error bodies from the proxy: its own problem+json (`errors[{pointer, code, message}]`)
//! or a provider envelope relayed as-is, which core's provider module knows how to read.

use customer_update_core::providers::ProviderSpec;
use customer_update_core::FieldError;
use serde::Deserialize;

#[derive(Deserialize)]
struct Problem {
    errors: Vec<FieldError>,
}

/// The field errors in an error response (form-wide ones have pointer `""`).
pub fn field_errors(provider: &dyn ProviderSpec, status: u16, body: &str) -> Vec<FieldError> {
    // Text -> Value -> type: typed parsing only ever reads a `&Value` (smaller wasm).
    let problem = serde_json::from_str::<serde_json::Value>(body).ok().and_then(|value| Problem::deserialize(&value).ok());
    match problem {
        Some(problem) if !problem.errors.is_empty() => problem.errors,
        _ => provider.parse_errors(status, body.as_bytes()),
    }
}
