//! The rule engine: `validator`'s derive on each provider's update types. A body is first
//! parsed strictly into its type (the allow-list, `strict.rs`), then validated by that
//! type's `#[derive(Validate)]`: `length` and `required` where the rule is that simple,
//! `custom` functions that call core's field parsers, `nested` for objects and list
//! items, struct-level `schema` functions for the cross-field rules. The proxy runs it on
//! the JSON it received, the widget on the draft body it is about to send: one engine.
//!
//! Errors come back as core's [`FieldError`]s: a JSON pointer into the body, a stable code
//! (translated by code in the widget), never the customer's input.

use std::borrow::Cow;

use validator::{ValidateArgs, ValidationError, ValidationErrors, ValidationErrorsKind};

use super::spec::Rejection;
use crate::date::Date;
use crate::{Code, FieldError};

/// What rules relative to the moment and the provider need (validator's context).
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// `None`: rules relative to today (future dates, minimum age) are skipped.
    pub today: Option<Date>,
    /// Minimum age on dates of birth (the provider profile opts in).
    pub min_age: Option<u8>,
}

/// An update body type: parsed strictly, then validated by its derive.
pub trait UpdateBody:
    serde::de::DeserializeOwned + for<'a> ValidateArgs<'a, Args = &'a Ctx>
{
}

impl<T> UpdateBody for T where
    T: serde::de::DeserializeOwned + for<'a> ValidateArgs<'a, Args = &'a Ctx>
{
}

/// Runs `body`'s derive: `Ok` or a rejection with every rule it breaks.
pub(crate) fn validate<T: UpdateBody>(body: &T, ctx: &Ctx) -> Result<(), Rejection> {
    body.validate_with_args(ctx)
        .map_err(|errors| Rejection::Invalid(field_errors(&errors)))
}

/// Validator's code for the errors a schema function reports (it returns one
/// `ValidationError`; a cross-field rule may find several problems at once).
const RULES: &str = "rules";
/// Where a schema error carries its errors, and each error its pointer relative to the
/// struct the schema runs on.
const ERRORS: &str = "errors";
const AT: &str = "at";

/// A field parser's result as a `custom` validation.
pub(crate) fn field<T>(result: Result<T, FieldError>) -> Result<(), ValidationError> {
    result.map(|_| ()).map_err(to_validation)
}

/// A schema function's findings (pointers relative to its struct) as one validation error.
pub(crate) fn rules(errors: Vec<FieldError>) -> Result<(), ValidationError> {
    if errors.is_empty() {
        return Ok(());
    }
    let mut error = ValidationError::new(RULES);
    let list = errors
        .into_iter()
        .map(|e| {
            let mut item = serde_json::Map::new();
            item.insert(AT.into(), e.pointer.into());
            item.insert("code".into(), e.code.as_str().into());
            item.insert("message".into(), e.message.into());
            let params = e.params.into_iter().map(|(k, v)| (k, v.into())).collect();
            item.insert("params".into(), serde_json::Value::Object(params));
            serde_json::Value::Object(item)
        })
        .collect();
    error
        .params
        .insert(Cow::Borrowed(ERRORS), serde_json::Value::Array(list));
    Err(error)
}

fn to_validation(error: FieldError) -> ValidationError {
    let mut out = ValidationError::new("");
    out.code = Cow::Owned(error.code.as_str().to_owned());
    out.message = Some(Cow::Owned(error.message));
    for (key, value) in error.params {
        out.params.insert(Cow::Owned(key), value.into());
    }
    out
}

/// Every error in validator's tree, at its JSON pointer, sorted by pointer (validator keeps
/// fields in a hash map), a field's length after what else is wrong with it. A schema
/// error about a field replaces a field error at the same pointer: the provider's rule
/// says more than the generic one.
pub(crate) fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut fields = Vec::new();
    let mut rules = Vec::new();
    collect(errors, "", &mut fields, &mut rules);
    fields.retain(|error| !rules.iter().any(|r| r.pointer == error.pointer));
    rules.extend(fields);
    rules.sort_by(|a, b| {
        (&a.pointer, a.code == Code::TooLong).cmp(&(&b.pointer, b.code == Code::TooLong))
    });
    rules
}

fn collect(
    errors: &ValidationErrors,
    base: &str,
    fields: &mut Vec<FieldError>,
    rules: &mut Vec<FieldError>,
) {
    for (key, kind) in &errors.0 {
        let at = if key == "__all__" {
            base.to_owned()
        } else {
            format!("{base}/{}", camel_case(key))
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    if error.code == RULES {
                        rules.extend(expand(error, &at));
                    } else {
                        fields.push(from_validation(error).at(at.clone()));
                    }
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &at, fields, rules),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{at}/{index}"), fields, rules);
                }
            }
        }
    }
}

/// The errors a schema function packed, each at its struct's pointer + its own.
fn expand(error: &ValidationError, base: &str) -> Vec<FieldError> {
    let Some(serde_json::Value::Array(list)) = error.params.get(ERRORS) else {
        return Vec::new();
    };
    list.iter()
        .map(|item| {
            let text = |key: &str| item.get(key).and_then(|v| v.as_str()).unwrap_or_default();
            let mut found = FieldError::new(Code::parse(text("code")), text("message"))
                .at(format!("{base}{}", text(AT)));
            if let Some(serde_json::Value::Object(params)) = item.get("params") {
                for (key, value) in params {
                    found = found.with_param(key, value.as_str().unwrap_or_default());
                }
            }
            found
        })
        .collect()
}

/// One of validator's own errors, or a core error carried through `custom`. The `value`
/// validator attaches (what the customer typed) is dropped: it never goes in an error.
fn from_validation(error: &ValidationError) -> FieldError {
    match error.code.as_ref() {
        "length" => {
            let max = error
                .params
                .get("max")
                .and_then(serde_json::Value::as_u64)
                .unwrap_or_default();
            FieldError::new(Code::TooLong, format!("Enter at most {max} characters."))
                .with_param("max", max)
        }
        "required" => FieldError::new(Code::Required, "Enter a value."),
        code => {
            let message = error.message.as_deref().unwrap_or("Check this value.");
            let mut found = FieldError::new(Code::parse(code), message);
            for (key, value) in &error.params {
                if key != "value" {
                    found = found.with_param(key, value.as_str().unwrap_or_default());
                }
            }
            found
        }
    }
}

/// Validator names errors by Rust field (`postal_code`); bodies are camelCase
/// (`postalCode`, every update type has `rename_all = "camelCase"`).
fn camel_case(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut upper = false;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_field_names_become_body_keys() {
        assert_eq!(camel_case("postal_code"), "postalCode");
        assert_eq!(camel_case("address_line1"), "addressLine1");
        assert_eq!(camel_case("email"), "email");
    }

    #[test]
    fn a_schema_error_lands_at_the_field_it_is_about_and_wins_over_a_field_error() {
        let mut errors = ValidationErrors::new();
        errors.add("postal_code", ValidationError::new("required"));
        let packed = rules(vec![FieldError::new(
            Code::PostalCodeInvalid,
            "Enter a ZIP code.",
        )
        .with_param("example", "62701")
        .at("/postalCode")])
        .unwrap_err();
        errors.add("__all__", packed);
        let found = field_errors(&errors);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/postalCode");
        assert_eq!(found[0].code, Code::PostalCodeInvalid);
        assert_eq!(
            found[0].params.get("example").map(String::as_str),
            Some("62701")
        );
    }

    #[test]
    fn the_customers_input_never_travels_in_an_error() {
        let mut error = ValidationError::new("length");
        error.add_param(Cow::Borrowed("max"), &3);
        error.add_param(Cow::Borrowed("value"), &"123-45-6789");
        let mut errors = ValidationErrors::new();
        errors.add("tax_identification_number", error);
        let found = field_errors(&errors);
        assert_eq!(found[0].pointer, "/taxIdentificationNumber");
        assert_eq!(found[0].code, Code::TooLong);
        assert!(!format!("{found:?}").contains("6789"));
    }
}
