//! Portuguese (Brazil) and Spanish against English: the same keys, no extra keys, no key
//! twice, the same `{placeholders}`, and real translations rather than English copies.
//! A gap here would show a customer English (or a raw key) in the middle of a translated
//! form; a placeholder mismatch would show "{min}" or drop the number they need.

use std::collections::{BTreeMap, BTreeSet};

use customer_update_core::i18n::messages;
use customer_update_widget::i18n::{Lang, Messages};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const TRANSLATIONS: [Lang; 2] = [Lang::PtBr, Lang::Es];

fn keys(lang: Lang) -> BTreeSet<&'static str> {
    messages(lang).into_iter().map(|(key, _)| key).collect()
}

fn english() -> BTreeMap<&'static str, &'static str> {
    messages(Lang::En).into_iter().collect()
}

/// The widget's messages once the proxy's file for `lang` has arrived.
fn loaded(lang: Lang) -> Messages {
    Messages::new(lang, BTreeMap::new()).with_loaded(customer_update_core::i18n::served(lang))
}

/// The names inside `{…}`, e.g. "Enter {min} to {max}" → {"min", "max"}.
fn placeholders(message: &str) -> BTreeSet<&str> {
    message
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_english_key_has_a_non_blank_translation() {
    let en = keys(Lang::En);
    for lang in TRANSLATIONS {
        let translated: BTreeMap<_, _> = messages(lang).into_iter().collect();
        let missing: Vec<_> = en
            .iter()
            .filter(|key| !translated.contains_key(*key))
            .collect();
        assert!(
            missing.is_empty(),
            "{lang:?} lacks {} English keys: {missing:?}",
            missing.len()
        );
        let blank: Vec<_> = translated
            .iter()
            .filter(|(_, m)| m.trim().is_empty())
            .map(|(k, _)| k)
            .collect();
        assert!(blank.is_empty(), "{lang:?} has blank messages: {blank:?}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn translations_have_no_key_english_lacks() {
    let en = keys(Lang::En);
    for lang in TRANSLATIONS {
        let extra: Vec<_> = keys(lang)
            .into_iter()
            .filter(|key| !en.contains(key))
            .collect();
        assert!(
            extra.is_empty(),
            "{lang:?} has keys English doesn't (stale or misspelt): {extra:?}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn no_catalogue_lists_a_key_twice() {
    // Lookup takes the first match, so a second entry would be silently dead.
    for lang in Lang::ALL {
        let mut seen = BTreeSet::new();
        let twice: Vec<_> = messages(lang)
            .into_iter()
            .filter(|(key, _)| !seen.insert(*key))
            .map(|(key, _)| key)
            .collect();
        assert!(
            twice.is_empty(),
            "{lang:?} lists these keys more than once: {twice:?}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn translations_use_exactly_the_english_placeholders() {
    let en = english();
    for lang in TRANSLATIONS {
        let wrong: Vec<String> = messages(lang)
            .into_iter()
            .filter_map(|(key, message)| {
                let expected = placeholders(en.get(key)?);
                let found = placeholders(message);
                (expected != found)
                    .then(|| format!("{key}: English has {expected:?}, {lang:?} has {found:?}"))
            })
            .collect();
        assert!(
            wrong.is_empty(),
            "placeholders differ:\n{}",
            wrong.join("\n")
        );
        let unbalanced: Vec<_> = messages(lang)
            .into_iter()
            .filter(|(_, message)| message.matches('{').count() != message.matches('}').count())
            .map(|(key, _)| key)
            .collect();
        assert!(
            unbalanced.is_empty(),
            "{lang:?} has unbalanced braces in {unbalanced:?}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn choosing_a_language_shows_translated_text_not_english() {
    // Names like "Eircode" or "Oblast" may legitimately stay the same; most must not.
    let en = english();
    for lang in TRANSLATIONS {
        let messages = loaded(lang);
        let same: Vec<_> = en
            .iter()
            .filter(|(key, english)| messages.text(key) == **english)
            .map(|(k, _)| *k)
            .collect();
        assert!(
            same.len() * 10 <= en.len(),
            "{lang:?} shows English for {} of {} keys: {same:?}",
            same.len(),
            en.len()
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn translated_errors_fill_in_every_param() {
    let en = english();
    for lang in TRANSLATIONS {
        let messages = loaded(lang);
        for (key, english) in &en {
            let params: BTreeMap<String, String> = placeholders(english)
                .into_iter()
                .map(|name| (name.to_owned(), format!("<{name}>")))
                .collect();
            let shown = messages.format(key, &params);
            assert!(
                !shown.contains('{'),
                "{lang:?} {key} still shows a placeholder: {shown}"
            );
            for value in params.values() {
                assert!(
                    shown.contains(value.as_str()),
                    "{lang:?} {key} drops {value}: {shown}"
                );
            }
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn before_its_file_arrives_a_language_shows_its_boot_messages() {
    for lang in TRANSLATIONS {
        let waiting = Messages::new(lang, BTreeMap::new());
        assert!(waiting.needs_loading());
        assert!(!loaded(lang).needs_loading());
        let title = english()["ui.title"];
        assert_ne!(waiting.text("ui.title"), title, "{lang:?}");
        assert_eq!(waiting.text("ui.loading"), loaded(lang).text("ui.loading"));
        // Anything else falls back to English, never to a raw key.
        assert_eq!(waiting.text("ui.submit"), english()["ui.submit"]);
    }
    assert!(!Messages::new(Lang::En, BTreeMap::new()).needs_loading());
}
