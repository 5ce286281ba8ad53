//! The GOV.UK error summary: a title and one link per error that focuses the field.
//! Always in the DOM (hidden when closed) so focus can move to it right after a submit.

use leptos::prelude::*;

use super::submit::focus_in;
use super::use_form;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let Some(form) = use_form() else {
        return ().into_any();
    };
    let title = form.text("ui.summary_title");
    let title_id = form
        .settings
        .with_value(|s| format!("{}-summary-title", s.id_prefix));
    // Computed once per change, read by both the list and `hidden`.
    let items = Memo::new(move |_| form.summary());
    let labelled_by = title_id.clone();
    let shown = move || form.summary_open.get() && items.with(|items| !items.is_empty());
    let links = move || {
        items
            .get()
            .into_iter()
            .map(|(index, text)| match index.and_then(|i| form.field(i)) {
                Some(field) => {
                    let target = format!("#{}", field.id);
                    let selector = target.clone();
                    view! {
                        <li>
                            <a
                                href=target
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_in(form, &selector);
                                }
                            >
                                {text}
                            </a>
                        </li>
                    }
                    .into_any()
                }
                None => view! { <li>{text}</li> }.into_any(),
            })
            .collect_view()
    };
    view! {
        <div
            class="cuw-summary"
            part="summary"
            data-cuw-summary=""
            tabindex="-1"
            hidden=move || !shown()
            aria-labelledby=labelled_by
        >
            <h2 class="cuw-summary__title" id=title_id>
                {title}
            </h2>
            <ul class="cuw-summary__list">{links}</ul>
        </div>
    }
    .into_any()
}
