//! SpherePay (seeds 001/003): `PATCH /v2/customer/{id}`, individual customers only,
//! countries in ISO alpha-3. Name, date of birth and tax ID lock once a KYC review was
//! submitted. `meta` is operator-only.

#[cfg(feature = "json")]
mod customer;
mod update;

#[cfg(feature = "json")]
pub use customer::{PersonalInformationEcho, SpherePayCustomer, VerificationProfile};
pub use update::{PersonalInformation, SpherePayAddress, SpherePayUpdate, TAX_KINDS, TAX_TYPES};

#[cfg(feature = "json")]
use serde::Deserialize as _;
#[cfg(feature = "json")]
use serde_json::Value;

#[cfg(feature = "json")]
use super::envelope;
#[cfg(feature = "json")]
use super::form;
use super::leaves::{Leaf, Leaves};
use super::rules::{self, Ctx};
use super::spec::{
    CountryForm, CustomerKind, FieldSpec, FormState, InputKind, Method, Profile, ProviderSpec,
    Rejection, UpdateOp,
};
#[cfg(feature = "json")]
use super::strict;
use crate::date::Date;
use crate::tax::TaxIdKind;
use crate::{Code, FieldError};

pub struct SpherePay;

const OP: &str = "customer";

static OPERATIONS: [UpdateOp; 1] = [UpdateOp {
    id: OP,
    method: Method::Patch,
    sub_path: "",
    upstream_path: "/v2/customer/{id}",
    kinds: &[CustomerKind::Individual],
    needs_current: false,
    same_body_as: None,
}];

/// Set by the integrating backend, refused from the browser.
pub const OPERATOR_ONLY: &[&str] = &["/meta"];

static FIELDS: [FieldSpec; 16] = [
    FieldSpec::new(
        OP,
        "/address/line1",
        "address.line1",
        InputKind::Text,
        "address-line1",
    )
    .required()
    .max_chars(256),
    FieldSpec::new(
        OP,
        "/address/line2",
        "address.line2",
        InputKind::Text,
        "address-line2",
    )
    .max_chars(256),
    FieldSpec::new(
        OP,
        "/address/city",
        "address.city",
        InputKind::Text,
        "address-level2",
    )
    .required()
    .max_chars(128),
    FieldSpec::new(
        OP,
        "/address/state",
        "address.state",
        InputKind::State,
        "address-level1",
    )
    .max_chars(128),
    FieldSpec::new(
        OP,
        "/address/postalCode",
        "address.postalCode",
        InputKind::Postal,
        "postal-code",
    )
    .max_chars(32),
    FieldSpec::new(
        OP,
        "/address/country",
        "address.country",
        InputKind::Country,
        "country",
    )
    .required(),
    FieldSpec::new(
        OP,
        "/personalInformation/middleName",
        "person.middleName",
        InputKind::Text,
        "additional-name",
    )
    .locked_after_kyc()
    .max_chars(1024),
    FieldSpec::new(
        OP,
        "/personalInformation/gender",
        "person.gender",
        InputKind::Select,
        "sex",
    )
    .options(&["male", "female"]),
    FieldSpec::new(
        OP,
        "/personalInformation/countryOfBirth",
        "person.countryOfBirth",
        InputKind::Country,
        "",
    ),
    FieldSpec::new(
        OP,
        "/personalInformation/nationality",
        "person.nationality",
        InputKind::Country,
        "",
    ),
    FieldSpec::new(
        OP,
        "/personalInformation/residencyCountry",
        "person.residencyCountry",
        InputKind::Country,
        "",
    ),
    FieldSpec::new(
        OP,
        "/personalInformation/occupationSocCode",
        "person.occupationSocCode",
        InputKind::Text,
        "",
    ),
    FieldSpec::new(
        OP,
        "/personalInformation/taxIdentificationNumber",
        "tax.number",
        InputKind::Text,
        "off",
    )
    .locked_after_kyc()
    .write_only(),
    FieldSpec::new(
        OP,
        "/personalInformation/taxIdentificationNumberType",
        "tax.type",
        InputKind::Select,
        "off",
    )
    .locked_after_kyc()
    .options(TAX_TYPES),
    FieldSpec::new(
        OP,
        "/personalInformation/taxIdentificationNumberCountry",
        "tax.country",
        InputKind::Country,
        "off",
    )
    .locked_after_kyc(),
    FieldSpec::new(
        OP,
        "/personalInformation/taxIdentificationNumberDescription",
        "tax.description",
        InputKind::Text,
        "off",
    )
    .locked_after_kyc()
    .max_chars(256),
];

static PROFILE: Profile = Profile {
    provider: "spherepay",
    country_form: CountryForm::Alpha3,
    fields: &FIELDS,
    operator_only: OPERATOR_ONLY,
    min_age: None,
    hidden: &[FieldSpec::new(
        OP,
        "/personalInformation/sourceOfFunds",
        "person.sourceOfFunds",
        InputKind::Text,
        "",
    )
    .max_chars(64)],
};

/// Never relayed to a browser.
#[cfg(feature = "json")]
const REDACT: &[&str] = &["/personalInformation/taxIdentificationNumber", "/meta"];

impl SpherePay {
    /// The typed, checked body (what `check_update` serialises).
    #[cfg(feature = "json")]
    pub fn check(body: &Value, today: Option<Date>) -> Result<SpherePayUpdate, Rejection> {
        strict::checked(&SpherePay, &OPERATIONS[0], body, today)
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

    #[cfg(feature = "json")]
    fn check_update(
        &self,
        op: &UpdateOp,
        body: &Value,
        today: Option<Date>,
    ) -> Result<Value, Rejection> {
        strict::canonical::<SpherePayUpdate>(self, op, body, today)
    }

    /// `{status, detail, code, correlationId, errors?[{detail, pointer}]}`, or the older
    /// `{ts, error: {<field>: [messages]}}`.
    #[cfg(feature = "json")]
    fn parse_errors(&self, status: u16, body: &[u8]) -> Vec<FieldError> {
        let Some(value) = envelope::json(body) else {
            return vec![envelope::general(status)];
        };
        if let Some(Value::Object(fields)) = value.get("error") {
            return envelope::at_least_one(envelope::field_map(fields, None), status);
        }
        let code = envelope::str_at(&value, "code");
        let mut errors = Vec::new();
        if let Some(Value::Array(items)) = value.get("errors") {
            errors.extend(
                items
                    .iter()
                    .filter_map(|item| envelope::item_error(item, code)),
            );
        }
        if errors.is_empty() {
            errors.push(envelope::top_level(
                status,
                code,
                envelope::str_at(&value, "detail"),
            ));
        }
        errors
    }

    fn profile(&self) -> &'static Profile {
        &PROFILE
    }

    fn extra_rules(&self, _op: &UpdateOp, body: &Leaves, _ctx: &Ctx, errors: &mut Vec<FieldError>) {
        let has_tax = [TAX_NUMBER, TAX_TYPE, TAX_COUNTRY, TAX_DESCRIPTION]
            .iter()
            .any(|p| sent(body, p));
        if has_tax {
            tax_needs_address(body, errors);
            tax_rules(body, errors);
        }
        if let Some(code) = body.text(SOC_CODE) {
            if !is_soc_code(code) {
                errors.push(
                    FieldError::new(Code::InvalidValue, "Enter an occupation code like 15-1132.")
                        .with_param("example", "15-1132")
                        .at(SOC_CODE),
                );
            }
        }
    }

    #[cfg(feature = "json")]
    fn redact_response(&self, body: &mut Value) {
        form::remove_all(body, REDACT);
    }

    #[cfg(feature = "json")]
    fn customer_kind(&self, get: &Value) -> Option<CustomerKind> {
        match get.get("type").and_then(Value::as_str) {
            Some("individual") => Some(CustomerKind::Individual),
            Some("business") => Some(CustomerKind::Company),
            _ => None,
        }
    }

    #[cfg(feature = "json")]
    fn form_state(&self, get: &Value) -> FormState {
        // Only the verification profiles are typed here, not the whole customer: the
        // widget's wasm then carries no deserializer for the rest of the customer.
        let profiles = get
            .get("verificationProfiles")
            .and_then(|list| Vec::<VerificationProfile>::deserialize(list).ok());
        let submitted =
            profiles.is_some_and(|profiles| SpherePayCustomer::kyc_submitted_by(&profiles));
        form::form_state(self, get, self.customer_kind(get), submitted)
    }
}

const TAX_NUMBER: &str = "/personalInformation/taxIdentificationNumber";
const TAX_TYPE: &str = "/personalInformation/taxIdentificationNumberType";
const TAX_COUNTRY: &str = "/personalInformation/taxIdentificationNumberCountry";
const TAX_DESCRIPTION: &str = "/personalInformation/taxIdentificationNumberDescription";
const SOC_CODE: &str = "/personalInformation/occupationSocCode";

fn sent(body: &Leaves, pointer: &str) -> bool {
    matches!(body.get(pointer), Some(Leaf::Text(_)))
}

/// Any tax identification field ⇒ the address must be sent too.
fn tax_needs_address(body: &Leaves, errors: &mut Vec<FieldError>) {
    if body.has_under("/address") {
        return;
    }
    // One error per field the customer has to fill, so each lands under its input.
    const WHY: &str = "it is required together with a tax identification number.";
    errors.push(required(
        "/address/line1",
        &format!("Enter the first line of your address: {WHY}"),
    ));
    errors.push(required(
        "/address/city",
        &format!("Enter your town or city: {WHY}"),
    ));
    errors.push(required(
        "/address/country",
        &format!("Choose the country of your address: {WHY}"),
    ));
}

/// Number, type and country all or none; a SpherePay type; USA ⇒ `ssn` (and `ssn` only
/// for USA); `other` ⇒ description; the number checked for its type and country.
fn tax_rules(body: &Leaves, errors: &mut Vec<FieldError>) {
    let number = body.text(TAX_NUMBER).filter(|n| !n.trim().is_empty());
    if number.is_none() {
        errors.push(required(TAX_NUMBER, "Enter the tax identification number."));
    }
    if !sent(body, TAX_TYPE) {
        errors.push(required(TAX_TYPE, "Choose the type of tax identification."));
    }
    if !sent(body, TAX_COUNTRY) {
        errors.push(required(
            TAX_COUNTRY,
            "Choose the country that issued the number.",
        ));
    }
    // An unusable country is reported by the field rules; the rules below need both.
    let country = body
        .text(TAX_COUNTRY)
        .and_then(|text| rules::parse_country(text, CountryForm::Alpha3).ok());
    let kind = match body.text(TAX_TYPE).map(TaxIdKind::parse) {
        Some(Ok(kind)) => kind,
        Some(Err(error)) => return errors.push(error.at(TAX_TYPE)),
        None => return,
    };
    if let Err(error) = crate::tax::check_description(kind, body.text(TAX_DESCRIPTION)) {
        errors.push(error.at(TAX_DESCRIPTION));
    }
    if !TAX_KINDS.contains(&kind) {
        errors.push(
            FieldError::new(Code::TaxUnknownType, "Choose a type from the list.")
                .with_param("allowed", TAX_TYPES.join(", "))
                .at(TAX_TYPE),
        );
    } else if let Some(country) = country {
        let usa = country.alpha3() == "USA";
        if usa != (kind == TaxIdKind::Ssn) {
            let message = if usa {
                "For the United States the type must be SSN."
            } else {
                "SSN is only for the United States."
            };
            errors.push(
                FieldError::new(Code::TaxTypeNotAllowedForCountry, message)
                    .with_param("country", country.alpha3())
                    .at(TAX_TYPE),
            );
        } else if let Some(number) = number {
            if let Err(error) = crate::tax::check_number(kind, country.alpha2(), number) {
                errors.push(error.at(TAX_NUMBER));
            }
        }
    }
}

fn required(pointer: &str, message: &str) -> FieldError {
    FieldError::new(Code::Required, message).at(pointer)
}

/// US Standard Occupational Classification code, `NN-NNNN` ("15-1132").
fn is_soc_code(value: &str) -> bool {
    let bytes = value.trim().as_bytes();
    bytes.len() == 7
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 2 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}
