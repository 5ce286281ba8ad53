//! `PATCH /v0.9/customers/{customerId}` body, as an end customer may send it. Not here
//! (operator-only, refused): `ipAddress` (the proxy may add it, see [`PolygonUpstreamUpdate`]),
//! `externalId`, `endorsements`, `metadata`.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::providers::engine::Ctx;
use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};
use crate::providers::rules;

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(context = Ctx)]
pub struct PolygonCustomerUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 1024), custom(function = "rules::text"))]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 1024), custom(function = "rules::text"))]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 1024), custom(function = "rules::text"))]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub email: Option<Parsed<Email>>,
    /// E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub phone: Option<Parsed<Phone>>,
    /// Write-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::birth_date", use_context))]
    pub birth_date: Option<Parsed<Day>>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub nationality: Option<Parsed<Alpha2Country>>,
    /// One-way: may only be set to `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::accepted"))]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = [true, null])))]
    pub signed_agreement: Option<bool>,
    /// Write-only; once sent, the whole address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub residential_address: Option<PolygonAddress>,
    /// Write-only; appended upstream (same type replaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub identifying_information: Option<Vec<IdentifyingInformation>>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(schema(function = "rules::address", skip_on_field_errors = false))]
pub struct PolygonAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 256), custom(function = "rules::text"))]
    pub line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 256), custom(function = "rules::text"))]
    pub line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 128), custom(function = "rules::text"))]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub state: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(required, custom(function = "rules::parsed"))]
    pub country: Option<Parsed<Alpha2Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub zip_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdentifyingInformation {
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(required, custom(function = "rules::parsed"))]
    pub issuing_country: Option<Parsed<Alpha2Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(required, length(max = 256), custom(function = "rules::text"))]
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

impl rules::Address for PolygonAddress {
    const KEYS: [Option<&'static str>; 4] =
        [Some("line1"), Some("city"), Some("state"), Some("zipCode")];
    fn country(&self) -> Option<crate::country::CountryCode> {
        self.country.as_ref().and_then(Parsed::value).copied()
    }
    fn input(&self) -> crate::address::AddressInput<'_> {
        crate::address::AddressInput {
            line1: self.line1.as_deref(),
            city: self.city.as_deref(),
            state: self.state.as_deref(),
            postal_code: self.zip_code.as_deref(),
        }
    }
}
