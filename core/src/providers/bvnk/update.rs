//! BVNK end-customer update bodies: individual `PATCH`, company `PUT`, and the associates'
//! contact details. Never here: `status` (its own operator endpoint), `riskScore`,
//! `controls`, and for associates anything but the person reference and contact info.

use serde::{Deserialize, Serialize};

use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};

/// `PATCH /platform/v1/customers/{ref}` for individual customers: only what changed.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BvnkIndividualUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Parsed<Email>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Parsed<Phone>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<BvnkAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Parsed<Day>>,
}

/// `PUT /platform/v1/customers/{ref}` for company customers.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BvnkCompanyUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<BvnkAddress>,
}

/// Once sent, the whole address; `country` is the English name of `countryCode`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BvnkAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<Parsed<Alpha2Country>>,
    /// English name matching `countryCode` ("United States").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// `PUT …/associates`, end-customer part: which person, and their new contact details.
/// The proxy merges it into the associates list it GETs upstream (keeping title,
/// riskScore, controls, documents and tax data as they are), see `Bvnk::merge_upstream`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BvnkAssociatesUpdate {
    // Missing keys default here so they come out as 422 field errors with the others.
    #[serde(default)]
    pub associates: Vec<AssociateContactUpdate>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssociateContactUpdate {
    #[serde(default)]
    pub person: AssociateRef,
    #[serde(default)]
    pub details: AssociateDetailsUpdate,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssociateRef {
    /// `person.reference` from the GET.
    #[serde(default)]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssociateDetailsUpdate {
    #[serde(default)]
    pub contact_info: ContactInfoUpdate,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactInfoUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<Parsed<Email>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<Parsed<Phone>>,
}
