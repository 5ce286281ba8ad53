//! The customer-facing messages, as text files under `core/i18n/` (one `key<TAB>message`
//! line each): the widget shows them, keyed by UI keys and by every error [`Code`]
//! string, and the proxy serves a language's file to the widget. English and the few
//! messages shown while loading ([`BOOT`], every language) are always compiled in; the
//! other languages' files only with the `catalogues` feature (the proxy): the widget's
//! wasm leaves them out, and the countries' names in those languages, and asks the proxy
//! for the one it shows.
//!
//! [`Code`]: crate::Code

use crate::country::Lang;

/// English: the fallback for every key, and the list of keys.
pub const EN: &str = include_str!("../i18n/en.txt");

/// `key<TAB>English<TAB>Portuguese<TAB>Spanish` lines for what shows before a language's
/// file has arrived (title, loading, load failure, settings problems).
pub const BOOT: &str = include_str!("../i18n/boot.txt");

/// A language's whole file (boot messages are in [`BOOT`], not here).
#[cfg(feature = "catalogues")]
pub fn catalogue(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::PtBr => include_str!("../i18n/pt-BR.txt"),
        Lang::Es => include_str!("../i18n/es.txt"),
    }
}

/// Every `(key, message)` of `lang`, its boot messages included: what a customer can see.
#[cfg(feature = "catalogues")]
pub fn messages(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let boot = entries(BOOT).filter_map(|(key, _)| Some((key, self::boot(lang, key)?)));
    entries(catalogue(lang)).chain(boot).collect()
}

/// The `(key, message)` pairs of a file, notes and blank lines left out.
pub fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

/// The message for `key` in a file (a linear scan: a few hundred short lines, looked up
/// when a label or an error is shown).
pub fn lookup<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('\t'))
}

/// The boot message for `key` in `lang`.
pub fn boot(lang: Lang, key: &str) -> Option<&'static str> {
    let column = Lang::ALL.iter().position(|l| *l == lang)?;
    lookup(BOOT, key)?.split('\t').nth(column)
}

/// What the proxy sends for `lang`: the file without its notes, then, for a language
/// other than English, every country's name as `country_name.<alpha-2>`, in the order a
/// `<select>` lists them ([`crate::country::sorted_by_name`]).
#[cfg(feature = "catalogues")]
pub fn served(lang: Lang) -> String {
    let messages = entries(catalogue(lang)).map(|(key, message)| format!("{key}\t{message}\n"));
    // English names are in every build, so the English file does not list them.
    let countries = if lang == Lang::En {
        Vec::new()
    } else {
        crate::country::sorted_by_name(lang)
    };
    let countries = countries
        .into_iter()
        .map(|c| format!("{COUNTRY_PREFIX}{}\t{}\n", c.alpha2(), c.name(lang)));
    messages.chain(countries).collect()
}

/// The key of a country's name in a served file: `country_name.` and its alpha-2 code.
pub const COUNTRY_PREFIX: &str = "country_name.";
