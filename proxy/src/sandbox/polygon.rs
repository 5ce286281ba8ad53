//! Polygon OMS (under `/polygon/v0.9`): `POST /auth/token` {apiKey, apiSecret} → bearer with
//! a lifetime; `GET|PATCH /customers/{id}` with it. PII (birthDate, residentialAddress,
//! ipAddress, identifyingInformation) is stored but never returned; `signedAgreement` can
//! never go back to false. The error format is undocumented: {code, message, errors?[{field,
//! message}]} here.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::store::{merge, now_rfc3339, object};
use super::{lock, Provider, SandboxState};
use crate::session::now_secs;
use crate::upstream::auth::Credentials;

const PROVIDER: &str = "polygon";
pub const API_KEY: &str = "sandbox-polygon-api-key";
pub const API_SECRET: &str = "sandbox-polygon-api-secret";

pub(super) const SANDBOX: Provider = Provider {
    id: PROVIDER,
    prefix: "/polygon/v0.9",
    router,
    credentials: |_| Credentials::Polygon {
        api_key: API_KEY.into(),
        api_secret: API_SECRET.into(),
    },
    // Polygon's updates take the customer's `ipAddress`.
    fill_ip_address: true,
};

const WRITE_ONLY: &[&str] = &[
    "birthDate",
    "residentialAddress",
    "ipAddress",
    "identifyingInformation",
];
const ACCEPTED: &[&str] = &[
    "firstName",
    "middleName",
    "lastName",
    "email",
    "phone",
    "birthDate",
    "nationality",
    "ipAddress",
    "externalId",
    "signedAgreement",
    "residentialAddress",
    "identifyingInformation",
    "endorsements",
    "metadata",
];

fn router(_: Arc<SandboxState>) -> Router<Arc<SandboxState>> {
    Router::new()
        .route("/auth/token", post(token))
        .route("/customers/{id}", get(fetch).patch(update))
}

fn error(status: StatusCode, code: &str, message: &str, errors: Vec<(String, String)>) -> Response {
    let mut body = json!({"code": code, "message": message});
    if !errors.is_empty() {
        body["errors"] = errors
            .into_iter()
            .map(|(field, message)| json!({"field": field, "message": message}))
            .collect();
    }
    (status, Json(body)).into_response()
}

async fn token(State(state): State<Arc<SandboxState>>, body: Bytes) -> Response {
    *lock(&state.polygon_token_calls) += 1;
    let Some(request) = object(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Body must be {apiKey, apiSecret}",
            vec![],
        );
    };
    let key_ok = request.get("apiKey").and_then(Value::as_str) == Some(API_KEY);
    let secret_ok = request.get("apiSecret").and_then(Value::as_str) == Some(API_SECRET);
    if !(key_ok && secret_ok) {
        return error(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            "Unknown API key or secret",
            vec![],
        );
    }
    let ttl = state.options.polygon_token_ttl_secs;
    let expires_at = now_secs() + ttl;
    let token = format!("pgn_sbx_{}", crate::hawk::nonce());
    lock(&state.polygon_tokens).insert(token.clone(), expires_at);
    let expires_at_text = time::OffsetDateTime::from_unix_timestamp(expires_at as i64)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        });
    Json(json!({"accessToken": token, "tokenType": "bearer", "expiresIn": ttl, "expiresAt": expires_at_text}))
        .into_response()
}

fn authorized(state: &SandboxState, headers: &HeaderMap) -> bool {
    let Some(token) = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    lock(&state.polygon_tokens)
        .get(token)
        .is_some_and(|expires_at| now_secs() < *expires_at)
}

fn unauthorized() -> Response {
    error(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "Missing, unknown or expired access token",
        vec![],
    )
}

fn public_view(record: &Value) -> Value {
    let mut view = record.clone();
    if let Some(object) = view.as_object_mut() {
        for key in WRITE_ONLY {
            object.remove(*key);
        }
    }
    view
}

async fn fetch(
    State(state): State<Arc<SandboxState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !authorized(&state, &headers) {
        return unauthorized();
    }
    match state.with_customer(PROVIDER, &id, |record| public_view(record)) {
        Some(view) => Json(view).into_response(),
        None => error(
            StatusCode::NOT_FOUND,
            "not_found",
            "Customer not found",
            vec![],
        ),
    }
}

async fn update(
    State(state): State<Arc<SandboxState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !authorized(&state, &headers) {
        return unauthorized();
    }
    let Some(patch) = object(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Body must be a JSON object",
            vec![],
        );
    };
    let mut errors = Vec::new();
    for key in patch.keys().filter(|k| !ACCEPTED.contains(&k.as_str())) {
        errors.push((key.clone(), "Unknown field".to_owned()));
    }
    if let Some(phone) = patch.get("phone").and_then(Value::as_str) {
        let digits = phone.strip_prefix('+').unwrap_or("");
        if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            errors.push(("phone".to_owned(), "Phone must be E.164".to_owned()));
        }
    }
    if !errors.is_empty() {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_error",
            "Validation failed",
            errors,
        );
    }
    let patch = Value::Object(patch);
    let outcome = state.with_customer(PROVIDER, &id, |record| {
        let signed = record.get("signedAgreement").and_then(Value::as_bool) == Some(true);
        if signed && patch.get("signedAgreement").and_then(Value::as_bool) == Some(false) {
            return Err((
                "signedAgreement".to_owned(),
                "signedAgreement cannot be set back to false".to_owned(),
            ));
        }
        let mut patch = patch.clone();
        // identifyingInformation appends; an entry of the same type replaces the old one.
        if let Some(new_entries) = patch
            .as_object_mut()
            .and_then(|p| p.remove("identifyingInformation"))
        {
            let mut entries = record
                .get("identifyingInformation")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for entry in new_entries.as_array().into_iter().flatten() {
                entries.retain(|old| {
                    old.get("type").is_none() || old.get("type") != entry.get("type")
                });
                entries.push(entry.clone());
            }
            record["identifyingInformation"] = Value::Array(entries);
        }
        if !signed && patch.get("signedAgreement").and_then(Value::as_bool) == Some(true) {
            record["signedAgreementAt"] = Value::String(now_rfc3339());
        }
        merge(record, &patch);
        record["updatedAt"] = Value::String(now_rfc3339());
        Ok(public_view(record))
    });
    match outcome {
        None => error(
            StatusCode::NOT_FOUND,
            "not_found",
            "Customer not found",
            vec![],
        ),
        Some(Err(field)) => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_error",
            "Validation failed",
            vec![field],
        ),
        Some(Ok(view)) => Json(view).into_response(),
    }
}
