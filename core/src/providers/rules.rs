//! The update rules, driven by each provider's profile: the one place that says what an
//! end customer may send. The browser runs them on the leaves it is about to send; the
//! proxy runs them on the leaves of the body it received (after the strict typed parse).
//!
//! 1. Every leaf must be a field of the operation (else 400 `unknown_field` /
//!    `not_editable`) with the right JSON type (else 400 `invalid_type`).
//! 2. Each value is parsed by its field kind (phone → E.164, countries in the profile's
//!    form, dates, e-mail, free text with its length limit, option lists).
//! 3. An object (an address, one item of a list) that is sent must carry its required
//!    fields; address parts are required by the country's format instead.
//! 4. Addresses follow their country (postal code pattern, state list, required parts);
//!    a country-name field must name the country of its sibling code.
//! 5. The provider's own cross-field rules ([`ProviderSpec::extra_rules`]).
//!
//! The result is the canonical leaves (what goes upstream) or every error found.

use super::leaves::{instantiate, is_index, is_within, matches, Leaf, Leaves};
use super::spec::{CountryForm, FieldSpec, InputKind, ProviderSpec, Rejection, UpdateOp};
use crate::address::{self, AddressInput};
use crate::country::{by_name, Alpha3, CountryCode, Lang};
use crate::date::Date;
use crate::{Code, FieldError};

/// What rules relative to the moment and the provider need.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// `None`: rules relative to today (future dates, minimum age) are skipped.
    pub today: Option<Date>,
    /// Minimum age on dates of birth (the provider profile opts in).
    pub min_age: Option<u8>,
}

/// Checks `body` for `op`: the canonical leaves, or a rejection with every error.
pub fn check(
    spec: &dyn ProviderSpec,
    op: &UpdateOp,
    body: &Leaves,
    today: Option<Date>,
) -> Result<Leaves, Rejection> {
    let profile = spec.profile();
    let ctx = Ctx {
        today,
        min_age: profile.min_age,
    };
    let fields: Vec<&'static FieldSpec> = profile
        .fields
        .iter()
        .chain(profile.hidden)
        .filter(|field| field.op == op.fields_id())
        .collect();

    let mut shape = Vec::new();
    let mut errors = Vec::new();
    let mut canonical = Leaves::new();
    for (pointer, leaf) in body.iter() {
        let Some(field) = fields
            .iter()
            .copied()
            .find(|field| matches(field.pointer, pointer))
        else {
            // An empty object or list where fields go (`"address": {}`): sent, but no leaf.
            let container = *leaf == Leaf::Other
                && fields
                    .iter()
                    .any(|f| is_within(&instantiate(f.pointer, pointer), pointer));
            if !container {
                shape.push(not_a_field(pointer, profile.operator_only));
            }
            continue;
        };
        match check_leaf(field, leaf, profile.country_form, &ctx) {
            Ok(Some(value)) => canonical.set(pointer, value),
            Ok(None) => {}
            Err(LeafError::Shape(error)) => shape.push(error.at(pointer)),
            Err(LeafError::Rule(found)) => {
                errors.extend(found.into_iter().map(|error| error.at(pointer)))
            }
        }
    }
    if !shape.is_empty() {
        return Err(Rejection::Malformed(shape));
    }

    for group in groups(body) {
        required_fields(&fields, &group, body, &mut errors);
        address_rules(&fields, &group, body, profile.country_form, &mut errors);
    }
    let mut extra = Vec::new();
    spec.extra_rules(op, body, &ctx, &mut extra);
    // A provider rule about a field says more than the generic one: keep one per field.
    errors.retain(|error| !extra.iter().any(|e| e.pointer == error.pointer));
    extra.extend(errors);
    if extra.is_empty() {
        Ok(canonical)
    } else {
        Err(Rejection::Invalid(extra))
    }
}

enum LeafError {
    /// Wrong JSON type: the body is not the provider's shape (400).
    Shape(FieldError),
    /// The value breaks one rule or more (422).
    Rule(Vec<FieldError>),
}

fn not_a_field(pointer: &str, operator_only: &[&str]) -> FieldError {
    // Name the top-most key that is not allowed (`/meta`, not `/meta/x`).
    let key_pointer = operator_only
        .iter()
        .filter_map(|pattern| {
            let depth = pattern.matches('/').count();
            let prefix: String = pointer
                .split('/')
                .take(depth + 1)
                .collect::<Vec<_>>()
                .join("/");
            matches(pattern, &prefix).then_some(prefix)
        })
        .next();
    let key_of = |p: &str| {
        p.rsplit('/')
            .next()
            .unwrap_or_default()
            .replace("~1", "/")
            .replace("~0", "~")
    };
    match key_pointer {
        Some(at) => {
            let key = key_of(&at);
            FieldError::new(
                Code::NotEditable,
                format!("“{key}” is managed by the operator and cannot be changed here."),
            )
            .with_param("field", key)
            .at(at)
        }
        None => {
            let key = key_of(pointer);
            FieldError::new(
                Code::UnknownField,
                format!("“{key}” is not a field of this update."),
            )
            .with_param("field", key)
            .at(pointer)
        }
    }
}

/// One leaf: `Ok(None)` for `null` (dropped), else its canonical value.
fn check_leaf(
    field: &FieldSpec,
    leaf: &Leaf,
    form: CountryForm,
    ctx: &Ctx,
) -> Result<Option<Leaf>, LeafError> {
    let text = match (field.input, leaf) {
        (_, Leaf::Null) => return Ok(None),
        (InputKind::Checkbox, Leaf::Bool(flag)) => {
            let wire = if *flag { "true" } else { "false" };
            if !field.options.is_empty() && !field.options.contains(&wire) {
                return Err(LeafError::Rule(vec![FieldError::new(
                    Code::InvalidValue,
                    "The agreement cannot be withdrawn here: it can only be accepted.",
                )]));
            }
            return Ok(Some(Leaf::Bool(*flag)));
        }
        (InputKind::Checkbox, _) => return Err(LeafError::Shape(wrong_type("true or false"))),
        (_, Leaf::Text(text)) => text.as_str(),
        (_, _) => return Err(LeafError::Shape(wrong_type("a string"))),
    };
    match check_text_value(field, text, form, ctx) {
        Ok(value) => Ok(Some(Leaf::Text(value))),
        // A phone both malformed and over the provider's limit: say both.
        Err(error) if field.input == InputKind::Tel && error.code != Code::TooLong => {
            let limit = field.max_chars.and_then(|max| too_long(text, max).err());
            Err(LeafError::Rule(
                std::iter::once(error).chain(limit).collect(),
            ))
        }
        Err(error) => Err(LeafError::Rule(vec![error])),
    }
}

fn wrong_type(expected: &str) -> FieldError {
    FieldError::new(
        Code::InvalidType,
        format!("Wrong value type: expected {expected}."),
    )
    .with_param("expected", expected)
}

/// A text value by its field's kind → the canonical text.
pub fn check_text_value(
    field: &FieldSpec,
    text: &str,
    form: CountryForm,
    ctx: &Ctx,
) -> Result<String, FieldError> {
    match field.input {
        InputKind::Email => crate::email::Email::parse(text).map(|email| email.as_str().to_owned()),
        InputKind::Tel => {
            let e164 = crate::phone::E164::parse(text, None)?;
            if let Some(max) = field.max_chars {
                too_long(text, max)?;
            }
            Ok(e164.as_str().to_owned())
        }
        InputKind::Date => {
            let date = crate::date::parse(text)?;
            if let Some(today) = ctx.today {
                crate::date::check_birth_date(
                    &date.to_string(),
                    today,
                    ctx.min_age.map_or(0, u16::from),
                )?;
            }
            Ok(date.to_string())
        }
        InputKind::Country => parse_country(text, form).map(|code| match form {
            CountryForm::Alpha2 => code.alpha2().to_owned(),
            CountryForm::Alpha3 => code.alpha3().to_owned(),
        }),
        InputKind::Select if !field.options.is_empty() && !field.options.contains(&text.trim()) => {
            Err(
                FieldError::new(Code::InvalidValue, "Choose one of the options.")
                    .with_param("allowed", field.options.join(", ")),
            )
        }
        _ => {
            check_text(text, field.max_chars.unwrap_or(usize::MAX))?;
            Ok(text.to_owned())
        }
    }
}

/// A country written in the profile's form only ("USA" where alpha-2 is expected is an
/// error, not a rewrite).
pub fn parse_country(text: &str, form: CountryForm) -> Result<CountryCode, FieldError> {
    let length = text.trim().chars().count();
    match form {
        CountryForm::Alpha2 if length == 2 => CountryCode::parse(text),
        CountryForm::Alpha2 => Err(FieldError::new(
            Code::CountryUnknown,
            "Use the country's two-letter ISO code (e.g. US).",
        )
        .with_param("form", "alpha2")),
        CountryForm::Alpha3 if length == 3 => Alpha3::parse(text).map(|alpha3| alpha3.to_alpha2()),
        CountryForm::Alpha3 => Err(FieldError::new(
            Code::CountryUnknown,
            "Use the country's three-letter ISO code (e.g. USA).",
        )
        .with_param("form", "alpha3")),
    }
}

/// Free text: not blank, at most `max` characters.
pub fn check_text(value: &str, max: usize) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::new(Code::Required, "Enter a value."));
    }
    too_long(value.trim(), max)
}

fn too_long(value: &str, max: usize) -> Result<(), FieldError> {
    if value.chars().count() > max {
        return Err(
            FieldError::new(Code::TooLong, format!("Enter at most {max} characters."))
                .with_param("max", max),
        );
    }
    Ok(())
}

/// The objects a body sends, each as the pointer of its root: the parent object of a
/// leaf, or the list item it lies in (`/associates/0` for `/associates/0/person/reference`).
fn groups(body: &Leaves) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    for (pointer, leaf) in body.iter() {
        let group = match leaf {
            Leaf::Null => continue,
            // An empty container is its own group (or lies in the list item it is part of).
            Leaf::Other => group_of(&format!("{pointer}/-")),
            _ => group_of(pointer),
        };
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

fn group_of(pointer: &str) -> String {
    let tokens: Vec<&str> = pointer.split('/').collect();
    match tokens.iter().rposition(|token| is_index(token)) {
        Some(index) => tokens[..=index].join("/"),
        None => pointer
            .rsplit_once('/')
            .map(|(parent, _)| parent.to_owned())
            .unwrap_or_default(),
    }
}

/// Whether a field is one of the address parts the country's format decides on.
fn is_address_part(field: &FieldSpec) -> bool {
    matches!(
        field.autocomplete,
        "address-line1" | "address-line2" | "address-level1" | "address-level2" | "postal-code"
    )
}

/// The fields of `group` (concrete pointers) with their spec.
fn fields_in<'a>(
    fields: &'a [&'static FieldSpec],
    group: &'a str,
) -> impl Iterator<Item = (String, &'static FieldSpec)> + 'a {
    fields.iter().filter_map(move |field| {
        let concrete = instantiate(field.pointer, group);
        (group_of(&concrete) == group && !concrete.contains("/-")).then_some((concrete, *field))
    })
}

fn required_fields(
    fields: &[&'static FieldSpec],
    group: &str,
    body: &Leaves,
    errors: &mut Vec<FieldError>,
) {
    if group.is_empty() {
        return;
    }
    for (pointer, field) in fields_in(fields, group) {
        let missing = !matches!(body.get(&pointer), Some(Leaf::Text(_) | Leaf::Bool(_)));
        if field.required && !is_address_part(field) && missing {
            errors.push(FieldError::new(Code::Required, "Enter a value.").at(pointer));
        }
    }
}

/// Per-country address rules for a group holding an address country field.
fn address_rules(
    fields: &[&'static FieldSpec],
    group: &str,
    body: &Leaves,
    form: CountryForm,
    errors: &mut Vec<FieldError>,
) {
    let in_group: Vec<(String, &FieldSpec)> = fields_in(fields, group).collect();
    let Some((country_pointer, _)) = in_group
        .iter()
        .find(|(_, field)| field.input == InputKind::Country && field.autocomplete == "country")
    else {
        return;
    };
    let Some(country) = body
        .text(country_pointer)
        .and_then(|text| parse_country(text, form).ok())
    else {
        return;
    };
    let part = |token: &str| {
        in_group
            .iter()
            .find(|(_, field)| field.autocomplete == token)
            .map(|(p, _)| p.as_str())
    };
    let value = |token: &str| part(token).and_then(|pointer| body.text(pointer));
    let input = AddressInput {
        line1: value("address-line1"),
        city: value("address-level2"),
        state: value("address-level1"),
        postal_code: value("postal-code"),
    };
    for error in address::check(country.alpha2(), &input) {
        let token = match error.pointer.as_str() {
            "/line1" => "address-line1",
            "/city" => "address-level2",
            "/state" => "address-level1",
            "/postalCode" => "postal-code",
            _ => {
                let at = format!("{group}{}", error.pointer);
                errors.push(error.at(at));
                continue;
            }
        };
        // A part the provider's address does not have (BVNK: no state) cannot be required.
        if let Some(pointer) = part(token) {
            let pointer = pointer.to_owned();
            errors.push(error.at(pointer));
        }
    }
    for (pointer, _) in in_group
        .iter()
        .filter(|(_, field)| field.input == InputKind::CountryName)
    {
        if let Some(name) = body.text(pointer) {
            if let Err(error) = name_matches(country, name) {
                errors.push(error.at(pointer.as_str()));
            }
        }
    }
}

/// A country-name field must name the same country as its code (English, ISO short
/// names accepted).
pub fn name_matches(code: CountryCode, name: &str) -> Result<(), FieldError> {
    match by_name(name, Lang::En) {
        Some(country) if country.alpha2() == code.alpha2() => Ok(()),
        _ => Err(FieldError::new(
            Code::CountryMismatch,
            format!(
                "The country name must be “{}” for code {}.",
                code.name(Lang::En),
                code.alpha2()
            ),
        )
        .with_param("expected", code.name(Lang::En))),
    }
}

/// The list items a body sends under `list` (`/associates` → their indexes).
pub(crate) fn items(body: &Leaves, list: &str) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    for (pointer, _) in body.iter() {
        if !is_within(pointer, list) {
            continue;
        }
        let index = pointer[list.len()..]
            .split('/')
            .nth(1)
            .and_then(|token| token.parse().ok());
        if let Some(index) = index {
            if !found.contains(&index) {
                found.push(index);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_parent_objects_or_list_items() {
        assert_eq!(group_of("/address/line1"), "/address");
        assert_eq!(
            group_of("/associates/3/details/contactInfo/emailAddress"),
            "/associates/3"
        );
        assert_eq!(group_of("/email"), "");
    }
}
