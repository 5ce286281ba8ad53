//! Session tokens: HS256 JWTs minted by the embedding app's backend (or `mint-session`)
//! with a secret shared with the proxy. They carry who the customer is; the browser never
//! gets to say it.
//!
//! Claims: `sub` = the provider's customer ID, `provider`, `exp`, `iat`, optional `aud`
//! (the embedding page's origin; checked against the request's `Origin` header) and
//! optional `applicant` (Swipelux only: the customer's Sumsub applicant ID, used to mint
//! share tokens).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// Clock skew tolerated on `exp`/`iat`, in seconds.
pub const LEEWAY_SECS: u64 = 5;

/// The sandbox's session secret. Public on purpose: sandbox mode has no real customers,
/// and a configured proxy refuses to start without its own secret from the environment.
pub const SANDBOX_SESSION_SECRET: &str = "sandbox-only-session-secret-do-not-use-in-production";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub provider: String,
    pub exp: u64,
    pub iat: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aud: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<String>,
}

/// Why a token was refused. The proxy never says more than this to the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionError {
    Expired,
    Invalid,
}

/// A secret key for signing and checking session tokens.
#[derive(Clone)]
pub struct SessionKey {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey(<redacted>)")
    }
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl SessionKey {
    pub fn new(secret: &[u8]) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }

    pub fn mint(
        &self,
        customer: &str,
        provider: &str,
        ttl: Duration,
        aud: Option<String>,
        applicant: Option<String>,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let iat = now_secs();
        let claims = Claims {
            sub: customer.to_owned(),
            provider: provider.to_owned(),
            iat,
            exp: iat.saturating_add(ttl.as_secs()),
            aud,
            applicant,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// Checks signature (HS256 only: `none` and every other algorithm are refused), `exp`
    /// (required) and the claim types.
    pub fn verify(&self, token: &str) -> Result<Claims, SessionError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = LEEWAY_SECS;
        validation.set_required_spec_claims(&["exp", "sub"]);
        // `aud` is an origin and is compared with the request's Origin header by the caller.
        validation.validate_aud = false;
        match decode::<Claims>(token, &self.decoding, &validation) {
            Ok(data) if data.claims.sub.trim().is_empty() => Err(SessionError::Invalid),
            Ok(data) if data.claims.iat > now_secs().saturating_add(LEEWAY_SECS) => {
                Err(SessionError::Invalid)
            }
            Ok(data) => Ok(data.claims),
            Err(error) if matches!(error.kind(), ErrorKind::ExpiredSignature) => {
                Err(SessionError::Expired)
            }
            Err(_) => Err(SessionError::Invalid),
        }
    }
}

/// Parses a TTL such as `600`, `90s`, `10m`, `2h`.
pub fn parse_ttl(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, "s"),
    };
    let value: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 10m, 90s or 1h"))?;
    let secs = match unit {
        "s" => value,
        "m" => value.saturating_mul(60),
        "h" => value.saturating_mul(3600),
        _ => return Err(format!("`{text}`: unit must be s, m or h")),
    };
    if secs == 0 {
        return Err("the TTL must be more than zero".into());
    }
    Ok(Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minted_token_verifies_and_carries_its_claims() {
        let key = SessionKey::new(b"k");
        let token = key
            .mint("cus_1", "polygon", Duration::from_secs(60), None, None)
            .unwrap();
        let claims = key.verify(&token).unwrap();
        assert_eq!(
            (claims.sub.as_str(), claims.provider.as_str()),
            ("cus_1", "polygon")
        );
        assert_eq!(
            SessionKey::new(b"other").verify(&token),
            Err(SessionError::Invalid)
        );
    }

    #[test]
    fn ttl_parses_units_and_refuses_nonsense() {
        assert_eq!(parse_ttl("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_ttl("45"), Ok(Duration::from_secs(45)));
        assert!(parse_ttl("10 minutes").is_err());
        assert!(parse_ttl("0s").is_err());
        assert!(parse_ttl("ä").is_err());
    }
}
