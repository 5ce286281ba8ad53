//! BVNK (https://docs.bvnk.com): individual customers `PATCH /platform/v1/customers/{ref}`, company
//! customers `PUT` the same path, and their associates' contact details through
//! `PUT …/associates`. `…/status`, `riskScore` and `controls` are the operator's.
//!
//! Associates: BVNK's PUT takes the whole list with title, riskScore, controls, documents
//! and tax data. The end customer sends only `{associates: [{person: {reference},
//! details: {contactInfo: {emailAddress?, phoneNumber?}}}]}`; the proxy GETs the customer
//! upstream and [`Bvnk::merge_upstream`] writes the new contact details into the current
//! list (everything else unchanged, response-only `verification` dropped).

#[cfg(feature = "json")]
mod customer;
mod update;

pub use super::rules::name_matches;
#[cfg(feature = "json")]
pub use customer::{
    BvnkAddressEcho, BvnkAssociate, BvnkAssociateDetails, BvnkCompany, BvnkContactInfo,
    BvnkCustomer, BvnkIndividual, BvnkPerson,
};
pub use update::{
    AssociateContactUpdate, AssociateDetailsUpdate, AssociateRef, BvnkAddress,
    BvnkAssociatesUpdate, BvnkCompanyUpdate, BvnkIndividualUpdate, ContactInfoUpdate,
};

#[cfg(feature = "json")]
use serde::Deserialize as _;
#[cfg(feature = "json")]
use serde_json::{Map, Value};

use super::engine::{self, Ctx};
#[cfg(feature = "json")]
use super::envelope;
#[cfg(feature = "json")]
use super::form;
use super::leaves::{is_within, Leaves};

use super::spec::{
    CountryForm, CustomerKind, FieldSpec, FormState, InputKind, Method, Person, Profile,
    ProviderSpec, Rejection, UpdateOp,
};
use super::strict;
use crate::date::{Date, ADULT_AGE};
use crate::{Code, FieldError};

/// Most people one associates update may name.
const MAX_ASSOCIATES: usize = 100;

pub struct Bvnk;

pub const OP_INDIVIDUAL: &str = "individual";
pub const OP_COMPANY: &str = "company";
pub const OP_ASSOCIATES: &str = "associates";

static OPERATIONS: [UpdateOp; 3] = [
    UpdateOp {
        id: OP_INDIVIDUAL,
        method: Method::Patch,
        sub_path: "",
        upstream_path: "/platform/v1/customers/{id}",
        kinds: &[CustomerKind::Individual],
        needs_current: false,
        same_body_as: None,
    },
    UpdateOp {
        id: OP_COMPANY,
        method: Method::Put,
        sub_path: "",
        upstream_path: "/platform/v1/customers/{id}",
        kinds: &[CustomerKind::Company],
        needs_current: false,
        same_body_as: None,
    },
    UpdateOp {
        id: OP_ASSOCIATES,
        method: Method::Put,
        sub_path: "/associates",
        upstream_path: "/platform/v1/customers/{id}/associates",
        kinds: &[CustomerKind::Company],
        needs_current: true,
        same_body_as: None,
    },
];

pub const OPERATOR_ONLY: &[&str] = &[
    "/status",
    "/riskScore",
    "/controls",
    "/associates/-/riskScore",
    "/associates/-/controls",
    "/associates/-/title",
];

static FIELDS: [FieldSpec; 19] = [
    // Individual PATCH (GET shape assumed: `individual{…}`).
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/email",
        "contact.email",
        InputKind::Email,
        "email",
    )
    .read_from("/individual/email"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/phone",
        "contact.phone",
        InputKind::Tel,
        "tel",
    )
    .read_from("/individual/phone"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/dateOfBirth",
        "person.birthDate",
        InputKind::Date,
        "bday",
    )
    .read_from("/individual/dateOfBirth"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/address/addressLine1",
        "address.line1",
        InputKind::Text,
        "address-line1",
    )
    .required()
    .read_from("/individual/address/addressLine1"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/address/addressLine2",
        "address.line2",
        InputKind::Text,
        "address-line2",
    )
    .read_from("/individual/address/addressLine2"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/address/city",
        "address.city",
        InputKind::Text,
        "address-level2",
    )
    .required()
    .read_from("/individual/address/city"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/address/postalCode",
        "address.postalCode",
        InputKind::Postal,
        "postal-code",
    )
    .read_from("/individual/address/postalCode"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/address/countryCode",
        "address.country",
        InputKind::Country,
        "country",
    )
    .required()
    .read_from("/individual/address/countryCode"),
    FieldSpec::new(
        OP_INDIVIDUAL,
        "/address/country",
        "address.countryName",
        InputKind::CountryName,
        "",
    )
    .required()
    .read_from("/individual/address/country"),
    // Company PUT.
    FieldSpec::new(
        OP_COMPANY,
        "/name",
        "company.name",
        InputKind::Text,
        "organization",
    )
    .read_from("/company/name")
    .max_chars(255),
    FieldSpec::new(
        OP_COMPANY,
        "/description",
        "company.description",
        InputKind::Text,
        "",
    )
    .read_from("/company/description")
    .max_chars(1024),
    FieldSpec::new(
        OP_COMPANY,
        "/address/addressLine1",
        "address.line1",
        InputKind::Text,
        "address-line1",
    )
    .required()
    .read_from("/company/address/addressLine1"),
    FieldSpec::new(
        OP_COMPANY,
        "/address/addressLine2",
        "address.line2",
        InputKind::Text,
        "address-line2",
    )
    .read_from("/company/address/addressLine2"),
    FieldSpec::new(
        OP_COMPANY,
        "/address/city",
        "address.city",
        InputKind::Text,
        "address-level2",
    )
    .required()
    .read_from("/company/address/city"),
    FieldSpec::new(
        OP_COMPANY,
        "/address/postalCode",
        "address.postalCode",
        InputKind::Postal,
        "postal-code",
    )
    .read_from("/company/address/postalCode"),
    FieldSpec::new(
        OP_COMPANY,
        "/address/countryCode",
        "address.country",
        InputKind::Country,
        "country",
    )
    .required()
    .read_from("/company/address/countryCode"),
    FieldSpec::new(
        OP_COMPANY,
        "/address/country",
        "address.countryName",
        InputKind::CountryName,
        "",
    )
    .required()
    .read_from("/company/address/country"),
    // Associates' contact details (one row per person; values in `FormState::people`).
    FieldSpec::new(
        OP_ASSOCIATES,
        "/associates/-/details/contactInfo/emailAddress",
        "associate.email",
        InputKind::Email,
        "off",
    )
    .read_from("/company/associates/-/details/contactInfo/emailAddress"),
    FieldSpec::new(
        OP_ASSOCIATES,
        "/associates/-/details/contactInfo/phoneNumber",
        "associate.phone",
        InputKind::Tel,
        "off",
    )
    .read_from("/company/associates/-/details/contactInfo/phoneNumber"),
];

static PROFILE: Profile = Profile {
    provider: "bvnk",
    country_form: CountryForm::Alpha2,
    fields: &FIELDS,
    operator_only: OPERATOR_ONLY,
    min_age: Some(ADULT_AGE as u8),
    hidden: &[FieldSpec::new(
        OP_ASSOCIATES,
        "/associates/-/person/reference",
        "associate.reference",
        InputKind::Text,
        "",
    )
    .required()
    .max_chars(64)],
};

/// Tax, registration and document numbers and risk scores never reach a browser.
#[cfg(feature = "json")]
const REDACT: &[&str] = &[
    "/riskScore",
    "/company/registrationNumber",
    "/company/associates/-/riskScore",
    "/company/associates/-/details/documentNumber",
    "/company/associates/-/details/documentInfo/number",
    "/company/associates/-/details/taxIdentification/number",
    "/individual/documentNumber",
    "/individual/documentInfo/number",
    "/individual/taxIdentification/number",
    // An associates PUT echo, if the provider answers with the list itself.
    "/associates/-/riskScore",
    "/associates/-/details/documentNumber",
    "/associates/-/details/documentInfo/number",
    "/associates/-/details/taxIdentification/number",
];

impl Bvnk {
    #[cfg(feature = "json")]
    pub fn check_company(
        body: &Value,
        today: Option<Date>,
    ) -> Result<BvnkCompanyUpdate, Rejection> {
        strict::checked(&Bvnk, body, &Bvnk.ctx(today))
    }
}

impl ProviderSpec for Bvnk {
    fn id(&self) -> &'static str {
        "bvnk"
    }

    fn get_path(&self) -> &'static str {
        "/platform/v1/customers/{id}"
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
        let ctx = self.ctx(today);
        match op.id {
            OP_COMPANY => strict::canonical::<BvnkCompanyUpdate>(self, body, &ctx),
            OP_ASSOCIATES => strict::canonical::<BvnkAssociatesUpdate>(self, body, &ctx),
            _ => strict::canonical::<BvnkIndividualUpdate>(self, body, &ctx),
        }
    }

    #[cfg(feature = "schema")]
    fn update_schema(
        &self,
        op: &UpdateOp,
        generator: &mut crate::schemars::SchemaGenerator,
    ) -> crate::schemars::Schema {
        match op.id {
            OP_COMPANY => generator.subschema_for::<BvnkCompanyUpdate>(),
            OP_ASSOCIATES => generator.subschema_for::<BvnkAssociatesUpdate>(),
            _ => generator.subschema_for::<BvnkIndividualUpdate>(),
        }
    }

    fn check_draft(&self, op: &UpdateOp, body: &Leaves, ctx: &Ctx) -> Result<(), Rejection> {
        match op.id {
            OP_COMPANY => strict::checked::<BvnkCompanyUpdate, _>(self, body, ctx).map(drop),
            OP_ASSOCIATES => strict::checked::<BvnkAssociatesUpdate, _>(self, body, ctx).map(drop),
            _ => strict::checked::<BvnkIndividualUpdate, _>(self, body, ctx).map(drop),
        }
    }

    #[cfg(feature = "json")]
    fn merge_upstream(
        &self,
        op: &UpdateOp,
        checked: Value,
        current: &Value,
    ) -> Result<Value, Rejection> {
        if op.id != OP_ASSOCIATES {
            return Ok(checked);
        }
        merge_associates(&checked, current)
    }

    /// `{code: "bvnk:<domain>:<nnnn>", status, traceId, message, details{errors}}` or the
    /// legacy `{errorList[{code, parameter, message}]}` (parameter → pointer).
    #[cfg(feature = "json")]
    fn parse_errors(&self, status: u16, body: &[u8]) -> Vec<FieldError> {
        let Some(value) = envelope::json(body) else {
            return vec![envelope::general(status)];
        };
        if let Some(Value::Array(list)) = value.get("errorList") {
            let errors = list
                .iter()
                .filter_map(|item| envelope::item_error(item, None))
                .collect();
            return envelope::at_least_one(errors, status);
        }
        let code = envelope::str_at(&value, "code");
        let mut errors = Vec::new();
        match value
            .get("details")
            .and_then(|details| details.get("errors"))
        {
            Some(Value::Array(items)) => errors.extend(
                items
                    .iter()
                    .filter_map(|item| envelope::item_error(item, code)),
            ),
            Some(Value::Object(map)) => errors.extend(envelope::field_map(map, code)),
            _ => {}
        }
        if errors.is_empty() {
            errors.push(envelope::top_level(
                status,
                code,
                envelope::str_at(&value, "message"),
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
        match get
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            Some("COMPANY") => Some(CustomerKind::Company),
            Some("INDIVIDUAL") => Some(CustomerKind::Individual),
            _ => None,
        }
    }

    #[cfg(feature = "json")]
    fn form_state(&self, get: &Value) -> FormState {
        let mut state = form::form_state(self, get, self.customer_kind(get), false);
        // Only the associates are typed here, not the whole customer: the widget's wasm
        // then carries no deserializer for the rest of BVNK's customer graph.
        let associates = get
            .pointer("/company/associates")
            .and_then(|list| Vec::<BvnkAssociate>::deserialize(list).ok());
        if let Some(associates) = associates {
            state.people = associates.iter().filter_map(person).collect();
        }
        state
    }

    #[cfg(feature = "json")]
    fn guess_op(&self, body: &Leaves) -> &'static UpdateOp {
        let has = |key: &str| body.iter().any(|(pointer, _)| is_within(pointer, key));
        let id = if has("/associates") {
            OP_ASSOCIATES
        } else if has("/name") || has("/description") {
            OP_COMPANY
        } else {
            OP_INDIVIDUAL
        };
        OPERATIONS
            .iter()
            .find(|op| op.id == id)
            .unwrap_or(&OPERATIONS[0])
    }
}

#[cfg(feature = "json")]
fn person(associate: &BvnkAssociate) -> Option<Person> {
    let reference = associate.person.reference.clone()?;
    let name = [
        associate.person.first_name.as_deref(),
        associate.person.last_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let contact = associate
        .details
        .as_ref()
        .and_then(|d| d.contact_info.as_ref());
    Some(Person {
        reference,
        name,
        email: contact.and_then(|c| c.email_address.clone()),
        phone: contact.and_then(|c| c.phone_number.clone()),
    })
}

#[cfg(feature = "json")]
/// The full upstream associates body: the current list with the new contact details.
pub fn merge_associates(checked: &Value, current: &Value) -> Result<Value, Rejection> {
    let Some(existing) = current
        .pointer("/company/associates")
        .and_then(Value::as_array)
    else {
        return Err(Rejection::Invalid(vec![FieldError::new(
            Code::NotEditable,
            "This customer has no associates to update.",
        )
        .at("/associates")]));
    };
    let mut merged: Vec<Value> = existing.clone();
    for entry in &mut merged {
        if let Some(object) = entry.as_object_mut() {
            // Response-only.
            object.remove("verification");
        }
    }
    let updates = checked
        .get("associates")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut errors = Vec::new();
    for (index, update) in updates.iter().enumerate() {
        let reference = update
            .pointer("/person/reference")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let target = merged.iter_mut().find(|associate| {
            associate
                .pointer("/person/reference")
                .and_then(Value::as_str)
                == Some(reference)
        });
        let Some(target) = target else {
            errors.push(
                FieldError::new(
                    Code::InvalidValue,
                    "This person is not an associate of the company.",
                )
                .at(format!("/associates/{index}/person/reference")),
            );
            continue;
        };
        let Some(contact) = update
            .pointer("/details/contactInfo")
            .and_then(Value::as_object)
        else {
            continue;
        };
        set_contact(target, contact);
    }
    if !errors.is_empty() {
        return Err(Rejection::Invalid(errors));
    }
    let mut body = Map::new();
    body.insert("associates".to_owned(), Value::Array(merged));
    Ok(Value::Object(body))
}

#[cfg(feature = "json")]
/// Writes new contact details into `details.contactInfo` of an associate (created when
/// missing; the `contactinfo` spelling is renamed to the documented `contactInfo`).
fn set_contact(associate: &mut Value, contact: &Map<String, Value>) {
    let Some(details) = child_object(associate, "details") else {
        return;
    };
    if let Some(old) = details.remove("contactinfo") {
        details.entry("contactInfo").or_insert(old);
    }
    let Some(contact_info) = details
        .get_mut("contactInfo")
        .filter(|v| v.is_object())
        .and_then(Value::as_object_mut)
    else {
        details.insert("contactInfo".to_owned(), Value::Object(contact.clone()));
        return;
    };
    for (key, value) in contact {
        contact_info.insert(key.clone(), value.clone());
    }
}

#[cfg(feature = "json")]
/// The object at `parent[key]`, replacing a non-object there by `{}`.
fn child_object<'a>(parent: &'a mut Value, key: &str) -> Option<&'a mut Map<String, Value>> {
    let object = parent.as_object_mut()?;
    let child = object
        .entry(key)
        .or_insert_with(|| Value::Object(Map::new()));
    if !child.is_object() {
        *child = Value::Object(Map::new());
    }
    child.as_object_mut()
}

/// `schema`: the address follows its country, and the English country name names the
/// country of the code beside it.
pub(crate) fn address_rules(address: &BvnkAddress) -> Result<(), validator::ValidationError> {
    let mut errors = super::rules::address_errors(address);
    let code = address
        .country_code
        .as_ref()
        .and_then(|c| c.value().copied());
    if let (Some(code), Some(name)) = (code, address.country.as_deref()) {
        if let Err(error) = name_matches(code, name) {
            errors.push(error.at("/country"));
        }
    }
    engine::rules(errors)
}

/// `custom`: one associate at least, and no more than BVNK takes in one call.
pub(crate) fn people_count(
    people: &[AssociateContactUpdate],
) -> Result<(), validator::ValidationError> {
    engine::field(if people.is_empty() {
        Err(FieldError::new(Code::Required, "Enter a value."))
    } else if people.len() > MAX_ASSOCIATES {
        Err(FieldError::new(
            Code::TooLong,
            format!("Send at most {MAX_ASSOCIATES} people at once."),
        )
        .with_param("max", MAX_ASSOCIATES))
    } else {
        Ok(())
    })
}

/// `schema`: an associate's contact details carry an e-mail address or a phone number.
pub(crate) fn email_or_phone(
    contact: &ContactInfoUpdate,
) -> Result<(), validator::ValidationError> {
    if contact.email_address.is_some() || contact.phone_number.is_some() {
        return Ok(());
    }
    engine::rules(vec![FieldError::new(
        Code::Required,
        "Enter an email address or a phone number.",
    )])
}
