//! A draft body as its leaves: JSON pointer → value. The widget builds the body it is about
//! to send in this form and checks it by deserializing the leaves into the provider's update
//! type (`leaves_de.rs`), the same type and validation the proxy runs on the JSON it gets.

/// One leaf of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf {
    Text(String),
    Bool(bool),
    /// `null`: the key is dropped, as if it had not been sent.
    Null,
    /// A number, or an empty object/array where a value was expected: never valid here.
    Other,
}

/// Leaves in body order. Pointers are RFC 6901; array items use their index (`/a/0/b`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Leaves(Vec<(String, Leaf)>);

impl Leaves {
    pub fn new() -> Self {
        Leaves(Vec::new())
    }

    /// Adds or replaces the leaf at `pointer`.
    pub fn set(&mut self, pointer: impl Into<String>, leaf: Leaf) {
        let pointer = pointer.into();
        match self.0.iter_mut().find(|(at, _)| *at == pointer) {
            Some(slot) => slot.1 = leaf,
            None => self.0.push((pointer, leaf)),
        }
    }

    pub fn get(&self, pointer: &str) -> Option<&Leaf> {
        self.0
            .iter()
            .find(|(at, _)| at == pointer)
            .map(|(_, leaf)| leaf)
    }

    /// The text at `pointer`, if a text leaf is there.
    pub fn text(&self, pointer: &str) -> Option<&str> {
        match self.get(pointer) {
            Some(Leaf::Text(text)) => Some(text),
            _ => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Leaf)> {
        self.0
            .iter()
            .map(|(pointer, leaf)| (pointer.as_str(), leaf))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The body as JSON text: objects and arrays rebuilt from the pointers (a token of
    /// digits is an array index: no provider key here is a number), in leaf order.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.tree().write(&mut out);
        out
    }

    /// The body as a tree of objects and arrays (see [`Leaves::to_json`]).
    pub(crate) fn tree(&self) -> Node<'_> {
        let mut root = Node::Object(Vec::new());
        for (pointer, leaf) in &self.0 {
            let tokens: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
            root.insert(&tokens, leaf);
        }
        root
    }

    /// Drops every leaf at or under `pointer`; `false` if there was none.
    pub(crate) fn remove_under(&mut self, pointer: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|(at, _)| !is_within(at, pointer));
        self.0.len() != before
    }
}

/// `pointer` is `parent` or lies inside it (`""` contains everything).
pub fn is_within(pointer: &str, parent: &str) -> bool {
    pointer == parent
        || (pointer.starts_with(parent) && pointer.as_bytes().get(parent.len()) == Some(&b'/'))
}

/// `/associates/-/riskScore` matches `/associates/3/riskScore`.
pub fn matches(pattern: &str, pointer: &str) -> bool {
    let mut pattern_tokens = pattern.split('/');
    let mut pointer_tokens = pointer.split('/');
    loop {
        match (pattern_tokens.next(), pointer_tokens.next()) {
            (None, None) => return true,
            (Some(want), Some(got)) => {
                if want != got && !(want == "-" && is_index(got)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

pub(crate) fn is_index(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())
}

/// RFC 6901 escaping of one reference token.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// A body rebuilt from its leaves: what `to_json` writes and what the typed update
/// bodies deserialize from (`leaves_de.rs`).
pub(crate) enum Node<'a> {
    Leaf(&'a Leaf),
    Object(Vec<(String, Node<'a>)>),
    Array(Vec<Node<'a>>),
}

impl<'a> Node<'a> {
    fn insert(&mut self, tokens: &[String], leaf: &'a Leaf) {
        let Some((first, rest)) = tokens.split_first() else {
            *self = Node::Leaf(leaf);
            return;
        };
        let child = match rest.first() {
            Some(next) if is_index(next) => Node::Array(Vec::new()),
            _ => Node::Object(Vec::new()),
        };
        let slot = match self {
            Node::Object(members) => match members.iter().position(|(key, _)| key == first) {
                Some(found) => &mut members[found].1,
                None => {
                    members.push((first.clone(), child));
                    &mut members.last_mut().expect("just pushed").1
                }
            },
            Node::Array(items) => {
                // Items come in index order; a gap is filled so no index is lost.
                let index: usize = first.parse().unwrap_or(items.len()).min(items.len());
                if index == items.len() {
                    items.push(child);
                }
                &mut items[index]
            }
            Node::Leaf(_) => return,
        };
        slot.insert(rest, leaf);
    }

    fn write(&self, out: &mut String) {
        match self {
            Node::Leaf(Leaf::Text(text)) => write_string(out, text),
            Node::Leaf(Leaf::Bool(flag)) => out.push_str(if *flag { "true" } else { "false" }),
            Node::Leaf(Leaf::Null | Leaf::Other) => out.push_str("null"),
            Node::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, key);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
            Node::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
        }
    }
}

/// A JSON string literal (RFC 8259: quote, backslash and control characters escaped).
fn write_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(feature = "json")]
impl Leaves {
    /// The leaves of a JSON body (the proxy's side of the same rules).
    pub fn from_json(value: &serde_json::Value) -> Leaves {
        let mut leaves = Leaves::new();
        collect(value, &mut String::new(), &mut leaves);
        leaves
    }
}

#[cfg(feature = "json")]
fn collect(value: &serde_json::Value, pointer: &mut String, leaves: &mut Leaves) {
    use serde_json::Value;
    let leaf = match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, child) in map {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape(key));
                collect(child, pointer, leaves);
                pointer.truncate(len);
            }
            return;
        }
        Value::Array(items) if !items.is_empty() => {
            for (index, child) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&index.to_string());
                collect(child, pointer, leaves);
                pointer.truncate(len);
            }
            return;
        }
        Value::String(text) => Leaf::Text(text.clone()),
        Value::Bool(flag) => Leaf::Bool(*flag),
        Value::Null => Leaf::Null,
        // An empty object or array is kept (an address sent as `{}` is still sent), but
        // an empty body is no leaf at all.
        Value::Object(_) | Value::Array(_) if pointer.is_empty() => return,
        _ => Leaf::Other,
    };
    leaves.0.push((pointer.clone(), leaf));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_wildcards_match_any_index_only() {
        assert!(matches(
            "/associates/-/riskScore",
            "/associates/12/riskScore"
        ));
        assert!(!matches(
            "/associates/-/riskScore",
            "/associates/x/riskScore"
        ));
        assert!(!matches("/meta", "/meta/key"));
        assert!(matches("/meta", "/meta"));
    }

    #[test]
    fn leaves_become_nested_json_with_escaped_strings() {
        let mut leaves = Leaves::new();
        leaves.set("/address/line1", Leaf::Text("1 \"Main\"\\St\n\u{1}".into()));
        leaves.set("/associates/0/person/reference", Leaf::Text("p1".into()));
        leaves.set(
            "/associates/0/details/contactInfo/emailAddress",
            Leaf::Text("a@b.co".into()),
        );
        leaves.set("/associates/1/person/reference", Leaf::Text("p2".into()));
        leaves.set("/signed", Leaf::Bool(true));
        leaves.set("/a~1b", Leaf::Null);
        let json = leaves.to_json();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "address": {"line1": "1 \"Main\"\\St\n\u{1}"},
                "associates": [
                    {"person": {"reference": "p1"}, "details": {"contactInfo": {"emailAddress": "a@b.co"}}},
                    {"person": {"reference": "p2"}}
                ],
                "signed": true,
                "a/b": null
            })
        );
        #[cfg(feature = "json")]
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&Leaves::from_json(&value).to_json())
                .unwrap(),
            value
        );
    }
}
