//! E-mail addresses: the HTML living standard's "valid e-mail address" (what
//! `<input type=email>` accepts), at most 254 characters, surrounding whitespace trimmed.
//! Hand-written on purpose: `regex`/`idna` would add ~230 KB brotli to the widget.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Code, FieldError};

/// Longest address SMTP can carry in a path (RFC 5321 256 minus the angle brackets).
pub const MAX_LEN: usize = 254;
const MAX_LABEL_LEN: usize = 63;

/// Check an e-mail address; Ok is the trimmed address (otherwise unchanged).
pub fn check(input: &str) -> Result<String, FieldError> {
    Email::parse(input).map(Email::into_string)
}

/// An address that passed [`check`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, FieldError> {
        let address = input.trim();
        if address.is_empty() {
            return Err(FieldError::new(Code::Required, "Enter an email address."));
        }
        if address.chars().count() > MAX_LEN {
            return Err(FieldError::new(
                Code::EmailTooLong,
                "An email address has at most 254 characters.",
            )
            .with_param("max", MAX_LEN));
        }
        let invalid = |why: &str| {
            FieldError::new(
                Code::EmailInvalid,
                format!("Enter an email address like name@example.com ({why})."),
            )
        };
        let Some((local, domain)) = address.split_once('@') else {
            return Err(invalid("an @ is missing"));
        };
        if local.is_empty() {
            return Err(invalid("there is nothing before the @"));
        }
        if let Some(c) = local.chars().find(|c| !is_local_char(*c)) {
            return Err(
                invalid("a character before the @ is not allowed").with_param("character", c)
            );
        }
        if domain.is_empty() {
            return Err(invalid("there is nothing after the @"));
        }
        if !domain.split('.').all(is_label) {
            return Err(invalid("the part after the @ is not a domain name"));
        }
        Ok(Email(address.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// `atext` or "." (the spec's local part).
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)
}

/// Letters, digits and hyphens, 1..=63, not starting or ending with a hyphen.
fn is_label(label: &str) -> bool {
    (1..=MAX_LABEL_LEN).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Email {
    type Err = FieldError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Email::parse(text)
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
