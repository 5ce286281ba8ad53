//! A language's messages for the widget, which keeps only English (and a few loading
//! messages) in its wasm and asks `GET /v1/customer/messages/{lang}` for the language it
//! shows, beside the customer's own GET.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
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
    let mut response = i18n::served(lang).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    // Changes only with a release: let the browser keep it for a day.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    Ok(response)
}
