//! Swipelux (https://docs.swipelux.com, legacy v1 API): `PUT /v1/customers/{id}` (the seed; a later
//! snapshot says `PATCH`: both are offered, same body). `metadata` and `shareToken` are
//! operator-only; the proxy adds a fresh `shareToken` when configured with Sumsub.
//! Errors: v3's problem+json (assumed for v1 too) or a plain message.

#[cfg(feature = "json")]
mod customer;
mod update;

#[cfg(feature = "json")]
pub use customer::SwipeluxCustomer;
pub use update::{
    SwipeluxAddress, SwipeluxCustomerUpdate, SwipeluxUpstreamUpdate, NAME_MAX_CHARS,
    PHONE_MAX_CHARS,
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
use crate::date::Date;
use crate::FieldError;

pub struct Swipelux;

const OP: &str = "customer";

static OPERATIONS: [UpdateOp; 2] = [
    UpdateOp {
        id: OP,
        method: Method::Put,
        sub_path: "",
        upstream_path: "/v1/customers/{id}",
        kinds: &[CustomerKind::Individual],
        needs_current: false,
        same_body_as: None,
    },
    UpdateOp {
        id: "customer-patch",
        method: Method::Patch,
        sub_path: "",
        upstream_path: "/v1/customers/{id}",
        kinds: &[CustomerKind::Individual],
        needs_current: false,
        same_body_as: Some(OP),
    },
];

pub const OPERATOR_ONLY: &[&str] = &["/metadata", "/shareToken"];

static FIELDS: [FieldSpec; 12] = [
    FieldSpec::new(
        OP,
        "/firstName",
        "person.firstName",
        InputKind::Text,
        "given-name",
    )
    .max_chars(NAME_MAX_CHARS),
    FieldSpec::new(
        OP,
        "/middleName",
        "person.middleName",
        InputKind::Text,
        "additional-name",
    )
    .max_chars(NAME_MAX_CHARS),
    FieldSpec::new(
        OP,
        "/lastName",
        "person.lastName",
        InputKind::Text,
        "family-name",
    )
    .max_chars(NAME_MAX_CHARS),
    FieldSpec::new(OP, "/email", "contact.email", InputKind::Email, "email").max_chars(254),
    FieldSpec::new(OP, "/phone", "contact.phone", InputKind::Tel, "tel").max_chars(PHONE_MAX_CHARS),
    // Not in the documented GET: shown empty unless the provider returns it.
    FieldSpec::new(
        OP,
        "/birthDate",
        "person.birthDate",
        InputKind::Date,
        "bday",
    ),
    FieldSpec::new(
        OP,
        "/residentialAddress/streetLine1",
        "address.line1",
        InputKind::Text,
        "address-line1",
    )
    .required()
    .max_chars(256),
    FieldSpec::new(
        OP,
        "/residentialAddress/streetLine2",
        "address.line2",
        InputKind::Text,
        "address-line2",
    )
    .max_chars(256),
    FieldSpec::new(
        OP,
        "/residentialAddress/city",
        "address.city",
        InputKind::Text,
        "address-level2",
    )
    .required()
    .max_chars(128),
    FieldSpec::new(
        OP,
        "/residentialAddress/state",
        "address.state",
        InputKind::State,
        "address-level1",
    ),
    FieldSpec::new(
        OP,
        "/residentialAddress/postalCode",
        "address.postalCode",
        InputKind::Postal,
        "postal-code",
    ),
    FieldSpec::new(
        OP,
        "/residentialAddress/country",
        "address.country",
        InputKind::Country,
        "country",
    )
    .required(),
];

static PROFILE: Profile = Profile {
    provider: "swipelux",
    country_form: CountryForm::Alpha2,
    fields: &FIELDS,
    operator_only: OPERATOR_ONLY,
    min_age: None,
    hidden: &[],
};

#[cfg(feature = "json")]
const REDACT: &[&str] = &["/metadata", "/shareToken"];

impl Swipelux {
    #[cfg(feature = "json")]
    pub fn check(body: &Value, today: Option<Date>) -> Result<SwipeluxCustomerUpdate, Rejection> {
        strict::checked(&Swipelux, body, &Swipelux.ctx(today))
    }

    /// Whether Swipelux refused the update because of the share token (expired, used or
    /// invalid): the proxy then mints a new one and repeats the update once.
    pub fn share_token_rejected(errors: &[FieldError]) -> bool {
        errors.iter().any(|error| {
            error.pointer == "/shareToken"
                || error.code.as_str().contains("share_token")
                || error.message.to_ascii_lowercase().contains("share token")
                || error.message.contains("shareToken")
        })
    }
}

impl ProviderSpec for Swipelux {
    fn id(&self) -> &'static str {
        "swipelux"
    }

    fn get_path(&self) -> &'static str {
        "/v1/customers/{id}"
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
        strict::canonical::<SwipeluxCustomerUpdate>(self, body, &self.ctx(today))
    }

    #[cfg(feature = "schema")]
    fn update_schema(
        &self,
        _op: &UpdateOp, // every operation takes this body
        generator: &mut crate::schemars::SchemaGenerator,
    ) -> crate::schemars::Schema {
        generator.subschema_for::<SwipeluxCustomerUpdate>()
    }

    fn check_draft(
        &self,
        _op: &UpdateOp,
        body: &super::Leaves,
        ctx: &super::Ctx,
    ) -> Result<(), Rejection> {
        strict::checked::<SwipeluxCustomerUpdate, _>(self, body, ctx).map(drop)
    }

    #[cfg(feature = "json")]
    fn add_server_fields(&self, _op: &UpdateOp, body: &mut Value, fields: &ServerFields) {
        if let (Some(token), Some(object)) = (&fields.share_token, body.as_object_mut()) {
            object.insert("shareToken".to_owned(), Value::String(token.clone()));
        }
    }

    /// problem+json `{type, title, status, code, detail, errors[{pointer, code, message}]}`,
    /// or `{message}` / plain text.
    #[cfg(feature = "json")]
    fn parse_errors(&self, status: u16, body: &[u8]) -> Vec<FieldError> {
        let Some(value) = envelope::json(body) else {
            return vec![envelope::general(status)];
        };
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
            let message = envelope::str_at(&value, "detail")
                .or_else(|| envelope::str_at(&value, "message"))
                .or_else(|| envelope::str_at(&value, "title"));
            errors.push(envelope::top_level(status, code, message));
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
        get.get("id").map(|_| CustomerKind::Individual)
    }

    #[cfg(feature = "json")]
    fn form_state(&self, get: &Value) -> FormState {
        form::form_state(self, get, self.customer_kind(get), false)
    }
}
