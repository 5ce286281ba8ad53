//! SpherePay (seeds 001/003): `PATCH /v2/customer/{id}`, individual customers only,
//! countries in ISO alpha-3. Name, date of birth and tax ID lock once a KYC review was
//! submitted. `meta` is operator-only.

mod customer;
mod update;

pub use customer::{PersonalInformationEcho, SpherePayCustomer, VerificationProfile};
pub use update::{PersonalInformation, SpherePayAddress, SpherePayUpdate, TAX_KINDS, TAX_TYPES};

use serde::Deserialize as _;
use serde_json::Value;

use super::coded::Ctx;
use super::envelope;
use super::form;
use super::spec::{
    CountryForm, CustomerKind, FieldSpec, FormState, InputKind, Method, Profile, ProviderSpec, Rejection, UpdateOp,
};
use super::strict;
use crate::date::Date;
use crate::FieldError;

pub struct SpherePay;

const OP: &str = "customer";

static OPERATIONS: [UpdateOp; 1] = [UpdateOp {
    id: OP,
    method: Method::Patch,
    sub_path: "",
    upstream_path: "/v2/customer/{id}",
    kinds: &[CustomerKind::Individual],
    needs_current: false,
}];

/// Set by the integrating backend, refused from the browser.
pub const OPERATOR_ONLY: &[&str] = &["/meta"];

static FIELDS: [FieldSpec; 16] = [
    FieldSpec::new(OP, "/address/line1", "address.line1", InputKind::Text, "address-line1").required().max_chars(256),
    FieldSpec::new(OP, "/address/line2", "address.line2", InputKind::Text, "address-line2").max_chars(256),
    FieldSpec::new(OP, "/address/city", "address.city", InputKind::Text, "address-level2").required().max_chars(128),
    FieldSpec::new(OP, "/address/state", "address.state", InputKind::State, "address-level1").max_chars(128),
    FieldSpec::new(OP, "/address/postalCode", "address.postalCode", InputKind::Postal, "postal-code").max_chars(32),
    FieldSpec::new(OP, "/address/country", "address.country", InputKind::Country, "country").required(),
    FieldSpec::new(OP, "/personalInformation/middleName", "person.middleName", InputKind::Text, "additional-name")
        .locked_after_kyc()
        .max_chars(1024),
    FieldSpec::new(OP, "/personalInformation/gender", "person.gender", InputKind::Select, "sex").options(&["male", "female"]),
    FieldSpec::new(OP, "/personalInformation/countryOfBirth", "person.countryOfBirth", InputKind::Country, ""),
    FieldSpec::new(OP, "/personalInformation/nationality", "person.nationality", InputKind::Country, ""),
    FieldSpec::new(OP, "/personalInformation/residencyCountry", "person.residencyCountry", InputKind::Country, ""),
    FieldSpec::new(OP, "/personalInformation/occupationSocCode", "person.occupationSocCode", InputKind::Text, ""),
    FieldSpec::new(OP, "/personalInformation/taxIdentificationNumber", "tax.number", InputKind::Text, "off")
        .locked_after_kyc()
        .write_only(),
    FieldSpec::new(OP, "/personalInformation/taxIdentificationNumberType", "tax.type", InputKind::Select, "off")
        .locked_after_kyc()
        .options(TAX_TYPES),
    FieldSpec::new(OP, "/personalInformation/taxIdentificationNumberCountry", "tax.country", InputKind::Country, "off")
        .locked_after_kyc(),
    FieldSpec::new(OP, "/personalInformation/taxIdentificationNumberDescription", "tax.description", InputKind::Text, "off")
        .locked_after_kyc()
        .max_chars(256),
];

static PROFILE: Profile = Profile {
    provider: "spherepay",
    country_form: CountryForm::Alpha3,
    fields: &FIELDS,
    operator_only: OPERATOR_ONLY,
    min_age: None,
};

/// Never relayed to a browser.
const REDACT: &[&str] = &["/personalInformation/taxIdentificationNumber", "/meta"];

impl SpherePay {
    /// The typed, checked body (what `check_update` serialises).
    pub fn check(body: &Value, today: Option<Date>) -> Result<SpherePayUpdate, Rejection> {
        strict::checked(body, OPERATOR_ONLY, &Ctx { today, min_age: PROFILE.min_age })
    }
}

impl ProviderSpec for SpherePay {
    fn id(&self) -> &'static str {
        "spherepay"
    }

    fn get_path(&self) -> &'static str {
        "/v2/customer/{id}"
    }

    fn operations(&self) -> &'static [UpdateOp] {
        &OPERATIONS
    }

    fn check_update(&self, _op: &UpdateOp, body: &Value, today: Option<Date>) -> Result<Value, Rejection> {
        strict::canonical::<SpherePayUpdate>(body, OPERATOR_ONLY, &Ctx { today, min_age: PROFILE.min_age })
    }

    /// `{status, detail, code, correlationId, errors?[{detail, pointer}]}`, or the older
    /// `{ts, error: {<field>: [messages]}}`.
    fn parse_errors(&self, status: u16, body: &[u8]) -> Vec<FieldError> {
        let Some(value) = envelope::json(body) else { return vec![envelope::general(status)] };
        if let Some(Value::Object(fields)) = value.get("error") {
            return envelope::at_least_one(envelope::field_map(fields, None), status);
        }
        let code = envelope::str_at(&value, "code");
        let mut errors = Vec::new();
        if let Some(Value::Array(items)) = value.get("errors") {
            errors.extend(items.iter().filter_map(|item| envelope::item_error(item, code)));
        }
        if errors.is_empty() {
            errors.push(envelope::top_level(status, code, envelope::str_at(&value, "detail")));
        }
        errors
    }

    fn profile(&self) -> &'static Profile {
        &PROFILE
    }

    fn redact_response(&self, body: &mut Value) {
        form::remove_all(body, REDACT);
    }

    fn customer_kind(&self, get: &Value) -> Option<CustomerKind> {
        match get.get("type").and_then(Value::as_str) {
            Some("individual") => Some(CustomerKind::Individual),
            Some("business") => Some(CustomerKind::Company),
            _ => None,
        }
    }

    fn form_state(&self, get: &Value) -> FormState {
        // Only the verification profiles are typed here, not the whole customer: the
        // widget's wasm then carries no deserializer for the rest of the customer.
        let profiles = get.get("verificationProfiles").and_then(|list| Vec::<VerificationProfile>::deserialize(list).ok());
        let submitted = profiles.is_some_and(|profiles| SpherePayCustomer::kyc_submitted_by(&profiles));
        form::form_state(self, get, self.customer_kind(get), submitted)
    }
}
