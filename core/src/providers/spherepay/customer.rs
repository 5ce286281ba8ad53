//! `GET /v2/customer/{id}` response (also the PATCH response). Tolerant: unknown keys are
//! ignored, every field but `id` optional, so a provider adding fields never breaks prefill.

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpherePayCustomer {
    pub id: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// As stored: may be impossible (see `phone::classify_stored`), so not typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    #[serde(default)]
    pub verification_profiles: Vec<VerificationProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tos_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
    /// Echoed without the tax identification number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_information: Option<PersonalInformationEcho>,
    /// Not in the documented response; read when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VerificationProfile {
    pub name: String,
    /// incomplete | pending | approved | rejected
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonalInformationEcho {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification_number_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification_number_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification_number_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation_soc_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residency_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_of_funds: Option<String>,
}

impl SpherePayCustomer {
    /// A KYC review has been submitted once any verification profile left `incomplete`:
    /// from then on name, date of birth and tax ID are locked.
    pub fn kyc_submitted(&self) -> bool {
        Self::kyc_submitted_by(&self.verification_profiles)
    }

    /// [`Self::kyc_submitted`] from the profiles alone.
    pub fn kyc_submitted_by(profiles: &[VerificationProfile]) -> bool {
        profiles
            .iter()
            .any(|profile| matches!(profile.status.as_str(), "pending" | "approved" | "rejected"))
    }
}
