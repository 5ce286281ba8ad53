//! Which fields form an address: the one answer every part of the widget uses (what a
//! save sends whole, which country picker comes first, which labels follow the country,
//! where a phone's country is guessed from). An address is an object of the profile that
//! holds a country picker next to a postal code or a state field.

use customer_update_core::address::Field as AddressField;
use customer_update_core::providers::{FieldSpec, InputKind, Profile};

use super::pointer;

/// The address object `pointer` lies in (`/address` for `/address/city`), if it is one.
pub fn object_of(profile: &Profile, pointer: &str) -> Option<&'static str> {
    let field = profile.fields.iter().find(|f| f.pointer == pointer)?;
    let object = pointer::parent(field.pointer);
    let holds = |kinds: &[InputKind]| {
        profile
            .fields
            .iter()
            .any(|f| kinds.contains(&f.input) && pointer::parent(f.pointer) == object)
    };
    (!object.is_empty()
        && holds(&[InputKind::Country])
        && holds(&[InputKind::Postal, InputKind::State]))
    .then_some(object)
}

/// The country picker of the address `spec` belongs to.
pub fn country_of(profile: &Profile, spec: &FieldSpec) -> Option<&'static FieldSpec> {
    let object = object_of(profile, spec.pointer)?;
    profile
        .fields
        .iter()
        .find(|f| f.input == InputKind::Country && pointer::parent(f.pointer) == object)
}

/// Whether `spec` is the country picker of an address.
pub fn is_country(profile: &Profile, spec: &FieldSpec) -> bool {
    country_of(profile, spec).is_some_and(|country| country.pointer == spec.pointer)
}

/// The country picker of the profile's first address (the customer's home address).
pub fn home_country(profile: &Profile) -> Option<&'static FieldSpec> {
    profile.fields.iter().find(|f| is_country(profile, f))
}

/// The part a field of an address plays, for labels and required-ness that follow the
/// chosen country. Core's profile says state/postal by input kind; the city by its key.
pub fn role(profile: &Profile, spec: &FieldSpec) -> Option<AddressField> {
    object_of(profile, spec.pointer)?;
    match spec.input {
        InputKind::State => Some(AddressField::State),
        InputKind::Postal => Some(AddressField::PostalCode),
        _ if spec.pointer.ends_with("/city") => Some(AddressField::City),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use customer_update_core::providers;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn profile(id: &str) -> &'static Profile {
        providers::by_id(id).expect("known provider").profile()
    }

    #[wasm_bindgen_test]
    fn an_address_is_an_object_with_a_country_and_a_postal_code_or_state() {
        let spherepay = profile("spherepay");
        assert_eq!(object_of(spherepay, "/address/city"), Some("/address"));
        assert_eq!(
            object_of(spherepay, "/personalInformation/nationality"),
            None,
            "a country picker alone is no address"
        );
        assert_eq!(
            home_country(spherepay).map(|f| f.pointer),
            Some("/address/country")
        );
        let city = spherepay.field("/address/city").expect("city");
        assert_eq!(role(spherepay, city), Some(AddressField::City));
    }
}
