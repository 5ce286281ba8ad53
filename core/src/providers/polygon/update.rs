//! `PATCH /v0.9/customers/{customerId}` body, as an end customer may send it. Not here
//! (operator-only, refused): `ipAddress` (the proxy may add it, see [`PolygonUpstreamUpdate`]),
//! `externalId`, `endorsements`, `metadata`.

use garde::Validate;
use serde::{Deserialize, Serialize};

use crate::address::AddressInput;
use crate::providers::coded::{all, fail, Ctx};
use crate::providers::fields::{address_errors, rule_birth_date, present, text, AddressCountry, AddressKeys};
use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};
use crate::{Code, FieldError};

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct PolygonCustomerUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(1024)))]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(1024)))]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(1024)))]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub email: Option<Parsed<Email>>,
    /// E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub phone: Option<Parsed<Phone>>,
    /// Write-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(rule_birth_date))]
    pub birth_date: Option<Parsed<Day>>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub nationality: Option<Parsed<Alpha2Country>>,
    /// One-way: may only be set to `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(only_true))]
    pub signed_agreement: Option<bool>,
    /// Write-only; once sent, the whole address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub residential_address: Option<PolygonAddress>,
    /// Write-only; appended upstream (same type replaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub identifying_information: Option<Vec<IdentifyingInformation>>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
#[garde(custom(address_by_country))]
pub struct PolygonAddress {
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
    #[garde(custom(text(128)))]
    pub state: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(present))]
    pub country: Option<Parsed<Alpha2Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(32)))]
    pub zip_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct IdentifyingInformation {
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(present))]
    pub issuing_country: Option<Parsed<Alpha2Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(present), custom(text(256)))]
    pub number: Option<String>,
}

/// What the proxy sends upstream: the customer's checked body plus `ipAddress`, which only
/// the server may fill (from the caller's address, when configured).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolygonUpstreamUpdate {
    #[serde(flatten)]
    pub customer: PolygonCustomerUpdate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
}

fn only_true(value: &Option<bool>, _: &Ctx) -> garde::Result {
    match value {
        Some(false) => Err(fail(FieldError::new(
            Code::InvalidValue,
            "The agreement cannot be withdrawn here: it can only be accepted.",
        ))),
        _ => Ok(()),
    }
}

fn address_by_country(address: &PolygonAddress, _: &Ctx) -> garde::Result {
    let input = AddressInput {
        line1: address.line1.as_deref(),
        city: address.city.as_deref(),
        state: address.state.as_deref(),
        postal_code: address.zip_code.as_deref(),
    };
    let keys = AddressKeys { line1: "line1", city: "city", state: "state", postal: "zipCode" };
    all(address_errors(address.country.code(), input, &keys))
}
