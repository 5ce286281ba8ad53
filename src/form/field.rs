//! One field: label, hint, error, control. GOV.UK order (label → hint → error → input),
//! `aria-describedby` naming the hint and the error, `aria-invalid` while it has one.
//! The row hands its control what they share ([`Row`]) by context, as thaw's fields do.

use customer_update_core::address::{self, AddressRules, Field as AddressField};
use customer_update_core::providers::{InputKind, Lock};
use leptos::context::Provider;
use leptos::prelude::*;

use super::{options, use_form};
use crate::model::address as addresses;
use crate::model::state::{Field, Form};

/// What a field's control shares with its row.
#[derive(Clone, Copy)]
struct Row {
    index: usize,
    invalid: Signal<bool>,
    described_by: Signal<Option<String>>,
    /// The address rules of the country chosen for this field's address, if it is in one.
    rules: Signal<Option<&'static AddressRules>>,
}

impl Row {
    fn aria_invalid(self) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync {
        move || self.invalid.get().then_some("true")
    }
}

/// The form, the row's field and the row, for a control; `None` outside a row.
fn use_row() -> Option<(Form, Field, Row)> {
    let form = use_form()?;
    let row = use_context::<Row>()?;
    Some((form, form.field(row.index)?, row))
}

/// The country picked in the address `field` belongs to, if any.
fn address_country(form: Form, field: &Field) -> Option<RwSignal<String>> {
    let profile = form.settings.with_value(|s| s.provider.profile());
    let country = addresses::country_of(profile, field.spec)?;
    form.fields.with_value(|fields| {
        fields
            .iter()
            .find(|f| f.person == field.person && f.spec.pointer == country.pointer)
            .map(|f| f.value)
    })
}

/// The row of field `index`. `write_only_said`: its section already says its fields are
/// write-only.
#[component]
pub fn FieldRow(index: usize, #[prop(optional)] write_only_said: bool) -> impl IntoView {
    let Some(form) = use_form() else {
        return ().into_any();
    };
    let Some(field) = form.field(index) else {
        return ().into_any();
    };
    if field.spec.input == InputKind::CountryName {
        return ().into_any();
    }
    let messages = form.messages();
    let id = field.id.clone();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let preview_id = format!("{id}-preview");
    let country = address_country(form, &field);
    let role = addresses::role(
        form.settings.with_value(|s| s.provider.profile()),
        field.spec,
    );
    // A state field loads its country's list, again whenever the country changes (a memo:
    // choosing the same country again asks nothing). The resource re-runs by itself; what
    // arrives reaches the rules through `states_loaded`.
    if let (Some(country), Some(AddressField::State)) = (country, role) {
        let chosen = Memo::new(move |_| country.get());
        LocalResource::new(move || crate::model::states::load(form, chosen.get()));
    }
    let rules = Signal::derive(move || {
        // A state list that arrives later changes the rules' answers.
        form.states_loaded.track();
        country.and_then(|c| address::rules(&c.get()))
    });

    let label_key = field.spec.label;
    let label = {
        let messages = messages.clone();
        move || match (role, rules.get()) {
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
    let (spec_required, host_required) = (field.spec.required, field.extra_required);
    let required = move || {
        host_required
            || match (role, rules.get()) {
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
    let error = Memo::new(move |_| {
        form.error_for(index)
            .map(|e| form.messages().field_error(&e, label_key))
    });
    let invalid = Signal::derive(move || error.with(Option::is_some));
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
    let row = Row {
        index,
        invalid,
        described_by,
        rules,
    };
    let error_prefix = messages.text("ui.error_prefix");
    let is_checkbox = field.spec.input == InputKind::Checkbox;
    let input = field.spec.input;

    view! {
        <div class="cuw-field" part="field" class:cuw-field--error=move || invalid.get() class:cuw-field--checkbox=is_checkbox data-field=field.name()>
            {(!is_checkbox).then(|| view! { <label class="cuw-label" part="label" for=id.clone()>{label.clone()} {optional.clone()}</label> })}
            {hint.map(|text| view! { <p class="cuw-hint" part="hint" id=hint_id>{text}</p> })}
            <p class="cuw-error" part="error" id=error_id hidden=move || !invalid.get()>
                <span class="cuw-visually-hidden">{error_prefix} " "</span>
                {move || error.get()}
            </p>
            <Provider value=row><Control input preview_id /></Provider>
            {is_checkbox.then(|| view! { <label class="cuw-label cuw-label--checkbox" part="label" for=id>{label} {optional}</label> })}
        </div>
    }
    .into_any()
}

/// The control for a field of kind `input` (inside its row's [`Provider`]).
#[component]
fn Control(input: InputKind, preview_id: String) -> impl IntoView {
    match input {
        InputKind::Country => view! { <CountryPicker /> }.into_any(),
        InputKind::Select => view! { <OptionPicker /> }.into_any(),
        InputKind::State => view! { <StateInput /> }.into_any(),
        InputKind::Checkbox => view! { <Checkbox /> }.into_any(),
        InputKind::Tel => view! { <Phone preview_id /> }.into_any(),
        InputKind::Email => view! { <TextInput kind="email" /> }.into_any(),
        InputKind::Date | InputKind::Postal | InputKind::Text | InputKind::CountryName => {
            view! { <TextInput /> }.into_any()
        }
    }
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

fn autocomplete(field: &Field) -> Option<&'static str> {
    (!field.spec.autocomplete.is_empty()).then_some(field.spec.autocomplete)
}

/// A text input for the row's field (`kind`: the input's `type`, `text` unless given).
#[component]
fn TextInput(#[prop(optional, into)] kind: Option<&'static str>) -> impl IntoView {
    let Some((form, field, row)) = use_row() else {
        return ().into_any();
    };
    let (index, value, locked) = (row.index, field.value, field.locked);
    view! {
        <input
            class="cuw-input"
            part="input"
            type=kind.unwrap_or("text")
            id=field.id.clone()
            name=field.spec.pointer
            autocomplete=autocomplete(&field)
            prop:value=move || value.get()
            readonly=locked
            aria-readonly=locked.then_some("true")
            aria-invalid=row.aria_invalid()
            aria-describedby=move || row.described_by.get()
            on:input=move |ev| form.edit(index, event_target_value(&ev))
            on:blur=move |_| form.leave(index)
        />
    }
    .into_any()
}

/// A `<select>` of `choices` (`(value, text)`) for the row's field.
#[component]
fn Select(choices: Vec<(String, String)>) -> impl IntoView {
    let Some((form, field, row)) = use_row() else {
        return ().into_any();
    };
    let (index, value, locked) = (row.index, field.value, field.locked);
    // A stored value that is not in the list (old data) stays selectable, not silently lost.
    let current = value.get_untracked();
    let extra = (!current.is_empty() && !choices.iter().any(|(code, _)| *code == current))
        .then(|| (current.clone(), current.clone()));
    let options = options_markup(
        form.text("ui.choose"),
        extra.into_iter().chain(choices),
        &current,
    );
    view! {
        <select
            class="cuw-select"
            part="input"
            id=field.id.clone()
            name=field.spec.pointer
            autocomplete=autocomplete(&field)
            disabled=locked
            inner_html=options
            prop:value=move || value.get()
            aria-invalid=row.aria_invalid()
            aria-describedby=move || row.described_by.get()
            on:change=move |ev| form.choose(index, event_target_value(&ev))
        ></select>
    }
    .into_any()
}

/// Countries by name, valued in the code form the provider's body uses.
#[component]
fn CountryPicker() -> impl IntoView {
    let Some((form, _, _)) = use_row() else {
        return ().into_any();
    };
    let code_form = form
        .settings
        .with_value(|s| s.provider.profile().country_form);
    view! { <Select choices=options::countries(&form.messages(), code_form) /> }.into_any()
}

/// The profile's options for the field, in the customer's language.
#[component]
fn OptionPicker() -> impl IntoView {
    let Some((form, field, _)) = use_row() else {
        return ().into_any();
    };
    let choices = field
        .spec
        .options
        .iter()
        .map(|o| ((*o).to_owned(), form.text(&format!("option.{o}"))))
        .collect();
    view! { <Select choices /> }.into_any()
}

/// A list where the address's country has one, free text elsewhere; rebuilt when the
/// country (or its list) changes.
#[component]
fn StateInput() -> impl IntoView {
    let Some((_, _, row)) = use_row() else {
        return ().into_any();
    };
    (move || {
        let states = row.rules.get().map(|r| r.states()).unwrap_or_default();
        if states.is_empty() {
            view! { <TextInput /> }.into_any()
        } else {
            let choices = states
                .iter()
                .map(|s| (s.key().to_owned(), s.name().to_owned()))
                .collect();
            view! { <Select choices /> }.into_any()
        }
    })
    .into_any()
}

#[component]
fn Checkbox() -> impl IntoView {
    let Some((form, field, row)) = use_row() else {
        return ().into_any();
    };
    let (index, value) = (row.index, field.value);
    view! {
        <input
            class="cuw-checkbox"
            part="input"
            type="checkbox"
            id=field.id.clone()
            name=field.spec.pointer
            prop:checked=move || value.get() == "true"
            disabled=field.locked
            aria-invalid=row.aria_invalid()
            aria-describedby=move || row.described_by.get()
            on:change=move |ev| {
                form.choose(
                    index,
                    if event_target_checked(&ev) { "true".into() } else { String::new() },
                )
            }
        />
    }
    .into_any()
}

/// A phone number: the country's calling code picker, the number, and the E.164 it will
/// store (`preview_id` is named by the row's `aria-describedby`).
#[component]
fn Phone(preview_id: String) -> impl IntoView {
    let Some((form, field, row)) = use_row() else {
        return ().into_any();
    };
    let messages = form.messages();
    let (index, country, value, locked) =
        (row.index, field.phone_country, field.value, field.locked);
    let country_id = format!("{}-country", field.id);
    let country_label = messages.format1("ui.phone_country", "label", &form.text(field.spec.label));
    let country_options = options_markup(
        form.text("ui.choose"),
        options::calling_codes(&messages),
        &country.get_untracked(),
    );
    let preview_text = form.text("ui.phone_preview");
    // What will be stored, and (an extension typed after the number) what will not.
    let preview = move || {
        let typed = value.get();
        let country = country.get();
        let number = customer_update_core::phone::normalize_with_hint(
            &typed,
            Some(country.as_str()).filter(|c| !c.is_empty()),
        )
        .ok()?;
        let saved = crate::i18n::fill1(&preview_text, "number", &number.e164);
        Some(match number.hint() {
            Some(hint) => format!("{saved} {}", messages.error(&hint)),
            None => saved,
        })
    };
    view! {
        <div class="cuw-phone">
            <div class="cuw-phone__country">
                <label class="cuw-sublabel" part="label" for=country_id.clone()>
                    {country_label}
                </label>
                <select
                    class="cuw-select"
                    part="input"
                    id=country_id
                    autocomplete="tel-country-code"
                    disabled=locked
                    inner_html=country_options
                    prop:value=move || country.get()
                    on:change=move |ev| form.choose_phone_country(index, event_target_value(&ev))
                ></select>
            </div>
            <input
                class="cuw-input cuw-phone__number"
                part="input"
                type="tel"
                id=field.id.clone()
                name=field.spec.pointer
                autocomplete=autocomplete(&field)
                prop:value=move || value.get()
                readonly=locked
                aria-readonly=locked.then_some("true")
                aria-invalid=row.aria_invalid()
                aria-describedby=move || row.described_by.get()
                on:input=move |ev| form.edit(index, event_target_value(&ev))
                on:blur=move |_| form.leave(index)
            />
        </div>
        <p class="cuw-preview" id=preview_id>
            {preview}
        </p>
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
