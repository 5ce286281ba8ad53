//! One mounted form's reactive state. `Form` is a bundle of arena handles (`Copy`), so
//! every view closure can capture it.

use customer_update_core::date::Date;
use customer_update_core::phone::E164;
use customer_update_core::providers::{
    FieldSpec, FormState, InputKind, Person, ProviderSpec, UpdateOp,
};
use customer_update_core::{Code, FieldError};
use leptos::prelude::*;

use super::body::{self, Entry, Prepared, Row};
use super::{address, pointer};
use crate::host::{self, Event};
use crate::i18n::Messages;
use crate::transport::Http;

/// What the form needs to know that never changes while it is mounted.
pub struct Settings {
    pub provider: &'static dyn ProviderSpec,
    pub op: &'static UpdateOp,
    pub endpoint: String,
    pub session_token: String,
    pub messages: Messages,
    /// Makes DOM ids unique per instance (`cuw3`).
    pub id_prefix: String,
    /// Pointers the host hides (never shown, never sent).
    pub hidden_fields: Vec<String>,
    /// Pointers the host wants filled in, on top of what the provider requires.
    pub required_fields: Vec<String>,
}

/// One field of the profile, with its signals.
#[derive(Clone)]
pub struct Field {
    pub spec: &'static FieldSpec,
    pub id: String,
    pub value: RwSignal<String>,
    /// Loaded (or last saved) value in stored form, for "what changed".
    pub initial: RwSignal<String>,
    /// Phone fields: the alpha-2 country of the number.
    pub phone_country: RwSignal<String>,
    /// Errors show once a field was left after editing (or after a submit).
    pub touched: RwSignal<bool>,
    pub edited: RwSignal<bool>,
    pub locked: bool,
    pub write_only: bool,
    /// The host asked for this field to be filled in (`required-fields`).
    pub extra_required: bool,
    /// The update call that sends it (BVNK companies: `company`, or `associates`).
    pub op: &'static UpdateOp,
    /// Fields of one person of `FormState::people` (index into [`Form::people`]).
    pub person: Option<usize>,
}

impl Field {
    /// The pointer naming this input (a person's fields at the person's index).
    pub fn name(&self) -> String {
        match self.person {
            Some(person) => pointer::at_item(self.spec.pointer, person),
            None => self.spec.pointer.to_owned(),
        }
    }
}

/// An error and the index of the field it shows under (`None`: form-wide).
pub type Placed = (Option<usize>, FieldError);

/// The error placed under field `index`, if any.
fn under(placed: &[Placed], index: usize) -> Option<FieldError> {
    placed
        .iter()
        .find(|(at, _)| *at == Some(index))
        .map(|(_, error)| error.clone())
}

/// Each field's (value, initial value, phone country), in field order.
pub type Snapshot = Vec<(String, String, String)>;

/// One update call a submit would make, with core's verdict on its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub op: &'static UpdateOp,
    /// Indexes are into [`Form::fields`].
    pub prepared: Prepared,
}

/// Where the last save stands; drives the live region and the retry button (while a save
/// is in flight, [`Form::sending`] is pending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Idle,
    /// Saved; the labels of what changed.
    Saved(Vec<String>),
    NothingChanged,
    Invalid,
    Rejected,
    Failed(Failure),
    SessionExpired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Network,
    Timeout,
    Server(u16),
}

#[derive(Clone, Copy)]
pub struct Form {
    pub settings: StoredValue<Settings>,
    pub http: Http,
    /// The element the form is mounted in: events go to it, summary links search in it.
    pub host: StoredValue<web_sys::HtmlElement, LocalStorage>,
    pub fields: StoredValue<Vec<Field>>,
    /// The people whose contact details the form edits too (BVNK company associates).
    pub people: StoredValue<Vec<Person>>,
    pub submitted: RwSignal<bool>,
    pub status: RwSignal<Status>,
    /// The save in flight: pending while its requests are, so Save shows busy and a second
    /// click sends nothing.
    pub sending: Action<Form, ()>,
    /// Errors from the last response, as (field index, error); cleared per field on edit.
    pub server_errors: RwSignal<Vec<Placed>>,
    pub summary_open: RwSignal<bool>,
    /// Bumped when a country's state list arrives (see `states.rs`): what reads the
    /// address rules reads this too, so the state select and its check follow.
    pub states_loaded: RwSignal<u32>,
    /// What every field holds now, read once per change by everything derived from it.
    snapshot: Memo<Snapshot>,
    /// Core's verdict on each call a submit would make right now (the form's op first).
    pub plans: Memo<Vec<Plan>>,
    /// All plans together: what changed, what is wrong (indexes into `fields`).
    pub check: Memo<Prepared>,
    /// `check`'s errors as (field index, error), like `server_errors` (`None`: form-wide).
    /// A memo of its own, so what shows errors re-runs when they change, not on every
    /// keystroke.
    pub errors: Memo<Vec<Placed>>,
}

/// Today in the customer's time zone, for date-of-birth rules.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok()?;
    let month = u8::try_from(now.get_month() + 1).ok()?;
    let day = u8::try_from(now.get_date()).ok()?;
    Date::new(year, month, day)
}

impl Form {
    pub fn new(
        settings: Settings,
        state: &FormState,
        http: Http,
        host: web_sys::HtmlElement,
        sending: Action<Form, ()>,
    ) -> Form {
        let profile = settings.provider.profile();
        let op_id = settings.op.id;
        let main_op = settings.op;
        let mut fields: Vec<Field> = profile
            .fields
            .iter()
            .filter(|spec| spec.op == op_id && !names(&settings.hidden_fields, spec.pointer))
            .map(|spec| {
                let loaded = state.values.get(spec.pointer).cloned().unwrap_or_default();
                let phone_country = if spec.input == InputKind::Tel {
                    Some(phone_region(&loaded))
                        .filter(|c| !c.is_empty())
                        .unwrap_or_else(|| home_country(profile, state))
                } else {
                    String::new()
                };
                Field {
                    spec,
                    id: pointer::dom_id(&settings.id_prefix, spec.pointer),
                    value: RwSignal::new(loaded.clone()),
                    initial: RwSignal::new(loaded),
                    phone_country: RwSignal::new(phone_country),
                    touched: RwSignal::new(false),
                    edited: RwSignal::new(false),
                    locked: state.locked.contains(&spec.pointer),
                    write_only: spec.write_only || state.write_only.contains(&spec.pointer),
                    extra_required: names(&settings.required_fields, spec.pointer),
                    op: main_op,
                    person: None,
                }
            })
            .collect();
        fields.extend(people_fields(&settings, state));
        let settings = StoredValue::new(settings);
        let fields = StoredValue::new(fields);
        let people = StoredValue::new(state.people.clone());
        let states_loaded = RwSignal::new(0);
        let snapshot = Memo::new(move |_| {
            fields.with_value(|fields| {
                fields
                    .iter()
                    .map(|f| (f.value.get(), f.initial.get(), f.phone_country.get()))
                    .collect::<Snapshot>()
            })
        });
        let plans = Memo::new(move |_| {
            states_loaded.track();
            let provider = settings.with_value(|s| s.provider);
            snapshot.with(|snapshot| {
                fields.with_value(|fields| {
                    people.with_value(|people| {
                        plan(provider, fields, &entries(fields, snapshot, people))
                    })
                })
            })
        });
        let check = Memo::new(move |_| {
            let mut all = Prepared {
                sent: Vec::new(),
                changed: Vec::new(),
                body: Default::default(),
                errors: Vec::new(),
            };
            plans.with(|plans| {
                for plan in plans {
                    all.sent.extend(&plan.prepared.sent);
                    all.changed.extend(&plan.prepared.changed);
                    all.errors.extend(plan.prepared.errors.iter().cloned());
                }
            });
            snapshot.with(|snapshot| {
                fields.with_value(|fields| {
                    all.errors
                        .extend(host_required_errors(fields, snapshot, &all.errors));
                })
            });
            all
        });
        let errors = Memo::new(move |_| {
            snapshot.with(|snapshot| {
                fields.with_value(|fields| {
                    people.with_value(|people| {
                        let entries = entries(fields, snapshot, people);
                        check.with(|prepared| {
                            prepared
                                .errors
                                .iter()
                                .map(|error| {
                                    (
                                        body::entry_for_error(&entries, &error.pointer),
                                        error.clone(),
                                    )
                                })
                                .collect()
                        })
                    })
                })
            })
        });
        Form {
            settings,
            http,
            host: StoredValue::new_local(host),
            fields,
            people,
            submitted: RwSignal::new(false),
            status: RwSignal::new(Status::Idle),
            sending,
            server_errors: RwSignal::new(Vec::new()),
            summary_open: RwSignal::new(false),
            states_loaded,
            snapshot,
            plans,
            check,
            errors,
        }
    }

    /// Back to what was loaded (or last saved): values, errors, summary and status.
    pub fn reset(&self) {
        self.fields.with_value(|fields| {
            for field in fields {
                let initial = field.initial.get_untracked();
                if field.spec.input == InputKind::Tel {
                    field.phone_country.set(phone_region(&initial));
                }
                field.value.set(initial);
                field.touched.set(false);
                field.edited.set(false);
            }
        });
        self.submitted.set(false);
        self.server_errors.set(Vec::new());
        self.summary_open.set(false);
        self.status.set(Status::Idle);
    }

    /// Tells the host page (an event on the element the form is mounted in).
    pub fn tell(&self, event: &Event<'_>) {
        self.host.try_with_value(|host| host::dispatch(host, event));
    }

    /// The customer typed in field `index`: the server's verdict on the old value goes.
    pub fn edit(&self, index: usize, text: String) {
        if let Some(field) = self.field(index) {
            field.value.set(text);
            field.edited.set(true);
        }
        self.forget_server_error(index);
    }

    /// A phone's country changed.
    pub fn choose_phone_country(&self, index: usize, alpha2: String) {
        if let Some(field) = self.field(index) {
            field.phone_country.set(alpha2);
        }
        self.forget_server_error(index);
    }

    /// Focus left field `index`: its errors show from now on, if it was edited.
    pub fn leave(&self, index: usize) {
        if let Some(field) = self.field(index) {
            if field.edited.get_untracked() {
                field.touched.set(true);
            }
        }
    }

    /// A committed choice (select, checkbox) counts as leaving the field.
    pub fn choose(&self, index: usize, text: String) {
        self.edit(index, text);
        if let Some(field) = self.field(index) {
            field.touched.set(true);
        }
    }

    /// Notifies only when there was one to forget: a keystroke in a field the server had
    /// nothing against re-runs nothing that reads the server's errors.
    fn forget_server_error(&self, index: usize) {
        self.server_errors.maybe_update(|errors| {
            let before = errors.len();
            errors.retain(|(i, _)| *i != Some(index));
            errors.len() != before
        });
    }

    pub fn field(&self, index: usize) -> Option<Field> {
        self.fields.with_value(|fields| fields.get(index).cloned())
    }

    pub fn messages(&self) -> Messages {
        self.settings.with_value(|s| s.messages.clone())
    }

    pub fn text(&self, key: &str) -> String {
        self.settings.with_value(|s| s.messages.text(key))
    }

    /// Index of the field an error pointer belongs to.
    pub fn field_for(&self, error_pointer: &str) -> Option<usize> {
        self.snapshot.with_untracked(|snapshot| {
            self.fields.with_value(|fields| {
                self.people.with_value(|people| {
                    body::entry_for_error(&entries(fields, snapshot, people), error_pointer)
                })
            })
        })
    }

    /// Whether core wants a value in field `index` right now, whatever the timing of error
    /// display (e.g. a tax ID's type once its number is typed): the "(optional)" mark goes.
    pub fn required_now(&self, index: usize) -> bool {
        self.errors.with(|errors| {
            errors
                .iter()
                .any(|(at, error)| error.code == Code::Required && *at == Some(index))
        })
    }

    /// The error shown under field `index`: a server error until the field is edited,
    /// else core's, once the field was touched or a submit was tried.
    pub fn error_for(&self, index: usize) -> Option<FieldError> {
        let server = self.server_errors.with(|errors| under(errors, index));
        if server.is_some() {
            return server;
        }
        let field = self.field(index)?;
        if !(field.touched.get() || self.submitted.get()) {
            return None;
        }
        self.errors.with(|errors| under(errors, index))
    }

    /// A summary link names its field, so it makes sense on its own ("Country: Choose…");
    /// the text after the label is exactly what shows under the field.
    fn summary_line(&self, index: usize, message: &str) -> String {
        match self.field(index) {
            Some(field) => format!("{}: {message}", self.text(field.spec.label)),
            None => message.to_owned(),
        }
    }

    /// Every error the summary lists, in field order; form-wide ones (index `None`) last.
    pub fn summary(&self) -> Vec<(Option<usize>, String)> {
        let messages = self.messages();
        let count = self.fields.with_value(Vec::len);
        let mut items: Vec<(Option<usize>, String)> = (0..count)
            .filter_map(|i| {
                let label = self.field(i).map_or("", |f| f.spec.label);
                self.error_for(i)
                    .map(|e| match messages.required_for(&e, label) {
                        // Already names the field ("Enter your town or city").
                        Some(text) => (Some(i), text),
                        None => (Some(i), self.summary_line(i, &messages.error(&e))),
                    })
            })
            .collect();
        let form_wide = |placed: &[Placed]| -> Vec<(Option<usize>, String)> {
            placed
                .iter()
                .filter(|(at, _)| at.is_none())
                .map(|(_, error)| (None, messages.error(error)))
                .collect()
        };
        items.extend(self.server_errors.with(|errors| form_wide(errors)));
        if self.submitted.get() {
            items.extend(self.errors.with(|errors| form_wide(errors)));
        }
        items
    }
}

/// Whether a host's pointer list names this field (`/address/line1`, or the profile's
/// pattern for repeated ones).
fn names(pointers: &[String], field_pointer: &str) -> bool {
    pointers
        .iter()
        .any(|p| p == field_pointer || *p == pointer::concrete(field_pointer))
}

/// `required` for each field the host marked required that is empty, unless core already
/// said so. Locked and write-only fields are left alone: the customer cannot fill them in.
fn host_required_errors(
    fields: &[Field],
    snapshot: &[(String, String, String)],
    known: &[FieldError],
) -> Vec<FieldError> {
    fields
        .iter()
        .zip(snapshot)
        .filter(|(f, (value, _, _))| {
            f.extra_required && !f.locked && !f.write_only && value.trim().is_empty()
        })
        .map(|(f, _)| pointer::concrete(f.spec.pointer))
        .filter(|at| {
            !known
                .iter()
                .any(|e| e.pointer == *at && e.code == Code::Required)
        })
        .map(|at| FieldError::new(Code::Required, "Enter a value.").at(at))
        .collect()
}

/// The snapshot as core-facing entries. People are numbered in the order they are sent
/// (changed ones first), so an error at `/associates/1/…` finds the second changed person.
fn entries<'a>(
    fields: &[Field],
    snapshot: &'a [(String, String, String)],
    people: &'a [Person],
) -> Vec<Entry<'a>> {
    let mut entries: Vec<Entry<'a>> = fields
        .iter()
        .zip(snapshot)
        .map(|(field, (value, initial, phone_country))| Entry {
            spec: field.spec,
            value,
            initial,
            phone_country,
            locked: field.locked,
            row: field.person.and_then(|p| people.get(p)).map(|person| Row {
                index: 0,
                key: person.reference.as_str(),
            }),
        })
        .collect();
    let mut changed: Vec<usize> = fields
        .iter()
        .zip(&entries)
        .filter(|(_, e)| e.is_changed())
        .filter_map(|(f, _)| f.person)
        .collect();
    super::sort_indexes(&mut changed);
    for (field, entry) in fields.iter().zip(entries.iter_mut()) {
        if let (Some(person), Some(row)) = (field.person, entry.row.as_mut()) {
            row.index = changed
                .iter()
                .position(|&p| p == person)
                .unwrap_or(changed.len() + person);
        }
    }
    entries
}

/// One plan per update call, the form's own first.
fn plan(provider: &'static dyn ProviderSpec, fields: &[Field], entries: &[Entry<'_>]) -> Vec<Plan> {
    let mut ops: Vec<&'static UpdateOp> = Vec::new();
    for field in fields {
        if !ops.iter().any(|op| op.id == field.op.id) {
            ops.push(field.op);
        }
    }
    let mut plans: Vec<Plan> = ops
        .into_iter()
        .map(|op| {
            let global: Vec<usize> = (0..fields.len())
                .filter(|&i| fields.get(i).is_some_and(|f| f.op.id == op.id))
                .collect();
            let mine: Vec<Entry<'_>> = global
                .iter()
                .filter_map(|&i| entries.get(i).cloned())
                .collect();
            let mut prepared = body::prepare(provider, op, &mine, today());
            let to_global = |local: &[usize]| {
                local
                    .iter()
                    .filter_map(|&i| global.get(i).copied())
                    .collect::<Vec<_>>()
            };
            prepared.sent = to_global(&prepared.sent);
            prepared.changed = to_global(&prepared.changed);
            Plan { op, prepared }
        })
        .collect();
    // The form's own call keeps its verdict when nothing at all changed (as a one-call
    // form always did); otherwise an unchanged call is not made, so its verdict is moot.
    let any_changed = plans.iter().any(|p| !p.prepared.changed.is_empty());
    for (position, plan) in plans.iter_mut().enumerate() {
        if plan.prepared.changed.is_empty() && (position > 0 || any_changed) {
            plan.prepared.errors.clear();
        }
    }
    plans
}

/// The fields of each person in `state.people`, for the provider's other call whose
/// fields are list items (BVNK: the associates' email and phone, prefilled from people).
fn people_fields(settings: &Settings, state: &FormState) -> Vec<Field> {
    let profile = settings.provider.profile();
    let Some(kind) = state.kind else {
        return Vec::new();
    };
    let list_op = settings.provider.operations().iter().find(|op| {
        op.id != settings.op.id
            && op.kinds.contains(&kind)
            && profile
                .fields
                .iter()
                .any(|f| f.op == op.id && pointer::array_of(f.pointer).is_some())
    });
    let Some(list_op) = list_op else {
        return Vec::new();
    };
    let specs: Vec<&'static FieldSpec> = profile
        .fields
        .iter()
        .filter(|spec| spec.op == list_op.id && !names(&settings.hidden_fields, spec.pointer))
        .collect();
    let mut fields = Vec::new();
    for (index, person) in state.people.iter().enumerate() {
        for &spec in &specs {
            let loaded = match spec.input {
                InputKind::Email => person.email.clone(),
                InputKind::Tel => person.phone.clone(),
                _ => None,
            }
            .unwrap_or_default();
            let phone_country = if spec.input == InputKind::Tel {
                Some(phone_region(&loaded))
                    .filter(|c| !c.is_empty())
                    .unwrap_or_else(|| home_country(profile, state))
            } else {
                String::new()
            };
            fields.push(Field {
                spec,
                id: pointer::dom_id(&settings.id_prefix, &pointer::at_item(spec.pointer, index)),
                value: RwSignal::new(loaded.clone()),
                initial: RwSignal::new(loaded),
                phone_country: RwSignal::new(phone_country),
                touched: RwSignal::new(false),
                edited: RwSignal::new(false),
                locked: false,
                write_only: false,
                extra_required: false,
                op: list_op,
                person: Some(index),
            });
        }
    }
    fields
}

/// The alpha-2 country of the customer's address, the likeliest country of a phone number
/// they have not entered yet.
fn home_country(profile: &customer_update_core::providers::Profile, state: &FormState) -> String {
    address::home_country(profile)
        .and_then(|f| state.values.get(f.pointer))
        .and_then(|code| customer_update_core::country::CountryCode::parse(code).ok())
        .map(|code| code.alpha2().to_owned())
        .unwrap_or_default()
}

/// The region of a stored E.164 number (first region of its calling code), so the
/// country picker next to a prefilled phone starts right.
fn phone_region(stored: &str) -> String {
    E164::parse(stored, None)
        .ok()
        .and_then(|number| {
            customer_update_core::phone::regions_for_calling_code(number.calling_code())
                .first()
                .copied()
        })
        .unwrap_or_default()
        .to_owned()
}
