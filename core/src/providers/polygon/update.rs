//! `PATCH /v0.9/customers/{customerId}` body, as an end customer may send it. Not here
//! (operator-only, refused): `ipAddress` (the proxy may add it, see [`PolygonUpstreamUpdate`]),
//! `externalId`, `endorsements`, `metadata`.

use serde::{Deserialize, Serialize};

use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolygonCustomerUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Parsed<Email>>,
    /// E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Parsed<Phone>>,
    /// Write-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Parsed<Day>>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<Parsed<Alpha2Country>>,
    /// One-way: may only be set to `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_agreement: Option<bool>,
    /// Write-only; once sent, the whole address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residential_address: Option<PolygonAddress>,
    /// Write-only; appended upstream (same type replaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifying_information: Option<Vec<IdentifyingInformation>>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolygonAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Parsed<Alpha2Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdentifyingInformation {
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuing_country: Option<Parsed<Alpha2Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
