//! The results the headless functions hand to JS, as serde types: the JS shape is decided
//! here, once, and serde-wasm-bindgen builds the objects.

use customer_update_core::{phone, FieldError};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// One value's check: `{ok: true, value}` (the canonical form, with a `notice` when part
/// of what was typed is left out) or `{ok: false, error}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    /// The canonical value; `notice` when not all of what was typed is kept (a phone's
    /// extension).
    Valid {
        value: String,
        notice: Option<FieldError>,
    },
    Invalid(FieldError),
}

impl From<Result<String, FieldError>> for Checked {
    fn from(result: Result<String, FieldError>) -> Self {
        match result {
            Ok(value) => Checked::Valid {
                value,
                notice: None,
            },
            Err(error) => Checked::Invalid(error),
        }
    }
}

impl From<Result<phone::Normalized, FieldError>> for Checked {
    fn from(result: Result<phone::Normalized, FieldError>) -> Self {
        match result {
            Ok(normalized) => Checked::Valid {
                notice: normalized.hint(),
                value: normalized.e164,
            },
            Err(error) => Checked::Invalid(error),
        }
    }
}

impl Serialize for Checked {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = match self {
            Checked::Valid { notice, .. } => 2 + usize::from(notice.is_some()),
            Checked::Invalid(_) => 2,
        };
        let mut object = serializer.serialize_struct("Checked", len)?;
        match self {
            Checked::Valid { value, notice } => {
                object.serialize_field("ok", &true)?;
                object.serialize_field("value", value)?;
                if let Some(notice) = notice {
                    object.serialize_field("notice", notice)?;
                }
            }
            Checked::Invalid(error) => {
                object.serialize_field("ok", &false)?;
                object.serialize_field("error", error)?;
            }
        }
        object.end()
    }
}

/// A body's check: `{ok: true, errors: []}` or `{ok: false, errors: [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Validated {
    pub ok: bool,
    pub errors: Vec<FieldError>,
}

impl From<Vec<FieldError>> for Validated {
    fn from(errors: Vec<FieldError>) -> Self {
        Validated {
            ok: errors.is_empty(),
            errors,
        }
    }
}
