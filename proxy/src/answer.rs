//! What the proxy makes of a provider's answer. Nothing of the provider's body reaches
//! the browser as the provider wrote it: a record becomes core's form state (an
//! allow-list of the profile's pointers), a rejection becomes core's own messages for the
//! provider's codes, and anything else becomes a problem. Pure functions over the bytes
//! received, so any answer can be tried against them (see tests/answer_properties.rs).

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use customer_update_core::country::Lang;
use customer_update_core::i18n;
use customer_update_core::providers::ProviderSpec;
use customer_update_core::{Code, FieldError};
use serde_json::{json, Value};

use crate::customer_id::CustomerId;
use crate::problem::{Kind, Problem};
use crate::upstream::{Failure, UpstreamResponse};

/// Longest `Retry-After` passed on to the browser, in seconds.
pub const MAX_RETRY_AFTER_SECS: u64 = 300;

/// The customer's language from `Accept-Language` (first tag the widget speaks), English
/// otherwise.
pub fn language(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .into_iter()
        .flat_map(|v| v.split(','))
        .filter_map(|tag| Lang::parse(tag.split(';').next().unwrap_or("")))
        .next()
        .unwrap_or(Lang::En)
}

/// The provider's `Retry-After` in seconds, within 1..=300 (an HTTP date or nonsense: 1).
pub fn retry_after_secs(value: Option<&HeaderValue>) -> u64 {
    value
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_RETRY_AFTER_SECS)
}

/// The session customer's record from a 2xx answer, whole (a BVNK merge must send back
/// what the customer may not see); every other answer as the problem the browser gets.
pub fn record(
    spec: &dyn ProviderSpec,
    customer: &CustomerId,
    response: &UpstreamResponse,
    lang: Lang,
) -> Result<Value, Problem> {
    refuse_failures(spec, response, lang)?;
    let Ok(body) = serde_json::from_slice::<Value>(&response.body) else {
        return Err(Failure::Malformed.into());
    };
    if !body.is_object() {
        tracing::warn!(
            provider = spec.id(),
            "provider answered something other than a record"
        );
        return Err(Failure::Malformed.into());
    }
    if !is_record_of(&body, customer) {
        tracing::warn!(
            provider = spec.id(),
            "provider answered a record of another customer"
        );
        return Err(Problem::new(
            Kind::UpstreamMalformed,
            "The provider's answer is not this customer's record.",
        ));
    }
    Ok(body)
}

/// The record's own ID (`id`, or BVNK's `reference`) is the session's customer.
fn is_record_of(record: &Value, customer: &CustomerId) -> bool {
    ["id", "reference"]
        .iter()
        .filter_map(|key| record.get(*key))
        .any(|id| id.as_str().is_some_and(|id| customer == id))
}

/// The answer the widget gets for a record: `{provider, form}`, the form state read from
/// the redacted record.
pub fn form_answer(spec: &dyn ProviderSpec, record: &Value) -> Response {
    let mut redacted = record.clone();
    spec.redact_response(&mut redacted);
    let body = json!({"provider": spec.id(), "form": spec.form_state(&redacted)});
    let mut out = (StatusCode::OK, body.to_string()).into_response();
    out.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    out.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    out
}

/// Every non-2xx answer as a problem: refused proxy credentials, rate limits and
/// provider failures by kind; a rejection (4xx) with its status and core's messages.
fn refuse_failures(
    spec: &dyn ProviderSpec,
    response: &UpstreamResponse,
    lang: Lang,
) -> Result<(), Problem> {
    let status = response.status;
    if status.is_success() {
        return Ok(());
    }
    let code = status.as_u16();
    if code == 401 || code == 403 {
        tracing::warn!(
            provider = spec.id(),
            status = code,
            "provider refused the proxy's credentials"
        );
        return Err(Problem::new(
            Kind::UpstreamAuth,
            "The proxy's provider credentials were refused.",
        ));
    }
    if code == 429 {
        return Err(Problem::new(
            Kind::UpstreamRateLimited,
            "The provider asks to slow down. Try again shortly.",
        )
        .retry_after(retry_after_secs(response.retry_after.as_ref())));
    }
    if !status.is_client_error() {
        tracing::warn!(provider = spec.id(), status = code, "provider failed");
        return Err(Problem::new(
            Kind::UpstreamError,
            format!("The provider answered {code}. Try again."),
        ));
    }
    let errors = customer_errors(spec, spec.parse_errors(code, &response.body), lang);
    let mut problem =
        Problem::new(Kind::UpstreamError, "The provider refused the update.").with_errors(errors);
    problem.status_override = StatusCode::from_u16(code).ok();
    Err(problem)
}

/// The provider's errors as the customer reads them: core's code and message (in `lang`)
/// and a pointer of the form; the provider's codes are logged, its texts dropped.
pub fn customer_errors(
    spec: &dyn ProviderSpec,
    parsed: Vec<FieldError>,
    lang: Lang,
) -> Vec<FieldError> {
    let codes: Vec<String> = parsed.iter().map(|e| loggable(e.code.as_str())).collect();
    tracing::info!(provider = spec.id(), codes = ?codes, "provider refused the update");
    let mut out: Vec<FieldError> = parsed
        .into_iter()
        .map(|error| {
            let code = match Code::parse(error.code.as_str()) {
                Code::Provider(_) => Code::General,
                own => own,
            };
            let pointer = form_pointer(spec, &error.pointer).unwrap_or_default();
            FieldError::new(code.clone(), message(&code, lang)).at(pointer)
        })
        .collect();
    out.dedup();
    if out.is_empty() {
        out.push(FieldError::new(
            Code::General,
            message(&Code::General, lang),
        ));
    }
    out
}

/// Core's message for `code` in `lang`; one that needs values the provider did not give
/// (a `{max}`), or an unknown code, gets the generic message.
fn message(code: &Code, lang: Lang) -> String {
    let find = |key: &str| {
        i18n::lookup(i18n::catalogue(lang), key).or_else(|| i18n::lookup(i18n::EN, key))
    };
    find(code.as_str())
        .filter(|text| !text.contains('{'))
        .or_else(|| find(Code::General.as_str()))
        .unwrap_or("Something is wrong with this value.")
        .to_owned()
}

/// `pointer` when it is one of the provider's form fields (array indexes for `-`).
fn form_pointer(spec: &dyn ProviderSpec, pointer: &str) -> Option<String> {
    let profile = spec.profile();
    let known = profile
        .fields
        .iter()
        .chain(profile.hidden.iter())
        .any(|field| pattern_matches(field.pointer, pointer));
    known.then(|| pointer.to_owned())
}

fn pattern_matches(pattern: &str, pointer: &str) -> bool {
    let (mut pattern, mut pointer) = (pattern.split('/'), pointer.split('/'));
    loop {
        match (pattern.next(), pointer.next()) {
            (None, None) => return true,
            (Some("-"), Some(index)) => {
                if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                    return false;
                }
            }
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// A provider code fit for a log line: short, and only characters a code is made of.
fn loggable(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .take(48)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_patterns_match_indexes_only() {
        assert!(pattern_matches("/a/-/b", "/a/0/b"));
        assert!(pattern_matches("/a/b", "/a/b"));
        assert!(!pattern_matches("/a/-/b", "/a/x/b"));
        assert!(!pattern_matches("/a/b", "/a/b/c"));
        assert!(!pattern_matches("/a/b", "/a"));
    }

    #[test]
    fn languages_come_from_accept_language() {
        let mut headers = HeaderMap::new();
        assert_eq!(language(&headers), Lang::En);
        headers.insert(
            header::ACCEPT_LANGUAGE,
            "de-DE, es;q=0.8, en;q=0.5".parse().unwrap(),
        );
        assert_eq!(language(&headers), Lang::Es);
    }

    #[test]
    fn retry_after_is_clamped() {
        let value = |text: &str| HeaderValue::from_str(text).unwrap();
        assert_eq!(retry_after_secs(Some(&value("7"))), 7);
        assert_eq!(retry_after_secs(Some(&value("99999999999999999999"))), 1);
        assert_eq!(
            retry_after_secs(Some(&value("86400"))),
            MAX_RETRY_AFTER_SECS
        );
        assert_eq!(retry_after_secs(Some(&value("0"))), 1);
        assert_eq!(retry_after_secs(None), 1);
    }
}
