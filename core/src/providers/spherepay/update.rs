//! `PATCH /v2/customer/{id}` body, as an end customer may send it. `meta` is the
//! operator's and is not here, so a body carrying it fails to parse.

use garde::Validate;
use serde::{Deserialize, Serialize};

use crate::providers::coded::{all, fail, Ctx};
use crate::providers::fields::{address_errors, present, text, AddressCountry, AddressKeys};
use crate::providers::parsed::{Alpha3Country, Parsed, TaxType};
use crate::tax::TaxIdKind;
use crate::address::AddressInput;
use crate::{Code, FieldError};

/// Tax identification types SpherePay documents (`ssn` for USA, the others elsewhere).
pub const TAX_KINDS: &[TaxIdKind] = &[TaxIdKind::Ssn, TaxIdKind::Passport, TaxIdKind::NationalId, TaxIdKind::Other];
/// The same, as the wire strings (select options).
pub const TAX_TYPES: &[&str] = &["ssn", "passport", "national_id", "other"];

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
#[garde(custom(tax_needs_address))]
pub struct SpherePayUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub address: Option<SpherePayAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub personal_information: Option<PersonalInformation>,
}

/// Once sent, the address is the whole address (line 1, city, country, and what the
/// country's format requires).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
#[garde(custom(address_by_country))]
pub struct SpherePayAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(256)))]
    pub line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(256)))]
    pub line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(128)))]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(32)))]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(128)))]
    pub state: Option<String>,
    /// ISO alpha-3 ("USA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(present))]
    pub country: Option<Parsed<Alpha3Country>>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
#[garde(custom(tax_rules))]
pub struct PersonalInformation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(skip)]
    pub tax_identification_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub tax_identification_number_type: Option<Parsed<TaxType>>,
    /// ISO alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub tax_identification_number_country: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(256)))]
    pub tax_identification_number_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(32)))]
    pub gender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub country_of_birth: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub nationality: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(1024)))]
    pub middle_name: Option<String>,
    /// US Standard Occupational Classification code, `NN-NNNN` ("15-1132").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(soc_code))]
    pub occupation_soc_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub residency_country: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(64)))]
    pub source_of_funds: Option<String>,
}

impl PersonalInformation {
    /// Whether any tax identification field is in the body.
    pub fn has_tax_fields(&self) -> bool {
        self.tax_identification_number.is_some()
            || self.tax_identification_number_type.is_some()
            || self.tax_identification_number_country.is_some()
            || self.tax_identification_number_description.is_some()
    }
}

/// Any tax identification field ⇒ the address must be sent too.
fn tax_needs_address(update: &SpherePayUpdate, _: &Ctx) -> garde::Result {
    let has_tax = update.personal_information.as_ref().is_some_and(PersonalInformation::has_tax_fields);
    if has_tax && update.address.is_none() {
        // One error per field the customer has to fill, so each lands under its input.
        const WHY: &str = "it is required together with a tax identification number.";
        return all(vec![
            required("/address/line1", &format!("Enter the first line of your address: {WHY}")),
            required("/address/city", &format!("Enter your town or city: {WHY}")),
            required("/address/country", &format!("Choose the country of your address: {WHY}")),
        ]);
    }
    Ok(())
}

fn address_by_country(address: &SpherePayAddress, _: &Ctx) -> garde::Result {
    let input = AddressInput {
        line1: address.line1.as_deref(),
        city: address.city.as_deref(),
        state: address.state.as_deref(),
        postal_code: address.postal_code.as_deref(),
    };
    let keys = AddressKeys { line1: "line1", city: "city", state: "state", postal: "postalCode" };
    all(address_errors(address.country.code(), input, &keys))
}

/// Number, type and country all or none; a SpherePay type; USA ⇒ `ssn` (and `ssn` only
/// for USA); `other` ⇒ description; the number checked for its type and country.
fn tax_rules(info: &PersonalInformation, _: &Ctx) -> garde::Result {
    if !info.has_tax_fields() {
        return Ok(());
    }
    let mut errors = Vec::new();
    let number = info.tax_identification_number.as_deref().filter(|n| !n.trim().is_empty());
    if number.is_none() {
        errors.push(required("/taxIdentificationNumber", "Enter the tax identification number."));
    }
    if info.tax_identification_number_type.is_none() {
        errors.push(required("/taxIdentificationNumberType", "Choose the type of tax identification."));
    }
    if info.tax_identification_number_country.is_none() {
        errors.push(required("/taxIdentificationNumberCountry", "Choose the country that issued the number."));
    }
    // An unparsable type or country is reported by `dive`; the rules below need both.
    let kind = info.tax_identification_number_type.as_ref().and_then(Parsed::value).copied();
    let country = info.tax_identification_number_country.code();
    if let Some(kind) = kind {
        if let Err(error) = crate::tax::check_description(kind, info.tax_identification_number_description.as_deref()) {
            errors.push(error.at("/taxIdentificationNumberDescription"));
        }
        if !TAX_KINDS.contains(&kind) {
            errors.push(
                FieldError::new(Code::TaxUnknownType, "Choose a type from the list.")
                    .with_param("allowed", TAX_TYPES.join(", "))
                    .at("/taxIdentificationNumberType"),
            );
        } else if let Some(country) = country {
            let usa = country.alpha3() == "USA";
            if usa != (kind == TaxIdKind::Ssn) {
                let message = if usa { "For the United States the type must be SSN." } else { "SSN is only for the United States." };
                errors.push(
                    FieldError::new(Code::TaxTypeNotAllowedForCountry, message)
                        .with_param("country", country.alpha3())
                        .at("/taxIdentificationNumberType"),
                );
            } else if let Some(number) = number {
                if let Err(error) = crate::tax::check_number(kind, country.alpha2(), number) {
                    errors.push(error.at("/taxIdentificationNumber"));
                }
            }
        }
    }
    all(errors)
}

fn required(pointer: &str, message: &str) -> FieldError {
    FieldError::new(Code::Required, message).at(pointer)
}

fn soc_code(value: &Option<String>, _: &Ctx) -> garde::Result {
    let Some(value) = value else { return Ok(()) };
    let bytes = value.trim().as_bytes();
    let shaped = bytes.len() == 7
        && bytes.iter().enumerate().all(|(i, b)| if i == 2 { *b == b'-' } else { b.is_ascii_digit() });
    if shaped {
        Ok(())
    } else {
        Err(fail(
            FieldError::new(Code::InvalidValue, "Enter an occupation code like 15-1132.").with_param("example", "15-1132"),
        ))
    }
}
