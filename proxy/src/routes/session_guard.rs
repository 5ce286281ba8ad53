//! Who is calling: the session token (and its `aud` against the Origin header), plus the
//! rate limits (per customer for valid sessions, per client address for the rest). Runs
//! before anything else touches the request.

use std::net::IpAddr;

use axum::http::{header, HeaderMap};
use customer_update_core::providers::{self, ProviderSpec};

use crate::app::AppState;
use crate::client_addr::limit_key;
use crate::metrics;
use crate::problem::{Kind, Problem};
use crate::rate_limit::Refusal;
use crate::session::Claims;
use crate::upstream::Upstream;

/// A verified session and the provider it names, as this proxy serves it.
pub struct Session<'a> {
    pub claims: Claims,
    pub spec: &'static dyn ProviderSpec,
    pub upstream: &'a Upstream,
}

/// The verified session, its provider served here, its customer's rate limit not
/// exceeded. The session is checked first (a cheap HMAC): a valid one counts against
/// its customer's bucket only, so requests without one, however many, count against
/// the client's address and never use up a customer's limit.
pub async fn authenticate<'a>(
    state: &'a AppState,
    headers: &HeaderMap,
    client: IpAddr,
) -> Result<Session<'a>, Problem> {
    let session = match verified(state, headers) {
        Ok(session) => session,
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
        // Keyed by the customer's hash, so a shared Redis holds no customer IDs.
        .take(
            &state
                .audit_key
                .customer_hash(&session.claims.provider, session.claims.sub.as_str()),
        )
        .await
        .map_err(|refusal| {
            refused(
                refusal,
                "session",
                "Too many requests in this session. Wait and try again.",
            )
        })?;
    Ok(session)
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

/// The session, when its token is valid for this proxy and origin.
fn verified<'a>(state: &'a AppState, headers: &HeaderMap) -> Result<Session<'a>, Problem> {
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
    let claims = state.session_key.verify(token)?;
    let (Some(spec), Some(upstream)) = (
        providers::by_id(&claims.provider),
        state.upstream(&claims.provider),
    ) else {
        return Err(Problem::new(
            Kind::WrongProvider,
            "This proxy does not serve the provider named in the session.",
        ));
    };
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
    Ok(Session {
        claims,
        spec,
        upstream,
    })
}
