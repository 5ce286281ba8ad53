//! The languages the widget speaks, and how a BCP 47 tag picks one.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language the country names (and the widget's strings) come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    PtBr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::PtBr, Lang::Es];

    /// Picks by the primary subtag of a BCP 47 tag such as an element's `lang` or
    /// `navigator.language`: "pt-BR", "pt", "pt_PT" → Portuguese (Brazil), the only
    /// Portuguese we have; "es-MX" → Spanish; "en-US" → English. `None` for anything
    /// else, so the caller decides the fallback.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("pt") {
            Some(Lang::PtBr)
        } else if primary.eq_ignore_ascii_case("es") {
            Some(Lang::Es)
        } else {
            None
        }
    }

    /// The canonical BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
            Lang::Es => "es",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Lang::parse(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unsupported language `{tag}`: expected en, pt-BR or es"
            ))
        })
    }
}
