//! PLACEHOLDER (core-geo helper replaces this): ISO 3166-1 countries.
pub fn alpha2_to_alpha3(_alpha2: &str) -> Option<&'static str> {
    None
}
pub fn alpha3_to_alpha2(_alpha3: &str) -> Option<&'static str> {
    None
}
