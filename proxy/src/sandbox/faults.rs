//! Faults the sandbox can be told to inject, so tests (and the widget's browser tests) can
//! prove how the proxy behaves when a provider misbehaves.

use std::io;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http_body::Frame;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FaultKind {
    /// Wait `delayMs` before answering normally (the proxy's timeout turns this into 504).
    Delay,
    /// Answer 500 with the provider's error envelope.
    Status500,
    /// Answer 429 with `Retry-After: 7`.
    Status429,
    /// Answer 200 with a body that is not JSON.
    Malformed,
    /// Send the status line and headers, then drop the connection mid-body.
    Drop,
    /// Swipelux: treat the next share token presented as expired.
    StaleShareToken,
}

/// `POST /__sandbox/faults` body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// `spherepay`, `polygon`, `bvnk`, `swipelux`, `sumsub`; absent: any provider.
    #[serde(default)]
    pub provider: Option<String>,
    pub kind: FaultKind,
    /// How many requests it applies to (default 1).
    #[serde(default = "one")]
    pub count: u32,
    /// For `delay` (default 2000).
    #[serde(default = "two_seconds")]
    pub delay_ms: u64,
}

fn one() -> u32 {
    1
}
fn two_seconds() -> u64 {
    2_000
}

#[derive(Default)]
pub struct Faults {
    pending: Mutex<Vec<Fault>>,
}

impl Faults {
    pub fn add(&self, fault: Fault) {
        if fault.count > 0 {
            self.lock().push(fault);
        }
    }

    pub fn clear(&self) {
        self.lock().clear();
    }

    pub fn list(&self) -> Vec<Fault> {
        self.lock().clone()
    }

    /// Takes one use of the first pending fault for `provider` matching `accept`.
    pub fn take(&self, provider: &str, accept: impl Fn(FaultKind) -> bool) -> Option<Fault> {
        let mut pending = self.lock();
        let at = pending
            .iter()
            .position(|f| f.provider.as_deref().is_none_or(|p| p == provider) && accept(f.kind))?;
        let fault = pending.get_mut(at)?;
        fault.count -= 1;
        let taken = fault.clone();
        if fault.count == 0 {
            pending.remove(at);
        }
        Some(taken)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        // A poisoned lock only means a panic elsewhere; the list itself is still sound.
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A body that fails on first read: hyper aborts the connection.
struct BrokenBody;

impl http_body::Body for BrokenBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        Poll::Ready(Some(Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "sandbox fault: drop",
        ))))
    }
}

/// The response a fault replaces the provider's answer with (`None`: answer normally after
/// the delay, which the caller has already slept).
pub async fn apply(fault: &Fault) -> Option<Response> {
    match fault.kind {
        FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            None
        }
        FaultKind::Status500 => Some(
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "application/json")],
                r#"{"status":500,"code":"internal/error","detail":"Sandbox fault: internal error"}"#,
            )
                .into_response(),
        ),
        FaultKind::Status429 => Some(
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::CONTENT_TYPE, "application/json"), (header::RETRY_AFTER, "7")],
                r#"{"status":429,"code":"rate-limit/exceeded","detail":"Sandbox fault: slow down"}"#,
            )
                .into_response(),
        ),
        FaultKind::Malformed => Some(
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], "{\"id\": \"cus_1\", \"email\": <html>oops")
                .into_response(),
        ),
        FaultKind::Drop => Some(Response::new(Body::new(BrokenBody))),
        FaultKind::StaleShareToken => None,
    }
}
