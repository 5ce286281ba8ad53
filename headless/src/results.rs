//! The results the headless functions hand to JS, as serde types: the JS shape is decided
//! here, once, and serde-wasm-bindgen builds the objects.

use customer_update_core::FieldError;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// One value's check: `{ok: true, value}` (the canonical form) or `{ok: false, error}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    Valid(String),
    Invalid(FieldError),
}

impl From<Result<String, FieldError>> for Checked {
    fn from(result: Result<String, FieldError>) -> Self {
        match result {
            Ok(value) => Checked::Valid(value),
            Err(error) => Checked::Invalid(error),
        }
    }
}

impl Serialize for Checked {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_struct("Checked", 2)?;
        match self {
            Checked::Valid(value) => {
                object.serialize_field("ok", &true)?;
                object.serialize_field("value", value)?;
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
