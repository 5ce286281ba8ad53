//! One field: label, hint, error, control. GOV.UK order (label → hint → error → input),
//! `aria-describedby` naming the hint and the error, `aria-invalid` while it has one.

use crate::i18n::Messages;
use customer_update_core::address::{self, Field as AddressField};
use customer_update_core::providers::{InputKind, Lock};
use leptos::prelude::*;

use super::options;
use crate::model::pointer;
use crate::model::state::{Field, Form};

/// The address role a field plays next to a country picker, for labels and required-ness
/// that follow the chosen country. Core's profile says state/postal by input kind; the
/// city is the `city` key (a thin mapping, see the report).
fn address_role(field: &Field) -> Option<AddressField> {
    match field.spec.input {
        InputKind::State => Some(AddressField::State),
        InputKind::Postal => Some(AddressField::PostalCode),
        _ if field.spec.pointer.ends_with("/city") => Some(AddressField::City),
        _ => None,
    }
}

/// The country code chosen in the same object as `field` (its address), if any.
fn sibling_country(form: Form, field: &Field) -> Option<RwSignal<String>> {
    let parent = pointer::parent(field.spec.pointer).to_owned();
    form.fields.with_value(|fields| {
        fields
            .iter()
            .find(|f| {
                f.spec.input == InputKind::Country && pointer::parent(f.spec.pointer) == parent
            })
            .map(|f| f.value)
    })
}

/// `write_only_said`: the section already says its fields are write-only.
pub fn field_view(form: Form, index: usize, write_only_said: bool) -> impl IntoView {
    let field = form.field(index)?;
    if field.spec.input == InputKind::CountryName {
        return None;
    }
    let messages = form.messages();
    let id = field.id.clone();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let preview_id = format!("{id}-preview");
    let country = sibling_country(form, &field);
    let role = address_role(&field);
    let rules = move || {
        // A state list that arrives later changes the rules' answers.
        form.states_loaded.track();
        country.and_then(|c| address::rules(&c.get()))
    };
    if let (Some(country), Some(AddressField::State)) = (country, role) {
        Effect::new(move |_| crate::model::states::ensure(form, &country.get()));
    }

    let label_key = field.spec.label;
    let label = {
        let messages = messages.clone();
        move || match (role, rules()) {
            (Some(AddressField::State), Some(r)) => {
                messages.text(&format!("address.state.{}", r.state_kind().as_str()))
            }
            (Some(AddressField::PostalCode), Some(r)) => {
                messages.text(&format!("address.postal.{}", r.postal_kind().as_str()))
            }
            (Some(AddressField::City), Some(r)) => {
                messages.text(&format!("address.locality.{}", r.locality_kind().as_str()))
            }
            _ => messages.text(label_key),
        }
    };
    let spec_required = field.spec.required;
    let host_required = field.extra_required;
    let required = move || {
        host_required
            || match (role, rules()) {
                (Some(role), Some(r)) => r.requires(role),
                _ => spec_required,
            }
            || form.required_now(index)
    };
    let optional_text = messages.text("ui.optional");
    let optional = move || {
        (!required())
            .then(|| view! { <span class="cuw-optional">" " {optional_text.clone()}</span> })
    };

    let hint = hint_text(&form, &field, write_only_said);
    let has_hint = hint.is_some();
    let error = move || {
        form.error_for(index)
            .map(|e| form.messages().field_error(&e, label_key))
    };
    let invalid = Signal::derive(move || error().is_some());
    let is_tel = field.spec.input == InputKind::Tel;
    let described_by = {
        let (hint_id, error_id, preview_id) =
            (hint_id.clone(), error_id.clone(), preview_id.clone());
        Signal::derive(move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if is_tel {
                ids.push(preview_id.clone());
            }
            if invalid.get() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let error_prefix = messages.text("ui.error_prefix");
    let is_checkbox = field.spec.input == InputKind::Checkbox;
    let control = control_view(
        form,
        index,
        &field,
        invalid,
        described_by,
        rules,
        preview_id,
    );
    let pointer_attr = field.name();

    Some(view! {
        <div class="cuw-field" part="field" class:cuw-field--error=move || invalid.get() class:cuw-field--checkbox=is_checkbox data-field=pointer_attr>
            {(!is_checkbox).then(|| view! { <label class="cuw-label" part="label" for=id.clone()>{label.clone()} {optional.clone()}</label> })}
            {hint.map(|text| view! { <p class="cuw-hint" part="hint" id=hint_id>{text}</p> })}
            <p class="cuw-error" part="error" id=error_id hidden=move || !invalid.get()>
                <span class="cuw-visually-hidden">{error_prefix} " "</span>
                {error}
            </p>
            {control}
            {is_checkbox.then(|| view! { <label class="cuw-label cuw-label--checkbox" part="label" for=id>{label} {optional}</label> })}
        </div>
    })
}

fn hint_text(form: &Form, field: &Field, write_only_said: bool) -> Option<String> {
    if field.locked {
        return Some(match field.spec.lock {
            Lock::AfterKycSubmitted | Lock::Never => form.text("ui.locked.after_kyc"),
        });
    }
    if field.write_only && !write_only_said {
        return Some(form.text("ui.write_only"));
    }
    let key = format!("hint.{}", field.spec.label.trim_start_matches("field."));
    form.messages().get(&key).map(str::to_owned)
}

#[allow(clippy::too_many_arguments)]
fn control_view(
    form: Form,
    index: usize,
    field: &Field,
    invalid: Signal<bool>,
    described_by: Signal<Option<String>>,
    rules: impl Fn() -> Option<&'static address::AddressRules> + Copy + Send + Sync + 'static,
    preview_id: String,
) -> AnyView {
    let id = field.id.clone();
    let name = field.spec.pointer;
    let value = field.value;
    let locked = field.locked;
    let autocomplete = (!field.spec.autocomplete.is_empty()).then_some(field.spec.autocomplete);
    let on_edit = move |text: String| {
        value.set(text);
        if let Some(f) = form.field(index) {
            f.edited.set(true);
        }
        form.server_errors
            .update(|errors| errors.retain(|(i, _)| *i != Some(index)));
    };
    let on_blur = move |_| {
        if let Some(f) = form.field(index) {
            if f.edited.get_untracked() {
                f.touched.set(true);
            }
        }
    };
    // A committed choice (select, checkbox) counts as leaving the field.
    let on_choose = move |text: String| {
        on_edit(text);
        if let Some(f) = form.field(index) {
            f.touched.set(true);
        }
    };
    let aria_invalid = move || invalid.get().then_some("true");
    let messages = form.messages();

    match field.spec.input {
        InputKind::Country | InputKind::Select => {
            let choices = if field.spec.input == InputKind::Country {
                let form_of_codes = form.settings.with_value(|s| s.provider.profile().country_form);
                options::countries(&messages, form_of_codes)
            } else {
                field.spec.options.iter().map(|o| ((*o).to_owned(), form.text(&format!("option.{o}")))).collect()
            };
            select_view(form, id, name, autocomplete, value, locked, choices, aria_invalid, described_by, on_choose).into_any()
        }
        InputKind::State => {
            // A list where the country has one, free text elsewhere; rebuilt when the country changes.
            (move || {
                let states = rules().map(|r| r.states()).unwrap_or_default();
                if states.is_empty() {
                    text_input(id.clone(), name, "text", autocomplete, value, locked, aria_invalid, described_by, on_edit, on_blur)
                } else {
                    let choices = states.iter().map(|s| (s.key().to_owned(), s.name().to_owned())).collect();
                    select_view(form, id.clone(), name, autocomplete, value, locked, choices, aria_invalid, described_by, on_choose)
                }
            })
            .into_any()
        }
        InputKind::Checkbox => view! {
            <input class="cuw-checkbox" part="input" type="checkbox" id=id name=name
                prop:checked=move || value.get() == "true"
                disabled=locked
                aria-invalid=aria_invalid aria-describedby=move || described_by.get()
                on:change=move |ev| on_choose(if event_target_checked(&ev) { "true".into() } else { String::new() }) />
        }
        .into_any(),
        InputKind::Tel => phone_view(form, index, field, id, preview_id, aria_invalid, described_by, on_edit, on_blur, &messages).into_any(),
        InputKind::Email => text_input(id, name, "email", autocomplete, value, locked, aria_invalid, described_by, on_edit, on_blur).into_any(),
        InputKind::Date => {
            let input = text_input(id, name, "text", autocomplete, value, locked, aria_invalid, described_by, on_edit, on_blur);
            input.into_any()
        }
        InputKind::Postal => {
            let postal = text_input(id, name, "text", autocomplete, value, locked, aria_invalid, described_by, on_edit, on_blur);
            postal.into_any()
        }
        InputKind::Text | InputKind::CountryName => {
            text_input(id, name, "text", autocomplete, value, locked, aria_invalid, described_by, on_edit, on_blur).into_any()
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn text_input(
    id: String,
    name: &'static str,
    kind: &'static str,
    autocomplete: Option<&'static str>,
    value: RwSignal<String>,
    locked: bool,
    aria_invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
    described_by: Signal<Option<String>>,
    on_edit: impl Fn(String) + Copy + Send + Sync + 'static,
    on_blur: impl Fn(web_sys::FocusEvent) + Copy + Send + Sync + 'static,
) -> AnyView {
    view! {
        <input class="cuw-input" part="input" type=kind id=id name=name autocomplete=autocomplete
            prop:value=move || value.get()
            readonly=locked aria-readonly=locked.then_some("true")
            aria-invalid=aria_invalid aria-describedby=move || described_by.get()
            on:input=move |ev| on_edit(event_target_value(&ev))
            on:blur=on_blur />
    }
    .into_any()
}

#[allow(clippy::too_many_arguments)]
fn select_view(
    form: Form,
    id: String,
    name: &'static str,
    autocomplete: Option<&'static str>,
    value: RwSignal<String>,
    locked: bool,
    choices: Vec<(String, String)>,
    aria_invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
    described_by: Signal<Option<String>>,
    on_choose: impl Fn(String) + Copy + Send + Sync + 'static,
) -> AnyView {
    let placeholder = form.text("ui.choose");
    // A stored value that is not in the list (old data) stays selectable, not silently lost.
    let current = value.get_untracked();
    let extra = (!current.is_empty() && !choices.iter().any(|(code, _)| *code == current))
        .then(|| (current.clone(), current.clone()));
    let options = options_markup(placeholder, extra.into_iter().chain(choices), &current);
    view! {
        <select class="cuw-select" part="input" id=id name=name autocomplete=autocomplete disabled=locked
            inner_html=options prop:value=move || value.get()
            aria-invalid=aria_invalid aria-describedby=move || described_by.get()
            on:change=move |ev| on_choose(event_target_value(&ev))>
        </select>
    }
    .into_any()
}

/// A `<select>`'s options as one piece of markup, the placeholder first and `current`
/// selected: not one reactive view per option (a country list has 249), while the
/// select's own `value` follows the signal.
fn options_markup(
    placeholder: String,
    choices: impl IntoIterator<Item = (String, String)>,
    current: &str,
) -> String {
    let mut markup = String::new();
    for (code, text) in std::iter::once((String::new(), placeholder)).chain(choices) {
        markup.push_str("<option value=\"");
        push_escaped(&mut markup, &code);
        markup.push('"');
        if code == current {
            markup.push_str(" selected");
        }
        markup.push('>');
        push_escaped(&mut markup, &text);
        markup.push_str("</option>");
    }
    markup
}

/// Appends `text` with the characters that mean something in HTML escaped.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn phone_view(
    form: Form,
    index: usize,
    field: &Field,
    id: String,
    preview_id: String,
    aria_invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
    described_by: Signal<Option<String>>,
    on_edit: impl Fn(String) + Copy + Send + Sync + 'static,
    on_blur: impl Fn(web_sys::FocusEvent) + Copy + Send + Sync + 'static,
    messages: &Messages,
) -> impl IntoView {
    let country = field.phone_country;
    let value = field.value;
    let locked = field.locked;
    let country_id = format!("{id}-country");
    let country_label = messages.format1("ui.phone_country", "label", &form.text(field.spec.label));
    let country_options = options_markup(
        form.text("ui.choose"),
        options::calling_codes(messages),
        &country.get_untracked(),
    );
    let preview_text = form.text("ui.phone_preview");
    let preview = move || {
        let number = crate::model::body::phone_e164(&value.get(), &country.get())?;
        Some(crate::i18n::fill1(&preview_text, "number", &number))
    };
    let autocomplete = (!field.spec.autocomplete.is_empty()).then_some(field.spec.autocomplete);
    let name = field.spec.pointer;
    view! {
        <div class="cuw-phone">
            <div class="cuw-phone__country">
                <label class="cuw-sublabel" part="label" for=country_id.clone()>{country_label}</label>
                <select class="cuw-select" part="input" id=country_id autocomplete="tel-country-code" disabled=locked
                    inner_html=country_options prop:value=move || country.get()
                    on:change=move |ev| {
                        country.set(event_target_value(&ev));
                        form.server_errors.update(|errors| errors.retain(|(i, _)| *i != Some(index)));
                    }>
                </select>
            </div>
            <input class="cuw-input cuw-phone__number" part="input" type="tel" id=id name=name autocomplete=autocomplete
                prop:value=move || value.get()
                readonly=locked aria-readonly=locked.then_some("true")
                aria-invalid=aria_invalid aria-describedby=move || described_by.get()
                on:input=move |ev| on_edit(event_target_value(&ev))
                on:blur=on_blur />
        </div>
        <p class="cuw-preview" id=preview_id>{preview}</p>
    }
}
