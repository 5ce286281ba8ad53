//! SpherePay: `GET|PATCH /v2/customer/{id}` with `Authorization: Bearer <key>`. Errors are
//! {status, detail, code, correlationId, errors?[{detail, pointer}]}. Enforces: tax fields
//! ⇒ number + type + country + address; name, birth date and tax ID locked once KYC was
//! submitted; the tax ID number is never returned.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use super::store::{merge, now_rfc3339, object, remove_pointer};
use super::{Provider, SandboxState};
use crate::upstream::auth::Credentials;

const PROVIDER: &str = "spherepay";
pub const API_KEY: &str = "sandbox-spherepay-api-key";

pub(super) const SANDBOX: Provider = Provider {
    id: PROVIDER,
    prefix: "/spherepay",
    router,
    credentials: |_| Credentials::SpherePay {
        api_key: API_KEY.into(),
    },
    fill_ip_address: false,
};

const EDITABLE: &[&str] = &[
    "email",
    "phone",
    "firstName",
    "lastName",
    "dateOfBirth",
    "address",
    "personalInformation",
    "meta",
];
const TAX_FIELDS: &[&str] = &[
    "taxIdentificationNumber",
    "taxIdentificationNumberType",
    "taxIdentificationNumberCountry",
    "taxIdentificationNumberDescription",
];

fn router(_: Arc<SandboxState>) -> Router<Arc<SandboxState>> {
    Router::new().route("/v2/customer/{id}", get(fetch).patch(update))
}

fn error(status: StatusCode, code: &str, detail: &str, errors: Vec<(&str, String)>) -> Response {
    let mut body = json!({"status": status.as_u16(), "code": code, "detail": detail, "correlationId": "sbx-corr-1"});
    if !errors.is_empty() {
        body["errors"] = errors
            .into_iter()
            .map(|(pointer, detail)| json!({"pointer": pointer, "detail": detail}))
            .collect();
    }
    (status, Json(body)).into_response()
}

fn authorized(headers: &HeaderMap) -> bool {
    let expected = format!("Bearer {}", API_KEY);
    headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(expected.as_str())
}

fn unauthorized() -> Response {
    error(
        StatusCode::UNAUTHORIZED,
        "auth/unauthorized",
        "Invalid or missing API key",
        vec![],
    )
}

fn public_view(record: &Value) -> Value {
    let mut view = record.clone();
    remove_pointer(&mut view, "/personalInformation/taxIdentificationNumber");
    remove_pointer(&mut view, "/address");
    view
}

fn kyc_submitted(record: &Value) -> bool {
    record
        .pointer("/verificationProfiles/0/status")
        .and_then(Value::as_str)
        .is_some_and(|status| status != "incomplete")
}

async fn fetch(
    State(state): State<Arc<SandboxState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !authorized(&headers) {
        return unauthorized();
    }
    match state.with_customer(PROVIDER, &id, |record| public_view(record)) {
        Some(view) => Json(view).into_response(),
        None => error(
            StatusCode::NOT_FOUND,
            "resource/not-found",
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
    if !authorized(&headers) {
        return unauthorized();
    }
    let Some(patch) = object(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "validation/invalid-body",
            "Body must be a JSON object",
            vec![],
        );
    };
    if let Some(key) = patch.keys().find(|k| !EDITABLE.contains(&k.as_str())) {
        let pointer = format!("/{key}");
        return error(
            StatusCode::BAD_REQUEST,
            "validation/failed",
            "Unknown field",
            vec![(&pointer, "Unknown field".into())],
        );
    }
    let patch = Value::Object(patch);
    let tax_given = TAX_FIELDS.iter().any(|f| {
        patch
            .pointer(&format!("/personalInformation/{f}"))
            .is_some()
    });
    let mut errors = Vec::new();
    if tax_given {
        for field in &TAX_FIELDS[..3] {
            if patch
                .pointer(&format!("/personalInformation/{field}"))
                .is_none()
            {
                errors.push((
                    format!("/personalInformation/{field}"),
                    "Required with the other tax identification fields".to_owned(),
                ));
            }
        }
        if patch.get("address").is_none() {
            errors.push((
                "/address".to_owned(),
                "Address is required when tax identification is provided".to_owned(),
            ));
        }
    }
    if let Some(email) = patch.get("email").and_then(Value::as_str) {
        if !email.contains('@') {
            errors.push(("/email".to_owned(), "Invalid email format".to_owned()));
        }
    }
    if !errors.is_empty() {
        let errors = errors
            .iter()
            .map(|(p, d)| (p.as_str(), d.clone()))
            .collect();
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation/failed",
            "Validation failed",
            errors,
        );
    }
    let outcome = state.with_customer(PROVIDER, &id, |record| {
        if kyc_submitted(record) {
            let mut locked: Vec<String> = ["firstName", "lastName", "dateOfBirth"]
                .iter()
                .filter(|f| patch.get(**f).is_some())
                .map(|f| format!("/{f}"))
                .collect();
            if tax_given {
                locked.push("/personalInformation/taxIdentificationNumber".to_owned());
            }
            if !locked.is_empty() {
                return Err(locked);
            }
        }
        merge(record, &patch);
        record["updatedAt"] = Value::String(now_rfc3339());
        Ok(public_view(record))
    });
    match outcome {
        None => error(
            StatusCode::NOT_FOUND,
            "resource/not-found",
            "Customer not found",
            vec![],
        ),
        Some(Err(locked)) => {
            let errors = locked
                .iter()
                .map(|p| (p.as_str(), "Locked after KYC submission".to_owned()))
                .collect();
            error(
                StatusCode::BAD_REQUEST,
                "customer/locked",
                "These fields are locked once KYC was submitted",
                errors,
            )
        }
        Some(Ok(view)) => Json(view).into_response(),
    }
}
