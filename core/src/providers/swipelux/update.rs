//! `PUT`/`PATCH /v1/customers/{id}` body, as an end customer may send it. Not here:
//! `metadata` (operator-only) and `shareToken` (minted server-side from Sumsub; see
//! [`SwipeluxUpstreamUpdate`]). `identifyingInformation` is left out too: the v1 docs do
//! not give its entry shape, so the form does not offer it (a body with it is refused).

use garde::Validate;
use serde::{Deserialize, Serialize};

use crate::address::AddressInput;
use crate::providers::coded::{all, Ctx};
use crate::providers::fields::{address_errors, rule_birth_date, present, raw_max, text, AddressCountry, AddressKeys};
use crate::providers::parsed::{Alpha2Country, Day, Email, Parsed, Phone};

/// Swipelux's limit on the phone field as sent.
pub const PHONE_MAX_CHARS: usize = 32;
/// Swipelux's limit on each name.
pub const NAME_MAX_CHARS: usize = 1024;

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
pub struct SwipeluxCustomerUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(NAME_MAX_CHARS)))]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(NAME_MAX_CHARS)))]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(NAME_MAX_CHARS)))]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub email: Option<Parsed<Email>>,
    /// E.164, at most 32 characters as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(raw_max(PHONE_MAX_CHARS)))]
    pub phone: Option<Parsed<Phone>>,
    /// A real date, not in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(rule_birth_date))]
    pub birth_date: Option<Parsed<Day>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive)]
    pub residential_address: Option<SwipeluxAddress>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(context(Ctx))]
#[garde(custom(address_by_country))]
pub struct SwipeluxAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(256)))]
    pub street_line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(256)))]
    pub street_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(128)))]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(128)))]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(custom(text(32)))]
    pub postal_code: Option<String>,
    /// ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[garde(dive, custom(present))]
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

fn address_by_country(address: &SwipeluxAddress, _: &Ctx) -> garde::Result {
    let input = AddressInput {
        line1: address.street_line1.as_deref(),
        city: address.city.as_deref(),
        state: address.state.as_deref(),
        postal_code: address.postal_code.as_deref(),
    };
    let keys = AddressKeys { line1: "streetLine1", city: "city", state: "state", postal: "postalCode" };
    all(address_errors(address.country.code(), input, &keys))
}
