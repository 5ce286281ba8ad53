//! The form: error summary, sections of fields from the profile, Save, retry.

mod field;
mod options;
pub mod status;
pub mod submit;
mod summary;

use customer_update_core::providers::FormState;
use leptos::prelude::*;

use crate::host::Event;
use crate::model::state::{Form, Settings};
use crate::model::{address, pointer};
use crate::transport::Http;
use field::FieldRow;
use status::RetrySave;
use summary::ErrorSummary;

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
    let profile = form.settings.with_value(|s| s.provider.profile());
    form.fields.with_value(|fields| {
        for (_, indexes) in sections.iter_mut() {
            let (country, rest): (Vec<usize>, Vec<usize>) = indexes.iter().partition(|&&i| {
                fields
                    .get(i)
                    .is_some_and(|f| f.person.is_none() && address::is_country(profile, f.spec))
            });
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

/// The form's handle for the components below it; `None` outside a mounted form, where
/// a component then renders nothing rather than panic.
pub fn use_form() -> Option<Form> {
    use_context::<Form>()
}

/// The loaded form: builds its state, hands it down by context, and tells the host.
#[component]
pub fn CustomerForm(
    settings: Settings,
    state: FormState,
    host: web_sys::HtmlElement,
    /// Where the app sees the form on screen (for its live region and the mount handle).
    shown: RwSignal<Option<Form>>,
) -> impl IntoView {
    let Some(http) = use_context::<Http>() else {
        return ().into_any();
    };
    let provider = settings.provider.id();
    let sending = Action::new_unsync(|form: &Form| submit::save(*form));
    let form = Form::new(settings, &state, http, host, sending);
    provide_context(form);
    shown.set(Some(form));
    on_cleanup(move || {
        shown.try_set(None);
    });
    form.tell(&Event::Ready { provider });
    tell_changes(form);

    let sending = form.sending.pending();
    let submit_label = form.text("ui.submit");
    let sending_label = form.text("ui.sending");
    let label = move || {
        if sending.get() {
            sending_label.clone()
        } else {
            submit_label.clone()
        }
    };
    let sections = sections(form)
        .into_iter()
        .map(|(key, indexes)| view! { <Section key indexes /> })
        .collect_view();
    view! {
        <form class="cuw-form" part="form" novalidate=true aria-busy=move || sending.get().then_some("true")
            on:submit=move |ev| {
                ev.prevent_default();
                submit::submit(form);
            }>
            <ErrorSummary />
            {sections}
            <div class="cuw-actions">
                <button type="submit" class="cuw-button" part="submit" class:cuw-button--busy=move || sending.get() data-cuw-submit=""
                    aria-disabled=move || sending.get().then_some("true")>{label}</button>
                <RetrySave />
            </div>
        </form>
    }
    .into_any()
}

/// One section of fields (an object of the body), its people in their own groups.
#[component]
fn Section(key: String, indexes: Vec<usize>) -> impl IntoView {
    let Some(form) = use_form() else {
        return ().into_any();
    };
    let title = form.text(&format!("section.{key}"));
    // A section that is write-only throughout (Polygon's address) says so once.
    let all_write_only = form.fields.with_value(|fields| {
        indexes
            .iter()
            .all(|&i| fields.get(i).is_some_and(|f| f.write_only && !f.locked))
    });
    let section_hint = all_write_only.then(|| {
        view! {
            <p class="cuw-hint cuw-section__hint" part="hint">
                {form.text("ui.write_only")}
            </p>
        }
    });
    let groups = groups(form, indexes)
        .into_iter()
        .map(|(person, indexes)| {
            let fields = indexes
                .into_iter()
                .map(|index| view! { <FieldRow index write_only_said=all_write_only /> })
                .collect_view();
            match person {
                None => fields.into_any(),
                Some((reference, name)) => view! {
                    <fieldset class="cuw-section cuw-person" part="person" data-person=reference>
                        <legend class="cuw-section__title">{name}</legend>
                        {fields}
                    </fieldset>
                }
                .into_any(),
            }
        })
        .collect_view();
    view! {
        <fieldset class="cuw-section" part="section" data-section=key>
            <legend class="cuw-section__title">{title}</legend>
            {section_hint}
            {groups}
        </fieldset>
    }
    .into_any()
}

/// A `change` event whenever the form turns dirty/clean or valid/invalid.
fn tell_changes(form: Form) {
    let state = Memo::new(move |_| {
        form.check
            .with(|p| (!p.changed.is_empty(), p.errors.is_empty()))
    });
    Effect::new(move |before: Option<(bool, bool)>| {
        let (dirty, valid) = state.get();
        if before.is_some_and(|before| before != (dirty, valid)) {
            form.tell(&Event::Change { dirty, valid });
        }
        (dirty, valid)
    });
}
