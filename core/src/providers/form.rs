//! Provider-independent pieces of prefill, locking and redaction, driven by the profile.

use serde_json::Value;

use super::leaves::{matches, Leaves};
use super::spec::{CustomerKind, FormState, Lock, ProviderSpec};
use crate::{Code, FieldError};

/// Prefill values (string/bool leaves the GET returns), write-only and locked pointers.
pub(crate) fn form_state(
    spec: &dyn ProviderSpec,
    get: &Value,
    kind: Option<CustomerKind>,
    kyc_submitted: bool,
) -> FormState {
    let profile = spec.profile();
    let op = spec
        .operations()
        .iter()
        .find(|op| kind.is_none_or(|kind| op.kinds.contains(&kind)))
        .map(|op| op.id);
    let mut state = FormState {
        kind,
        op,
        ..FormState::default()
    };
    for field in profile.fields.iter().filter(|field| Some(field.op) == op) {
        if field.write_only {
            state.write_only.push(field.pointer);
        }
        if field.lock == Lock::AfterKycSubmitted && kyc_submitted {
            state.locked.push(field.pointer);
        }
        let current = field.get_pointer.and_then(|pointer| get.pointer(pointer));
        let text = match current {
            Some(Value::String(text)) => Some(text.clone()),
            Some(Value::Bool(flag)) => Some(flag.to_string()),
            Some(Value::Number(number)) => Some(number.to_string()),
            _ => None,
        };
        if let Some(text) = text {
            state.values.insert(field.pointer.to_owned(), text);
        }
    }
    state
}

/// Errors for every locked field the body tries to change (`locked` from [`FormState`]).
pub fn check_locks(body: &Value, locked: &[&str]) -> Vec<FieldError> {
    Leaves::from_json(body)
        .iter()
        .filter(|(pointer, _)| locked.iter().any(|pattern| matches(pattern, pointer)))
        .map(|(pointer, _)| {
            FieldError::new(
                Code::Locked,
                "This can no longer be changed: your identity check has been submitted.",
            )
            .at(pointer)
        })
        .collect()
}

/// Removes every member matching one of `pointers` (`-` = any array index).
pub(crate) fn remove_all(body: &mut Value, pointers: &[&str]) {
    for pattern in pointers {
        let tokens: Vec<&str> = pattern.split('/').skip(1).collect();
        remove_path(body, &tokens);
    }
}

fn remove_path(value: &mut Value, tokens: &[&str]) {
    let Some((first, rest)) = tokens.split_first() else {
        return;
    };
    match value {
        Value::Object(map) => {
            if rest.is_empty() {
                map.remove(*first);
            } else if let Some(child) = map.get_mut(*first) {
                remove_path(child, rest);
            }
        }
        Value::Array(items) if *first == "-" => {
            for item in items {
                remove_path(item, rest);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn removes_members_inside_arrays() {
        let mut body = json!({"a": [{"x": 1, "y": 2}, {"x": 3}], "b": {"x": 1}});
        remove_all(&mut body, &["/a/-/x", "/b/x", "/missing/x"]);
        assert_eq!(body, json!({"a": [{"y": 2}, {}], "b": {}}));
    }

    #[test]
    fn locked_leaves_are_reported_where_they_are() {
        let body = json!({"personalInformation": {"middleName": "J", "gender": "male"}});
        let errors = check_locks(&body, &["/personalInformation/middleName"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].pointer, "/personalInformation/middleName");
        assert_eq!(errors[0].code, Code::Locked);
    }
}
