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

pub mod engine;
#[cfg(feature = "json")]
mod envelope;
#[cfg(feature = "json")]
mod form;
pub mod leaves;
mod leaves_de;
mod parsed;
pub mod rules;
#[cfg(feature = "schema")]
mod schema;
mod spec;
mod strict;

pub mod bvnk;
pub mod polygon;
pub mod spherepay;
pub mod swipelux;

pub use engine::Ctx;
#[cfg(feature = "json")]
pub use form::check_locks;
pub use leaves::{Leaf, Leaves};
pub use parsed::{Kind, Parsed};
pub use spec::{
    CountryForm, CustomerKind, FieldSpec, FormState, InputKind, Lock, Method, Person, Profile,
    ProviderSpec, Rejection, ServerFields, UpdateOp,
};

#[cfg(feature = "json")]
use serde_json::Value;

use crate::date::Date;
use crate::{Code, FieldError};

/// Every provider, in a stable order.
pub fn all() -> &'static [&'static dyn ProviderSpec] {
    &[
        &spherepay::SpherePay,
        &polygon::Polygon,
        &bvnk::Bvnk,
        &swipelux::Swipelux,
    ]
}

/// Every provider's id, in [`all`]'s order.
pub fn ids() -> Vec<&'static str> {
    all().iter().map(|spec| spec.id()).collect()
}

/// The provider with this id (`spherepay`, `polygon`, `bvnk`, `swipelux`), exact match.
pub fn by_id(id: &str) -> Option<&'static dyn ProviderSpec> {
    all().iter().copied().find(|spec| spec.id() == id)
}

/// Headless check of a browser-side update body: every problem, each with a JSON pointer
/// into `body`, a stable code and an English message. Empty = the proxy would accept it.
/// The operation is inferred from the body's keys (BVNK: `associates` → associates PUT,
/// `name`/`description` → company PUT, otherwise individual PATCH).
#[cfg(feature = "json")]
pub fn validate(provider: &str, body: &Value) -> Vec<FieldError> {
    validate_with(provider, None, body, clock_today())
}

/// [`validate`] with an explicit `today` for the date rules.
#[cfg(feature = "json")]
pub fn validate_on(provider: &str, body: &Value, today: Date) -> Vec<FieldError> {
    validate_with(provider, None, body, Some(today))
}

/// [`validate_on`] for a named operation (`UpdateOp::id`), `today` optional. Runs the
/// proxy's full check: the strict typed parse, then the rules.
#[cfg(feature = "json")]
pub fn validate_with(
    provider: &str,
    op: Option<&str>,
    body: &Value,
    today: Option<Date>,
) -> Vec<FieldError> {
    let leaves = Leaves::from_json(body);
    match find(provider, op, &leaves) {
        Ok((spec, op)) => match spec.check_update(op, body, today) {
            Ok(_) => Vec::new(),
            Err(rejection) => rejection.into_errors(),
        },
        Err(errors) => errors,
    }
}

/// The rules on a body's leaves (what the browser runs): the canonical leaves, or every
/// error. `op` as in [`validate_with`].
pub fn check_leaves(
    provider: &str,
    op: Option<&str>,
    body: &Leaves,
    today: Option<Date>,
) -> Result<Leaves, Vec<FieldError>> {
    let (spec, op) = find(provider, op, body)?;
    rules::check(spec, op, body, today).map_err(Rejection::into_errors)
}

/// "spherepay, polygon, bvnk or swipelux": every id of [`all`], for messages.
pub fn known_ids() -> String {
    let ids = ids();
    match ids.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn find(
    provider: &str,
    op: Option<&str>,
    body: &Leaves,
) -> Result<(&'static dyn ProviderSpec, &'static UpdateOp), Vec<FieldError>> {
    let Some(spec) = by_id(provider) else {
        return Err(vec![FieldError::new(
            Code::InvalidValue,
            format!("Unknown provider “{provider}”: use {}.", known_ids()),
        )
        .with_param("provider", provider)]);
    };
    let op = match op {
        Some(id) => spec.op(id).ok_or_else(|| {
            vec![FieldError::new(
                Code::InvalidValue,
                format!("Unknown operation “{id}” for {provider}."),
            )
            .with_param("op", id)]
        })?,
        None => spec.guess_op(body),
    };
    Ok((spec, op))
}

/// Today (UTC) from the system clock natively, from JS `Date.now()` on wasm32 (where
/// `SystemTime::now()` would panic). `None` only if the clock is before 1970.
pub fn clock_today() -> Option<Date> {
    #[cfg(not(target_arch = "wasm32"))]
    let days = {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
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
