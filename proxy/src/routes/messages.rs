//! A language's messages for the widget, which keeps only English (and a few loading
//! messages) in its wasm and asks `GET /v1/customer/messages/{lang}` for the language it
//! shows, beside the customer's own GET.

use axum::response::Response;
use customer_update_core::country::Lang;
use customer_update_core::i18n;

use crate::problem::{Kind, Problem};

/// `key<TAB>message` lines, plain text; 404 for a language there is no file for.
pub fn file(tag: &str) -> Result<Response, Problem> {
    // Only exact tags: the widget asks with `Lang::tag`, and one URL per file caches best.
    let Some(lang) = Lang::ALL.into_iter().find(|lang| lang.tag() == tag) else {
        return Err(Problem::new(
            Kind::NotFound,
            "There are no messages for this language.",
        ));
    };
    Ok(super::reference_text(i18n::served(lang)))
}
