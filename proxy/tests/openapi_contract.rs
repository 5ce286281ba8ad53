//! `GET /openapi.json` as a typed contract: a valid OpenAPI 3.1 document whose update
//! bodies are core's update types (every property typed, closed objects, no operator-only
//! field), agreeing with core's strict parser on the providers' documented example bodies.

mod common;

use std::collections::BTreeSet;

use common::Env;
use customer_update_core::providers::{self, ProviderSpec, Rejection, UpdateOp};
use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::{json, Value};

/// The official OpenAPI 3.1 schema (https://spec.openapis.org/oas/3.1/schema/2022-10-07),
/// as PyPI's `openapi-spec-validator` 0.9.0 ships it
/// (`openapi_spec_validator/resources/schemas/v3.1/schema.json`, Apache-2.0).
const OPENAPI_3_1_SCHEMA: &str = include_str!("data/openapi-3.1-schema.json");

async fn served_document() -> Value {
    let env = Env::start().await;
    let reply = env.call("GET", "/openapi.json", None, None).await;
    assert_eq!(reply.status, 200);
    env.finish().await;
    reply.json()
}

/// A validator for one provider operation's body, with the document's components in reach
/// of its `$ref`s. Formats are asserted (`email`, `date`), as a client generator would.
fn body_validator(document: &Value, spec: &dyn ProviderSpec, op: &UpdateOp) -> Validator {
    let schema = operation_schema(document, spec, op);
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": schema["$ref"],
        "components": document["components"],
    });
    assert!(
        schema["$ref"].is_string(),
        "{} {}: {schema}",
        spec.id(),
        op.id
    );
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("{} {}: {e}", spec.id(), op.id))
}

fn operation_schema(document: &Value, spec: &dyn ProviderSpec, op: &UpdateOp) -> Value {
    document["x-providers"][spec.id()]["operations"]
        .as_array()
        .and_then(|ops| ops.iter().find(|o| o["id"] == op.id))
        .map(|o| o["requestBody"].clone())
        .unwrap_or_else(|| panic!("{} {} not in x-providers", spec.id(), op.id))
}

/// Where a schema refuses a body: (JSON pointer, keyword). An unexpected property is
/// reported at the property itself, a missing required one at where it belongs. An
/// `anyOf` of a type and `null` (an optional field) reports what the type refused.
fn schema_errors(validator: &Validator, body: &Value) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for error in validator.iter_errors(body) {
        collect(&error, &mut found);
    }
    found
}

fn collect(error: &ValidationError<'_>, found: &mut BTreeSet<(String, String)>) {
    let at = error.instance_path().as_str().to_owned();
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                found.insert((format!("{at}/{key}"), "additionalProperties".to_owned()));
            }
        }
        ValidationErrorKind::Required { property } => {
            found.insert((
                format!("{at}/{}", property.as_str().unwrap_or("?")),
                "required".to_owned(),
            ));
        }
        ValidationErrorKind::AnyOf { context } => {
            // The branch that is not the bare `null` alternative says what is wrong.
            let null_branch = |branch: &Vec<ValidationError<'static>>| {
                branch.len() == 1
                    && matches!(branch[0].kind(), ValidationErrorKind::Type { .. })
                    && branch[0].instance_path().as_str() == at
            };
            let meaningful: Vec<_> = context.iter().filter(|b| !null_branch(b)).collect();
            if meaningful.is_empty() {
                found.insert((at, "type".to_owned()));
            }
            for branch in meaningful {
                for inner in branch {
                    collect(inner, found);
                }
            }
        }
        other => {
            found.insert((at, other.keyword().to_owned()));
        }
    }
}

/// Every update fixture of a provider (core/tests/fixtures/<provider>/*update*.json).
fn update_fixtures(spec: &dyn ProviderSpec) -> Vec<(String, Value)> {
    let dir = format!(
        "{}/../core/tests/fixtures/{}",
        env!("CARGO_MANIFEST_DIR"),
        spec.id()
    );
    let mut found: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.contains("update") && name.ends_with(".json")
        })
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("fixture reads");
            let name = format!(
                "{}/{}",
                spec.id(),
                path.file_name().unwrap().to_string_lossy()
            );
            (name, serde_json::from_str(&text).expect("fixture is JSON"))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!found.is_empty(), "{dir} has update fixtures");
    found
}

fn today() -> Option<customer_update_core::date::Date> {
    customer_update_core::date::Date::new(2026, 6, 1)
}

/// Pointers of core's verdict: (shape errors → 400, rule errors → 422).
fn core_verdict(
    spec: &dyn ProviderSpec,
    op: &UpdateOp,
    body: &Value,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let pointers = |errors: Vec<customer_update_core::FieldError>| {
        errors
            .into_iter()
            .map(|e| e.pointer)
            .collect::<BTreeSet<_>>()
    };
    match spec.check_update(op, body, today()) {
        Ok(_) => (BTreeSet::new(), BTreeSet::new()),
        Err(Rejection::Malformed(errors)) => (pointers(errors), BTreeSet::new()),
        Err(Rejection::Invalid(errors)) => (BTreeSet::new(), pointers(errors)),
    }
}

fn remove_pointer(body: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    if let Some(Value::Object(map)) = body.pointer_mut(parent) {
        map.remove(key);
    }
}

/// An operator-only pointer (`/-/` for array items) as the smallest body carrying it.
fn body_with(pointer: &str) -> Value {
    let mut body = json!("operator's value");
    for part in pointer.trim_start_matches('/').rsplit('/') {
        body = if part == "-" {
            json!([body])
        } else {
            json!({ part: body })
        };
    }
    body
}

#[tokio::test]
async fn the_document_is_valid_openapi_3_1_and_its_schemas_valid_json_schema() {
    let document = served_document().await;
    assert_eq!(document["openapi"], "3.1.0");
    let openapi: Value = serde_json::from_str(OPENAPI_3_1_SCHEMA).expect("schema is JSON");
    let validator = jsonschema::validator_for(&openapi).expect("the OpenAPI schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "not OpenAPI 3.1: {errors:#?}");
    let mut broken = document.clone();
    broken["paths"]["/v1/customer"]["patch"]["responses"] = json!(["200"]);
    assert!(!validator.is_valid(&broken), "the OpenAPI schema checks");

    // The OpenAPI schema leaves Schema Objects open; each must be JSON Schema 2020-12.
    let schemas = document["components"]["schemas"]
        .as_object()
        .expect("schemas");
    for (name, schema) in schemas {
        let mut with_dialect = schema.clone();
        with_dialect["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        assert!(
            jsonschema::meta::validate(&with_dialect).is_ok(),
            "{name} is not JSON Schema 2020-12: {schema}"
        );
    }
}

#[tokio::test]
async fn every_update_body_is_a_closed_object_of_typed_properties() {
    let document = served_document().await;
    let schemas = &document["components"]["schemas"];
    let resolve = |schema: &Value| -> Value {
        match schema["$ref"].as_str() {
            Some(r) => schemas[r.trim_start_matches("#/components/schemas/")].clone(),
            None => schema.clone(),
        }
    };
    for spec in providers::all() {
        for op in spec.operations() {
            // Walk every object the body may hold.
            let mut todo = vec![(
                "".to_owned(),
                resolve(&operation_schema(&document, *spec, op)),
            )];
            let mut objects = 0;
            while let Some((at, schema)) = todo.pop() {
                let name = format!("{} {} {at}", spec.id(), op.id);
                assert_eq!(schema["type"], "object", "{name}: {schema}");
                assert_eq!(schema["additionalProperties"], false, "{name}");
                objects += 1;
                let properties = schema["properties"].as_object().expect("properties");
                assert!(!properties.is_empty(), "{name}");
                for (key, property) in properties {
                    // An optional field: its type or `$ref` beside `null`.
                    let alternatives: Vec<Value> = match property["anyOf"].as_array() {
                        Some(any) => any.iter().map(resolve).collect(),
                        None => vec![resolve(property)],
                    };
                    for alternative in alternatives {
                        let types: Vec<&str> = match &alternative["type"] {
                            Value::String(t) => vec![t.as_str()],
                            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                            _ => panic!("{name}/{key} has no type: {property}"),
                        };
                        if types.contains(&"object") {
                            todo.push((format!("{at}/{key}"), alternative.clone()));
                        }
                        if types.contains(&"array") {
                            let items = resolve(&alternative["items"]);
                            assert!(items.is_object(), "{name}/{key} items: {alternative}");
                            if items["type"] == "object" {
                                todo.push((format!("{at}/{key}/-"), items));
                            }
                        }
                    }
                }
            }
            assert!(objects > 0);
        }
    }
    // The limits core enforces are in the contract, e.g. Polygon's names and Swipelux's phone.
    assert_eq!(
        schemas["PolygonCustomerUpdate"]["properties"]["firstName"]["maxLength"],
        1024
    );
    assert_eq!(
        schemas["SwipeluxCustomerUpdate"]["properties"]["phone"]["maxLength"],
        32
    );
    assert_eq!(
        schemas["SwipeluxCustomerUpdate"]["properties"]["phone"]["pattern"],
        r"^\+[1-9][0-9]{1,14}$"
    );
    assert_eq!(
        schemas["SpherePayAddress"]["properties"]["country"]["pattern"],
        "^[A-Z]{3}$"
    );
}

#[tokio::test]
async fn the_schema_refuses_exactly_the_keys_core_refuses_in_every_fixture() {
    let document = served_document().await;
    let mut refused_somewhere = 0;
    for spec in providers::all() {
        for op in spec.operations() {
            let validator = body_validator(&document, *spec, op);
            for (name, body) in update_fixtures(*spec) {
                let (malformed, _) = core_verdict(*spec, op, &body);
                let refused: BTreeSet<String> = schema_errors(&validator, &body)
                    .into_iter()
                    .filter(|(_, keyword)| {
                        matches!(keyword.as_str(), "additionalProperties" | "type")
                    })
                    .map(|(pointer, _)| pointer)
                    .collect();
                assert_eq!(refused, malformed, "{name} as {} {}", spec.id(), op.id);
                refused_somewhere += usize::from(!refused.is_empty());
            }
        }
    }
    assert!(refused_somewhere > 0);
}

#[tokio::test]
async fn fixtures_without_the_refused_keys_fit_the_schema_wherever_core_accepts_them() {
    let document = served_document().await;
    let mut accepted = Vec::new();
    for spec in providers::all() {
        for op in spec.operations() {
            let validator = body_validator(&document, *spec, op);
            for (name, mut body) in update_fixtures(*spec) {
                let (malformed, _) = core_verdict(*spec, op, &body);
                for pointer in malformed.iter().rev() {
                    remove_pointer(&mut body, pointer);
                }
                let (still_malformed, invalid) = core_verdict(*spec, op, &body);
                assert!(still_malformed.is_empty(), "{name}: {still_malformed:?}");
                // The schema is never stricter than core: all it refuses, core's rules refuse.
                let refused: BTreeSet<String> = schema_errors(&validator, &body)
                    .into_iter()
                    .map(|(pointer, _)| pointer)
                    .collect();
                assert!(
                    refused.is_subset(&invalid),
                    "{name} as {} {}: schema refuses {refused:?}, core only {invalid:?}",
                    spec.id(),
                    op.id
                );
                if invalid.is_empty() {
                    accepted.push(format!("{name} as {}", op.id));
                }
            }
        }
    }
    // The documented bodies that core accepts once their operator fields are gone.
    for expected in [
        "spherepay/update.json as customer",
        "swipelux/update.json as customer",
    ] {
        assert!(accepted.iter().any(|a| a == expected), "{accepted:?}");
    }
}

#[tokio::test]
async fn an_operator_only_field_fails_every_body_schema_of_its_provider() {
    let document = served_document().await;
    for spec in providers::all() {
        let operator_only = spec.profile().operator_only;
        assert!(!operator_only.is_empty(), "{}", spec.id());
        for op in spec.operations() {
            let validator = body_validator(&document, *spec, op);
            for pointer in operator_only {
                let body = body_with(pointer);
                let at = pointer.replace("/-/", "/0/");
                let refused = schema_errors(&validator, &body);
                // Refused at the field, or at the first key of its path this body has not.
                assert!(
                    refused
                        .iter()
                        .any(|(p, keyword)| *keyword == "additionalProperties"
                            && at.starts_with(p.as_str())),
                    "{} {}: {body} passes ({refused:?})",
                    spec.id(),
                    op.id
                );
                assert!(
                    !core_verdict(*spec, op, &body).0.is_empty(),
                    "core refuses {body} too"
                );
            }
        }
    }
    // …and is named nowhere in the bodies' schemas.
    let bodies = serde_json::to_string(&document["components"]["schemas"]).unwrap();
    for key in [
        "\"meta\"",
        "\"ipAddress\"",
        "\"shareToken\"",
        "\"riskScore\"",
        "\"metadata\"",
    ] {
        assert!(!bodies.contains(key), "{key} appears in the body schemas");
    }
}

#[tokio::test]
async fn shared_update_routes_take_any_of_their_providers_bodies() {
    let document = served_document().await;
    let patch = &document["paths"]["/v1/customer"]["patch"];
    let any_of = patch["requestBody"]["content"]["application/json"]["schema"]["anyOf"]
        .as_array()
        .expect("PATCH /v1/customer takes several providers' bodies");
    let expected: Vec<Value> = providers::all()
        .iter()
        .flat_map(|spec| {
            spec.operations()
                .iter()
                .filter(|op| op.method.as_str() == "PATCH" && op.sub_path.is_empty())
                .map(|op| operation_schema(&document, *spec, op))
        })
        .collect();
    assert_eq!(any_of, &expected);
    let associates = &document["paths"]["/v1/customer/associates"]["put"];
    assert_eq!(
        associates["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/BvnkAssociatesUpdate"
    );
    assert_eq!(
        associates["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CustomerEnvelope"
    );
}
