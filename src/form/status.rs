//! What the live region says about a submit, and the retry button after a failed one.

use leptos::prelude::*;

use super::submit::submit;
use crate::model::state::{Failure, Form, Status};

pub fn status_text(form: Form, status: &Status) -> String {
    let messages = form.messages();
    match status {
        Status::Idle | Status::Invalid => String::new(),
        Status::Sending => messages.text("ui.sending"),
        Status::Saved(labels) => messages.format1("ui.saved", "fields", &labels.join(", ")),
        Status::NothingChanged => messages.text("ui.nothing_changed"),
        Status::Rejected => messages.text("ui.rejected"),
        Status::Failed(Failure::Network) => messages.text("ui.network_failed"),
        Status::Failed(Failure::Timeout) => messages.text("ui.timeout"),
        Status::Failed(Failure::Server(code)) => {
            messages.format1("ui.server_failed", "status", &code.to_string())
        }
        Status::SessionExpired => messages.text("ui.session_expired"),
    }
}

/// The retry button after a failed request (the message is in the root's live region).
pub fn status_view(form: Form) -> impl IntoView {
    let failed = move || matches!(form.status.get(), Status::Failed(_));
    let retry = form.text("ui.retry");
    view! {
        <button type="button" class="cuw-button cuw-button--secondary" part="retry" data-cuw-retry="" hidden=move || !failed()
            on:click=move |_| submit(form)>{retry}</button>
    }
}
