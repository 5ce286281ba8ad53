//! BVNK end-customer update bodies: individual `PATCH`, company `PUT`, and the associates'
//! contact details. Never here: `status` (its own operator endpoint), `riskScore`,
//! `controls`, and for associates anything but the person reference and contact info.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::providers::engine::Ctx;
use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};
use crate::providers::rules;

/// `PATCH /platform/v1/customers/{ref}` for individual customers: only what changed.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(context = Ctx)]
pub struct BvnkIndividualUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub email: Option<Parsed<Email>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub phone: Option<Parsed<Phone>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub address: Option<BvnkAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::birth_date", use_context))]
    pub date_of_birth: Option<Parsed<Day>>,
}

/// `PUT /platform/v1/customers/{ref}` for company customers.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(context = Ctx)]
pub struct BvnkCompanyUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 255), custom(function = "rules::text"))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 1024), custom(function = "rules::text"))]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub address: Option<BvnkAddress>,
}

/// Once sent, the whole address; `country` is the English name of `countryCode`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(schema(function = "super::address_rules", skip_on_field_errors = false))]
pub struct BvnkAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub address_line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub postal_code: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(required, custom(function = "rules::parsed"))]
    pub country_code: Option<Parsed<Alpha2Country>>,
    /// English name matching `countryCode` ("United States").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(required, custom(function = "rules::text"))]
    pub country: Option<String>,
}

/// `PUT …/associates`, end-customer part: which person, and their new contact details.
/// The proxy merges it into the associates list it GETs upstream (keeping title,
/// riskScore, controls, documents and tax data as they are), see `Bvnk::merge_upstream`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(context = Ctx)]
pub struct BvnkAssociatesUpdate {
    // Missing keys default here so they come out as 422 field errors with the others.
    #[serde(default)]
    #[validate(custom(function = "super::people_count"), nested)]
    pub associates: Vec<AssociateContactUpdate>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssociateContactUpdate {
    #[serde(default)]
    #[validate(nested)]
    pub person: AssociateRef,
    #[serde(default)]
    #[validate(nested)]
    pub details: AssociateDetailsUpdate,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssociateRef {
    /// `person.reference` from the GET.
    #[serde(default)]
    #[validate(required, length(max = 64), custom(function = "rules::text"))]
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssociateDetailsUpdate {
    #[serde(default)]
    #[validate(nested)]
    pub contact_info: ContactInfoUpdate,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(schema(function = "super::email_or_phone", skip_on_field_errors = false))]
pub struct ContactInfoUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub email_address: Option<Parsed<Email>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub phone_number: Option<Parsed<Phone>>,
}

/// BVNK's address has no state.
impl rules::Address for BvnkAddress {
    const KEYS: [Option<&'static str>; 4] =
        [Some("addressLine1"), Some("city"), None, Some("postalCode")];
    fn country(&self) -> Option<crate::country::CountryCode> {
        self.country_code.as_ref().and_then(Parsed::value).copied()
    }
    fn input(&self) -> crate::address::AddressInput<'_> {
        crate::address::AddressInput {
            line1: self.address_line1.as_deref(),
            city: self.city.as_deref(),
            state: None,
            postal_code: self.postal_code.as_deref(),
        }
    }
}
