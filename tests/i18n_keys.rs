//! Every key the form can ask for has an English message: each core error `Code`, each
//! label, section, option and hint the four profiles use, and each address label kind
//! a country can switch to. A gap would show the customer a raw key.

use std::collections::BTreeSet;

use customer_update_core::address;
use customer_update_core::i18n::messages;
use customer_update_core::providers;
use customer_update_core::Code;
use customer_update_widget::i18n::Lang;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn missing(keys: impl IntoIterator<Item = String>) -> Vec<String> {
    let english: BTreeSet<&str> = messages(Lang::En).into_iter().map(|(key, _)| key).collect();
    let mut gaps: Vec<String> = keys
        .into_iter()
        .filter(|key| !english.contains(key.as_str()))
        .collect();
    gaps.sort();
    gaps.dedup();
    gaps
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_core_error_code_has_an_english_message() {
    let gaps = missing(Code::ALL.iter().map(|code| code.as_str().to_owned()));
    assert!(gaps.is_empty(), "codes without a message: {gaps:?}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_label_section_and_option_of_every_profile_has_an_english_message() {
    let mut keys = Vec::new();
    for provider in providers::all() {
        for field in provider.profile().fields {
            keys.push(field.label.to_owned());
            keys.push(format!("required.{}", field.label));
            keys.extend(
                field
                    .options
                    .iter()
                    .map(|option| format!("option.{option}")),
            );
            let segments: Vec<&str> = field.pointer.trim_start_matches('/').split('/').collect();
            let section = if segments.len() > 1 {
                segments[0]
            } else {
                "details"
            };
            keys.push(format!("section.{section}"));
        }
    }
    assert!(
        keys.len() > 40,
        "the four profiles were read ({} keys)",
        keys.len()
    );
    let gaps = missing(keys);
    assert!(gaps.is_empty(), "profile keys without a message: {gaps:?}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_address_label_a_country_can_use_has_an_english_message() {
    let keys = address::all_rules().iter().flat_map(|rules| {
        [
            format!("address.postal.{}", rules.postal_kind().as_str()),
            format!("address.state.{}", rules.state_kind().as_str()),
            format!("address.locality.{}", rules.locality_kind().as_str()),
        ]
    });
    let gaps = missing(keys);
    assert!(
        gaps.is_empty(),
        "address label kinds without a message: {gaps:?}"
    );
}
