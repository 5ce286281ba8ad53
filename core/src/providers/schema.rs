//! JSON Schema (2020-12) of the update bodies, from the same types the strict parser reads
//! (feature `schema`, the proxy's OpenAPI document). A [`Parsed`] field is a string on the
//! wire; its schema gives the canonical form the proxy writes upstream (E.164, upper-case
//! codes), which the parser also accepts. The parser stays the judge: it takes some
//! spellings the pattern does not (a lower-case code, spaces in a phone number).

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use super::parsed::{Alpha2Country, Alpha3Country, Day, Email, Kind, Parsed, Phone, TaxType};
use crate::tax::TaxIdKind;

impl<K: Kind + JsonSchema> JsonSchema for Parsed<K> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        K::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        K::json_schema(generator)
    }
}

/// A string kind: its name and schema body (`type: string` plus the hints).
macro_rules! string_kind {
    ($kind:ty, $name:literal, $($hints:tt)*) => {
        impl JsonSchema for $kind {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", $($hints)* })
            }
        }
    };
}

string_kind!(Phone, "Phone", "pattern": r"^\+[1-9][0-9]{1,14}$", "description": "E.164 phone number, e.g. +14155550123");
string_kind!(Email, "Email", "format": "email");
string_kind!(Alpha2Country, "Alpha2Country", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 country code, e.g. US");
string_kind!(Alpha3Country, "Alpha3Country", "pattern": "^[A-Z]{3}$", "description": "ISO 3166-1 alpha-3 country code, e.g. USA");
string_kind!(Day, "Date", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

impl JsonSchema for TaxType {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "TaxIdType".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let kinds: Vec<&str> = TaxIdKind::ALL.iter().map(|kind| kind.as_str()).collect();
        json_schema!({ "type": "string", "enum": kinds })
    }
}
