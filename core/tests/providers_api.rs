//! The dispatch surface the proxy and the widget use, and the profiles' consistency.

use customer_update_core::providers::{all, by_id, Method, ServerFields};
use serde_json::json;

#[test]
fn every_provider_is_reachable_by_id() {
    let ids: Vec<&str> = all().iter().map(|spec| spec.id()).collect();
    assert_eq!(ids, vec!["spherepay", "polygon", "bvnk", "swipelux"]);
    for id in ids {
        assert_eq!(by_id(id).unwrap().id(), id);
        assert_eq!(by_id(id).unwrap().profile().provider, id);
    }
    assert!(by_id("SpherePay").is_none());
}

#[test]
fn operations_map_proxy_requests_to_upstream_paths() {
    let route = |id: &str, method, sub: &str| {
        by_id(id)
            .unwrap()
            .find_op(method, sub)
            .map(|op| (op.id, op.upstream_path))
    };
    assert_eq!(
        route("spherepay", Method::Patch, ""),
        Some(("customer", "/v2/customer/{id}"))
    );
    assert_eq!(route("spherepay", Method::Put, ""), None);
    assert_eq!(
        route("polygon", Method::Patch, ""),
        Some(("customer", "/customers/{id}"))
    );
    assert_eq!(
        route("bvnk", Method::Patch, ""),
        Some(("individual", "/platform/v1/customers/{id}"))
    );
    assert_eq!(
        route("bvnk", Method::Put, ""),
        Some(("company", "/platform/v1/customers/{id}"))
    );
    assert_eq!(
        route("bvnk", Method::Put, "/associates"),
        Some(("associates", "/platform/v1/customers/{id}/associates"))
    );
    assert_eq!(
        route("bvnk", Method::Put, "/status"),
        None,
        "operator endpoint"
    );
    assert_eq!(
        route("swipelux", Method::Put, ""),
        Some(("customer", "/v1/customers/{id}"))
    );
    assert_eq!(
        route("swipelux", Method::Patch, ""),
        Some(("customer-patch", "/v1/customers/{id}"))
    );
}

#[test]
fn profiles_name_only_fields_the_update_types_accept() {
    for spec in all() {
        let profile = spec.profile();
        for field in profile.fields {
            assert!(
                spec.op(field.op).is_some(),
                "{}: {}",
                spec.id(),
                field.pointer
            );
            // The field's own key on its own is never an unknown/operator-only key.
            let mut body = json!({});
            let tokens: Vec<&str> = field.pointer.split('/').skip(1).collect();
            let mut cursor = &mut body;
            for (i, token) in tokens.iter().enumerate() {
                let next = if i + 1 == tokens.len() {
                    json!("x")
                } else if tokens[i + 1] == "-" {
                    json!([{}])
                } else {
                    json!({})
                };
                if *token == "-" {
                    cursor = &mut cursor[0];
                    continue;
                }
                cursor[*token] = next;
                cursor = &mut cursor[*token];
            }
            let op = spec.op(field.op).unwrap();
            if let Err(customer_update_core::providers::Rejection::Malformed(errors)) =
                spec.check_update(op, &body, None)
            {
                assert!(
                    errors
                        .iter()
                        .all(|e| e.code == customer_update_core::Code::InvalidType),
                    "{} {}: {errors:?}",
                    spec.id(),
                    field.pointer
                );
            }
        }
        for pointer in profile.operator_only {
            assert!(
                profile.fields.iter().all(|f| f.pointer != *pointer),
                "{pointer} is both editable and operator-only"
            );
        }
    }
}

#[test]
fn server_fields_go_only_where_the_provider_has_them() {
    let fields = ServerFields {
        ip_address: Some("203.0.113.7".into()),
        share_token: Some("tok".into()),
    };
    let mut polygon = json!({"email": "a@b.co"});
    let spec = by_id("polygon").unwrap();
    spec.add_server_fields(&spec.operations()[0], &mut polygon, &fields);
    assert_eq!(
        polygon,
        json!({"email": "a@b.co", "ipAddress": "203.0.113.7"})
    );
    let mut swipelux = json!({});
    let spec = by_id("swipelux").unwrap();
    spec.add_server_fields(&spec.operations()[0], &mut swipelux, &fields);
    assert_eq!(swipelux, json!({"shareToken": "tok"}));
    let mut sphere = json!({});
    let spec = by_id("spherepay").unwrap();
    spec.add_server_fields(&spec.operations()[0], &mut sphere, &fields);
    assert_eq!(sphere, json!({}));
}

#[test]
fn profiles_serialise_for_the_widget() {
    let profile = serde_json::to_value(by_id("spherepay").unwrap().profile()).unwrap();
    assert_eq!(profile["countryForm"], "alpha3");
    assert_eq!(profile["fields"][0]["pointer"], "/address/line1");
    assert_eq!(profile["fields"][0]["autocomplete"], "address-line1");
}
