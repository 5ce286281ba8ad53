//! The GOV.UK error summary: a title and one link per error that focuses the field.
//! Always in the DOM (hidden when closed) so focus can move to it right after a submit.

use leptos::prelude::*;

use super::submit::focus_in;
use crate::model::state::Form;

pub fn summary_view(form: Form) -> impl IntoView {
    let title = form.text("ui.summary_title");
    let items = move || form.summary();
    let shown = move || form.summary_open.get() && !items().is_empty();
    view! {
        <div class="cuw-summary" part="summary" data-cuw-summary="" tabindex="-1" hidden=move || !shown()
            aria-labelledby=move || form.settings.with_value(|s| format!("{}-summary-title", s.id_prefix))>
            <h2 class="cuw-summary__title" id=move || form.settings.with_value(|s| format!("{}-summary-title", s.id_prefix))>{title}</h2>
            <ul class="cuw-summary__list">
                {move || {
                    items()
                        .into_iter()
                        .map(|(index, text)| match index.and_then(|i| form.field(i)) {
                            Some(field) => {
                                let target = format!("#{}", field.id);
                                let selector = target.clone();
                                view! {
                                    <li>
                                        <a href=target on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_in(form, &selector);
                                        }>{text}</a>
                                    </li>
                                }
                                .into_any()
                            }
                            None => view! { <li>{text}</li> }.into_any(),
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
