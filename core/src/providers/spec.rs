//! The contract every provider module fulfils, so the proxy and the widget can handle any
//! provider without knowing it by name. Adding a provider = a module implementing
//! [`ProviderSpec`] + one line in [`super::all`].

use std::collections::BTreeMap;

use serde::Serialize;
#[cfg(feature = "json")]
use serde_json::Value;

use super::engine::Ctx;
use super::leaves::Leaves;
use crate::date::Date;
use crate::FieldError;

/// HTTP method of an update operation (both towards the proxy and upstream).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Patch,
    Put,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Patch => "PATCH",
            Method::Put => "PUT",
        }
    }
}

/// Kinds of customer a provider distinguishes (BVNK has both; the others individuals only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomerKind {
    Individual,
    Company,
}

/// One update call an end customer may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOp {
    /// Stable name (`"customer"`, `"company"`, `"associates"`…), used by `validate_op`.
    pub id: &'static str,
    pub method: Method,
    /// Suffix after the proxy's `/v1/customer` (`""` or `"/associates"`).
    pub sub_path: &'static str,
    /// Upstream path template, `{id}` replaced by the customer ID from the session.
    pub upstream_path: &'static str,
    /// Which customers may make this call (the proxy learns the kind from the GET).
    pub kinds: &'static [CustomerKind],
    /// `true` when the checked body is not the whole upstream body: the proxy must GET the
    /// customer upstream and call [`ProviderSpec::merge_upstream`] (BVNK associates).
    pub needs_current: bool,
    /// Another operation whose body (and so whose fields) this one takes (Swipelux's
    /// PATCH takes the PUT's body).
    pub same_body_as: Option<&'static str>,
}

impl UpdateOp {
    /// The `FieldSpec::op` of the fields this operation's body may carry.
    pub fn fields_id(&self) -> &'static str {
        self.same_body_as.unwrap_or(self.id)
    }
}

/// Why an update body was refused before it reached the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Not the provider's shape: not JSON object, an unknown or operator-only key, a wrong
    /// JSON type. The proxy answers 400.
    Malformed(Vec<FieldError>),
    /// The shape is right, some values break a rule. The proxy answers 422.
    Invalid(Vec<FieldError>),
}

impl Rejection {
    /// HTTP status the proxy answers with.
    pub fn status(&self) -> u16 {
        match self {
            Rejection::Malformed(_) => 400,
            Rejection::Invalid(_) => 422,
        }
    }

    pub fn errors(&self) -> &[FieldError] {
        match self {
            Rejection::Malformed(errors) | Rejection::Invalid(errors) => errors,
        }
    }

    pub fn into_errors(self) -> Vec<FieldError> {
        match self {
            Rejection::Malformed(errors) | Rejection::Invalid(errors) => errors,
        }
    }
}

/// Values only the server knows, added to the upstream body after the check
/// (never accepted from the browser: they are not in the end-customer types).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerFields {
    /// Polygon `ipAddress`, from the caller's address when the proxy config asks for it.
    pub ip_address: Option<String>,
    /// Swipelux `shareToken`, minted server-side from Sumsub.
    pub share_token: Option<String>,
}

/// How a body spells countries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CountryForm {
    Alpha2,
    Alpha3,
}

/// Which input the widget renders for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum InputKind {
    Text,
    Email,
    Tel,
    Date,
    /// A country picker (by name, in the user's language); the body gets the code in the
    /// profile's [`CountryForm`], or, for [`InputKind::CountryName`], the English name.
    Country,
    /// The English country name that must match a sibling country code (BVNK `country`):
    /// the widget fills it from the code and does not render an input.
    CountryName,
    State,
    Postal,
    Select,
    Checkbox,
}

/// When a field stops being editable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Lock {
    Never,
    /// SpherePay: once a KYC review was submitted (status pending/approved/rejected).
    AfterKycSubmitted,
}

/// One field an end customer may edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldSpec {
    /// JSON pointer in the update body; array items are written `/-/` (e.g.
    /// `/identifyingInformation/-/number`, `/associates/-/details/contactInfo/emailAddress`).
    pub pointer: &'static str,
    /// Which update operation's body holds it.
    pub op: &'static str,
    /// Message-catalogue key of the label (`field.email`, `field.address.line1`…).
    pub label: &'static str,
    pub input: InputKind,
    /// HTML `autocomplete` token (`""` = none).
    pub autocomplete: &'static str,
    /// Must be filled whenever its object is sent (e.g. `line1` when `address` is sent).
    pub required: bool,
    pub lock: Lock,
    /// Accepted by the provider but never returned by its GET: shown empty, "enter to replace".
    pub write_only: bool,
    /// Where the GET response holds the current value (`None`: never returned).
    pub get_pointer: Option<&'static str>,
    /// Allowed values for [`InputKind::Select`] / [`InputKind::Checkbox`] (`"true"`).
    pub options: &'static [&'static str],
    /// Max length in characters, when the provider states one.
    pub max_chars: Option<usize>,
}

impl FieldSpec {
    /// A field read back from the GET at the same pointer, unlocked, not required.
    pub const fn new(
        op: &'static str,
        pointer: &'static str,
        label: &'static str,
        input: InputKind,
        autocomplete: &'static str,
    ) -> Self {
        FieldSpec {
            pointer,
            op,
            label,
            input,
            autocomplete,
            required: false,
            lock: Lock::Never,
            write_only: false,
            get_pointer: Some(pointer),
            options: &[],
            max_chars: None,
        }
    }
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub const fn locked_after_kyc(mut self) -> Self {
        self.lock = Lock::AfterKycSubmitted;
        self
    }
    /// Never returned by the GET: shown empty.
    pub const fn write_only(mut self) -> Self {
        self.write_only = true;
        self.get_pointer = None;
        self
    }
    pub const fn read_from(mut self, get_pointer: &'static str) -> Self {
        self.get_pointer = Some(get_pointer);
        self
    }
    pub const fn options(mut self, options: &'static [&'static str]) -> Self {
        self.options = options;
        self
    }
    pub const fn max_chars(mut self, max: usize) -> Self {
        self.max_chars = Some(max);
        self
    }
}

/// What an end customer may do with one provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub provider: &'static str,
    pub country_form: CountryForm,
    pub fields: &'static [FieldSpec],
    /// Keys the provider accepts from the operator but the end-customer types refuse
    /// (pointers, `/-/` for array items). For documentation and tests.
    pub operator_only: &'static [&'static str],
    /// Minimum age enforced on dates of birth, when this provider opts into it.
    pub min_age: Option<u8>,
    /// Leaves a body may carry that the form never shows (BVNK's person reference),
    /// checked by the same rules.
    pub hidden: &'static [FieldSpec],
}

impl Profile {
    pub fn field(&self, pointer: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|field| field.pointer == pointer)
    }
}

/// What the widget needs from a GET response to render the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormState {
    pub kind: Option<CustomerKind>,
    /// The operation the form submits (first in [`ProviderSpec::operations`] for this kind).
    pub op: Option<&'static str>,
    /// Current values keyed by update-body pointer (only fields the GET returned).
    pub values: BTreeMap<String, String>,
    /// Pointers the customer may not change now (see [`Lock`]).
    pub locked: Vec<&'static str>,
    /// Pointers shown empty because the provider never returns them.
    pub write_only: Vec<&'static str>,
    /// BVNK associates: the people the customer may update contact details for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
}

/// One associate of a company customer, as the associates form lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub reference: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// Everything the proxy and the widget need from a provider, object safe.
pub trait ProviderSpec: Sync {
    /// `spherepay`, `polygon`, `bvnk`, `swipelux`.
    fn id(&self) -> &'static str;

    /// Upstream GET path template (`{id}` = customer ID).
    fn get_path(&self) -> &'static str;

    /// Update calls an end customer may make; the first one matching a kind is the form's.
    fn operations(&self) -> &'static [UpdateOp];

    #[cfg(feature = "json")]
    /// Parses a browser body strictly into the operation's update type (unknown or
    /// operator-only key → `Malformed`), runs the type's validation (`Invalid` with all
    /// field errors), and returns the canonical upstream body (phone in E.164, countries
    /// upper case). `today` drives "not in the future"/minimum-age rules; `None` skips
    /// only those.
    fn check_update(
        &self,
        op: &UpdateOp,
        body: &Value,
        today: Option<Date>,
    ) -> Result<Value, Rejection>;

    /// The same parse and validation on a draft body's leaves (the widget's side).
    fn check_draft(&self, op: &UpdateOp, body: &Leaves, ctx: &Ctx) -> Result<(), Rejection>;

    #[cfg(feature = "schema")]
    /// JSON Schema of the operation's body: the type `check_update` parses it into (a
    /// `$ref` into `generator`'s definitions). Operator-only and server fields are not in it.
    fn update_schema(
        &self,
        op: &UpdateOp,
        generator: &mut schemars::SchemaGenerator,
    ) -> schemars::Schema;

    /// The context the update types' validation takes.
    fn ctx(&self, today: Option<Date>) -> Ctx {
        Ctx {
            today,
            min_age: self.profile().min_age,
        }
    }

    #[cfg(feature = "json")]
    /// Adds server-only fields (Polygon `ipAddress`, Swipelux `shareToken`) to a checked body.
    fn add_server_fields(&self, _op: &UpdateOp, _body: &mut Value, _fields: &ServerFields) {}

    #[cfg(feature = "json")]
    /// For an op with `needs_current`: builds the full upstream body from the checked body
    /// and the customer's current upstream GET body. Default: the checked body unchanged.
    fn merge_upstream(
        &self,
        _op: &UpdateOp,
        checked: Value,
        _current: &Value,
    ) -> Result<Value, Rejection> {
        Ok(checked)
    }

    #[cfg(feature = "json")]
    /// Maps the provider's error body onto field errors (pointers into the update body).
    /// Unknown shapes and non-JSON give one `Code::General` error at pointer `""`.
    fn parse_errors(&self, status: u16, body: &[u8]) -> Vec<FieldError>;

    fn profile(&self) -> &'static Profile;

    #[cfg(feature = "json")]
    /// Removes what must never reach a browser (tax ID and document numbers, operator
    /// metadata, risk scores) from a GET or update response before the proxy relays it.
    fn redact_response(&self, body: &mut Value);

    #[cfg(feature = "json")]
    /// Customer kind from a GET body (`None` when the body does not say).
    fn customer_kind(&self, get: &Value) -> Option<CustomerKind>;

    #[cfg(feature = "json")]
    /// Prefill values, locks and write-only flags from a GET body.
    fn form_state(&self, get: &Value) -> FormState;

    /// The operation a proxy request maps to, if any.
    fn find_op(&self, method: Method, sub_path: &str) -> Option<&'static UpdateOp> {
        self.operations()
            .iter()
            .find(|op| op.method == method && op.sub_path == sub_path)
    }

    /// The operation with this id.
    fn op(&self, id: &str) -> Option<&'static UpdateOp> {
        self.operations().iter().find(|op| op.id == id)
    }

    /// The operation a headless `validate` call assumes for a body (by its keys).
    fn guess_op(&self, _body: &Leaves) -> &'static UpdateOp {
        // Every provider has at least one operation (tested).
        &self.operations()[0]
    }
}
