//! Sumsub's share-token API (under `/sumsub`), as a Swipelux integration calls it:
//! `POST /resources/accessTokens/shareToken` {applicantId, forClientId, ttlInSecs}, signed
//! with X-App-Token / X-App-Access-Ts / X-App-Access-Sig. Returns {token, forClientId}.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};

use super::store::object;
use super::{lock, SandboxState};
use crate::session::now_secs;
use crate::sumsub;

pub const PREFIX: &str = "/sumsub";
pub const APP_TOKEN: &str = "sbx:sandbox-sumsub-app-token";
pub const SECRET_KEY: &str = "sandbox-sumsub-secret-key";
/// Swipelux's client ID at Sumsub.
pub const FOR_CLIENT_ID: &str = "swipelux";

/// Sumsub reports 1200 s as the longest share-token lifetime.
const MAX_TTL_SECS: u64 = 1200;

#[derive(Debug, Clone)]
pub struct ShareToken {
    pub applicant: String,
    pub for_client_id: String,
    pub expires_at: u64,
}

pub fn router() -> Router<Arc<SandboxState>> {
    Router::new().route(sumsub::SHARE_TOKEN_PATH, post(share_token))
}

fn error(status: StatusCode, description: &str) -> Response {
    (status, Json(json!({"description": description, "code": status.as_u16(), "correlationId": "sbx-sumsub-1"})))
        .into_response()
}

async fn share_token(
    State(state): State<Arc<SandboxState>>,
    uri: OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    *lock(&state.share_token_calls) += 1;
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    if header(sumsub::HEADER_TOKEN) != APP_TOKEN {
        return error(StatusCode::UNAUTHORIZED, "App token is invalid");
    }
    let Ok(ts) = header(sumsub::HEADER_TS).parse::<u64>() else {
        return error(StatusCode::UNAUTHORIZED, "Missing request timestamp");
    };
    if now_secs().abs_diff(ts) > state.options.max_skew_secs {
        return error(
            StatusCode::UNAUTHORIZED,
            "Request timestamp is too far from the current time",
        );
    }
    let path = uri.0.path_and_query().map(|pq| pq.as_str()).unwrap_or("/");
    let expected = sumsub::signature(SECRET_KEY.as_bytes(), ts, "POST", path, &body);
    if !crate::hawk::macs_equal(header(sumsub::HEADER_SIG), &expected) {
        return error(StatusCode::UNAUTHORIZED, "Request signature mismatch");
    }
    let Some(request) = object(&body) else {
        return error(StatusCode::BAD_REQUEST, "Body must be a JSON object");
    };
    let applicant = request
        .get("applicantId")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let for_client_id = request
        .get("forClientId")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    if applicant.is_empty() || for_client_id.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "applicantId and forClientId are required",
        );
    }
    let ttl = request
        .get("ttlInSecs")
        .and_then(Value::as_u64)
        .unwrap_or(MAX_TTL_SECS)
        .min(MAX_TTL_SECS);
    let token = format!("_act-sbx-share-{}", crate::hawk::nonce());
    let record = ShareToken {
        applicant,
        for_client_id: for_client_id.clone(),
        expires_at: now_secs() + ttl,
    };
    lock(&state.share_tokens).insert(token.clone(), record);
    Json(json!({"token": token, "forClientId": for_client_id})).into_response()
}

/// Why a share token presented to Swipelux is refused, if it is.
pub fn refusal(state: &SandboxState, token: &str, applicant: Option<&str>) -> Option<&'static str> {
    let tokens = lock(&state.share_tokens);
    let Some(record) = tokens.get(token) else {
        return Some("share_token_invalid");
    };
    if now_secs() >= record.expires_at {
        return Some("share_token_expired");
    }
    if record.for_client_id != FOR_CLIENT_ID || Some(record.applicant.as_str()) != applicant {
        return Some("share_token_invalid");
    }
    None
}
