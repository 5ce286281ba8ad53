//! Sandbox-mode helpers for the demo page and browser tests. With a config (real provider)
//! every one of these answers 404: nothing here exists outside the sandbox. Each answers
//! the demo's own page only (see `demo_guard`).
//! - `GET /demo/customers`: the demo customers.
//! - `POST /demo/session` {provider, customer?, ttlSecs?} → {token, provider, customer,
//!   expiresIn, endpoint}: a session token for a demo customer.
//! - `POST|GET|DELETE /demo/faults`: the sandbox's fault injector (same body as
//!   `POST /__sandbox/faults`, e.g. {"kind": "drop", "provider": "spherepay"}).
//! - `POST /demo/reset`: demo customers back to their initial state, faults cleared.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use customer_update_core::providers;
use serde::Deserialize;
use serde_json::json;

use super::demo_guard::DemoPage;
use crate::app::AppState;
use crate::problem::{Kind, Problem};
use crate::sandbox::demo::{self, DEMO_CUSTOMERS};
use crate::sandbox::{Fault, SandboxState};

pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/demo/customers", get(customers))
        .route("/demo/session", post(session))
        .route(
            "/demo/faults",
            post(add_fault).get(list_faults).delete(clear_faults),
        )
        .route("/demo/reset", post(reset))
}

fn sandbox(state: &AppState) -> Result<&Arc<SandboxState>, Problem> {
    state.sandbox.as_ref().ok_or_else(|| {
        Problem::new(
            Kind::SandboxOnly,
            "Demo endpoints exist in sandbox mode only.",
        )
    })
}

async fn customers(_: DemoPage, State(state): State<Arc<AppState>>) -> Result<Response, Problem> {
    sandbox(&state)?;
    Ok(Json(DEMO_CUSTOMERS).into_response())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SessionRequest {
    provider: String,
    customer: Option<String>,
    ttl_secs: Option<u64>,
}

async fn session(
    _: DemoPage,
    State(state): State<Arc<AppState>>,
    body: axum::body::Bytes,
) -> Result<Response, Problem> {
    sandbox(&state)?;
    let request: SessionRequest = serde_json::from_slice(&body).map_err(|_| {
        Problem::new(
            Kind::MalformedBody,
            format!(
                "Send {{\"provider\": \"{}\", \"customer\"?: id}}.",
                providers::ids().join("|")
            ),
        )
    })?;
    let customer = match &request.customer {
        Some(id) => demo::find(&request.provider, id),
        None => demo::default_for(&request.provider),
    }
    .ok_or_else(|| {
        Problem::new(
            Kind::MalformedBody,
            "Unknown demo provider or customer; see GET /demo/customers.",
        )
    })?;
    let max = state.session_key.max_ttl().as_secs().max(1);
    let ttl = Duration::from_secs(request.ttl_secs.unwrap_or(1800).clamp(1, max));
    let token = state
        .session_key
        .mint(
            customer.id,
            customer.provider,
            ttl,
            None,
            customer.applicant.map(str::to_owned),
        )
        .map_err(|_| Problem::new(Kind::MalformedBody, "Could not sign the token."))?;
    Ok(Json(json!({
        "token": token,
        "provider": customer.provider,
        "customer": customer.id,
        "expiresIn": ttl.as_secs(),
        "endpoint": "/v1/customer",
    }))
    .into_response())
}

async fn add_fault(
    _: DemoPage,
    State(state): State<Arc<AppState>>,
    body: axum::body::Bytes,
) -> Result<Response, Problem> {
    let sandbox = sandbox(&state)?;
    let fault: Fault = serde_json::from_slice(&body).map_err(|e| {
        Problem::new(Kind::MalformedBody, format!("Send {{provider?, kind: delay|status500|status429|malformed|drop|staleShareToken, count?, delayMs?}}: {e}"))
    })?;
    sandbox.faults.add(fault);
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn list_faults(_: DemoPage, State(state): State<Arc<AppState>>) -> Result<Response, Problem> {
    Ok(Json(sandbox(&state)?.faults.list()).into_response())
}

async fn clear_faults(
    _: DemoPage,
    State(state): State<Arc<AppState>>,
) -> Result<Response, Problem> {
    sandbox(&state)?.faults.clear();
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn reset(_: DemoPage, State(state): State<Arc<AppState>>) -> Result<Response, Problem> {
    let sandbox = sandbox(&state)?;
    sandbox.faults.clear();
    sandbox.reset_customers();
    Ok(StatusCode::NO_CONTENT.into_response())
}
