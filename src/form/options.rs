//! Option lists for the pickers: countries by name in the customer's language (core's
//! sorted list), valued in the code form the provider's body uses.

use customer_update_core::country::{self, Lang};
use customer_update_core::phone;
use customer_update_core::providers::CountryForm;

/// `(code, name)` for a country `<select>`.
pub fn countries(lang: Lang, form: CountryForm) -> Vec<(String, String)> {
    country::sorted_by_name(lang)
        .into_iter()
        .map(|c| {
            let code = match form {
                CountryForm::Alpha2 => c.alpha2(),
                CountryForm::Alpha3 => c.alpha3(),
            };
            (code.to_owned(), c.name(lang).to_owned())
        })
        .collect()
}

/// `(alpha-2, "Name (+cc)")` for the phone country picker; countries without a calling
/// code (Antarctica, Bouvet Island…) are left out.
pub fn calling_codes(lang: Lang) -> Vec<(String, String)> {
    country::sorted_by_name(lang)
        .into_iter()
        .filter_map(|c| {
            let code = phone::calling_code(c.alpha2())?;
            Some((c.alpha2().to_owned(), format!("{} (+{code})", c.name(lang))))
        })
        .collect()
}
