//! `PATCH /v2/customer/{id}` body, as an end customer may send it. `meta` is the
//! operator's and is not here, so a body carrying it fails to parse.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::providers::engine::Ctx;
use crate::providers::parsed::{Alpha3Country, Parsed, TaxType};
use crate::providers::rules;
use crate::tax::TaxIdKind;

/// Tax identification types SpherePay documents (`ssn` for USA, the others elsewhere).
pub const TAX_KINDS: &[TaxIdKind] = &[
    TaxIdKind::Ssn,
    TaxIdKind::Passport,
    TaxIdKind::NationalId,
    TaxIdKind::Other,
];
/// The same, as the wire strings (select options).
pub const TAX_TYPES: &[&str] = &["ssn", "passport", "national_id", "other"];

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(
    context = Ctx,
    schema(function = "super::tax_rules", skip_on_field_errors = false)
)]
pub struct SpherePayUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub address: Option<SpherePayAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub personal_information: Option<PersonalInformation>,
}

/// Once sent, the address is the whole address (line 1, city, country, and what the
/// country's format requires).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(schema(function = "rules::address", skip_on_field_errors = false))]
pub struct SpherePayAddress {
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
    #[validate(length(max = 32), custom(function = "rules::text"))]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 128), custom(function = "rules::text"))]
    pub state: Option<String>,
    /// ISO alpha-3 ("USA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(required, custom(function = "rules::parsed"))]
    pub country: Option<Parsed<Alpha3Country>>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonalInformation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub tax_identification_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub tax_identification_number_type: Option<Parsed<TaxType>>,
    /// ISO alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub tax_identification_number_country: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 256), custom(function = "rules::text"))]
    pub tax_identification_number_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "super::gender"))]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["male", "female", null])))]
    pub gender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub country_of_birth: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub nationality: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 1024), custom(function = "rules::text"))]
    pub middle_name: Option<String>,
    /// US Standard Occupational Classification code, `NN-NNNN` ("15-1132").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "super::soc_code"))]
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[0-9]{2}-[0-9]{4}$")))]
    pub occupation_soc_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub residency_country: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 64), custom(function = "rules::text"))]
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

impl rules::Address for SpherePayAddress {
    const KEYS: [Option<&'static str>; 4] = [
        Some("line1"),
        Some("city"),
        Some("state"),
        Some("postalCode"),
    ];
    fn country(&self) -> Option<crate::country::CountryCode> {
        self.country
            .as_ref()
            .and_then(Parsed::value)
            .map(|c| c.to_alpha2())
    }
    fn input(&self) -> crate::address::AddressInput<'_> {
        crate::address::AddressInput {
            line1: self.line1.as_deref(),
            city: self.city.as_deref(),
            state: self.state.as_deref(),
            postal_code: self.postal_code.as_deref(),
        }
    }
}
