//! A comparison key for names typed or shown in English, Portuguese and Spanish:
//! lower-cased, Latin accents stripped, typographic apostrophes made plain, whitespace
//! collapsed. Used to sort the country `<select>` ("Índia" among the I's, not after Z)
//! and to match names typed by people ("cote d’ivoire" = "Côte d'Ivoire"). No Unicode
//! normalisation tables in the wasm build: the Latin-1 and Latin Extended-A letters
//! cover every name in the tables; other scripts compare lower-cased as they are.

/// The key two names compare equal under when a person would call them the same.
pub(crate) fn fold_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for upper in word.chars() {
            for c in upper.to_lowercase() {
                push_folded(&mut key, c);
            }
        }
    }
    key
}

fn push_folded(key: &mut String, c: char) {
    let base = match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '´' => "'",
        // Combining accents (a name typed in decomposed form): drop them.
        '\u{0300}'..='\u{036F}' => "",
        other => {
            key.push(other);
            return;
        }
    };
    key.push_str(base);
}

#[cfg(test)]
mod tests {
    use super::fold_key;

    #[test]
    fn accents_case_apostrophes_and_spacing_do_not_matter() {
        assert_eq!(fold_key("  Côte   d’Ivoire "), "cote d'ivoire");
        assert_eq!(fold_key("ÅLAND"), "aland");
        assert_eq!(fold_key("Índia"), "india");
        assert_eq!(fold_key("Cura\u{0063}\u{0327}ao"), "curacao"); // c + combining cedilla
        assert_eq!(fold_key("東京都"), "東京都");
    }
}
