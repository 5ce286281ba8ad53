//! `GET /openapi.json`: the contract this proxy serves, so a team can re-implement it in
//! their own backend. The per-provider operations and their body schemas come from core
//! (`ProviderSpec::update_schema`: the types the strict parser reads), not from a copy here.

use axum::Json;
use customer_update_core::providers::{self, ProviderSpec, UpdateOp};
use customer_update_core::schemars::generate::{SchemaGenerator, SchemaSettings};
use customer_update_core::schemars::Schema;
use serde_json::{json, Map, Value};

use crate::app::BODY_LIMIT;

/// Where the body schemas live in the document (schemars writes its `$ref`s to it).
const SCHEMAS_PATH: &str = "/components/schemas";

/// Every update call, grouped by the proxy path and method it arrives on (several
/// providers share `PATCH /v1/customer`; the session says which one is meant).
struct Route {
    path: String,
    method: &'static str,
    bodies: Vec<(&'static dyn ProviderSpec, &'static UpdateOp, Schema)>,
}

/// The update routes and the body schemas they reference.
fn update_routes() -> (Vec<Route>, Map<String, Value>) {
    let mut generator: SchemaGenerator = SchemaSettings::draft2020_12()
        .with(|settings| {
            settings.definitions_path = SCHEMAS_PATH.into();
            settings.meta_schema = None;
        })
        .into_generator();
    let mut routes: Vec<Route> = Vec::new();
    for &spec in providers::all() {
        for op in spec.operations() {
            let schema = spec.update_schema(op, &mut generator);
            let path = format!("/v1/customer{}", op.sub_path);
            let method = op.method.as_str();
            let body = (spec, op, schema);
            match routes
                .iter_mut()
                .find(|route| route.path == path && route.method == method)
            {
                Some(route) => route.bodies.push(body),
                None => routes.push(Route {
                    path,
                    method,
                    bodies: vec![body],
                }),
            }
        }
    }
    (routes, generator.take_definitions(true))
}

/// `spherepay customer, bvnk individual`: who sends this body.
fn callers(route: &Route) -> String {
    route
        .bodies
        .iter()
        .map(|(spec, op, _)| format!("{} {}", spec.id(), op.id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn problem_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}})
}

fn provider_operations(routes: &[Route]) -> Value {
    let mut out = serde_json::Map::new();
    for spec in providers::all() {
        let ops: Vec<Value> = spec
            .operations()
            .iter()
            .map(|op| json!({"id": op.id, "method": op.method.as_str(), "path": format!("/v1/customer{}", op.sub_path), "kinds": op.kinds, "requestBody": body_schema(routes, *spec, op)}))
            .collect();
        out.insert(
            spec.id().to_owned(),
            json!({"operations": ops, "operatorOnly": spec.profile().operator_only}),
        );
    }
    Value::Object(out)
}

/// The body schema of one provider operation, as its route lists it.
fn body_schema(routes: &[Route], spec: &dyn ProviderSpec, op: &UpdateOp) -> Value {
    routes
        .iter()
        .flat_map(|route| &route.bodies)
        .find(|(s, o, _)| s.id() == spec.id() && o.id == op.id)
        .map_or(Value::Null, |(_, _, schema)| schema.clone().to_value())
}

/// One body schema, or any of the providers' (the session's provider decides which applies).
fn request_schema(route: &Route) -> Value {
    match route.bodies.as_slice() {
        [(_, _, only)] => only.clone().to_value(),
        bodies => json!({
            "anyOf": bodies.iter().map(|(_, _, schema)| schema.clone().to_value()).collect::<Vec<_>>(),
            "description": "The body of the session's provider (see x-providers); any other provider's is a 400."
        }),
    }
}

fn update_operation(route: &Route) -> Value {
    let operation_id = format!(
        "update{}{}",
        route.method[..1].to_owned() + &route.method[1..].to_lowercase(),
        route
            .path
            .trim_start_matches("/v1/customer")
            .split('/')
            .filter(|part| !part.is_empty())
            .map(|part| part[..1].to_uppercase() + &part[1..])
            .collect::<String>()
    );
    json!({
        "operationId": operation_id,
        "summary": format!("Update the customer ({})", callers(route)),
        "description": format!("Body: the provider's own end-customer update body with only the changed fields (at most {BODY_LIMIT} bytes). Parsed strictly: an unknown or operator-only field is a 400 naming it; rule failures are a 422 with every field error. Any customer ID in the path, query or body is refused. On success the answer is the form state read from the provider's answer (never the provider's body); the provider's record must be the session's customer."),
        "requestBody": {"required": true, "content": {"application/json": {"schema": request_schema(route)}}},
        "responses": {
            "200": {"description": "The form state after the update.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerEnvelope"}}}},
            "400": problem_response("Malformed body, unknown or operator-only field, query/path not allowed, or customer ID sent; or the provider's own 400, its errors mapped onto core's codes and messages."),
            "401": problem_response("Session missing, invalid or expired (type …:session-expired: ask the host page for a new token)."),
            "403": problem_response("Session for another provider or origin."),
            "413": problem_response("Body larger than the limit."),
            "422": problem_response("Field errors: errors[{pointer, code, message}]; or the provider's 422, its errors mapped onto core's codes and messages."),
            "429": problem_response("Rate limited (ours or the provider's); see Retry-After."),
            "503": problem_response("The shared rate limits are unreachable and the proxy is configured to fail closed; see Retry-After."),
            "502": problem_response("Provider unreachable, failed (5xx), refused the proxy's credentials, or sent an unreadable answer."),
            "504": problem_response("Provider did not answer in time."),
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(contract())
}

/// The whole document.
pub fn contract() -> Value {
    let (routes, body_schemas) = update_routes();
    let mut paths = json!({
        "/v1/customer": {
            "get": {
                "operationId": "getCustomer",
                "summary": "The customer of the session, with what the form needs",
                "responses": {
                    "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerEnvelope"}}}},
                    "401": problem_response("Session missing, invalid or expired."),
                    "403": problem_response("Session for another provider or origin."),
                    "429": problem_response("Rate limited; see Retry-After."),
                    "503": problem_response("The shared rate limits are unreachable and the proxy is configured to fail closed; see Retry-After."),
                    "502": problem_response("Provider unreachable, failed or unreadable."),
                    "504": problem_response("Provider did not answer in time.")
                }
            }
        },
        "/v1/customer/states/{country}": {
            "get": {
                "operationId": "getStates",
                "summary": "A country's state/province list for the address form (never reaches the provider)",
                "parameters": [{"name": "country", "in": "path", "required": true,
                                "description": "ISO 3166-1 alpha-2 (or alpha-3) code", "schema": {"type": "string"}, "example": "US"}],
                "responses": {
                    "200": {"description": "`key|name|iso` entries joined by `~` (empty name = the key)",
                            "content": {"text/plain": {"schema": {"type": "string"}}}},
                    "401": problem_response("Session missing, invalid or expired."),
                    "404": problem_response("The country has no state list."),
                    "429": problem_response("Rate limited; see Retry-After."),
                    "503": problem_response("The shared rate limits are unreachable and the proxy is configured to fail closed; see Retry-After.")
                }
            }
        },
        "/v1/customer/messages/{lang}": {
            "get": {
                "operationId": "getMessages",
                "summary": "The widget's messages in one language (never reaches the provider)",
                "parameters": [{"name": "lang", "in": "path", "required": true,
                                "description": "`en`, `pt-BR` or `es`", "schema": {"type": "string"}, "example": "pt-BR"}],
                "responses": {
                    "200": {"description": "One `key<TAB>message` line per message",
                            "content": {"text/plain": {"schema": {"type": "string"}}}},
                    "401": problem_response("Session missing, invalid or expired."),
                    "404": problem_response("There are no messages for this language."),
                    "429": problem_response("Rate limited; see Retry-After."),
                    "503": problem_response("The shared rate limits are unreachable and the proxy is configured to fail closed; see Retry-After.")
                }
            }
        }
    });
    for route in &routes {
        paths[&route.path][route.method.to_lowercase()] = update_operation(route);
    }
    let mut schemas = fixed_schemas();
    schemas.extend(body_schemas);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "customer-update proxy",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The contract between the customer-update widget and its backend. The browser holds only a short-lived session token (HS256 JWT with sub = the provider's customer ID, provider, exp, iat, optional nbf, optional aud = allowed Origin, optional applicant = Sumsub applicant for Swipelux); the backend adds the provider's credentials."
        },
        "x-providers": provider_operations(&routes),
        "components": {
            "securitySchemes": {"session": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT (HS256)"}},
            "schemas": schemas
        },
        "security": [{"session": []}],
        "paths": paths
    })
}

/// The schemas written here rather than derived: problems and the form state.
fn fixed_schemas() -> Map<String, Value> {
    let providers = providers::ids();
    [
        (
            "Problem",
            json!({
            "type": "object",
            "required": ["type", "title", "status", "detail", "errors"],
            "properties": {
                "type": {"type": "string", "description": "urn:customer-update:problem:<slug>, e.g. session-expired, validation-failed, unknown-field, upstream-timeout"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "instance": {"type": "string", "description": "This request: urn:customer-update:request:<X-Request-Id of the response>"},
                "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}
            }
        }),
        ),
        (
            "FieldError",
            json!({
            "type": "object",
            "required": ["pointer", "code", "message"],
            "properties": {
                "pointer": {"type": "string", "description": "JSON Pointer into the update body"},
                "code": {"type": "string", "description": "Stable machine code (e.g. phone.too_short, unknown_field, locked)"},
                "message": {"type": "string", "description": "core's message for the code, in the Accept-Language language (en, pt-BR, es; English otherwise)"}
            }
        }),
        ),
        (
            "CustomerEnvelope",
            json!({
            "type": "object",
            "required": ["provider", "form"],
            "properties": {
                "provider": {"type": "string", "enum": providers},
                "form": {
                    "type": "object",
                    "description": "core's FormState for this customer.",
                    "properties": {
                        "kind": {"type": ["string", "null"], "enum": ["individual", "company", null]},
                        "op": {"type": ["string", "null"], "description": "The update operation id the form submits."},
                        "values": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Prefill values keyed by update-body pointer."},
                        "locked": {"type": "array", "items": {"type": "string"}, "description": "Pointers the customer may not change now."},
                        "writeOnly": {"type": "array", "items": {"type": "string"}, "description": "Pointers never returned by the provider: shown empty."},
                        "people": {"type": "array", "items": {"type": "object"}, "description": "BVNK company associates: {reference, name, email, phone}."}
                    }
                }
            }
        }),
        ),
    ]
    .into_iter()
    .map(|(name, schema)| (name.to_owned(), schema))
    .collect()
}
