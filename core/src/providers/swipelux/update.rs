//! `PUT`/`PATCH /v1/customers/{id}` body, as an end customer may send it. Not here:
//! `metadata` (operator-only) and `shareToken` (minted server-side from Sumsub; see
//! [`SwipeluxUpstreamUpdate`]). `identifyingInformation` is left out too: the v1 docs do
//! not give its entry shape, so the form does not offer it (a body with it is refused).

use serde::{Deserialize, Serialize};

use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};

/// Swipelux's limit on the phone field as sent.
pub const PHONE_MAX_CHARS: usize = 32;
/// Swipelux's limit on each name.
pub const NAME_MAX_CHARS: usize = 1024;

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SwipeluxCustomerUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Parsed<Email>>,
    /// E.164, at most 32 characters as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Parsed<Phone>>,
    /// A real date, not in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Parsed<Day>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residential_address: Option<SwipeluxAddress>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SwipeluxAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
