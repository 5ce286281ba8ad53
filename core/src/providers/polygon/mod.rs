//! Polygon OMS: `PATCH /v0.9/customers/{customerId}`, individuals only,
//! countries alpha-2, phone E.164. PII is write-only (never returned, shown empty);
//! `signedAgreement` is one-way. The error format is undocumented: best effort.

#[cfg(feature = "json")]
mod customer;
mod update;

#[cfg(feature = "json")]
pub use customer::PolygonCustomer;
pub use update::{
    IdentifyingInformation, PolygonAddress, PolygonCustomerUpdate, PolygonUpstreamUpdate,
};

#[cfg(feature = "json")]
use serde_json::Value;

#[cfg(feature = "json")]
use super::envelope;
#[cfg(feature = "json")]
use super::form;
use super::spec::{
    CountryForm, CustomerKind, FieldSpec, FormState, InputKind, Method, Profile, ProviderSpec,
    Rejection, ServerFields, UpdateOp,
};
use super::strict;
use crate::date::{Date, ADULT_AGE};
use crate::FieldError;

pub struct Polygon;

const OP: &str = "customer";

static OPERATIONS: [UpdateOp; 1] = [UpdateOp {
    id: OP,
    method: Method::Patch,
    sub_path: "",
    upstream_path: "/customers/{id}",
    kinds: &[CustomerKind::Individual],
    needs_current: false,
    same_body_as: None,
}];

pub const OPERATOR_ONLY: &[&str] = &["/ipAddress", "/externalId", "/endorsements", "/metadata"];

static FIELDS: [FieldSpec; 16] = [
    FieldSpec::new(
        OP,
        "/firstName",
        "person.firstName",
        InputKind::Text,
        "given-name",
    )
    .max_chars(1024),
    FieldSpec::new(
        OP,
        "/middleName",
        "person.middleName",
        InputKind::Text,
        "additional-name",
    )
    .max_chars(1024),
    FieldSpec::new(
        OP,
        "/lastName",
        "person.lastName",
        InputKind::Text,
        "family-name",
    )
    .max_chars(1024),
    FieldSpec::new(OP, "/email", "contact.email", InputKind::Email, "email").max_chars(254),
    FieldSpec::new(OP, "/phone", "contact.phone", InputKind::Tel, "tel"),
    FieldSpec::new(
        OP,
        "/birthDate",
        "person.birthDate",
        InputKind::Date,
        "bday",
    )
    .write_only(),
    FieldSpec::new(
        OP,
        "/nationality",
        "person.nationality",
        InputKind::Country,
        "",
    ),
    FieldSpec::new(
        OP,
        "/signedAgreement",
        "agreement.signed",
        InputKind::Checkbox,
        "",
    )
    .options(&["true"]),
    FieldSpec::new(
        OP,
        "/residentialAddress/line1",
        "address.line1",
        InputKind::Text,
        "address-line1",
    )
    .required()
    .write_only()
    .max_chars(256),
    FieldSpec::new(
        OP,
        "/residentialAddress/line2",
        "address.line2",
        InputKind::Text,
        "address-line2",
    )
    .write_only()
    .max_chars(256),
    FieldSpec::new(
        OP,
        "/residentialAddress/city",
        "address.city",
        InputKind::Text,
        "address-level2",
    )
    .required()
    .write_only()
    .max_chars(128),
    FieldSpec::new(
        OP,
        "/residentialAddress/state",
        "address.state",
        InputKind::State,
        "address-level1",
    )
    .write_only(),
    FieldSpec::new(
        OP,
        "/residentialAddress/zipCode",
        "address.postalCode",
        InputKind::Postal,
        "postal-code",
    )
    .write_only(),
    FieldSpec::new(
        OP,
        "/residentialAddress/country",
        "address.country",
        InputKind::Country,
        "country",
    )
    .required()
    .write_only(),
    FieldSpec::new(
        OP,
        "/identifyingInformation/-/issuingCountry",
        "id.issuingCountry",
        InputKind::Country,
        "off",
    )
    .required()
    .write_only(),
    FieldSpec::new(
        OP,
        "/identifyingInformation/-/number",
        "id.number",
        InputKind::Text,
        "off",
    )
    .required()
    .write_only()
    .max_chars(256),
];

static PROFILE: Profile = Profile {
    provider: "polygon",
    country_form: CountryForm::Alpha2,
    fields: &FIELDS,
    operator_only: OPERATOR_ONLY,
    min_age: Some(ADULT_AGE as u8),
    hidden: &[],
};

#[cfg(feature = "json")]
const REDACT: &[&str] = &[
    "/metadata",
    "/externalId",
    "/ipAddress",
    "/identifyingInformation",
];

impl Polygon {
    #[cfg(feature = "json")]
    pub fn check(body: &Value, today: Option<Date>) -> Result<PolygonCustomerUpdate, Rejection> {
        strict::checked(&Polygon, body, &Polygon.ctx(today))
    }
}

impl ProviderSpec for Polygon {
    fn id(&self) -> &'static str {
        "polygon"
    }

    fn get_path(&self) -> &'static str {
        "/customers/{id}"
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
        let _ = op; // every operation takes this body
        strict::canonical::<PolygonCustomerUpdate>(self, body, &self.ctx(today))
    }

    #[cfg(feature = "schema")]
    fn update_schema(
        &self,
        _op: &UpdateOp, // every operation takes this body
        generator: &mut crate::schemars::SchemaGenerator,
    ) -> crate::schemars::Schema {
        generator.subschema_for::<PolygonCustomerUpdate>()
    }

    fn check_draft(
        &self,
        _op: &UpdateOp,
        body: &super::Leaves,
        ctx: &super::Ctx,
    ) -> Result<(), Rejection> {
        strict::checked::<PolygonCustomerUpdate, _>(self, body, ctx).map(drop)
    }

    #[cfg(feature = "json")]
    fn add_server_fields(&self, _op: &UpdateOp, body: &mut Value, fields: &ServerFields) {
        if let (Some(ip), Some(object)) = (&fields.ip_address, body.as_object_mut()) {
            object.insert("ipAddress".to_owned(), Value::String(ip.clone()));
        }
    }

    #[cfg(feature = "json")]
    fn parse_errors(&self, status: u16, body: &[u8]) -> Vec<FieldError> {
        envelope::best_effort(status, body)
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
            _ => None,
        }
    }

    #[cfg(feature = "json")]
    fn form_state(&self, get: &Value) -> FormState {
        let mut state = form::form_state(self, get, self.customer_kind(get), false);
        // One-way: once signed there is nothing left to change.
        if get.get("signedAgreement") == Some(&Value::Bool(true)) {
            state.locked.push("/signedAgreement");
        }
        state
    }
}
