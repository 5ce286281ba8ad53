//! PLACEHOLDER (core-providers helper replaces this): one module per provider.
use crate::FieldError;

/// Validate a browser-sent update body for `provider` (`spherepay`, `polygon`, `bvnk`,
/// `swipelux`); every error carries a JSON pointer into `body`.
pub fn validate(_provider: &str, _body: &serde_json::Value) -> Vec<FieldError> {
    Vec::new()
}
