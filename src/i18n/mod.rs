//! Every string a customer sees goes through here, looked up by a stable key: UI keys
//! (`ui.*`), section titles (`section.*`), the profile's label keys (`field.*`), option
//! keys (`option.*`) and every core error `Code` string. The texts are core's
//! (`core/i18n/*.txt`): English and the boot messages are compiled in; Portuguese and
//! Spanish are loaded from the proxy when the widget shows them ([`Messages::with_loaded`];
//! the app waits for them with the customer's data). The host may override any key. A
//! missing key is a test failure (tests/i18n_*.rs), and at run time falls back to
//! English, never to a blank.

use std::collections::BTreeMap;
use std::sync::Arc;

pub use customer_update_core::country::Lang;
use customer_update_core::country::{self, Country, CountryCode};
use customer_update_core::i18n;
use customer_update_core::{Code, FieldError};

/// The messages of one widget instance: its language, the file loaded for it, and the
/// host's overrides.
#[derive(Debug, Clone)]
pub struct Messages {
    lang: Lang,
    overrides: Arc<BTreeMap<String, String>>,
    loaded: Option<Arc<str>>,
}

impl Default for Messages {
    fn default() -> Self {
        Messages::new(Lang::En, BTreeMap::new())
    }
}

impl Messages {
    pub fn new(lang: Lang, overrides: BTreeMap<String, String>) -> Self {
        Messages {
            lang,
            overrides: Arc::new(overrides),
            loaded: None,
        }
    }

    /// With `lang`'s file (`key<TAB>message` lines, as the proxy serves it).
    pub fn with_loaded(mut self, text: String) -> Self {
        self.loaded = Some(text.into());
        self
    }

    /// Every country with its name, in the order the customer's language lists them: the
    /// loaded file's `country_name.*` lines (sorted by name by the proxy), else core's English
    /// list. A host override of `country_name.<alpha-2>` renames one.
    pub fn countries(&self) -> Vec<(&'static Country, String)> {
        let listed: Vec<(&'static Country, &str)> = self
            .loaded
            .as_deref()
            .into_iter()
            .flat_map(i18n::entries)
            .filter_map(|(key, name)| {
                let code = CountryCode::parse(key.strip_prefix(i18n::COUNTRY_PREFIX)?).ok()?;
                Some((code.country(), name))
            })
            .collect();
        let listed = if listed.is_empty() {
            country::sorted_by_name(Lang::En)
                .into_iter()
                .map(|c| (c, c.name(Lang::En)))
                .collect()
        } else {
            listed
        };
        let renamed = |c: &Country| {
            let key = format!("{}{}", i18n::COUNTRY_PREFIX, c.alpha2());
            self.overrides.get(&key).map(String::as_str)
        };
        listed
            .into_iter()
            .map(|(c, name)| {
                // Most hosts rename nothing: no key to build then, for 249 countries.
                let name = if self.overrides.is_empty() {
                    name
                } else {
                    renamed(c).unwrap_or(name)
                };
                (c, name.to_owned())
            })
            .collect()
    }

    /// Whether this language's file still has to be loaded before the form is shown.
    pub fn needs_loading(&self) -> bool {
        self.lang != Lang::En && self.loaded.is_none()
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message for `key`: host override, then the language (its file, then boot
    /// messages), then English.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.overrides
            .get(key)
            .map(String::as_str)
            .or_else(|| {
                self.loaded
                    .as_deref()
                    .and_then(|text| i18n::lookup(text, key))
            })
            .or_else(|| i18n::boot(self.lang, key))
            .or_else(|| i18n::lookup(i18n::EN, key))
    }

    /// Like [`Messages::get`]; an unknown key shows as itself, so a gap is visible
    /// instead of a blank label.
    pub fn text(&self, key: &str) -> String {
        self.get(key).unwrap_or(key).to_owned()
    }

    /// The message for `key` with `{name}` placeholders filled from `params`.
    pub fn format(&self, key: &str, params: &BTreeMap<String, String>) -> String {
        fill(&self.text(key), params)
    }

    /// One placeholder, the common case (`{fields}`, `{number}`).
    pub fn format1(&self, key: &str, name: &str, value: &str) -> String {
        fill1(&self.text(key), name, value)
    }

    /// The text for an error under the field labelled `label_key`: a missing value says
    /// what to enter there (`required.<label key>`, "Enter your town or city"), as GOV.UK
    /// asks; anything else as [`Messages::error`].
    pub fn field_error(&self, error: &FieldError, label_key: &str) -> String {
        self.required_for(error, label_key)
            .unwrap_or_else(|| self.error(error))
    }

    /// The field's own "enter this" message, when `error` is a missing value and there is one.
    pub fn required_for(&self, error: &FieldError, label_key: &str) -> Option<String> {
        (error.code == Code::Required)
            .then(|| self.get(&format!("required.{label_key}")))?
            .map(str::to_owned)
    }

    /// The text to show for a field error: our catalogue for our codes; a provider's own
    /// code has no translation, so its (server-side) message is shown as sent.
    pub fn error(&self, error: &FieldError) -> String {
        match &error.code {
            Code::Provider(_) if !error.message.trim().is_empty() => error.message.clone(),
            Code::Provider(_) => self.text(Code::General.as_str()),
            code => self.format(code.as_str(), &error.params),
        }
    }
}

/// Replaces each `{name}` with its param; unknown placeholders stay as written.
pub fn fill(template: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = template.to_owned();
    for (name, value) in params {
        out = fill1(&out, name, value);
    }
    out
}

/// Replaces `{name}` with `value`.
pub fn fill1(template: &str, name: &str, value: &str) -> String {
    template.replace(&format!("{{{name}}}"), value)
}
