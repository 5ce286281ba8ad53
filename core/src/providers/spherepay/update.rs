//! `PATCH /v2/customer/{id}` body, as an end customer may send it. `meta` is the
//! operator's and is not here, so a body carrying it fails to parse.

use serde::{Deserialize, Serialize};

use crate::providers::parsed::{Alpha3Country, Parsed, TaxType};
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

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SpherePayUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<SpherePayAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_information: Option<PersonalInformation>,
}

/// Once sent, the address is the whole address (line 1, city, country, and what the
/// country's format requires).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SpherePayAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ISO alpha-3 ("USA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Parsed<Alpha3Country>>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonalInformation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification_number_type: Option<Parsed<TaxType>>,
    /// ISO alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification_number_country: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification_number_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_birth: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// US Standard Occupational Classification code, `NN-NNNN` ("15-1132").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation_soc_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residency_country: Option<Parsed<Alpha3Country>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
