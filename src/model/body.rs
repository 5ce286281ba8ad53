//! From the values on screen to the update body: only what changed, in the provider's
//! shape, checked by core. Pure functions over a snapshot, so the rules of "what is sent"
//! are testable without a DOM.

use customer_update_core::country::{CountryCode, Lang};
use customer_update_core::date::Date;
use customer_update_core::phone;
use customer_update_core::providers::{
    rules, FieldSpec, InputKind, Leaf, Leaves, ProviderSpec, UpdateOp,
};
use customer_update_core::{Code, FieldError};

use super::{address, pointer};

/// One field as it is right now.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub spec: &'static FieldSpec,
    /// What the input holds (a country code for country pickers, `"true"`/`""` for boxes).
    pub value: &'a str,
    /// The value the form was loaded (or last saved) with, in stored form.
    pub initial: &'a str,
    /// Phone fields: the alpha-2 country chosen next to the number.
    pub phone_country: &'a str,
    /// Locked fields are never sent.
    pub locked: bool,
    /// A field of one item of a list (a BVNK associate): where the item goes in the body.
    pub row: Option<Row<'a>>,
}

/// One item of a list in the body, e.g. `associates[index]` for the person `key`.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The item's position in the body (items are numbered in the order they are sent).
    pub index: usize,
    /// What identifies the item to the provider (FormState's `people[].reference`).
    pub key: &'a str,
}

/// Where an item's key goes, relative to the item. BVNK's associates are the only lists
/// of people a customer edits; they name the person by `person.reference`.
const ROW_KEY: &str = "/person/reference";

impl Entry<'_> {
    /// The field's pointer in the body (list items at their row's index).
    pub fn pointer(&self) -> String {
        pointer::at_item(self.spec.pointer, self.row.map_or(0, |row| row.index))
    }

    /// The value as it would be stored: phone numbers in E.164 when they parse.
    pub fn stored(&self) -> String {
        match self.spec.input {
            InputKind::Tel => phone_e164(self.value, self.phone_country)
                .unwrap_or_else(|| self.value.trim().to_owned()),
            _ => self.value.trim().to_owned(),
        }
    }

    pub fn is_changed(&self) -> bool {
        !self.locked
            && self.spec.input != InputKind::CountryName
            && self.stored() != self.initial.trim()
    }

    fn leaf(&self) -> Leaf {
        match self.spec.input {
            InputKind::Checkbox => Leaf::Bool(self.value == "true"),
            _ => {
                let stored = self.stored();
                // Emptying a field that had a value clears it; core says whether that is allowed.
                if stored.is_empty() {
                    Leaf::Null
                } else {
                    Leaf::Text(stored)
                }
            }
        }
    }
}

/// The E.164 a phone input will store, when core can parse it.
pub fn phone_e164(text: &str, country_alpha2: &str) -> Option<String> {
    let country = Some(country_alpha2).filter(|c| !c.is_empty());
    phone::normalize(text, country).ok()
}

/// The body for the chosen fields; country-name fields follow their sibling code.
pub fn build(entries: &[Entry<'_>], chosen: &[usize]) -> Leaves {
    let mut body = Leaves::new();
    for entry in chosen.iter().filter_map(|&index| entries.get(index)) {
        body.set(entry.pointer(), entry.leaf());
        if let (Some(row), Some(array)) = (entry.row, pointer::array_of(entry.spec.pointer)) {
            body.set(
                format!("{array}/{}{ROW_KEY}", row.index),
                Leaf::Text(row.key.to_owned()),
            );
        }
    }
    for entry in entries
        .iter()
        .filter(|e| e.spec.input == InputKind::CountryName)
    {
        let parent = pointer::parent(entry.spec.pointer);
        let sibling_code = chosen.iter().filter_map(|&i| entries.get(i)).find(|e| {
            e.spec.input == InputKind::Country && pointer::parent(e.spec.pointer) == parent
        });
        if let Some(code) = sibling_code {
            let name = CountryCode::parse(code.value)
                .map(|c| c.name(Lang::En).to_owned())
                .unwrap_or_default();
            body.set(pointer::concrete(entry.spec.pointer), Leaf::Text(name));
        }
    }
    body
}

/// What a submit would send, and what core says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// Indexes of the entries in the body (changed ones plus unchanged ones a rule needs).
    pub sent: Vec<usize>,
    /// Indexes of the entries the customer changed.
    pub changed: Vec<usize>,
    /// The canonical body core returned (or the raw one when it has errors).
    pub body: Leaves,
    pub errors: Vec<FieldError>,
}

/// Builds the changed-only body and runs core's check on it. When core says a field is
/// required (e.g. SpherePay: tax ID given ⇒ address required; address sent ⇒ line 1
/// required) and the customer already has a value for it on screen, that value is added
/// instead of reporting an error about a filled-in field. The rule itself stays in core.
pub fn prepare(
    provider: &dyn ProviderSpec,
    op: &UpdateOp,
    entries: &[Entry<'_>],
    today: Option<Date>,
) -> Prepared {
    let changed: Vec<usize> = (0..entries.len())
        .filter(|&i| entries.get(i).is_some_and(Entry::is_changed))
        .collect();
    let mut sent = changed.clone();
    // An address travels whole: providers treat it as one value, and a partial one would
    // drop the lines the customer did not touch.
    for &index in &changed {
        let Some(parent) = entries
            .get(index)
            .and_then(|e| address::object_of(provider.profile(), e.spec.pointer))
        else {
            continue;
        };
        sent.extend(entries.iter().enumerate().filter_map(|(i, e)| {
            let sibling = pointer::parent(e.spec.pointer) == parent;
            (sibling
                && !e.locked
                && e.spec.input != InputKind::CountryName
                && !e.stored().is_empty())
            .then_some(i)
        }));
    }
    super::sort_indexes(&mut sent);
    // Each round adds at least one entry not sent yet, so this ends.
    loop {
        let body = build(entries, &sent);
        let errors = match rules::check(provider, op, &body, today) {
            Ok(canonical) => {
                return Prepared {
                    sent,
                    changed,
                    body: canonical,
                    errors: Vec::new(),
                }
            }
            Err(rejection) => rejection.into_errors(),
        };
        let needed: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(index, entry)| {
                !sent.contains(index)
                    && !entry.locked
                    && entry.spec.input != InputKind::CountryName
                    && !entry.initial.trim().is_empty()
                    && errors.iter().any(|error| {
                        error.code == Code::Required
                            && !error.pointer.is_empty()
                            && pointer::is_within(&entry.pointer(), &error.pointer)
                    })
            })
            .map(|(index, _)| index)
            .collect();
        if needed.is_empty() {
            return Prepared {
                sent,
                changed,
                body,
                errors,
            };
        }
        sent.extend(needed);
        super::sort_indexes(&mut sent);
    }
}

/// The entry an error belongs to: the field at its pointer, or the first field inside the
/// object it names (`/address` → the first address field). `None` for form-wide errors.
pub fn entry_for_error(entries: &[Entry<'_>], error_pointer: &str) -> Option<usize> {
    let visible = |e: &Entry<'_>| e.spec.input != InputKind::CountryName;
    if error_pointer.is_empty() {
        return None;
    }
    entries
        .iter()
        .position(|e| visible(e) && e.pointer() == error_pointer)
        .or_else(|| {
            entries
                .iter()
                .position(|e| visible(e) && pointer::is_within(&e.pointer(), error_pointer))
        })
        .or_else(|| {
            // A country-name error (BVNK `country`) belongs to its country picker.
            let hidden = entries
                .iter()
                .find(|e| !visible(e) && pointer::concrete(e.spec.pointer) == error_pointer)?;
            let parent = pointer::parent(hidden.spec.pointer);
            entries.iter().position(|e| {
                e.spec.input == InputKind::Country && pointer::parent(e.spec.pointer) == parent
            })
        })
}
