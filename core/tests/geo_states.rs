//! State lists loaded at run time (the widget's wasm has no state table): what the proxy
//! hands out for a country is what the rules then use, and bad input is refused.

use customer_update_core::address::{self, provide_states, states_row};

#[test]
fn the_proxys_row_is_the_list_the_rules_use() {
    let row = states_row("US").expect("the US has a state list");
    assert!(row.starts_with("AL|Alabama|") && row.contains("~CA|California|"));
    let states = address::rules("US").unwrap().states();
    assert_eq!(states.len(), row.split('~').count());
    assert!(address::check_state("US", "CA").is_ok());
    assert!(address::check_state("US", "XX").is_err());
    // Compiled in here (feature `states`): nothing replaces it at run time.
    assert!(!provide_states("US", "XX|Nowhere|"));
    assert!(address::check_state("US", "XX").is_err());
}

#[test]
fn a_provided_list_is_taken_once_and_checked_against() {
    // France's format has no state, so the table has no list: a stand-in for a country
    // whose list the widget has not loaded yet.
    assert_eq!(states_row("FR"), None);
    assert!(address::rules("FR").unwrap().states().is_empty());
    assert!(!provide_states("ZZ", "A|B|"), "not a country");
    assert!(!provide_states("FR", "  "), "blank");
    assert!(!provide_states("FR", &"x".repeat(70_000)), "oversized");
    assert!(provide_states("fr", "IDF|Île-de-France|~BRE|Bretagne|"));
    assert!(
        !provide_states("FR", "OTHER|Other|"),
        "only the first list counts"
    );
    let names: Vec<&str> = address::rules("FR")
        .unwrap()
        .states()
        .iter()
        .map(|s| s.name())
        .collect();
    assert_eq!(names, ["Île-de-France", "Bretagne"]);
}
