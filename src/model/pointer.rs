//! JSON Pointer helpers: profile pointers write array items as `/-/`; bodies and error
//! pointers use a real index. The form edits one item of each array, index 0.

/// `/identifyingInformation/-/number` → `/identifyingInformation/0/number`.
pub fn concrete(pointer: &str) -> String {
    at_item(pointer, 0)
}

/// `/associates/-/details/x` with item 2 → `/associates/2/details/x`.
pub fn at_item(pointer: &str, item: usize) -> String {
    let item = item.to_string();
    pointer
        .split('/')
        .map(|segment| {
            if segment == "-" {
                item.as_str()
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The array a repeated field lives in (`/associates` for `/associates/-/details/x`).
pub fn array_of(pointer: &str) -> Option<&str> {
    pointer
        .find("/-/")
        .or_else(|| pointer.ends_with("/-").then(|| pointer.len() - 2))
        .and_then(|at| pointer.get(..at))
}

/// `/address/line1` → `/address`; a top-level field's parent is `""`.
pub fn parent(pointer: &str) -> &str {
    pointer
        .rfind('/')
        .map_or("", |at| pointer.get(..at).unwrap_or(""))
}

/// The first segment (`address` for `/address/line1`), used to group fields in sections.
pub fn first_segment(pointer: &str) -> &str {
    pointer
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("")
}

/// Whether `pointer` is `target` or lies inside it (`/address/city` inside `/address`).
pub fn is_within(pointer: &str, target: &str) -> bool {
    pointer == target
        || target.is_empty()
        || pointer
            .strip_prefix(target)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// A DOM id for a field, unique within one widget instance (`prefix` is per instance).
pub fn dom_id(prefix: &str, pointer: &str) -> String {
    let body: String = concrete(pointer)
        .trim_start_matches('/')
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{prefix}-{body}")
}
