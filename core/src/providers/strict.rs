//! Strict parsing of a browser body into a provider's end-customer update type. The type is
//! the allow-list (`deny_unknown_fields`): an unknown or operator-only key, or a value of the
//! wrong JSON type, is a shape error (400) addressed by a JSON pointer.

use serde::de::DeserializeOwned;
#[cfg(feature = "json")]
use serde_json::Value;

use super::engine::{self, Ctx, UpdateBody};
pub(crate) use super::leaves::matches;
use super::leaves::{escape, is_within, Leaves};
use super::spec::{ProviderSpec, Rejection};
use crate::{Code, FieldError};

/// A body as it arrives: JSON in the proxy, a draft's leaves in the widget.
pub(crate) trait Source: Clone {
    fn is_object(&self) -> bool;
    /// The typed body, or where serde stopped (a pointer) and why.
    fn deserialize<T: DeserializeOwned>(&self) -> Result<T, (String, String)>;
    /// Removes the member at `pointer`; `false` if nothing was removed.
    fn remove(&mut self, pointer: &str) -> bool;
}

/// Parses `body` into `T`; `operator_only` (pointers, `-` for any array index) turns an
/// unknown-key error into a `not_editable` one that says why.
pub(crate) fn parse<T: DeserializeOwned, S: Source>(
    body: &S,
    operator_only: &[&str],
) -> Result<T, Rejection> {
    if !body.is_object() {
        return Err(Rejection::Malformed(vec![FieldError::new(
            Code::InvalidType,
            "The update must be a JSON object.",
        )]));
    }
    // Report every unknown/operator-only/mistyped key, not just the first serde meets:
    // drop each offending member and parse again (bounded).
    let mut errors = Vec::new();
    let mut working = body.clone();
    for _ in 0..MAX_SHAPE_ERRORS {
        match working.deserialize::<T>() {
            Ok(typed) if errors.is_empty() => return Ok(typed),
            Ok(_) => break,
            Err((pointer, detail)) => {
                let shape = shape_error(pointer, &detail, operator_only);
                let removed = working.remove(&shape.pointer);
                errors.push(shape);
                if !removed {
                    break;
                }
            }
        }
    }
    Err(Rejection::Malformed(errors))
}

/// Parse strictly (the type is the allow-list), then run the type's rules.
pub(crate) fn checked<T: UpdateBody, S: Source>(
    spec: &dyn ProviderSpec,
    body: &S,
    ctx: &Ctx,
) -> Result<T, Rejection> {
    let typed: T = parse(body, spec.profile().operator_only)?;
    engine::validate(&typed, ctx)?;
    Ok(typed)
}

/// Upper bound on the shape errors reported for one body.
const MAX_SHAPE_ERRORS: usize = 32;

fn shape_error(pointer: String, detail: &str, operator_only: &[&str]) -> FieldError {
    if let Some(key) = unknown_key(detail) {
        // serde_path_to_error's path ends at the object holding the unknown key.
        let key_pointer = if pointer.ends_with(&format!("/{}", escape(key))) {
            pointer
        } else {
            format!("{pointer}/{}", escape(key))
        };
        if operator_only
            .iter()
            .any(|pattern| matches(pattern, &key_pointer))
        {
            return FieldError::new(
                Code::NotEditable,
                format!("“{key}” is managed by the operator and cannot be changed here."),
            )
            .with_param("field", key)
            .at(key_pointer);
        }
        return FieldError::new(
            Code::UnknownField,
            format!("“{key}” is not a field of this update."),
        )
        .with_param("field", key)
        .at(key_pointer);
    }
    if let Some(key) = backticked(detail, "missing field `") {
        return FieldError::new(Code::Required, format!("“{key}” is required."))
            .at(format!("{pointer}/{}", escape(key)));
    }
    FieldError::new(Code::InvalidType, format!("Wrong value type: {detail}.")).at(pointer)
}

/// The key named by serde's "unknown field `x`, expected …" message.
fn unknown_key(detail: &str) -> Option<&str> {
    backticked(detail, "unknown field `")
}

/// The name after `prefix` up to the closing backtick.
fn backticked<'a>(detail: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = detail.strip_prefix(prefix)?;
    let end = rest.find('`')?;
    rest.get(..end)
}

#[cfg(feature = "json")]
impl Source for Value {
    fn is_object(&self) -> bool {
        Value::is_object(self)
    }

    fn deserialize<T: DeserializeOwned>(&self) -> Result<T, (String, String)> {
        deserialize_json(self)
    }

    fn remove(&mut self, pointer: &str) -> bool {
        let Some((parent, last)) = pointer.rsplit_once('/') else {
            return false;
        };
        let key = last.replace("~1", "/").replace("~0", "~");
        match self.pointer_mut(parent) {
            Some(Value::Object(map)) => map.remove(&key).is_some(),
            // Removing an item would shift the pointers of later errors: stop there instead.
            _ => false,
        }
    }
}

/// A draft's shape errors are located by searching its leaves for the key serde names:
/// the widget only builds keys of the type it edits, so this is reached by hand-made
/// bodies only, and the proxy re-checks with the exact path.
impl Source for Leaves {
    fn is_object(&self) -> bool {
        true
    }

    fn deserialize<T: DeserializeOwned>(&self) -> Result<T, (String, String)> {
        T::deserialize(self.tree()).map_err(|error| {
            let detail = error.to_string();
            let pointer = unknown_key(&detail)
                .and_then(|key| {
                    let token = format!("/{}", escape(key));
                    self.iter().find_map(|(at, _)| {
                        at.find(&token)
                            .map(|start| at[..start].to_owned())
                            .filter(|parent| is_within(at, parent))
                    })
                })
                .unwrap_or_default();
            (pointer, detail)
        })
    }

    fn remove(&mut self, pointer: &str) -> bool {
        !pointer.is_empty() && self.remove_under(pointer)
    }
}

/// Natively (the proxy): the exact path serde was at when it failed, and serde's message.
#[cfg(all(feature = "json", not(target_arch = "wasm32")))]
fn deserialize_json<T: DeserializeOwned>(body: &Value) -> Result<T, (String, String)> {
    use serde_path_to_error::Segment;
    serde_path_to_error::deserialize::<_, T>(body).map_err(|error| {
        let mut pointer = String::new();
        for segment in error.path().iter() {
            match segment {
                Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
                Segment::Map { key } => pointer.push_str(&format!("/{}", escape(key))),
                Segment::Enum { variant } => pointer.push_str(&format!("/{}", escape(variant))),
                Segment::Unknown => {}
            }
        }
        (pointer, error.inner().to_string())
    })
}

/// In the browser, without serde_path_to_error (its per-type wrappers cost ~60 KB of the
/// wasm): an unknown key is located by searching the body for it (first match, depth
/// first); any other shape error is addressed to the whole body.
#[cfg(all(feature = "json", target_arch = "wasm32"))]
fn deserialize_json<T: DeserializeOwned>(body: &Value) -> Result<T, (String, String)> {
    T::deserialize(body).map_err(|error| {
        let detail = error.to_string();
        let pointer = unknown_key(&detail)
            .and_then(|key| find_key(body, key, String::new()))
            .map(|found| {
                found
                    .rsplit_once('/')
                    .map(|(parent, _)| parent.to_string())
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        (pointer, detail)
    })
}

/// Pointer of the first member named `key` in `value` (depth first).
#[cfg(all(feature = "json", any(target_arch = "wasm32", test)))]
fn find_key(value: &Value, key: &str, at: String) -> Option<String> {
    match value {
        Value::Object(map) => {
            if map.contains_key(key) {
                return Some(format!("{at}/{}", escape(key)));
            }
            map.iter()
                .find_map(|(name, child)| find_key(child, key, format!("{at}/{}", escape(name))))
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, child)| find_key(child, key, format!("{at}/{index}"))),
        _ => None,
    }
}

/// [`checked`], then the canonical upstream body (phones in E.164, countries upper case).
#[cfg(feature = "json")]
pub(crate) fn canonical<T: UpdateBody + serde::Serialize>(
    spec: &dyn ProviderSpec,
    body: &Value,
    ctx: &Ctx,
) -> Result<Value, Rejection> {
    let typed: T = checked(spec, body, ctx)?;
    serde_json::to_value(&typed).map_err(|error| {
        Rejection::Malformed(vec![FieldError::new(
            Code::InvalidType,
            format!("Could not write the body: {error}."),
        )])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_found_depth_first() {
        let body = serde_json::json!({"a": {"b": [{"c": 1}, {"meta": 2}]}, "d": 3});
        assert_eq!(
            find_key(&body, "meta", String::new()).as_deref(),
            Some("/a/b/1/meta")
        );
        assert_eq!(find_key(&body, "d", String::new()).as_deref(), Some("/d"));
        assert_eq!(find_key(&body, "zz", String::new()), None);
    }

    #[test]
    fn unknown_key_is_read_from_serdes_message() {
        assert_eq!(
            unknown_key("unknown field `meta`, expected one of `address`"),
            Some("meta")
        );
        assert_eq!(
            unknown_key("invalid type: integer `1`, expected a string"),
            None
        );
    }
}
