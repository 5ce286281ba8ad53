//! Who is calling: the session token (and its `aud` against the Origin header), plus the
//! rate limits (per customer for valid sessions, per client address for the rest). Runs
//! before anything else touches the request.

use std::net::IpAddr;

use axum::http::{header, HeaderMap};

use crate::app::AppState;
use crate::client_addr::limit_key;
use crate::metrics;
use crate::problem::{Kind, Problem};
use crate::rate_limit::Refusal;
use crate::session::{Claims, SessionError};

/// The verified session, its provider served here, its customer's rate limit not
/// exceeded. The session is checked first (a cheap HMAC): a valid one counts against
/// its customer's bucket only, so requests without one, however many, count against
/// the client's address and never use up a customer's limit.
pub async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
    client: IpAddr,
) -> Result<Claims, Problem> {
    let claims = match verified(state, headers) {
        Ok(claims) => claims,
        Err(problem) => {
            state
                .ip_limiter
                .take(&limit_key(client))
                .await
                .map_err(|refusal| {
                    refused(
                        refusal,
                        "address",
                        "Too many requests without a valid session from this address. Wait and try again.",
                    )
                })?;
            return Err(problem);
        }
    };
    state
        .session_limiter
        .take(&format!("{}\u{0}{}", claims.provider, claims.sub))
        .await
        .map_err(|refusal| {
            refused(
                refusal,
                "session",
                "Too many requests in this session. Wait and try again.",
            )
        })?;
    Ok(claims)
}

/// The answer to a request its limit refused; `limit` labels the metric.
fn refused(refusal: Refusal, limit: &'static str, detail: &str) -> Problem {
    match refusal {
        Refusal::Wait(wait) => {
            metrics::rate_limited(limit);
            Problem::new(Kind::RateLimited, detail).retry_after(wait)
        }
        Refusal::Unavailable => Problem::new(
            Kind::RateLimitUnavailable,
            "The proxy cannot check its rate limits right now. Try again shortly.",
        )
        .retry_after(1),
    }
}

/// The session token's claims, when the token is valid for this proxy and origin.
fn verified(state: &AppState, headers: &HeaderMap) -> Result<Claims, Problem> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let Some(value) = value else {
        return Err(Problem::new(
            Kind::SessionMissing,
            "Send the session token as `Authorization: Bearer <token>`.",
        ));
    };
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Problem::new(
                Kind::SessionInvalid,
                "The Authorization header must be `Bearer <token>`.",
            )
        })?;
    let claims = state
        .session_key
        .verify(token)
        .map_err(|error| match error {
            SessionError::Expired => Problem::new(
                Kind::SessionExpired,
                "The session has expired. Ask the page for a new token.",
            ),
            SessionError::Invalid => {
                Problem::new(Kind::SessionInvalid, "The session token is not valid.")
            }
        })?;
    if state.upstream(&claims.provider).is_none() {
        return Err(Problem::new(
            Kind::WrongProvider,
            "This proxy does not serve the provider named in the session.",
        ));
    }
    if let (Some(aud), Some(origin)) = (
        &claims.aud,
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
    ) {
        if aud.trim_end_matches('/') != origin {
            return Err(Problem::new(
                Kind::OriginMismatch,
                "The session was issued for another site.",
            ));
        }
    }
    Ok(claims)
}
