//! In-memory customer records and the small JSON helpers every sandbox provider uses.

use serde_json::{Map, Value};

use super::{lock, SandboxState};

/// Deep merge: objects merge key by key, `null` removes a key, anything else replaces.
pub fn merge(target: &mut Value, patch: &Value) {
    match (target.as_object_mut(), patch.as_object()) {
        (Some(target), Some(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    target.remove(key);
                } else if let Some(existing) = target
                    .get_mut(key)
                    .filter(|v| v.is_object() && value.is_object())
                {
                    merge(existing, value);
                } else {
                    target.insert(key.clone(), value.clone());
                }
            }
        }
        _ => *target = patch.clone(),
    }
}

/// Removes the value at a JSON pointer (no-op when absent).
pub fn remove_pointer(value: &mut Value, pointer: &str) {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return;
    };
    if let Some(object) = value.pointer_mut(parent).and_then(Value::as_object_mut) {
        object.remove(key);
    }
}

/// The body as a JSON object, or `None`.
pub fn object(body: &[u8]) -> Option<Map<String, Value>> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

impl SandboxState {
    /// Runs `change` on a stored customer; `None` when there is no such customer.
    pub(super) fn with_customer<R>(
        &self,
        provider: &str,
        id: &str,
        change: impl FnOnce(&mut Value) -> R,
    ) -> Option<R> {
        let mut customers = lock(&self.customers);
        customers
            .get_mut(&(provider.to_owned(), id.to_owned()))
            .map(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_is_deep_and_null_removes() {
        let mut target = json!({"a": {"b": 1, "c": 2}, "d": 3});
        merge(&mut target, &json!({"a": {"b": 9, "c": null}, "e": [1]}));
        assert_eq!(target, json!({"a": {"b": 9}, "d": 3, "e": [1]}));
    }
}
