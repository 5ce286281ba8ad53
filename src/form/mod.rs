//! The form view: error summary, sections of fields from the profile, Save, status.

mod field;
mod options;
pub mod status;
pub mod submit;
mod summary;

use leptos::prelude::*;

use crate::model::pointer;
use crate::model::state::{Form, Status};

/// Fields grouped by the object they live in (`address`, `personalInformation`…); top-level
/// fields form the `details` section. Profile order is kept.
fn sections(form: Form) -> Vec<(String, Vec<usize>)> {
    let mut sections: Vec<(String, Vec<usize>)> = Vec::new();
    form.fields.with_value(|fields| {
        for (index, field) in fields.iter().enumerate() {
            let nested = field.spec.pointer.trim_start_matches('/').contains('/');
            let key = if nested {
                pointer::first_segment(field.spec.pointer)
            } else {
                "details"
            };
            match sections.iter_mut().find(|(k, _)| k == key) {
                Some((_, indexes)) => indexes.push(index),
                None => sections.push((key.to_owned(), vec![index])),
            }
        }
    });
    // In an address the country comes first: the other fields' labels, lists and
    // required-ness follow it.
    form.fields.with_value(|fields| {
        for (_, indexes) in sections.iter_mut() {
            let (country, rest): (Vec<usize>, Vec<usize>) = indexes
                .iter()
                .partition(|&&i| fields.get(i).is_some_and(|f| is_address_country(fields, f)));
            *indexes = country.into_iter().chain(rest).collect();
        }
    });
    sections
}

/// A person's (reference, name).
type Named = Option<(String, String)>;

/// A section's fields split into runs: fields of no person, and one run per person
/// (titled with their name, keyed by their reference).
fn groups(form: Form, indexes: Vec<usize>) -> Vec<(Named, Vec<usize>)> {
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for index in indexes {
        let person = form.field(index).and_then(|f| f.person);
        match groups.last_mut() {
            Some((last, run)) if *last == person => run.push(index),
            _ => groups.push((person, vec![index])),
        }
    }
    groups
        .into_iter()
        .map(|(person, run)| {
            let named = person.and_then(|p| {
                form.people.with_value(|people| {
                    people.get(p).map(|p| (p.reference.clone(), p.name.clone()))
                })
            });
            (named, run)
        })
        .collect()
}

fn is_address_country(
    fields: &[crate::model::state::Field],
    field: &crate::model::state::Field,
) -> bool {
    use customer_update_core::providers::InputKind;
    let parent = pointer::parent(field.spec.pointer);
    field.spec.input == InputKind::Country
        && !parent.is_empty()
        && fields.iter().any(|f| {
            matches!(f.spec.input, InputKind::State | InputKind::Postal)
                && pointer::parent(f.spec.pointer) == parent
        })
}

pub fn form_view(form: Form) -> impl IntoView {
    let sending = move || form.status.get() == Status::Sending;
    let submit_label = form.text("ui.submit");
    let sending_label = form.text("ui.sending");
    let label = move || {
        if sending() {
            sending_label.clone()
        } else {
            submit_label.clone()
        }
    };
    let sections = sections(form)
        .into_iter()
        .map(|(key, indexes)| {
            let title = form.text(&format!("section.{key}"));
            // A section that is write-only throughout (Polygon's address) says so once.
            let all_write_only =
                form.fields.with_value(|fields| indexes.iter().all(|&i| fields.get(i).is_some_and(|f| f.write_only && !f.locked)));
            let section_hint = all_write_only.then(|| view! { <p class="cuw-hint cuw-section__hint" part="hint">{form.text("ui.write_only")}</p> });
            view! {
                <fieldset class="cuw-section" part="section" data-section=key>
                    <legend class="cuw-section__title">{title}</legend>
                    {section_hint}
                    {groups(form, indexes).into_iter().map(|(person, indexes)| {
                        let fields = indexes.into_iter().map(|i| field::field_view(form, i, all_write_only)).collect_view();
                        match person {
                            None => fields.into_any(),
                            Some((reference, name)) => view! {
                                <fieldset class="cuw-section cuw-person" part="person" data-person=reference>
                                    <legend class="cuw-section__title">{name}</legend>
                                    {fields}
                                </fieldset>
                            }.into_any(),
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <form class="cuw-form" part="form" novalidate=true aria-busy=move || sending().then_some("true")
            on:submit=move |ev| {
                ev.prevent_default();
                submit::submit(form);
            }>
            {summary::summary_view(form)}
            {sections}
            <div class="cuw-actions">
                <button type="submit" class="cuw-button" part="submit" class:cuw-button--busy=sending data-cuw-submit=""
                    aria-disabled=move || sending().then_some("true")>{label}</button>
                {status::status_view(form)}
            </div>
        </form>
    }
}
