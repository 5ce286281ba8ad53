//! One module per provider: its end-customer update body types (the allow-list), the GET
//! type used to prefill, its error-envelope parser and its profile (which fields an end
//! customer may edit, locks, write-only and operator-only fields). The proxy and the
//! widget reach them through [`ProviderSpec`] (`by_id`, `all`), never by name.
//!
//! Flow in the proxy: `find_op` → `check_update` (400 `Malformed` / 422 `Invalid` /
//! canonical body) → `check_locks` against the GET's `form_state` when it has one →
//! `merge_upstream` when `op.needs_current` → `add_server_fields` → upstream →
//! `parse_errors` on failure, `redact_response` on whatever is relayed.
//!
//! Dates: rules relative to today take `today` from the caller (core has no clock, and
//! `SystemTime::now()` panics on wasm32). [`validate`] reads today (UTC) from
//! [`clock_today`]: the system clock natively, JS `Date.now()` on wasm32. [`validate_on`]
//! takes it explicitly (tests, a caller in another time zone); `check_update` takes an
//! `Option<Date>` where `None` skips only the rules relative to today.

mod coded;
mod envelope;
mod fields;
mod form;
mod parsed;
mod spec;
mod strict;

pub mod bvnk;
pub mod polygon;
pub mod spherepay;
pub mod swipelux;

pub use coded::Ctx;
pub use form::check_locks;
pub use parsed::{Kind, Parsed};
pub use spec::{
    CountryForm, CustomerKind, FieldSpec, FormState, InputKind, Lock, Method, Person, Profile, ProviderSpec,
    Rejection, ServerFields, UpdateOp,
};

use serde_json::Value;

use crate::date::Date;
use crate::{Code, FieldError};

/// Every provider, in a stable order.
pub fn all() -> &'static [&'static dyn ProviderSpec] {
    &[&spherepay::SpherePay, &polygon::Polygon, &bvnk::Bvnk, &swipelux::Swipelux]
}

/// The provider with this id (`spherepay`, `polygon`, `bvnk`, `swipelux`), exact match.
pub fn by_id(id: &str) -> Option<&'static dyn ProviderSpec> {
    all().iter().copied().find(|spec| spec.id() == id)
}

/// Headless check of a browser-side update body: every problem, each with a JSON pointer
/// into `body`, a stable code and an English message. Empty = the proxy would accept it.
/// The operation is inferred from the body's keys (BVNK: `associates` → associates PUT,
/// `name`/`description` → company PUT, otherwise individual PATCH).
pub fn validate(provider: &str, body: &Value) -> Vec<FieldError> {
    validate_with(provider, None, body, clock_today())
}

/// [`validate`] with an explicit `today` for the date rules.
pub fn validate_on(provider: &str, body: &Value, today: Date) -> Vec<FieldError> {
    validate_with(provider, None, body, Some(today))
}

/// [`validate_on`] for a named operation (`UpdateOp::id`), `today` optional.
pub fn validate_with(provider: &str, op: Option<&str>, body: &Value, today: Option<Date>) -> Vec<FieldError> {
    let Some(spec) = by_id(provider) else {
        return vec![FieldError::new(
            Code::InvalidValue,
            format!("Unknown provider “{provider}”: use spherepay, polygon, bvnk or swipelux."),
        )
        .with_param("provider", provider)];
    };
    let op = match op {
        Some(id) => match spec.op(id) {
            Some(op) => op,
            None => {
                return vec![FieldError::new(Code::InvalidValue, format!("Unknown operation “{id}” for {provider}."))
                    .with_param("op", id)]
            }
        },
        None => spec.guess_op(body),
    };
    match spec.check_update(op, body, today) {
        Ok(_) => Vec::new(),
        Err(rejection) => rejection.into_errors(),
    }
}

/// Today (UTC) from the system clock natively, from JS `Date.now()` on wasm32 (where
/// `SystemTime::now()` would panic). `None` only if the clock is before 1970.
pub fn clock_today() -> Option<Date> {
    #[cfg(not(target_arch = "wasm32"))]
    let days = {
        let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
        i64::try_from(seconds / 86_400).ok()?
    };
    #[cfg(target_arch = "wasm32")]
    let days = {
        let millis = js_sys::Date::now();
        if !millis.is_finite() || millis < 0.0 {
            return None;
        }
        (millis / 86_400_000.0).floor() as i64
    };
    Date::from_unix_days(days)
}
