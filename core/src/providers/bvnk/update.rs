//! BVNK end-customer update bodies: individual `PATCH`, company `PUT`, and the associates'
//! contact details. Never here: `status` (its own operator endpoint), `riskScore`,
//! `controls`, and for associates anything but the person reference and contact info.

use garde::Validate;
use serde::{Deserialize, Serialize};

use crate::address::AddressInput;
use crate::country::{by_name, CountryCode, Lang};
use crate::providers::coded::{all, fail, Ctx};
use crate::providers::fields::{address_errors, rule_birth_date, present, text, AddressCountry, AddressKeys};
use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};
use crate::{Code, FieldError};

/// `PATCH /platform/v1/customers/{ref}` for individual customers: only what changed.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct BvnkIndividualUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub email: Option<Parsed<Email>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub phone: Option<Parsed<Phone>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub address: Option<BvnkAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(rule_birth_date))]
    pub date_of_birth: Option<Parsed<Day>>,
}

/// `PUT /platform/v1/customers/{ref}` for company customers.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct BvnkCompanyUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(255)))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(1024)))]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub address: Option<BvnkAddress>,
}

/// Once sent, the whole address; `country` is the English name of `countryCode`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
#[garde(custom(address_by_country))]
pub struct BvnkAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(256)))]
    pub address_line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(256)))]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(128)))]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(32)))]
    pub postal_code: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(present))]
    pub country_code: Option<Parsed<Alpha2Country>>,
    /// English name matching `countryCode` ("United States").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(present), custom(text(128)))]
    pub country: Option<String>,
}

/// `PUT …/associates`, end-customer part: which person, and their new contact details.
/// The proxy merges it into the associates list it GETs upstream (keeping title,
/// riskScore, controls, documents and tax data as they are), see `Bvnk::merge_upstream`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct BvnkAssociatesUpdate {
    // Missing keys default here so they come out as 422 field errors with the others.
    #[serde(default)]
    #[garde(length(min = 1, max = 100), dive)]
    pub associates: Vec<AssociateContactUpdate>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct AssociateContactUpdate {
    #[serde(default)]
    #[garde(dive)]
    pub person: AssociateRef,
    #[serde(default)]
    #[garde(dive)]
    pub details: AssociateDetailsUpdate,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct AssociateRef {
    /// `person.reference` from the GET.
    #[serde(default)]
    #[garde(custom(present), custom(rule_reference))]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct AssociateDetailsUpdate {
    #[serde(default)]
    #[garde(dive)]
    pub contact_info: ContactInfoUpdate,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
#[garde(custom(something_to_change))]
pub struct ContactInfoUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub email_address: Option<Parsed<Email>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub phone_number: Option<Parsed<Phone>>,
}

fn rule_reference(value: &Option<String>, _: &Ctx) -> garde::Result {
    let Some(value) = value else { return Ok(()) };
    crate::providers::fields::check_text(value, 64).map_err(fail)
}

fn something_to_change(contact: &ContactInfoUpdate, _: &Ctx) -> garde::Result {
    if contact.email_address.is_none() && contact.phone_number.is_none() {
        return Err(fail(FieldError::new(Code::Required, "Enter an email address or a phone number.")));
    }
    Ok(())
}

fn address_by_country(address: &BvnkAddress, _: &Ctx) -> garde::Result {
    let code = address.country_code.code();
    let input = AddressInput {
        line1: address.address_line1.as_deref(),
        city: address.city.as_deref(),
        state: None,
        postal_code: address.postal_code.as_deref(),
    };
    let keys = AddressKeys { line1: "addressLine1", city: "city", state: "", postal: "postalCode" };
    let mut errors = address_errors(code, input, &keys);
    if let (Some(code), Some(name)) = (code, address.country.as_deref()) {
        if let Err(error) = name_matches(code, name) {
            errors.push(error.at("/country"));
        }
    }
    all(errors)
}

/// BVNK's `country` must name the same country as `countryCode` (English, ISO short
/// names accepted).
pub fn name_matches(code: CountryCode, name: &str) -> Result<(), FieldError> {
    match by_name(name, Lang::En) {
        Some(country) if country.alpha2() == code.alpha2() => Ok(()),
        _ => Err(FieldError::new(
            Code::CountryMismatch,
            format!("The country name must be “{}” for code {}.", code.name(Lang::En), code.alpha2()),
        )
        .with_param("expected", code.name(Lang::En))),
    }
}
