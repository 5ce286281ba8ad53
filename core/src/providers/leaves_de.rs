//! A draft body's leaves read as serde data, so the widget builds the very update type the
//! proxy parses (and runs the same derive on it) without a JSON library.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{Deserializer, Expected, IntoDeserializer, Unexpected, Visitor};

use super::leaves::{Leaf, Node};

/// Why a draft does not fit its type, in the words `strict.rs` reads ("unknown field `x`").
/// It never formats the value it met: serde's default messages would link float
/// formatting into the wasm for a case the widget never builds.
#[derive(Debug)]
pub struct Error(Cow<'static, str>);

impl serde::de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(Cow::Owned(message.to_string()))
    }
    fn invalid_type(_: Unexpected<'_>, _: &dyn Expected) -> Self {
        Error(Cow::Borrowed("invalid type"))
    }
    fn invalid_value(_: Unexpected<'_>, _: &dyn Expected) -> Self {
        Error(Cow::Borrowed("invalid value"))
    }
    fn invalid_length(_: usize, _: &dyn Expected) -> Self {
        Error(Cow::Borrowed("invalid length"))
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Error(Cow::Borrowed("unknown variant"))
    }
    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        Error(Cow::Owned(format!("unknown field `{field}`")))
    }
    fn missing_field(field: &'static str) -> Self {
        Error(Cow::Owned(format!("missing field `{field}`")))
    }
    fn duplicate_field(field: &'static str) -> Self {
        Error(Cow::Owned(format!("duplicate field `{field}`")))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// What a leaf of the wrong kind gives, without asking the visitor: a visitor method that is
/// never called is never compiled, so each update type costs one `visit_map` and not a copy
/// per kind of leaf.
fn wrong_type<T>() -> Result<T, Error> {
    Err(Error(Cow::Borrowed("invalid type")))
}

impl<'a> Node<'a> {
    /// An object's members; `{}`/`[]` (an empty container) has none.
    fn members(self) -> Option<Vec<(String, Node<'a>)>> {
        match self {
            Node::Object(members) => Some(members),
            Node::Leaf(Leaf::Other) => Some(Vec::new()),
            _ => None,
        }
    }
}

impl<'de, 'a> Deserializer<'de> for Node<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Leaf(Leaf::Text(text)) => visitor.visit_str(text),
            Node::Leaf(Leaf::Bool(flag)) => visitor.visit_bool(*flag),
            Node::Leaf(Leaf::Null) => visitor.visit_unit(),
            Node::Array(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            other => match other.members() {
                Some(members) => visitor.visit_map(MapDeserializer::new(members.into_iter())),
                None => wrong_type(),
            },
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.members() {
            Some(members) => visitor.visit_map(MapDeserializer::new(members.into_iter())),
            None => wrong_type(),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Leaf(Leaf::Text(text)) => visitor.visit_str(text),
            _ => wrong_type(),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Leaf(Leaf::Bool(flag)) => visitor.visit_bool(*flag),
            _ => wrong_type(),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Leaf(Leaf::Null) => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items = match self {
            Node::Array(items) => items,
            // `[]`: an empty list.
            Node::Leaf(Leaf::Other) => Vec::new(),
            _ => return wrong_type(),
        };
        visitor.visit_seq(SeqDeserializer::new(items.into_iter()))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct newtype_struct tuple
        tuple_struct map enum identifier
    }
}

impl<'de, 'a> IntoDeserializer<'de, Error> for Node<'a> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use crate::providers::leaves::{Leaf, Leaves};

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Body {
        #[serde(default)]
        email: Option<String>,
        #[serde(default)]
        agreed: Option<bool>,
        #[serde(default)]
        people: Vec<Person>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Person {
        name: String,
    }

    #[test]
    fn leaves_deserialize_into_nested_types() {
        let mut leaves = Leaves::new();
        leaves.set("/email", Leaf::Text("ada@example.com".into()));
        leaves.set("/agreed", Leaf::Bool(true));
        leaves.set("/people/0/name", Leaf::Text("Ada".into()));
        leaves.set("/people/1/name", Leaf::Text("Grace".into()));
        let body = Body::deserialize(leaves.tree()).unwrap();
        assert_eq!(body.email.as_deref(), Some("ada@example.com"));
        assert_eq!(body.agreed, Some(true));
        assert_eq!(body.people.len(), 2);
    }

    #[test]
    fn null_is_absent_and_unknown_keys_are_refused() {
        let mut leaves = Leaves::new();
        leaves.set("/email", Leaf::Null);
        assert_eq!(Body::deserialize(leaves.tree()).unwrap().email, None);
        leaves.set("/meta", Leaf::Text("x".into()));
        let error = Body::deserialize(leaves.tree()).unwrap_err().to_string();
        assert!(error.contains("unknown field `meta`"), "{error}");
    }
}
