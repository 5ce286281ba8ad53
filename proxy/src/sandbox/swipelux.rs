//! Swipelux (legacy v1, under `/swipelux`): `GET|PUT|PATCH /v1/customers/{id}` with
//! `X-API-Key`. Errors use the v3 problem+json envelope {type, title, status, code, detail,
//! correlationId, retryable, errors[{pointer, code, message}]}. A `shareToken` must be one
//! the sandbox's Sumsub minted for this customer's applicant and not yet expired.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

use super::faults::FaultKind;
use super::store::{merge, now_rfc3339, object};
use super::{sumsub, Provider, SandboxState};
use crate::upstream::auth::{Credentials, SumsubCredentials};

const PROVIDER: &str = "swipelux";
pub const API_KEY: &str = "sandbox-swipelux-api-key";

pub(super) const SANDBOX: Provider = Provider {
    id: PROVIDER,
    prefix: "/swipelux",
    router,
    credentials: sandbox_credentials,
    fill_ip_address: false,
};

/// The API key, and the sandbox's Sumsub (beside it under `base`) for share tokens.
fn sandbox_credentials(base: &str) -> Credentials {
    Credentials::Swipelux {
        api_key: API_KEY.into(),
        sumsub: Some(SumsubCredentials {
            base_url: format!("{base}{}", sumsub::PREFIX),
            app_token: sumsub::APP_TOKEN.into(),
            secret_key: sumsub::SECRET_KEY.into(),
            for_client_id: sumsub::FOR_CLIENT_ID.into(),
            ttl_secs: 600,
        }),
    }
}

const ACCEPTED: &[&str] = &[
    "firstName",
    "middleName",
    "lastName",
    "email",
    "phone",
    "birthDate",
    "residentialAddress",
    "identifyingInformation",
    "metadata",
    "shareToken",
];
const HIDDEN: &[&str] = &[
    "birthDate",
    "residentialAddress",
    "identifyingInformation",
    "applicantId",
];

fn router(_: Arc<SandboxState>) -> Router<Arc<SandboxState>> {
    Router::new().route("/v1/customers/{id}", get(fetch).put(update).patch(update))
}

fn problem(
    status: StatusCode,
    code: &str,
    detail: &str,
    errors: Vec<(String, &str, String)>,
) -> Response {
    let slug = code.replace('_', "-");
    let body = json!({
        "type": format!("https://docs.swipelux.com/errors/{slug}"),
        "title": detail, "status": status.as_u16(), "code": code, "detail": detail,
        "correlationId": "sbx-corr-swx", "retryable": false,
        "errors": errors.into_iter().map(|(pointer, code, message)| json!({"pointer": pointer, "code": code, "message": message})).collect::<Vec<_>>(),
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

fn authorized(headers: &HeaderMap) -> bool {
    headers.get("x-api-key").and_then(|v| v.to_str().ok()) == Some(API_KEY)
}

fn unauthorized() -> Response {
    problem(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "Missing or invalid API key",
        vec![],
    )
}

fn not_found() -> Response {
    problem(
        StatusCode::NOT_FOUND,
        "customer_not_found",
        "Customer not found",
        vec![],
    )
}

fn public_view(record: &Value) -> Value {
    let mut view = record.clone();
    if let Some(object) = view.as_object_mut() {
        for key in HIDDEN {
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
    if !authorized(&headers) {
        return unauthorized();
    }
    state
        .with_customer(PROVIDER, &id, |record| {
            axum::Json(public_view(record)).into_response()
        })
        .unwrap_or_else(not_found)
}

async fn update(
    State(state): State<Arc<SandboxState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !authorized(&headers) {
        return unauthorized();
    }
    let Some(mut patch) = object(&body) else {
        return problem(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Body must be a JSON object",
            vec![],
        );
    };
    let unknown: Vec<_> = patch
        .keys()
        .filter(|k| !ACCEPTED.contains(&k.as_str()))
        .map(|k| (format!("/{k}"), "unknown_field", "Unknown field".to_owned()))
        .collect();
    if !unknown.is_empty() {
        return problem(
            StatusCode::BAD_REQUEST,
            "validation_failed",
            "Request validation failed",
            unknown,
        );
    }
    let applicant = state.customer(PROVIDER, &id).and_then(|c| {
        c.get("applicantId")
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    if let Some(token) = patch.remove("shareToken") {
        let forced_stale = state
            .faults
            .take(PROVIDER, |kind| kind == FaultKind::StaleShareToken)
            .is_some();
        let why = match token.as_str() {
            _ if forced_stale => Some("share_token_expired"),
            Some(token) => sumsub::refusal(&state, token, applicant.as_deref()),
            None => Some("share_token_invalid"),
        };
        if let Some(code) = why {
            let message = if code == "share_token_expired" {
                "The share token has expired"
            } else {
                "The share token is not valid"
            };
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Request validation failed",
                vec![("/shareToken".to_owned(), code, message.to_owned())],
            );
        }
        patch.insert(
            "status".to_owned(),
            Value::String("under_review".to_owned()),
        );
    }
    let patch = Value::Object(patch);
    state
        .with_customer(PROVIDER, &id, |record| {
            merge(record, &patch);
            record["updatedAt"] = Value::String(now_rfc3339());
            axum::Json(public_view(record)).into_response()
        })
        .unwrap_or_else(not_found)
}
