//! Helpers for reading provider error bodies. Each provider module knows its envelope;
//! these turn the pieces into `FieldError`s and make sure any body, however odd, gives at
//! least one error and never a panic.

use serde_json::Value;

use crate::{Code, FieldError};

/// Parses JSON, or `None` for anything else (HTML error pages, empty bodies, garbage).
/// Through `from_str` like every other JSON text in the crate: one parser instance in the
/// wasm instead of one per reader type.
pub(crate) fn json(body: &[u8]) -> Option<Value> {
    std::str::from_utf8(body)
        .ok()
        .and_then(|text| serde_json::from_str(text).ok())
}

/// The one error every unreadable or unknown-shaped body becomes.
pub(crate) fn general(status: u16) -> FieldError {
    FieldError::new(
        Code::General,
        format!("The provider could not process the update (HTTP {status})."),
    )
    .with_param("status", status)
}

/// A top-level error: the provider's own code when it gave one, its message when it gave one.
pub(crate) fn top_level(status: u16, code: Option<&str>, message: Option<&str>) -> FieldError {
    let mut error = general(status);
    if let Some(message) = message.filter(|m| !m.trim().is_empty()) {
        error.message = message.trim().to_owned();
    }
    if let Some(code) = code.filter(|c| !c.trim().is_empty()) {
        error.code = Code::Provider(code.trim().to_owned());
    }
    error
}

/// A field-level error from the provider (`code` `None` → `invalid_value`).
pub(crate) fn field(pointer: String, code: Option<&str>, message: Option<&str>) -> FieldError {
    let code = match code.filter(|c| !c.trim().is_empty()) {
        Some(code) => Code::Provider(code.trim().to_owned()),
        None => Code::InvalidValue,
    };
    let message = message
        .filter(|m| !m.trim().is_empty())
        .unwrap_or("This value was not accepted.");
    FieldError::new(code, message.trim()).at(pointer)
}

/// A provider's field name as a JSON pointer: `/a/b` stays, `a.b[0].c` → `/a/b/0/c`,
/// `contactinfo` spellings are left as the provider wrote them.
pub(crate) fn to_pointer(path: &str) -> String {
    let path = path.trim();
    if path.is_empty() || path.starts_with('/') {
        return path.to_owned();
    }
    let mut pointer = String::new();
    for part in path.split('.') {
        let mut rest = part;
        // "associates[0]" → "associates", "0"
        let name_end = rest.find('[').unwrap_or(rest.len());
        let (name, indices) = rest.split_at(name_end);
        if !name.is_empty() {
            pointer.push('/');
            pointer.push_str(&super::leaves::escape(name));
        }
        rest = indices;
        while let Some(open) = rest.strip_prefix('[') {
            let close = open.find(']').unwrap_or(open.len());
            let (index, after) = open.split_at(close);
            pointer.push('/');
            pointer.push_str(&super::leaves::escape(
                index.trim_matches(|c| c == '"' || c == '\''),
            ));
            rest = after.strip_prefix(']').unwrap_or(after);
        }
    }
    pointer
}

pub(crate) fn str_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// Messages of a `{field: [messages]}` or `{field: message}` object.
pub(crate) fn field_map(
    map: &serde_json::Map<String, Value>,
    code: Option<&str>,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (name, messages) in map {
        let pointer = to_pointer(name);
        match messages {
            Value::String(message) => errors.push(field(pointer, code, Some(message))),
            Value::Array(list) => {
                let texts: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                if texts.is_empty() {
                    errors.push(field(pointer.clone(), code, None));
                }
                for message in texts {
                    errors.push(field(pointer.clone(), code, Some(message)));
                }
            }
            _ => errors.push(field(pointer, code, None)),
        }
    }
    errors
}

/// Never an empty list: a body that named no field still gives one top-level error.
pub(crate) fn at_least_one(errors: Vec<FieldError>, status: u16) -> Vec<FieldError> {
    if errors.is_empty() {
        vec![general(status)]
    } else {
        errors
    }
}

/// Best effort for an undocumented envelope: the common keys `errors`, `message`,
/// `detail`, `title`, `error`, `code`.
pub(crate) fn best_effort(status: u16, body: &[u8]) -> Vec<FieldError> {
    let Some(value) = json(body) else {
        return vec![general(status)];
    };
    let code =
        str_at(&value, "code").or_else(|| value.get("error").and_then(|e| str_at(e, "code")));
    let mut errors = Vec::new();
    match value.get("errors") {
        Some(Value::Array(items)) => {
            for item in items {
                errors.extend(item_error(item, code));
            }
        }
        Some(Value::Object(map)) => errors.extend(field_map(map, code)),
        _ => {}
    }
    if errors.is_empty() {
        let message = ["detail", "message", "title", "error"]
            .iter()
            .find_map(|key| str_at(&value, key))
            .or_else(|| value.get("error").and_then(|e| str_at(e, "message")));
        errors.push(top_level(status, code, message));
    }
    errors
}

/// One entry of an `errors` array in any of the usual spellings.
pub(crate) fn item_error(item: &Value, fallback_code: Option<&str>) -> Option<FieldError> {
    match item {
        Value::String(message) => Some(field(String::new(), fallback_code, Some(message))),
        Value::Object(_) => {
            let path = ["pointer", "field", "parameter", "path", "property", "name"]
                .iter()
                .find_map(|k| str_at(item, k));
            let code = str_at(item, "code").or(fallback_code);
            let message = ["message", "detail", "description", "title"]
                .iter()
                .find_map(|k| str_at(item, k));
            Some(field(
                path.map(to_pointer).unwrap_or_default(),
                code,
                message,
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_field_names_become_json_pointers() {
        assert_eq!(to_pointer("address.postalCode"), "/address/postalCode");
        assert_eq!(
            to_pointer("associates[0].details.contactInfo.emailAddress"),
            "/associates/0/details/contactInfo/emailAddress"
        );
        assert_eq!(to_pointer("/email"), "/email");
        assert_eq!(to_pointer("a/b"), "/a~1b");
        assert_eq!(to_pointer("x[1"), "/x/1");
    }

    #[test]
    fn non_json_is_one_general_error() {
        assert_eq!(
            best_effort(502, b"<html>bad gateway</html>"),
            vec![general(502)]
        );
    }
}
