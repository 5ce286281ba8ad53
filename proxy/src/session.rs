//! Session tokens: HS256 JWTs minted by the embedding app's backend (or `mint-session`)
//! with a secret shared with the proxy. They carry who the customer is; the browser never
//! gets to say it.
//!
//! Claims: `sub` = the provider's customer ID, `provider`, `exp`, `iat`, optional `nbf`,
//! optional `aud` (the embedding page's origin; checked against the request's `Origin`
//! header) and optional `applicant` (Swipelux only: the customer's Sumsub applicant ID,
//! used to mint share tokens).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::customer_id::CustomerId;

/// Clock skew tolerated on `exp`/`iat`/`nbf`, in seconds.
pub const LEEWAY_SECS: u64 = 5;

/// Longest session accepted by default (`max_session_ttl`): `exp - iat` at most this.
pub const DEFAULT_MAX_TTL: Duration = Duration::from_secs(3600);

/// Shortest session secret a configured proxy accepts, in bytes (HS256 wants 256 bits).
pub const MIN_SECRET_BYTES: usize = 32;

/// The sandbox's session secret. Public on purpose: sandbox mode has no real customers,
/// and a configured proxy refuses to start with it or without its own secret.
pub const SANDBOX_SESSION_SECRET: &str = "sandbox-only-session-secret-do-not-use-in-production";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The provider's customer ID; a token whose `sub` is not a usable one does not decode.
    pub sub: CustomerId,
    pub provider: String,
    pub exp: u64,
    pub iat: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<u64>,
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

/// Why `mint` made no token.
#[derive(Debug)]
pub enum MintError {
    Customer(crate::customer_id::CustomerIdError),
    TooLong { max_secs: u64 },
    Sign(jsonwebtoken::errors::Error),
}

impl std::fmt::Display for MintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MintError::Customer(error) => write!(f, "{error}"),
            MintError::TooLong { max_secs } => write!(
                f,
                "the TTL is longer than the proxy accepts (max_session_ttl = {max_secs}s)"
            ),
            MintError::Sign(error) => write!(f, "cannot sign: {error}"),
        }
    }
}

/// The session secrets: the first signs, every one verifies (so a new secret can be
/// rolled out before the old one is retired), and the longest lifetime a token may claim.
#[derive(Clone)]
pub struct SessionKey {
    encoding: EncodingKey,
    decoding: Vec<DecodingKey>,
    max_ttl: Duration,
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
    /// One secret, the default maximum lifetime.
    pub fn new(secret: &[u8]) -> Self {
        Self::rotating(&[secret.to_vec()], DEFAULT_MAX_TTL)
    }

    /// `secrets[0]` signs, all of them verify. An empty list signs and verifies nothing
    /// useful (the config refuses it before this is called).
    pub fn rotating(secrets: &[Vec<u8>], max_ttl: Duration) -> Self {
        let signing = secrets.first().map(Vec::as_slice).unwrap_or_default();
        Self {
            encoding: EncodingKey::from_secret(signing),
            decoding: secrets
                .iter()
                .map(|s| DecodingKey::from_secret(s))
                .collect(),
            max_ttl,
        }
    }

    pub fn max_ttl(&self) -> Duration {
        self.max_ttl
    }

    pub fn mint(
        &self,
        customer: &str,
        provider: &str,
        ttl: Duration,
        aud: Option<String>,
        applicant: Option<String>,
    ) -> Result<String, MintError> {
        let sub = CustomerId::parse(customer).map_err(MintError::Customer)?;
        if ttl > self.max_ttl {
            return Err(MintError::TooLong {
                max_secs: self.max_ttl.as_secs(),
            });
        }
        let iat = now_secs();
        let claims = Claims {
            sub,
            provider: provider.to_owned(),
            iat,
            exp: iat.saturating_add(ttl.as_secs()),
            nbf: None,
            aud,
            applicant,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(MintError::Sign)
    }

    /// Checks the signature against every secret (HS256 only: `none` and every other
    /// algorithm are refused), `exp`, `iat` and `sub` (required), `nbf` (when present),
    /// the lifetime `exp - iat` against the maximum, and the claim types.
    pub fn verify(&self, token: &str) -> Result<Claims, SessionError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp", "sub"]);
        // `aud` is an origin and is compared with the request's Origin header by the caller.
        validation.validate_aud = false;
        let mut refused = SessionError::Invalid;
        for key in &self.decoding {
            match decode::<Claims>(token, key, &validation) {
                Ok(data) => return self.check_times(data.claims),
                Err(error) if matches!(error.kind(), ErrorKind::ExpiredSignature) => {
                    refused = SessionError::Expired;
                }
                Err(_) => {}
            }
        }
        Err(refused)
    }

    fn check_times(&self, claims: Claims) -> Result<Claims, SessionError> {
        let now = now_secs();
        let issued_in_future = claims.iat > now.saturating_add(LEEWAY_SECS);
        let too_long = claims
            .exp
            .checked_sub(claims.iat)
            .is_none_or(|ttl| ttl > self.max_ttl.as_secs());
        let not_yet = claims
            .nbf
            .is_some_and(|nbf| nbf > now.saturating_add(LEEWAY_SECS));
        if issued_in_future || too_long || not_yet {
            Err(SessionError::Invalid)
        } else {
            Ok(claims)
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
