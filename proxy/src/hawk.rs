//! Hawk HTTP authentication (header scheme, HMAC-SHA256), as BVNK uses it. The proxy signs
//! with it and the sandbox verifies with the same normalized string, so both follow the
//! spec in one place; a known vector from the Hawk README pins the format.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// The parts of a request a Hawk MAC covers.
#[derive(Debug, Clone)]
pub struct Artifacts<'a> {
    pub ts: u64,
    pub nonce: &'a str,
    pub method: &'a str,
    /// Path plus `?query` when there is one, exactly as sent.
    pub resource: &'a str,
    pub host: &'a str,
    pub port: u16,
    /// Base64 payload hash, or "" when the payload is not covered.
    pub hash: &'a str,
    pub ext: &'a str,
}

pub fn normalized_string(a: &Artifacts<'_>) -> String {
    format!(
        "hawk.1.header\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
        a.ts,
        a.nonce,
        a.method.to_ascii_uppercase(),
        a.resource,
        a.host.to_ascii_lowercase(),
        a.port,
        a.hash,
        a.ext
    )
}

pub fn mac(key: &[u8], artifacts: &Artifacts<'_>) -> String {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
    let mut hmac = match HmacSha256::new_from_slice(key) {
        Ok(hmac) => hmac,
        Err(_) => return String::new(),
    };
    hmac.update(normalized_string(artifacts).as_bytes());
    B64.encode(hmac.finalize().into_bytes())
}

/// `hawk.1.payload` hash of a body with its content type (without parameters).
pub fn payload_hash(content_type: &str, payload: &[u8]) -> String {
    let content_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let mut sha = Sha256::new();
    sha.update(format!("hawk.1.payload\n{content_type}\n").as_bytes());
    sha.update(payload);
    sha.update(b"\n");
    B64.encode(sha.finalize())
}

/// A fresh random nonce (12 random bytes, base64url, 16 characters).
pub fn nonce() -> String {
    let mut bytes = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The `Authorization` header value for a signed request.
pub fn header(id: &str, key: &[u8], artifacts: &Artifacts<'_>) -> String {
    let mut value = format!(
        "Hawk id=\"{}\", ts=\"{}\", nonce=\"{}\"",
        id, artifacts.ts, artifacts.nonce
    );
    if !artifacts.hash.is_empty() {
        value.push_str(&format!(", hash=\"{}\"", artifacts.hash));
    }
    if !artifacts.ext.is_empty() {
        value.push_str(&format!(", ext=\"{}\"", artifacts.ext));
    }
    value.push_str(&format!(", mac=\"{}\"", mac(key, artifacts)));
    value
}

/// The attributes of a received `Authorization: Hawk …` header.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub id: String,
    pub ts: String,
    pub nonce: String,
    pub hash: String,
    pub ext: String,
    pub mac: String,
}

pub fn parse_header(value: &str) -> Option<Parsed> {
    let rest = value.strip_prefix("Hawk ")?;
    let mut parsed = Parsed::default();
    for part in rest.split(',') {
        let (name, quoted) = part.trim().split_once('=')?;
        let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
        let slot = match name {
            "id" => &mut parsed.id,
            "ts" => &mut parsed.ts,
            "nonce" => &mut parsed.nonce,
            "hash" => &mut parsed.hash,
            "ext" => &mut parsed.ext,
            "mac" => &mut parsed.mac,
            _ => return None,
        };
        *slot = inner.to_owned();
    }
    (!parsed.id.is_empty() && !parsed.mac.is_empty()).then_some(parsed)
}

/// Constant-time comparison of two MACs.
pub fn macs_equal(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    // The worked example of the Hawk README (hueniverse/hawk, "Protocol Example").
    fn readme_example(hash: &str, ext: &str) -> Artifacts<'static> {
        Artifacts {
            ts: 1353832234,
            nonce: "j4h3g2",
            method: "GET",
            resource: "/resource/1?b=1&a=2",
            host: "example.com",
            port: 8000,
            hash: Box::leak(hash.to_owned().into_boxed_str()),
            ext: Box::leak(ext.to_owned().into_boxed_str()),
        }
    }

    #[test]
    fn mac_matches_the_hawk_readme_example() {
        let key = b"werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn";
        let artifacts = readme_example("", "some-app-ext-data");
        assert_eq!(
            mac(key, &artifacts),
            "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="
        );
    }

    #[test]
    fn payload_hash_matches_the_hawk_readme_example() {
        assert_eq!(
            payload_hash("text/plain", b"Thank you for flying Hawk"),
            "Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY="
        );
    }

    #[test]
    fn a_header_parses_back_to_its_parts() {
        let artifacts = readme_example("abc=", "");
        let value = header("dh37fgj492je", b"k", &artifacts);
        let parsed = parse_header(&value).unwrap();
        assert_eq!(
            (parsed.id.as_str(), parsed.ts.as_str(), parsed.hash.as_str()),
            ("dh37fgj492je", "1353832234", "abc=")
        );
        assert_eq!(parsed.mac, mac(b"k", &artifacts));
        assert!(parse_header("Bearer x").is_none());
        assert!(parse_header("Hawk id=\"a\", mac=unquoted").is_none());
    }
}
