//! Reading the proxy's GET answer (`{provider, customer, form}`, see proxy/README.md):
//! `form` is core's `FormState` for this customer (values, locks, write-only, people),
//! computed by the proxy with the same profile the widget renders.

use customer_update_core::providers::{CustomerKind, FormState, Person, ProviderSpec};

use super::js;

pub fn form_state(provider: &dyn ProviderSpec, body: &str) -> Option<FormState> {
    let answer = js::parse(body)?;
    let form = js::get(&answer, "form");
    if !form.is_object() {
        return None;
    }
    let profile = provider.profile();
    // Pointers the form knows, as the profile's own strings.
    let known = |pointer: String| {
        profile
            .fields
            .iter()
            .find(|f| f.pointer == pointer)
            .map(|f| f.pointer)
    };
    let pointers = |key: &str| -> Vec<&'static str> {
        js::items(&form, key)
            .into_iter()
            .filter_map(|p| p.as_string())
            .filter_map(known)
            .collect()
    };
    let kind = match js::string(&form, "kind").as_deref() {
        Some("individual") => Some(CustomerKind::Individual),
        Some("company") => Some(CustomerKind::Company),
        _ => None,
    };
    let op = js::string(&form, "op")
        .and_then(|id| provider.op(&id))
        .map(|op| op.id);
    let people = js::items(&form, "people")
        .iter()
        .filter_map(|person| {
            Some(Person {
                reference: js::string(person, "reference")?,
                name: js::string(person, "name").unwrap_or_default(),
                email: js::string(person, "email"),
                phone: js::string(person, "phone"),
            })
        })
        .collect();
    Some(FormState {
        kind,
        op,
        values: js::string_members(&form, "values"),
        locked: pointers("locked"),
        write_only: pointers("writeOnly"),
        people,
    })
}
