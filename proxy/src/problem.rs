//! The proxy's own errors: RFC 9457 `application/problem+json` with field errors the widget
//! can show beside the right input. Upstream errors are relayed as the provider sent them;
//! everything in this file is something the proxy itself decided.

use axum::extract::rejection::BytesRejection;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use customer_update_core::providers::Rejection;
use customer_update_core::FieldError;
use serde_json::{json, Value};

use crate::request_id::RequestId;
use crate::session::SessionError;
use crate::upstream::Failure;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// `instance` is this prefix and the request ID (`X-Request-Id` of the response).
pub const INSTANCE_PREFIX: &str = "urn:customer-update:request:";

/// What went wrong, as a stable slug (part of the contract: the widget branches on `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SessionMissing,
    SessionInvalid,
    SessionExpired,
    WrongProvider,
    OriginMismatch,
    CustomerIdInRequest,
    QueryNotAllowed,
    PathNotAllowed,
    WrongOperation,
    MalformedBody,
    UnknownField,
    Validation,
    BodyTooLarge,
    RateLimited,
    RateLimitUnavailable,
    RequestTimeout,
    NotFound,
    MethodNotAllowed,
    UpstreamUnreachable,
    UpstreamTimeout,
    UpstreamError,
    UpstreamMalformed,
    UpstreamRateLimited,
    UpstreamAuth,
    SandboxOnly,
    ForeignPage,
}

impl Kind {
    pub fn slug(self) -> &'static str {
        match self {
            Kind::SessionMissing => "session-missing",
            Kind::SessionInvalid => "session-invalid",
            Kind::SessionExpired => "session-expired",
            Kind::WrongProvider => "wrong-provider",
            Kind::OriginMismatch => "origin-mismatch",
            Kind::CustomerIdInRequest => "customer-id-in-request",
            Kind::QueryNotAllowed => "query-not-allowed",
            Kind::PathNotAllowed => "path-not-allowed",
            Kind::WrongOperation => "operation-not-for-this-customer",
            Kind::MalformedBody => "malformed-body",
            Kind::UnknownField => "unknown-field",
            Kind::Validation => "validation-failed",
            Kind::BodyTooLarge => "body-too-large",
            Kind::RateLimited => "rate-limited",
            Kind::RateLimitUnavailable => "rate-limit-unavailable",
            Kind::RequestTimeout => "request-timeout",
            Kind::NotFound => "not-found",
            Kind::MethodNotAllowed => "method-not-allowed",
            Kind::UpstreamUnreachable => "upstream-unreachable",
            Kind::UpstreamTimeout => "upstream-timeout",
            Kind::UpstreamError => "upstream-error",
            Kind::UpstreamMalformed => "upstream-malformed",
            Kind::UpstreamRateLimited => "upstream-rate-limited",
            Kind::UpstreamAuth => "upstream-auth-failed",
            Kind::SandboxOnly => "sandbox-only",
            Kind::ForeignPage => "foreign-page",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Kind::SessionMissing | Kind::SessionInvalid | Kind::SessionExpired => {
                StatusCode::UNAUTHORIZED
            }
            Kind::WrongProvider | Kind::OriginMismatch | Kind::ForeignPage => StatusCode::FORBIDDEN,
            Kind::CustomerIdInRequest
            | Kind::QueryNotAllowed
            | Kind::PathNotAllowed
            | Kind::WrongOperation
            | Kind::MalformedBody
            | Kind::UnknownField => StatusCode::BAD_REQUEST,
            Kind::Validation => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::RateLimited | Kind::UpstreamRateLimited => StatusCode::TOO_MANY_REQUESTS,
            Kind::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Kind::RateLimitUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Kind::NotFound | Kind::SandboxOnly => StatusCode::NOT_FOUND,
            Kind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Kind::UpstreamUnreachable
            | Kind::UpstreamError
            | Kind::UpstreamMalformed
            | Kind::UpstreamAuth => StatusCode::BAD_GATEWAY,
            Kind::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Kind::SessionMissing => "No session token",
            Kind::SessionInvalid => "Session token not valid",
            Kind::SessionExpired => "Session expired",
            Kind::WrongProvider => "Session is for another provider",
            Kind::OriginMismatch => "Session is for another origin",
            Kind::CustomerIdInRequest => "Customer ID must not be sent",
            Kind::QueryNotAllowed => "Query parameters are not accepted",
            Kind::PathNotAllowed => "No such operation",
            Kind::WrongOperation => "Operation not available for this customer",
            Kind::MalformedBody => "Request body is not valid",
            Kind::UnknownField => "Field not accepted",
            Kind::Validation => "Some fields need attention",
            Kind::BodyTooLarge => "Request body too large",
            Kind::RateLimited => "Too many requests",
            Kind::RateLimitUnavailable => "Rate limits unavailable",
            Kind::RequestTimeout => "Request took too long",
            Kind::NotFound => "Not found",
            Kind::MethodNotAllowed => "Method not allowed",
            Kind::UpstreamUnreachable => "Provider unreachable",
            Kind::UpstreamTimeout => "Provider did not answer in time",
            Kind::UpstreamError => "Provider failed",
            Kind::UpstreamMalformed => "Provider sent an unreadable answer",
            Kind::UpstreamRateLimited => "Provider is rate limiting",
            Kind::UpstreamAuth => "Proxy could not authenticate with the provider",
            Kind::SandboxOnly => "Only available in sandbox mode",
            Kind::ForeignPage => "Only the demo page may call this",
        }
    }
}

/// A problem+json response under construction.
#[derive(Debug, Clone)]
pub struct Problem {
    pub kind: Kind,
    pub detail: String,
    pub errors: Vec<FieldError>,
    pub retry_after_secs: Option<u64>,
    /// Answer with this status instead of the kind's (relaying a provider's 4xx).
    pub status_override: Option<StatusCode>,
}

impl Problem {
    pub fn new(kind: Kind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            detail: detail.into(),
            errors: Vec::new(),
            retry_after_secs: None,
            status_override: None,
        }
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn retry_after(mut self, secs: u64) -> Self {
        self.retry_after_secs = Some(secs);
        self
    }

    pub fn status(&self) -> StatusCode {
        self.status_override.unwrap_or(self.kind.status())
    }

    pub fn body(&self) -> Value {
        let errors: Vec<Value> = self
            .errors
            .iter()
            .map(|e| json!({"pointer": e.pointer, "code": e.code.as_str(), "message": e.message}))
            .collect();
        let mut body = json!({
            "type": format!("urn:customer-update:problem:{}", self.kind.slug()),
            "title": self.kind.title(),
            "status": self.status().as_u16(),
            "detail": self.detail,
            "errors": errors,
        });
        // The request's ID, so a user's report can be matched with the proxy's log lines.
        if let Some(id) = RequestId::current() {
            body["instance"] = Value::String(format!("{INSTANCE_PREFIX}{id}"));
        }
        body
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = (self.status(), self.body().to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.retry_after_secs {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.status() == StatusCode::UNAUTHORIZED {
            let challenge = if self.kind == Kind::SessionMissing {
                "Bearer"
            } else {
                "Bearer error=\"invalid_token\""
            };
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}

// The errors handlers meet, as the problem each is answered with (so handlers use `?`).

impl From<Failure> for Problem {
    fn from(failure: Failure) -> Self {
        failure.problem()
    }
}

/// core refused the body: its shape (400) or its values (422), with every field error.
impl From<Rejection> for Problem {
    fn from(rejection: Rejection) -> Self {
        let (kind, detail) = match rejection {
            Rejection::Malformed(_) => (
                Kind::UnknownField,
                "The body has a field this form may not send, or a value of the wrong type.",
            ),
            Rejection::Invalid(_) => (
                Kind::Validation,
                "Some fields need attention; see errors[].",
            ),
        };
        Problem::new(kind, detail).with_errors(rejection.into_errors())
    }
}

impl From<SessionError> for Problem {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::Expired => Problem::new(
                Kind::SessionExpired,
                "The session has expired. Ask the page for a new token.",
            ),
            SessionError::Invalid => {
                Problem::new(Kind::SessionInvalid, "The session token is not valid.")
            }
        }
    }
}

/// The request body could not be read: over the limit, or cut off.
impl From<BytesRejection> for Problem {
    fn from(rejection: BytesRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::new(
                Kind::BodyTooLarge,
                format!("The body must be at most {} bytes.", crate::app::BODY_LIMIT),
            )
        } else {
            Problem::new(Kind::MalformedBody, "The body could not be read.")
        }
    }
}
