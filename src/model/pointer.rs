//! JSON Pointer helpers: profile pointers write array items as `/-/`; bodies and error
//! pointers use a real index. The form edits one item of each array, index 0.

use serde_json::{Map, Value};

/// `/identifyingInformation/-/number` → `/identifyingInformation/0/number`.
pub fn concrete(pointer: &str) -> String {
    at_item(pointer, 0)
}

/// `/associates/-/details/x` with item 2 → `/associates/2/details/x`.
pub fn at_item(pointer: &str, item: usize) -> String {
    let item = item.to_string();
    pointer.split('/').map(|segment| if segment == "-" { item.as_str() } else { segment }).collect::<Vec<_>>().join("/")
}

/// The array a repeated field lives in (`/associates` for `/associates/-/details/x`).
pub fn array_of(pointer: &str) -> Option<&str> {
    pointer.find("/-/").or_else(|| pointer.ends_with("/-").then(|| pointer.len() - 2)).and_then(|at| pointer.get(..at))
}

/// `/address/line1` → `/address`; a top-level field's parent is `""`.
pub fn parent(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |at| pointer.get(..at).unwrap_or(""))
}

/// The first segment (`address` for `/address/line1`), used to group fields in sections.
pub fn first_segment(pointer: &str) -> &str {
    pointer.trim_start_matches('/').split('/').next().unwrap_or("")
}

/// Whether `pointer` is `target` or lies inside it (`/address/city` inside `/address`).
pub fn is_within(pointer: &str, target: &str) -> bool {
    pointer == target || target.is_empty() || pointer.strip_prefix(target).is_some_and(|rest| rest.starts_with('/'))
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Writes `value` at `pointer` (concrete form) in `root`, creating objects and arrays
/// on the way; numeric segments make arrays. Returns `false` when a scalar is in the way.
pub fn set(root: &mut Value, pointer: &str, value: Value) -> bool {
    let segments: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
    let Some((last, path)) = segments.split_last() else {
        *root = value;
        return true;
    };
    let mut node = root;
    for (position, segment) in path.iter().enumerate() {
        let next_is_index = segments.get(position + 1).is_some_and(|s| s.parse::<usize>().is_ok());
        let empty = if next_is_index { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
        node = match child(node, segment, empty) {
            Some(next) => next,
            None => return false,
        };
    }
    match node {
        Value::Object(map) => {
            map.insert(last.clone(), value);
            true
        }
        Value::Array(items) => match last.parse::<usize>() {
            Ok(index) => {
                while items.len() <= index {
                    items.push(Value::Null);
                }
                if let Some(slot) = items.get_mut(index) {
                    *slot = value;
                }
                true
            }
            Err(_) => false,
        },
        _ => false,
    }
}

fn child<'a>(node: &'a mut Value, segment: &str, empty: Value) -> Option<&'a mut Value> {
    match node {
        Value::Object(map) => Some(map.entry(segment.to_owned()).or_insert(empty)),
        Value::Array(items) => {
            let index = segment.parse::<usize>().ok()?;
            while items.len() <= index {
                items.push(empty.clone());
            }
            let slot = items.get_mut(index)?;
            if slot.is_null() {
                *slot = empty;
            }
            Some(slot)
        }
        _ => None,
    }
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
