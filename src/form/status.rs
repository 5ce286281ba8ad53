//! What the live region says about a save, and the retry button after a failed one.

use leptos::prelude::*;

use super::submit::submit;
use super::use_form;
use crate::model::state::{Failure, Form, Status};

/// The live region's text; `sending` while a save is in flight.
pub fn status_text(form: Form, status: &Status, sending: bool) -> String {
    let messages = form.messages();
    if sending {
        return messages.text("ui.sending");
    }
    match status {
        Status::Idle | Status::Invalid => String::new(),
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
#[component]
pub fn RetrySave() -> impl IntoView {
    let Some(form) = use_form() else {
        return ().into_any();
    };
    let failed = move || matches!(form.status.get(), Status::Failed(_));
    let retry = form.text("ui.retry");
    view! {
        <button
            type="button"
            class="cuw-button cuw-button--secondary"
            part="retry"
            data-cuw-retry=""
            hidden=move || !failed()
            on:click=move |_| submit(form)
        >
            {retry}
        </button>
    }
    .into_any()
}
