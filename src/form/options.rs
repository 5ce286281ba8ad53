//! Option lists for the pickers: countries by name in the customer's language (in the
//! order and with the names of its language file, else core's English list), valued in
//! the code form the provider's body uses.

use customer_update_core::phone;
use customer_update_core::providers::CountryForm;

use crate::i18n::Messages;

/// `(code, name)` for a country `<select>`.
pub fn countries(messages: &Messages, form: CountryForm) -> Vec<(String, String)> {
    messages
        .countries()
        .into_iter()
        .map(|(c, name)| {
            let code = match form {
                CountryForm::Alpha2 => c.alpha2(),
                CountryForm::Alpha3 => c.alpha3(),
            };
            (code.to_owned(), name)
        })
        .collect()
}

/// `(alpha-2, "Name (+cc)")` for the phone country picker; countries without a calling
/// code (Antarctica, Bouvet Island…) are left out.
pub fn calling_codes(messages: &Messages) -> Vec<(String, String)> {
    messages
        .countries()
        .into_iter()
        .filter_map(|(c, name)| {
            let code = phone::calling_code(c.alpha2())?;
            Some((c.alpha2().to_owned(), format!("{name} (+{code})")))
        })
        .collect()
}
