//! BVNK (under `/bvnk`): `/platform/v1/customers/{ref}` GET; company `PUT`, individual
//! `PATCH`; `PUT …/associates`; `PUT …/status` (operator only: the proxy must never reach
//! it). Every request carries Hawk HMAC-SHA256: the MAC, the payload hash (when given), the
//! timestamp skew and nonce reuse are all checked. Errors: {code: "bvnk:<domain>:<nnnn>",
//! status, traceId, message, errorList?[{code, parameter, message}]}.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{OriginalUri, Path, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::store::{merge, object};
use super::{lock, Provider, SandboxState};
use crate::hawk;
use crate::session::now_secs;
use crate::upstream::auth::Credentials;

const PROVIDER: &str = "bvnk";
pub const HAWK_ID: &str = "sandbox-bvnk-hawk-id";
pub const HAWK_KEY: &str = "sandbox-bvnk-hawk-key";

pub(super) const SANDBOX: Provider = Provider {
    id: PROVIDER,
    prefix: "/bvnk",
    router,
    credentials: |_| Credentials::Bvnk {
        hawk_id: HAWK_ID.into(),
        hawk_key: HAWK_KEY.into(),
    },
    fill_ip_address: false,
};

const MAX_BODY_BYTES: usize = 64 * 1024;

fn router(state: Arc<SandboxState>) -> Router<Arc<SandboxState>> {
    Router::new()
        .route(
            "/platform/v1/customers/{reference}",
            get(fetch).put(update_company).patch(update_individual),
        )
        .route(
            "/platform/v1/customers/{reference}/associates",
            put(update_associates),
        )
        .route(
            "/platform/v1/customers/{reference}/status",
            put(update_status),
        )
        // Every BVNK call is Hawk-signed, so the check sits in front of all routes.
        .route_layer(middleware::from_fn_with_state(state, require_hawk))
}

/// Buffers the body (the MAC covers its hash), verifies the Hawk header, then hands the
/// request on unchanged.
async fn require_hawk(
    State(state): State<Arc<SandboxState>>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "bvnk:request:4130",
            "Body too large",
            vec![],
        );
    };
    let uri = parts
        .extensions
        .get::<OriginalUri>()
        .map_or(&parts.uri, |original| &original.0);
    if let Err(refusal) = verify_hawk(&state, &parts.method, uri, &parts.headers, &body) {
        return refusal;
    }
    next.run(Request::from_parts(parts, Body::from(body))).await
}

fn error(status: StatusCode, code: &str, message: &str, fields: Vec<(String, String)>) -> Response {
    let mut body = json!({"code": code, "status": status.as_u16(), "traceId": "sbx-trace-1", "message": message});
    if !fields.is_empty() {
        body["errorList"] = fields
            .into_iter()
            .map(|(parameter, message)| json!({"code": "bvnk:validation:4001", "parameter": parameter, "message": message}))
            .collect();
    }
    (status, Json(body)).into_response()
}

/// Verifies the Hawk header of a request; `Err` is the 401 to send (a sandbox answer, made
/// once per refused request: its size on the stack does not matter).
#[allow(clippy::result_large_err)]
fn verify_hawk(
    state: &SandboxState,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), Response> {
    let refuse = |why: &str| error(StatusCode::UNAUTHORIZED, "bvnk:auth:4010", why, vec![]);
    let header = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let parsed = hawk::parse_header(header)
        .ok_or_else(|| refuse("Missing or malformed Hawk authorization"))?;
    if parsed.id != HAWK_ID {
        return Err(refuse("Unknown Hawk id"));
    }
    let ts: u64 = parsed
        .ts
        .parse()
        .map_err(|_| refuse("Bad Hawk timestamp"))?;
    if now_secs().abs_diff(ts) > state.options.max_skew_secs {
        return Err(refuse("Stale timestamp"));
    }
    let host_header = headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (host, port) = match host_header.rsplit_once(':') {
        Some((host, port)) => (host, port.parse().unwrap_or(80)),
        None => (host_header, 80),
    };
    let resource = uri.path_and_query().map(|pq| pq.as_str()).unwrap_or("/");
    if !parsed.hash.is_empty() {
        let content_type = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !hawk::macs_equal(&parsed.hash, &hawk::payload_hash(content_type, body)) {
            return Err(refuse("Payload hash mismatch"));
        }
    }
    let artifacts = hawk::Artifacts {
        ts,
        nonce: &parsed.nonce,
        method: method.as_str(),
        resource,
        host,
        port,
        hash: &parsed.hash,
        ext: &parsed.ext,
    };
    let expected = hawk::mac(HAWK_KEY.as_bytes(), &artifacts);
    if !hawk::macs_equal(&parsed.mac, &expected) {
        return Err(refuse("Bad MAC"));
    }
    // Nonces are checked last so a forged request cannot burn a real one.
    if !lock(&state.hawk_nonces).insert(format!("{}:{}", parsed.id, parsed.nonce)) {
        return Err(refuse("Nonce already used"));
    }
    Ok(())
}

fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "bvnk:customer:4040",
        "Customer not found",
        vec![],
    )
}

async fn fetch(State(state): State<Arc<SandboxState>>, Path(reference): Path<String>) -> Response {
    state
        .with_customer(PROVIDER, &reference, |record| {
            Json(record.clone()).into_response()
        })
        .unwrap_or_else(not_found)
}

/// Applies `patch` under `section` ("company" or "individual") of a customer of `kind`.
fn apply(
    state: &SandboxState,
    reference: &str,
    kind: &str,
    section: &str,
    patch: Value,
) -> Response {
    state
        .with_customer(PROVIDER, reference, |record| {
            if record.get("type").and_then(Value::as_str) != Some(kind) {
                return error(
                    StatusCode::BAD_REQUEST,
                    "bvnk:customer:4002",
                    &format!("This call is for {kind} customers only"),
                    vec![],
                );
            }
            if let Some(target) = record.get_mut(section) {
                merge(target, &patch);
            }
            Json(record.clone()).into_response()
        })
        .unwrap_or_else(not_found)
}

fn check_address(patch: &Value, fields: &mut Vec<(String, String)>) {
    if let Some(code) = patch
        .pointer("/address/countryCode")
        .and_then(Value::as_str)
    {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            fields.push((
                "address.countryCode".to_owned(),
                "Must be an ISO 3166-1 alpha-2 code".to_owned(),
            ));
        }
    }
}

/// The two documented update shapes: company `PUT` and individual `PATCH`.
struct UpdateShape {
    keys: &'static [&'static str],
    customer_type: &'static str,
    section: &'static str,
}

const COMPANY: UpdateShape = UpdateShape {
    keys: &["name", "description", "address"],
    customer_type: "COMPANY",
    section: "company",
};
const INDIVIDUAL: UpdateShape = UpdateShape {
    keys: &["email", "phone", "address", "dateOfBirth"],
    customer_type: "INDIVIDUAL",
    section: "individual",
};

async fn update_company(
    state: State<Arc<SandboxState>>,
    reference: Path<String>,
    body: Bytes,
) -> Response {
    update(state, reference, body, &COMPANY)
}

async fn update_individual(
    state: State<Arc<SandboxState>>,
    reference: Path<String>,
    body: Bytes,
) -> Response {
    update(state, reference, body, &INDIVIDUAL)
}

fn update(
    State(state): State<Arc<SandboxState>>,
    Path(reference): Path<String>,
    body: Bytes,
    shape: &UpdateShape,
) -> Response {
    let Some(patch) = object(&body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "bvnk:request:4000",
            "Body must be a JSON object",
            vec![],
        );
    };
    let mut fields: Vec<(String, String)> = patch
        .keys()
        .filter(|k| !shape.keys.contains(&k.as_str()))
        .map(|k| (k.clone(), "Unknown field".to_owned()))
        .collect();
    let patch = Value::Object(patch);
    check_address(&patch, &mut fields);
    if !fields.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "bvnk:validation:4000",
            "Validation failed",
            fields,
        );
    }
    apply(
        &state,
        &reference,
        shape.customer_type,
        shape.section,
        patch,
    )
}

async fn update_associates(
    State(state): State<Arc<SandboxState>>,
    Path(reference): Path<String>,
    body: Bytes,
) -> Response {
    let associates = object(&body)
        .and_then(|mut b| b.remove("associates"))
        .filter(Value::is_array);
    let Some(associates) = associates else {
        return error(
            StatusCode::BAD_REQUEST,
            "bvnk:request:4000",
            "Body must be {associates: [...]}",
            vec![],
        );
    };
    state
        .with_customer(PROVIDER, &reference, |record| {
            if record.get("type").and_then(Value::as_str) != Some("COMPANY") {
                return error(
                    StatusCode::BAD_REQUEST,
                    "bvnk:customer:4002",
                    "Only company customers have associates",
                    vec![],
                );
            }
            if let Some(company) = record.get_mut("company").and_then(Value::as_object_mut) {
                company.insert("associates".to_owned(), associates);
            }
            Json(record.clone()).into_response()
        })
        .unwrap_or_else(not_found)
}

/// Operator-only in the real API: accepted here so a test can prove the proxy never calls it.
async fn update_status(
    State(state): State<Arc<SandboxState>>,
    Path(reference): Path<String>,
    body: Bytes,
) -> Response {
    let status =
        object(&body).and_then(|b| b.get("status").and_then(Value::as_str).map(str::to_owned));
    match status.as_deref() {
        Some(status @ ("PENDING" | "VERIFIED" | "REJECTED")) => state
            .with_customer(PROVIDER, &reference, |record| {
                record["status"] = Value::String(status.to_owned());
                Json(record.clone()).into_response()
            })
            .unwrap_or_else(not_found),
        _ => error(
            StatusCode::BAD_REQUEST,
            "bvnk:validation:4000",
            "Validation failed",
            vec![(
                "status".to_owned(),
                "Must be PENDING, VERIFIED or REJECTED".to_owned(),
            )],
        ),
    }
}
