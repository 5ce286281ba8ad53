//! What the Save button does: check with core, send only what changed (once), and turn
//! the answer into something the customer can act on. Inputs are never cleared here.

use customer_update_core::providers::InputKind;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::host::{self, Event, Problem, Validation};
use crate::model::server;
use crate::model::state::{Failure, Form, Plan, Status};
use crate::transport::{HttpRequest, Method, NetworkError};

/// Save: checks with core first; sends only when something changed and nothing is wrong.
/// One save at a time: while one is in flight (the action is pending) a click does nothing.
pub fn submit(form: Form) {
    if form.sending.pending().get_untracked() {
        return;
    }
    form.submitted.set(true);
    form.server_errors.set(Vec::new());
    let prepared = form.check.get_untracked();
    if prepared.changed.is_empty() {
        form.summary_open.set(false);
        form.status.set(Status::NothingChanged);
        return;
    }
    if !prepared.errors.is_empty() {
        form.status.set(Status::Invalid);
        open_summary(form);
        form.tell(&Event::Error(Problem::Invalid {
            errors: &prepared.errors,
        }));
        return;
    }
    form.summary_open.set(false);
    form.status.set(Status::Idle);
    form.tell(&Event::Submit {
        changed: pointers(form, &prepared.changed),
    });
    form.sending.dispatch(form);
}

/// The save action's work: one call per operation with changes (BVNK company: company,
/// then associates), each answer turned into what the customer sees.
pub fn save(form: Form) -> impl std::future::Future<Output = ()> {
    let plans: Vec<Plan> = form
        .plans
        .get_untracked()
        .into_iter()
        .filter(|p| !p.prepared.changed.is_empty())
        .collect();
    async move {
        let mut labels = Vec::new();
        let mut updated = Vec::new();
        for plan in plans {
            let body = plan.prepared.body.to_json();
            let Some(request) = form.settings.try_with_value(|s| HttpRequest {
                method: match plan.op.method {
                    customer_update_core::providers::Method::Patch => Method::Patch,
                    customer_update_core::providers::Method::Put => Method::Put,
                },
                url: format!("{}{}", s.endpoint, plan.op.sub_path),
                session_token: s.session_token.clone(),
                body: Some(body),
            }) else {
                return;
            };
            let Some(reply) = form.http.send(request) else {
                return;
            };
            let outcome = reply.await;
            // The form may have been unmounted while the request was in flight.
            if form.status.try_get_untracked().is_none() {
                return;
            }
            match outcome {
                Ok(response) if (200..300).contains(&response.status) => {
                    // Saved even if a later call fails: a retry then sends only the rest.
                    labels.extend(stored(form, &plan.prepared.sent, &plan.prepared.changed));
                    updated.extend(plan.prepared.changed);
                }
                Ok(response) if response.status == 401 => return session_expired(form),
                Ok(response) if response.status >= 500 => {
                    return failed(form, Failure::Server(response.status))
                }
                Ok(response) => return rejected(form, response.status, &response.body),
                Err(NetworkError::Timeout) => return failed(form, Failure::Timeout),
                Err(NetworkError::Unreachable) => return failed(form, Failure::Network),
            }
        }
        saved(form, labels, &updated);
    }
}

/// The sent values are now the stored ones: the next save sends only later changes.
/// Returns the labels of the changed fields (a person's named after the label).
fn stored(form: Form, sent: &[usize], changed: &[usize]) -> Vec<String> {
    let mut labels = Vec::new();
    form.fields.with_value(|fields| {
        for (index, field) in fields.iter().enumerate() {
            if sent.contains(&index) {
                field.initial.set(stored_value(field));
            }
            if changed.contains(&index) {
                let label = form.text(field.spec.label);
                let person = field.person.and_then(|p| {
                    form.people
                        .with_value(|people| people.get(p).map(|p| p.name.clone()))
                });
                labels.push(match person {
                    Some(name) if !name.is_empty() => format!("{label} ({name})"),
                    _ => label,
                });
            }
        }
    });
    labels
}

fn saved(form: Form, labels: Vec<String>, changed: &[usize]) {
    form.fields.with_value(|fields| {
        for field in fields {
            field.touched.set(false);
            field.edited.set(false);
        }
    });
    form.submitted.set(false);
    form.status.set(Status::Saved(labels));
    form.tell(&Event::Success {
        updated: pointers(form, changed),
    });
}

fn failed(form: Form, failure: Failure) {
    form.status.set(Status::Failed(failure));
    let problem = match failure {
        Failure::Network => Problem::Network,
        Failure::Timeout => Problem::Timeout,
        Failure::Server(status) => Problem::Server { status },
    };
    form.tell(&Event::Error(problem));
}

/// The host's `validate()`: shows every error as a submit would (summary and focus
/// included) without sending, and says what it found.
pub fn validate(form: Form) -> JsValue {
    form.submitted.set(true);
    let prepared = form.check.get_untracked();
    if prepared.errors.is_empty() {
        form.summary_open.set(false);
    } else {
        open_summary(form);
    }
    host::to_js(&Validation {
        valid: prepared.errors.is_empty(),
        dirty: !prepared.changed.is_empty(),
        errors: &prepared.errors,
    })
}

/// The profile pointers of the fields at `indexes`, for event details.
fn pointers(form: Form, indexes: &[usize]) -> Vec<String> {
    form.fields.with_value(|fields| {
        indexes
            .iter()
            .filter_map(|&i| fields.get(i))
            .map(|f| {
                if f.person.is_some() {
                    f.name()
                } else {
                    crate::model::pointer::concrete(f.spec.pointer)
                }
            })
            .collect()
    })
}

fn stored_value(field: &crate::model::state::Field) -> String {
    let value = field.value.get_untracked();
    match field.spec.input {
        InputKind::Tel => {
            crate::model::body::phone_e164(&value, &field.phone_country.get_untracked())
                .unwrap_or_else(|| value.trim().to_owned())
        }
        _ => value.trim().to_owned(),
    }
}

fn session_expired(form: Form) {
    form.status.set(Status::SessionExpired);
    form.tell(&Event::SessionExpired);
}

fn rejected(form: Form, status: u16, body: &str) {
    let errors = server::field_errors(status, body);
    let placed: Vec<_> = errors
        .into_iter()
        .map(|error| (form.field_for(&error.pointer), error))
        .collect();
    let errors: Vec<_> = placed.iter().map(|(_, e)| e.clone()).collect();
    form.server_errors.set(placed);
    form.status.set(Status::Rejected);
    open_summary(form);
    form.tell(&Event::Error(Problem::Rejected {
        status,
        errors: &errors,
    }));
}

/// Shows the error summary and moves focus to it (after it is rendered).
fn open_summary(form: Form) {
    form.summary_open.set(true);
    request_animation_frame(move || focus_in(form, "[data-cuw-summary]"));
}

/// Focuses the first element matching `selector` inside the form's host.
pub fn focus_in(form: Form, selector: &str) {
    let found = form
        .host
        .try_with_value(|host| host.query_selector(selector).ok().flatten());
    if let Some(Some(element)) = found {
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    }
}
