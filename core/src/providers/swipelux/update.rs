//! `PUT`/`PATCH /v1/customers/{id}` body, as an end customer may send it. Not here:
//! `metadata` (operator-only) and `shareToken` (minted server-side from Sumsub; see
//! [`SwipeluxUpstreamUpdate`]). `identifyingInformation` is left out too: the v1 docs do
//! not give its entry shape, so the form does not offer it (a body with it is refused).

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::providers::engine::Ctx;
use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};
use crate::providers::rules;

/// Swipelux's limit on the phone field as sent.
pub const PHONE_MAX_CHARS: usize = 32;
/// Swipelux's limit on each name.
pub const NAME_MAX_CHARS: usize = 1024;
// The same limits as validator's `length` takes them.
const PHONE_MAX: u64 = PHONE_MAX_CHARS as u64;
const NAME_MAX: u64 = NAME_MAX_CHARS as u64;

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(context = Ctx)]
pub struct SwipeluxCustomerUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = NAME_MAX), custom(function = "rules::text"))]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = NAME_MAX), custom(function = "rules::text"))]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = NAME_MAX), custom(function = "rules::text"))]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::parsed"))]
    pub email: Option<Parsed<Email>>,
    /// E.164, at most 32 characters as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = PHONE_MAX), custom(function = "rules::parsed"))]
    pub phone: Option<Parsed<Phone>>,
    /// A real date, not in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::birth_date", use_context))]
    pub birth_date: Option<Parsed<Day>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub residential_address: Option<SwipeluxAddress>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(schema(function = "rules::address", skip_on_field_errors = false))]
pub struct SwipeluxAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 256), custom(function = "rules::text"))]
    pub street_line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 256), custom(function = "rules::text"))]
    pub street_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 128), custom(function = "rules::text"))]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(custom(function = "rules::text"))]
    pub postal_code: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(required, custom(function = "rules::parsed"))]
    pub country: Option<Parsed<Alpha2Country>>,
}

/// What the proxy sends upstream: the checked body plus a Sumsub `shareToken` minted
/// server-side (never from the browser).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SwipeluxUpstreamUpdate {
    #[serde(flatten)]
    pub customer: SwipeluxCustomerUpdate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_token: Option<String>,
}

impl rules::Address for SwipeluxAddress {
    const KEYS: [Option<&'static str>; 4] = [
        Some("streetLine1"),
        Some("city"),
        Some("state"),
        Some("postalCode"),
    ];
    fn country(&self) -> Option<crate::country::CountryCode> {
        self.country.as_ref().and_then(Parsed::value).copied()
    }
    fn input(&self) -> crate::address::AddressInput<'_> {
        crate::address::AddressInput {
            line1: self.street_line1.as_deref(),
            city: self.city.as_deref(),
            state: self.state.as_deref(),
            postal_code: self.postal_code.as_deref(),
        }
    }
}
