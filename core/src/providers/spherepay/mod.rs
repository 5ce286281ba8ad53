//! SpherePay (https://docs.spherepay.co): `PATCH /v2/customer/{id}`, individual customers only,
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

use super::engine::{self, Ctx};
#[cfg(feature = "json")]
use super::envelope;
#[cfg(feature = "json")]
use super::form;
use super::leaves::Leaves;
use super::rules;
use super::spec::{
    CountryForm, CustomerKind, FieldSpec, FormState, InputKind, Method, Profile, ProviderSpec,
    Rejection, UpdateOp,
};
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
        strict::checked(&SpherePay, body, &SpherePay.ctx(today))
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
        let _ = op; // one operation
        strict::canonical::<SpherePayUpdate>(self, body, &self.ctx(today))
    }

    #[cfg(feature = "schema")]
    fn update_schema(
        &self,
        _op: &UpdateOp, // one operation
        generator: &mut crate::schemars::SchemaGenerator,
    ) -> crate::schemars::Schema {
        generator.subschema_for::<SpherePayUpdate>()
    }

    fn check_draft(&self, _op: &UpdateOp, body: &Leaves, ctx: &Ctx) -> Result<(), Rejection> {
        strict::checked::<SpherePayUpdate, _>(self, body, ctx).map(drop)
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

const TAX_NUMBER: &str = "/taxIdentificationNumber";
const TAX_TYPE: &str = "/taxIdentificationNumberType";
const TAX_COUNTRY: &str = "/taxIdentificationNumberCountry";
const TAX_DESCRIPTION: &str = "/taxIdentificationNumberDescription";
const PERSONAL: &str = "/personalInformation";

/// `schema` of the whole body: a tax identification comes whole (number, type, country,
/// a description for `other`), with the address, and with a type its country allows.
pub(crate) fn tax_rules(body: &SpherePayUpdate) -> Result<(), validator::ValidationError> {
    let mut errors = Vec::new();
    if let Some(person) = body
        .personal_information
        .as_ref()
        .filter(|p| p.has_tax_fields())
    {
        if body.address.is_none() {
            tax_needs_address(&mut errors);
        }
        errors.extend(tax_identification(person).into_iter().map(|error| {
            let at = format!("{PERSONAL}{}", error.pointer);
            error.at(at)
        }));
    }
    engine::rules(errors)
}

/// Any tax identification field ⇒ the address must be sent too.
fn tax_needs_address(errors: &mut Vec<FieldError>) {
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
/// Pointers are relative to `personalInformation`.
fn tax_identification(person: &PersonalInformation) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let number = person
        .tax_identification_number
        .as_deref()
        .filter(|n| !n.trim().is_empty());
    if number.is_none() {
        errors.push(required(TAX_NUMBER, "Enter the tax identification number."));
    }
    if person.tax_identification_number_type.is_none() {
        errors.push(required(TAX_TYPE, "Choose the type of tax identification."));
    }
    if person.tax_identification_number_country.is_none() {
        errors.push(required(
            TAX_COUNTRY,
            "Choose the country that issued the number.",
        ));
    }
    // An unusable type or country is reported by its own field; the rules below need both.
    let country = person
        .tax_identification_number_country
        .as_ref()
        .and_then(|c| c.value().copied());
    let Some(kind) = person
        .tax_identification_number_type
        .as_ref()
        .and_then(|t| t.value().copied())
    else {
        return errors;
    };
    let description = person.tax_identification_number_description.as_deref();
    if let Err(error) = crate::tax::check_description(kind, description) {
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
            if let Err(error) = crate::tax::check_number(kind, country.to_alpha2().alpha2(), number)
            {
                errors.push(error.at(TAX_NUMBER));
            }
        }
    }
    errors
}

fn required(pointer: &str, message: &str) -> FieldError {
    FieldError::new(Code::Required, message).at(pointer)
}

/// `custom`: SpherePay's genders.
pub(crate) fn gender(value: &str) -> Result<(), validator::ValidationError> {
    rules::one_of(value, &["male", "female"])
}

/// `custom`: a US Standard Occupational Classification code, `NN-NNNN` ("15-1132").
pub(crate) fn soc_code(value: &str) -> Result<(), validator::ValidationError> {
    engine::field(if is_soc_code(value) {
        Ok(())
    } else {
        Err(
            FieldError::new(Code::InvalidValue, "Enter an occupation code like 15-1132.")
                .with_param("example", "15-1132"),
        )
    })
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
