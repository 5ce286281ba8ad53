//! The provider's customer ID, as a session's `sub` names it. It ends up as one segment of
//! the upstream URL, so it is checked once, when the token is read, and encoded so that
//! no URL normalisation (dot segments, `%2e`, slashes, a query) can move the request to
//! another path.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Longest customer ID accepted (the providers' IDs are UUIDs or short prefixed strings).
pub const MAX_BYTES: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CustomerId(String);

/// Why a `sub` is not a usable customer ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerIdError {
    Empty,
    TooLong,
    /// `.` or `..`: a URL parser would drop or merge the segment.
    DotSegment,
    ControlCharacter,
}

impl fmt::Display for CustomerIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CustomerIdError::Empty => "the customer ID is empty",
            CustomerIdError::TooLong => "the customer ID is longer than 128 bytes",
            CustomerIdError::DotSegment => "the customer ID is `.` or `..`",
            CustomerIdError::ControlCharacter => "the customer ID holds a control character",
        })
    }
}

impl CustomerId {
    pub fn parse(text: &str) -> Result<CustomerId, CustomerIdError> {
        if text.trim().is_empty() {
            Err(CustomerIdError::Empty)
        } else if text.len() > MAX_BYTES {
            Err(CustomerIdError::TooLong)
        } else if text == "." || text == ".." {
            Err(CustomerIdError::DotSegment)
        } else if text.chars().any(char::is_control) {
            Err(CustomerIdError::ControlCharacter)
        } else {
            Ok(CustomerId(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// One URL path segment: every byte but the unreserved ones percent-encoded. Dots
    /// stay literal (an encoded `%2E` is a dot to URL parsers), and a segment of only
    /// dots other than `.`/`..` is an ordinary segment.
    pub fn path_segment(&self) -> String {
        let mut out = String::with_capacity(self.0.len());
        for byte in self.0.bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        out
    }
}

impl TryFrom<String> for CustomerId {
    type Error = CustomerIdError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        CustomerId::parse(&text)
    }
}

impl From<CustomerId> for String {
    fn from(id: CustomerId) -> String {
        id.0
    }
}

impl fmt::Display for CustomerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for CustomerId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_a_url_parser_would_rewrite_are_refused_or_encoded() {
        for bad in ["", "  ", ".", "..", "a\u{0}b", "a\nb", "a\u{7f}"] {
            assert!(CustomerId::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            CustomerId::parse(&"x".repeat(129)),
            Err(CustomerIdError::TooLong)
        );
        let id = CustomerId::parse("../admin?x=1").unwrap();
        assert_eq!(id.path_segment(), "..%2Fadmin%3Fx%3D1");
        assert_eq!(
            CustomerId::parse("%2e%2e").unwrap().path_segment(),
            "%252e%252e"
        );
    }
}
