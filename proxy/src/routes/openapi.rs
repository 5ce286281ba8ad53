//! `GET /openapi.json`: the contract this proxy serves, so a team can re-implement it in
//! their own backend. The per-provider operations come from core, not from a copy here.

use axum::Json;
use customer_update_core::providers;
use serde_json::{json, Value};

use crate::app::BODY_LIMIT;

fn problem_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}})
}

fn provider_operations() -> Value {
    let mut out = serde_json::Map::new();
    for spec in providers::all() {
        let ops: Vec<Value> = spec
            .operations()
            .iter()
            .map(|op| json!({"id": op.id, "method": op.method.as_str(), "path": format!("/v1/customer{}", op.sub_path), "kinds": op.kinds}))
            .collect();
        out.insert(
            spec.id().to_owned(),
            json!({"operations": ops, "operatorOnly": spec.profile().operator_only}),
        );
    }
    Value::Object(out)
}

fn update_operation(summary: &str) -> Value {
    json!({
        "summary": summary,
        "description": format!("Body: the provider's own end-customer update body with only the changed fields (at most {BODY_LIMIT} bytes). Parsed strictly: an unknown or operator-only field is a 400 naming it; rule failures are a 422 with every field error. Any customer ID in the path, query or body is refused. On success the answer is the form state read from the provider's answer (never the provider's body); the provider's record must be the session's customer."),
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": {
            "200": {"description": "The form state after the update.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerEnvelope"}}}},
            "400": problem_response("Malformed body, unknown or operator-only field, query/path not allowed, or customer ID sent; or the provider's own 400, its errors mapped onto core's codes and messages."),
            "401": problem_response("Session missing, invalid or expired (type …:session-expired: ask the host page for a new token)."),
            "403": problem_response("Session for another provider or origin."),
            "413": problem_response("Body larger than the limit."),
            "422": problem_response("Field errors: errors[{pointer, code, message}]; or the provider's 422, its errors mapped onto core's codes and messages."),
            "429": problem_response("Rate limited (ours or the provider's); see Retry-After."),
            "502": problem_response("Provider unreachable, failed (5xx), refused the proxy's credentials, or sent an unreadable answer."),
            "504": problem_response("Provider did not answer in time."),
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(json!({
        "openapi": "3.1.0",
        "info": {
            "title": "customer-update proxy",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The contract between the customer-update widget and its backend. The browser holds only a short-lived session token (HS256 JWT with sub = the provider's customer ID, provider, exp, iat, optional nbf, optional aud = allowed Origin, optional applicant = Sumsub applicant for Swipelux); the backend adds the provider's credentials."
        },
        "x-providers": provider_operations(),
        "components": {
            "securitySchemes": {"session": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT (HS256)"}},
            "schemas": {
                "Problem": {
                    "type": "object",
                    "required": ["type", "title", "status", "detail", "errors"],
                    "properties": {
                        "type": {"type": "string", "description": "urn:customer-update:problem:<slug>, e.g. session-expired, validation-failed, unknown-field, upstream-timeout"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}
                    }
                },
                "FieldError": {
                    "type": "object",
                    "required": ["pointer", "code", "message"],
                    "properties": {
                        "pointer": {"type": "string", "description": "JSON Pointer into the update body"},
                        "code": {"type": "string", "description": "Stable machine code (e.g. phone.too_short, unknown_field, locked)"},
                        "message": {"type": "string", "description": "core's message for the code, in the Accept-Language language (en, pt-BR, es; English otherwise)"}
                    }
                },
                "CustomerEnvelope": {
                    "type": "object",
                    "required": ["provider", "form"],
                    "properties": {
                        "provider": {"type": "string", "enum": ["spherepay", "polygon", "bvnk", "swipelux"]},
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
                }
            }
        },
        "security": [{"session": []}],
        "paths": {
            "/v1/customer": {
                "get": {
                    "summary": "The customer of the session, with what the form needs",
                    "responses": {
                        "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerEnvelope"}}}},
                        "401": problem_response("Session missing, invalid or expired."),
                        "403": problem_response("Session for another provider or origin."),
                        "429": problem_response("Rate limited; see Retry-After."),
                        "502": problem_response("Provider unreachable, failed or unreadable."),
                        "504": problem_response("Provider did not answer in time.")
                    }
                },
                "patch": update_operation("Update the customer (providers whose update is a PATCH)"),
                "put": update_operation("Update the customer (providers whose update is a PUT, e.g. a BVNK company)")
            },
            "/v1/customer/associates": {
                "put": update_operation("BVNK company customers: update associates' contact details")
            },
            "/v1/customer/states/{country}": {
                "get": {
                    "summary": "A country's state/province list for the address form (never reaches the provider)",
                    "parameters": [{"name": "country", "in": "path", "required": true,
                                    "description": "ISO 3166-1 alpha-2 (or alpha-3) code", "schema": {"type": "string"}}],
                    "responses": {
                        "200": {"description": "`key|name|iso` entries joined by `~` (empty name = the key)",
                                "content": {"text/plain": {"schema": {"type": "string"}}}},
                        "401": problem_response("Session missing, invalid or expired."),
                        "404": problem_response("The country has no state list.")
                    }
                }
            },
            "/v1/customer/messages/{lang}": {
                "get": {
                    "summary": "The widget's messages in one language (never reaches the provider)",
                    "parameters": [{"name": "lang", "in": "path", "required": true,
                                    "description": "`en`, `pt-BR` or `es`", "schema": {"type": "string"}}],
                    "responses": {
                        "200": {"description": "One `key<TAB>message` line per message",
                                "content": {"text/plain": {"schema": {"type": "string"}}}},
                        "401": problem_response("Session missing, invalid or expired."),
                        "404": problem_response("There are no messages for this language.")
                    }
                }
            }
        }
    }))
}
