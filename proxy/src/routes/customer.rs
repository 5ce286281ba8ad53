//! `GET /v1/customer` and the provider's update calls (`PATCH|PUT /v1/customer[/sub-path]`).
//! The customer and the provider come from the session token only; the body is checked by
//! core's rules for that provider before anything is sent upstream.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use customer_update_core::country::Lang;
use customer_update_core::providers::{self, check_locks, ProviderSpec, ServerFields, UpdateOp};
use serde_json::Value;

use super::session_guard::{authenticate, Session};
use crate::answer;
use crate::app::AppState;
use crate::client_addr::client_ip;
use crate::customer_id::CustomerId;
use crate::problem::{Kind, Problem};
use crate::session::Claims;
use crate::upstream::{Upstream, UpstreamResponse};

/// Keys that would name a customer; the customer is the session's `sub`, nothing else.
const IDENTITY_KEYS: &[&str] = &[
    "id",
    "customerId",
    "customer_id",
    "customerReference",
    "reference",
    "sub",
    "customer",
];

pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/v1/customer", any(root))
        .route("/v1/customer/{*sub_path}", any(sub_path))
}

async fn root(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    handle(&state, peer, method, uri, headers, String::new(), body).await
}

async fn sub_path(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Path(rest): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let sub_path = format!("/{}", rest.trim_end_matches('/'));
    handle(&state, peer, method, uri, headers, sub_path, body).await
}

async fn handle(
    state: &AppState,
    peer: SocketAddr,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    sub_path: String,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let client = client_ip(peer, &headers, &state.trusted_proxies);
    let Session {
        claims,
        spec,
        upstream,
    } = authenticate(state, &headers, client).await?;
    let lang = answer::language(&headers);
    if let Some(query) = uri.query().filter(|q| !q.is_empty()) {
        let name = query
            .split('&')
            .next()
            .and_then(|p| p.split('=').next())
            .unwrap_or("");
        return Err(Problem::new(
            Kind::QueryNotAllowed,
            format!("Query parameters are not accepted (got `{}`); the customer comes from the session.", truncate(name)),
        ));
    }
    if method == Method::GET {
        if let Some(country) = sub_path.strip_prefix("/states/") {
            return super::states::list(country);
        }
        if let Some(lang) = sub_path.strip_prefix("/messages/") {
            return super::messages::file(lang);
        }
        if !sub_path.is_empty() {
            return Err(path_not_allowed(spec));
        }
        let record = current_record(spec, upstream, &claims, lang).await?;
        return Ok(answer::form_answer(spec, &record));
    }
    let core_method = match method {
        Method::PATCH => providers::Method::Patch,
        Method::PUT => providers::Method::Put,
        _ => {
            return Err(Problem::new(
                Kind::MethodNotAllowed,
                "Use GET, PATCH or PUT.",
            ))
        }
    };
    let Some(op) = spec.find_op(core_method, &sub_path) else {
        return Err(path_not_allowed(spec));
    };
    let body: Value = serde_json::from_slice(&body?)
        .map_err(|_| Problem::new(Kind::MalformedBody, "The body must be a JSON object."))?;
    refuse_identity_keys(&body)?;
    let response = update_customer(spec, upstream, op, &claims, client, &body, lang).await?;
    crate::audit::update_applied(
        &state.audit_key,
        spec.id(),
        op.id,
        claims.sub.as_str(),
        &body,
    );
    Ok(response)
}

fn truncate(text: &str) -> String {
    text.chars().take(40).collect()
}

fn path_not_allowed(spec: &dyn ProviderSpec) -> Problem {
    let paths: Vec<String> = spec
        .operations()
        .iter()
        .map(|op| format!("{} /v1/customer{}", op.method.as_str(), op.sub_path))
        .collect();
    Problem::new(
        Kind::PathNotAllowed,
        format!(
            "The customer comes from the session, never from the path. This provider offers GET /v1/customer, {}.",
            paths.join(", ")
        ),
    )
}

fn refuse_identity_keys(body: &Value) -> Result<(), Problem> {
    let Some(object) = body.as_object() else {
        return Ok(());
    };
    match IDENTITY_KEYS.iter().find(|key| object.contains_key(**key)) {
        Some(key) => Err(Problem::new(
            Kind::CustomerIdInRequest,
            "The customer comes from the session token.",
        )
        .with_errors(vec![customer_update_core::FieldError::new(
            customer_update_core::Code::NotEditable,
            format!("“{key}” cannot be sent: the customer comes from the session."),
        )
        .at(format!("/{key}"))])),
        None => Ok(()),
    }
}

fn upstream_path(template: &str, customer: &CustomerId) -> String {
    template.replace("{id}", &customer.path_segment())
}

/// The session customer's record (redacted), for the form, the locks, the kind and merges.
async fn current_record(
    spec: &dyn ProviderSpec,
    upstream: &Upstream,
    claims: &Claims,
    lang: Lang,
) -> Result<Value, Problem> {
    let path = upstream_path(spec.get_path(), &claims.sub);
    let response = upstream
        .send("get", reqwest::Method::GET, &path, None)
        .await?;
    answer::record(spec, &claims.sub, &response, lang)
}

async fn update_customer(
    spec: &dyn ProviderSpec,
    upstream: &Upstream,
    op: &UpdateOp,
    claims: &Claims,
    client: IpAddr,
    body: &Value,
    lang: Lang,
) -> Result<Response, Problem> {
    let mut checked = spec.check_update(op, body, providers::clock_today())?;

    // The current record decides the customer kind, the locks and (BVNK associates) the merge.
    let current = current_record(spec, upstream, claims, lang).await?;
    let Some(kind) = spec.customer_kind(&current) else {
        tracing::warn!(
            provider = spec.id(),
            "the provider's record does not say what kind of customer this is"
        );
        return Err(Problem::new(
            Kind::UpstreamMalformed,
            "The provider's record does not say what kind of customer this is, so no update was sent.",
        ));
    };
    if !op.kinds.contains(&kind) {
        return Err(Problem::new(
            Kind::WrongOperation,
            format!("`{}` is not available for this customer.", op.id),
        ));
    }
    let locked = check_locks(&checked, &spec.form_state(&current).locked);
    if !locked.is_empty() {
        return Err(
            Problem::new(Kind::Validation, "Some fields can no longer be changed.")
                .with_errors(locked),
        );
    }
    if op.needs_current {
        checked = spec.merge_upstream(op, checked, &current)?;
    }

    let ip_address = upstream
        .settings
        .fill_ip_address
        .then(|| client.to_string());
    let method = match op.method {
        providers::Method::Patch => reqwest::Method::PATCH,
        providers::Method::Put => reqwest::Method::PUT,
    };
    let path = upstream_path(op.upstream_path, &claims.sub);
    let (outgoing, minted) =
        with_server_fields(spec, upstream, op, claims, &checked, ip_address.clone()).await?;
    let mut response = upstream
        .send(op.id, method.clone(), &path, Some(&outgoing))
        .await?;

    // A stale Sumsub share token: mint a new one and repeat the update once.
    if minted && share_token_refused(spec, &response) {
        tracing::info!(
            provider = spec.id(),
            "share token refused as stale; minting a new one and retrying once"
        );
        crate::metrics::share_token_retry();
        let (outgoing, _) =
            with_server_fields(spec, upstream, op, claims, &checked, ip_address).await?;
        response = upstream.send(op.id, method, &path, Some(&outgoing)).await?;
    }
    tracing::info!(
        provider = spec.id(),
        op = op.id,
        upstream_status = response.status.as_u16(),
        "update relayed"
    );
    let record = answer::record(spec, &claims.sub, &response, lang)?;
    Ok(answer::form_answer(spec, &record))
}

/// The upstream body: the checked body plus the fields only the server knows, a share
/// token freshly minted when the session names a Sumsub applicant. `true` when one was.
async fn with_server_fields(
    spec: &dyn ProviderSpec,
    upstream: &Upstream,
    op: &UpdateOp,
    claims: &Claims,
    checked: &Value,
    ip_address: Option<String>,
) -> Result<(Value, bool), Problem> {
    let share_token = match claims.applicant.as_deref() {
        Some(applicant) => upstream.share_token(applicant).await?,
        None => None,
    };
    let minted = share_token.is_some();
    let mut outgoing = checked.clone();
    spec.add_server_fields(
        op,
        &mut outgoing,
        &ServerFields {
            ip_address,
            share_token,
        },
    );
    Ok((outgoing, minted))
}

fn share_token_refused(spec: &dyn ProviderSpec, response: &UpstreamResponse) -> bool {
    response.status.is_client_error()
        && spec
            .parse_errors(response.status.as_u16(), &response.body)
            .iter()
            .any(|e| e.pointer == "/shareToken")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_ids_cannot_escape_their_path_segment() {
        let id = |text| CustomerId::parse(text).unwrap();
        assert_eq!(
            upstream_path("/v1/customers/{id}", &id("../admin?x=1")),
            "/v1/customers/..%2Fadmin%3Fx%3D1"
        );
        assert_eq!(
            upstream_path("/v2/customer/{id}", &id("customer_ab12")),
            "/v2/customer/customer_ab12"
        );
    }
}
