//! Reading the proxy's GET answer into core's `FormState` (values, locks, write-only).

use customer_update_core::providers::{FormState, ProviderSpec};
use serde_json::Value;

/// The proxy relays the provider's own GET body; a `{"customer": …}` wrapper is accepted
/// too. Core turns it into prefill values, locks and write-only flags.
pub fn form_state(provider: &dyn ProviderSpec, body: &str) -> Option<FormState> {
    let json: Value = serde_json::from_str(body).ok()?;
    let customer = match json.get("customer") {
        Some(inner) if inner.is_object() => inner,
        _ => &json,
    };
    customer.is_object().then(|| provider.form_state(customer))
}
