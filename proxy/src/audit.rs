//! One audit line per update the provider accepted: provider, operation, the pointers of
//! the fields sent (never their values), the customer as a keyed hash, the request ID.
//! The hash lets an operator follow one customer across lines (and find a known one by
//! hashing their ID with the key) without the log naming anyone.

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::request_id::RequestId;

/// Log target of the audit lines, so they can be filtered or routed on their own.
pub const TARGET: &str = "audit";

/// The key of the customer hash (audit lines, and the per-customer rate-limit buckets).
#[derive(Clone)]
pub struct AuditKey(Vec<u8>);

impl AuditKey {
    /// The configured key, or one derived from the session secret (the same on every
    /// instance sharing that secret; it changes when the first secret is rotated).
    pub fn new(configured: Option<&[u8]>, session_secret: &[u8]) -> AuditKey {
        match configured {
            Some(key) => AuditKey(key.to_vec()),
            None => AuditKey(hmac(session_secret, b"customer-update-proxy audit key").to_vec()),
        }
    }

    /// HMAC-SHA256 of `provider NUL customer`, the first 16 bytes in hex.
    pub fn customer_hash(&self, provider: &str, customer: &str) -> String {
        let message = format!("{provider}\u{0}{customer}");
        hex::encode(&hmac(&self.0, message.as_bytes())[..16])
    }
}

fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// JSON pointers of the leaves of `body` (arrays by index), in document order.
pub fn changed_pointers(body: &Value) -> Vec<String> {
    fn walk(value: &Value, at: &mut String, out: &mut Vec<String>) {
        let len = at.len();
        match value {
            Value::Object(map) if !map.is_empty() => {
                for (key, child) in map {
                    at.push('/');
                    at.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    walk(child, at, out);
                    at.truncate(len);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                for (index, child) in items.iter().enumerate() {
                    at.push_str(&format!("/{index}"));
                    walk(child, at, out);
                    at.truncate(len);
                }
            }
            _ => out.push(at.clone()),
        }
    }
    let mut out = Vec::new();
    walk(body, &mut String::new(), &mut out);
    out
}

/// The audit line of one accepted update.
pub fn update_applied(
    key: &AuditKey,
    provider: &str,
    operation: &str,
    customer: &str,
    body: &Value,
) {
    let changed = changed_pointers(body).join(",");
    let request_id = RequestId::current()
        .map(|id| id.to_string())
        .unwrap_or_default();
    tracing::info!(
        target: TARGET,
        provider,
        operation,
        changed = %changed,
        customer = %key.customer_hash(provider, customer),
        request_id = %request_id,
        "update applied"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_name_every_leaf_and_no_value() {
        let body = json!({"email": "a@b.c", "address": {"line1": "x", "a/b": 1}, "tags": ["t"]});
        let pointers = changed_pointers(&body);
        assert_eq!(
            pointers,
            ["/address/a~1b", "/address/line1", "/email", "/tags/0"]
        );
        assert!(!pointers.concat().contains("a@b.c"));
    }

    #[test]
    fn the_customer_hash_depends_on_the_key() {
        let derived = AuditKey::new(None, b"secret one");
        let configured = AuditKey::new(Some(b"audit key"), b"secret one");
        let hash = derived.customer_hash("polygon", "cst_1");
        assert_eq!(hash.len(), 32);
        assert_eq!(
            hash,
            AuditKey::new(None, b"secret one").customer_hash("polygon", "cst_1")
        );
        assert_ne!(hash, configured.customer_hash("polygon", "cst_1"));
        assert_ne!(hash, derived.customer_hash("polygon", "cst_2"));
    }
}
