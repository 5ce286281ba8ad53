//! Error bodies from the proxy: problem+json with `errors[{pointer, code, message,
//! params}]`. The proxy maps provider envelopes onto that shape with core's parsers, so
//! the widget reads one format only.

use customer_update_core::providers::ProviderSpec;
use customer_update_core::{Code, FieldError};

use super::js;

/// The field errors in an error response (form-wide ones have pointer `""`); one
/// general error when the body says nothing usable.
pub fn field_errors(_provider: &dyn ProviderSpec, status: u16, body: &str) -> Vec<FieldError> {
    let problem = js::parse(body).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    let errors: Vec<FieldError> = js::items(&problem, "errors")
        .iter()
        .filter_map(|item| {
            let mut error = FieldError::new(
                Code::parse(&js::string(item, "code")?),
                js::string(item, "message").unwrap_or_default(),
            )
            .at(js::string(item, "pointer").unwrap_or_default());
            for (key, value) in js::string_members(item, "params") {
                error = error.with_param(&key, value);
            }
            Some(error)
        })
        .collect();
    if !errors.is_empty() {
        return errors;
    }
    let message = js::string(&problem, "detail").or_else(|| js::string(&problem, "title"));
    vec![FieldError::new(
        Code::General,
        message.unwrap_or_else(|| format!("The update was refused ({status}).")),
    )
    .with_param("status", status)]
}
