//! The one place a postal-code pattern is run. Google's patterns are written for
//! JavaScript/RE2-style engines. In the browser they run on the JS `RegExp` engine the
//! page already has (no regex engine in the wasm); natively on `regex-lite`, which is
//! small and has no Unicode tables. Both see `^(?:pattern)$`: a whole-string match.

fn anchored(pattern: &str) -> String {
    format!("^(?:{pattern})$")
}

/// Whether all of `text` matches `pattern`. A pattern that does not compile (the
/// generated table is tested so none does) accepts: bad data must not block a person.
#[cfg(target_arch = "wasm32")]
pub(crate) fn full_match(pattern: &str, text: &str) -> bool {
    js_sys::RegExp::new(&anchored(pattern), "").test(text)
}

/// Whether all of `text` matches `pattern`. A pattern that does not compile (the
/// generated table is tested so none does) accepts: bad data must not block a person.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn full_match(pattern: &str, text: &str) -> bool {
    regex_lite::Regex::new(&anchored(pattern)).map_or(true, |re| re.is_match(text))
}

/// Compiles `pattern` as `full_match` would, for the test that guards the table.
#[cfg(not(target_arch = "wasm32"))]
pub fn compile(pattern: &str) -> Result<(), String> {
    regex_lite::Regex::new(&anchored(pattern))
        .map(|_| ())
        .map_err(|e| e.to_string())
}
