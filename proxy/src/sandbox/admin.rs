//! `/__sandbox/…`: what tests and the demo use to steer the sandbox.
//! - `POST /__sandbox/faults` {provider?, kind: delay|status500|status429|malformed|drop|
//!   staleShareToken, count?=1, delayMs?=2000} → 204; `GET` lists pending; `DELETE` clears.
//! - `GET /__sandbox/stats`: request counters per provider, Polygon token calls, Sumsub
//!   share-token calls, Hawk nonces seen.
//! - `POST /__sandbox/polygon/revoke-tokens`: every issued Polygon bearer becomes invalid.
//! - `POST /__sandbox/reset`: demo customers back to their initial state.
//! - `GET /__sandbox/customers/{provider}/{id}`: the stored record, write-only fields included.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};

use super::faults::Fault;
use super::SandboxState;

pub fn router() -> Router<Arc<SandboxState>> {
    Router::new()
        .route(
            "/__sandbox/faults",
            post(add_fault).get(list_faults).delete(clear_faults),
        )
        .route("/__sandbox/stats", get(stats))
        .route("/__sandbox/polygon/revoke-tokens", post(revoke))
        .route("/__sandbox/reset", post(reset))
        .route("/__sandbox/customers/{provider}/{id}", get(customer))
}

async fn add_fault(State(state): State<Arc<SandboxState>>, Json(fault): Json<Fault>) -> StatusCode {
    state.faults.add(fault);
    StatusCode::NO_CONTENT
}

async fn list_faults(State(state): State<Arc<SandboxState>>) -> Json<Vec<Fault>> {
    Json(state.faults.list())
}

async fn clear_faults(State(state): State<Arc<SandboxState>>) -> StatusCode {
    state.faults.clear();
    StatusCode::NO_CONTENT
}

async fn stats(State(state): State<Arc<SandboxState>>) -> Response {
    Json(state.stats()).into_response()
}

async fn revoke(State(state): State<Arc<SandboxState>>) -> StatusCode {
    state.revoke_polygon_tokens();
    StatusCode::NO_CONTENT
}

async fn reset(State(state): State<Arc<SandboxState>>) -> StatusCode {
    state.reset_customers();
    StatusCode::NO_CONTENT
}

async fn customer(
    State(state): State<Arc<SandboxState>>,
    Path((provider, id)): Path<(String, String)>,
) -> Response {
    match state.customer(&provider, &id) {
        Some(record) => Json(record).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
