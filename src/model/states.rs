//! State/province lists, loaded when an address is in a country that has one: the wasm
//! leaves Google's table out (~13 KB brotli) and asks the proxy for one country's list
//! (`GET {endpoint}/states/{alpha-2}`, a few hundred bytes). Until it arrives, or if it
//! cannot be had, the state is a free-text field; the proxy checks it either way.

use customer_update_core::address;
use customer_update_core::country::CountryCode;
use leptos::prelude::*;

use super::state::Form;
use crate::transport::{HttpRequest, Method};

/// Asks the proxy for `country`'s list when its address has a state and the list has
/// not arrived yet; bumps `states_loaded` when it arrives. A state field's
/// `LocalResource` runs it for each new country: a reply for a country no longer chosen
/// is dropped (and its request aborted), and a failed one is asked again when the country
/// changes.
pub async fn load(form: Form, country: String) {
    let Ok(code) = CountryCode::parse(&country) else {
        return;
    };
    let rules = address::rules_for(code);
    if !rules.uses(address::Field::State) || !rules.states().is_empty() {
        return;
    }
    let alpha2 = code.alpha2();
    let Some(request) = form.settings.try_with_value(|s| HttpRequest {
        method: Method::Get,
        url: format!("{}/states/{alpha2}", s.endpoint),
        session_token: s.session_token.clone(),
        body: None,
    }) else {
        return;
    };
    let Some(reply) = form.http.send(request) else {
        return;
    };
    if let Ok(response) = reply.await {
        if response.status == 200 && address::provide_states(alpha2, &response.body) {
            form.states_loaded.try_update(|n| *n += 1);
        }
    }
}
