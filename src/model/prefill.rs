//! Reading the proxy's GET answer (`{provider, customer, form}`, see proxy/README.md):
//! `form` is core's `FormState` for this customer (values, locks, write-only, people),
//! computed by the proxy with the same profile the widget renders.

use std::collections::BTreeMap;

use customer_update_core::providers::{CustomerKind, FormState, Person, ProviderSpec};
use serde::Deserialize;

use super::json;

/// The part of the GET answer the form reads.
#[derive(Deserialize)]
struct Answer {
    form: Wire,
}

/// `FormState` as JSON carries it: plain strings, mapped onto the profile's below.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    op: Option<String>,
    #[serde(default)]
    values: BTreeMap<String, String>,
    #[serde(default)]
    locked: Vec<String>,
    #[serde(default)]
    write_only: Vec<String>,
    #[serde(default)]
    people: Vec<WirePerson>,
}

#[derive(Deserialize)]
struct WirePerson {
    reference: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
}

pub fn form_state(provider: &dyn ProviderSpec, body: &str) -> Option<FormState> {
    let Answer { form } = json::parse(body)?;
    let profile = provider.profile();
    // Pointers the form knows, as the profile's own strings; others are dropped.
    let known = |pointers: Vec<String>| -> Vec<&'static str> {
        pointers
            .iter()
            .filter_map(|pointer| profile.field(pointer).map(|f| f.pointer))
            .collect()
    };
    let kind = match form.kind.as_deref() {
        Some("individual") => Some(CustomerKind::Individual),
        Some("company") => Some(CustomerKind::Company),
        _ => None,
    };
    Some(FormState {
        kind,
        op: form.op.and_then(|id| provider.op(&id)).map(|op| op.id),
        values: form.values,
        locked: known(form.locked),
        write_only: known(form.write_only),
        people: form
            .people
            .into_iter()
            .map(|p| Person {
                reference: p.reference,
                name: p.name,
                email: p.email,
                phone: p.phone,
            })
            .collect(),
    })
}
