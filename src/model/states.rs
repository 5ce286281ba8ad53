//! State/province lists, loaded when an address is in a country that has one: the wasm
//! leaves Google's table out (~13 KB brotli) and asks the proxy for one country's list
//! (`GET {endpoint}/states/{alpha-2}`, a few hundred bytes). Until it arrives, or if it
//! cannot be had, the state is a free-text field; the proxy checks it either way.

use customer_update_core::address;
use customer_update_core::country::CountryCode;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::Form;
use crate::transport::{HttpRequest, Method};

/// Asks for `country`'s list if its address format has a state, the list is not here
/// yet and was not asked for already.
pub fn ensure(form: Form, country: &str) {
    let Ok(code) = CountryCode::parse(country) else {
        return;
    };
    let rules = address::rules_for(code);
    let alpha2 = code.alpha2();
    if !rules.uses(address::Field::State) || !rules.states().is_empty() {
        return;
    }
    let asked = form.states_asked.try_update_value(|asked| {
        let new = !asked.iter().any(|c| c == alpha2);
        if new {
            asked.push(alpha2.to_owned());
        }
        new
    });
    if asked != Some(true) {
        return;
    }
    let request = form.settings.with_value(|s| HttpRequest {
        method: Method::Get,
        url: format!("{}/states/{alpha2}", s.endpoint),
        session_token: s.session_token.clone(),
        body: None,
    });
    let Some(reply) = form.http.send(request) else {
        return;
    };
    spawn_local(async move {
        match reply.await {
            Ok(response) if response.status == 200 => {
                if address::provide_states(alpha2, &response.body) {
                    form.states_loaded.try_update(|n| *n += 1);
                }
            }
            // Free text meanwhile; a later change of country may ask again.
            _ => {
                form.states_asked
                    .try_update_value(|asked| asked.retain(|c| c != alpha2));
            }
        }
    });
}
