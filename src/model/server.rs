//! Error bodies from the proxy: problem+json with `errors[{pointer, code, message,
//! params}]`, which is core's `FieldError` as serde reads it. The proxy maps provider
//! envelopes onto that shape with core's parsers, so the widget reads one format only.

use customer_update_core::{Code, FieldError};
use serde::Deserialize;

use super::json;

#[derive(Deserialize, Default)]
struct ProblemJson {
    #[serde(default)]
    errors: Vec<FieldError>,
    #[serde(default)]
    detail: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// The field errors in an error response (form-wide ones have pointer `""`); one
/// general error when the body says nothing usable.
pub fn field_errors(status: u16, body: &str) -> Vec<FieldError> {
    let problem: ProblemJson = json::parse(body).unwrap_or_default();
    if !problem.errors.is_empty() {
        return problem.errors;
    }
    let message = problem.detail.or(problem.title);
    vec![FieldError::new(
        Code::General,
        message.unwrap_or_else(|| format!("The update was refused ({status}).")),
    )
    .with_param("status", status)]
}
