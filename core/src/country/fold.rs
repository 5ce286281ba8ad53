//! A comparison key for names typed or shown in English, Portuguese and Spanish:
//! lower-cased, Latin accents stripped, typographic apostrophes made plain, whitespace
//! collapsed. Used to sort the country `<select>` ("Índia" among the I's, not after Z)
//! and to match names typed by people ("cote d’ivoire" = "Côte d'Ivoire"). No Unicode
//! case or normalisation tables in the wasm build: the Latin-1 and Latin Extended-A
//! letters cover every name in the tables; other scripts compare as they are.

/// The key two names compare equal under when a person would call them the same.
pub(crate) fn fold_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            push_folded(&mut key, c);
        }
    }
    key
}

/// Base letters of U+00C0..=U+00FF ('·' = not a single base letter, handled before).
const LATIN_1: &[u8; 64] =
    b"aaaaaa\xB7ceeeeiiiidnooooo\xB7ouuuuy\xB7\xB7aaaaaa\xB7ceeeeiiiidnooooo\xB7ouuuuy\xB7y";
/// Base letters of U+0100..=U+017F (Latin Extended-A), upper and lower case alike.
const LATIN_EXT_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\xB7\xB7jjkkkllllllllllnnnnnnnnnoooooo\xB7\xB7rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Lower case without accents, for ASCII and the Latin-1 / Latin Extended-A letters
/// (every name in the tables). Other scripts are kept as they are: no Unicode case
/// tables in the wasm for them.
fn push_folded(key: &mut String, c: char) {
    let special = match c {
        'Æ' | 'æ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        '\u{0132}' | '\u{0133}' => "ij",
        'Œ' | 'œ' => "oe",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '´' => "'",
        // Combining accents (a name typed in decomposed form): dropped.
        '\u{0300}'..='\u{036F}' => "",
        _ => {
            let code = u32::from(c);
            let base = match code {
                0xC0..=0xFF => code.checked_sub(0xC0).and_then(|i| LATIN_1.get(i as usize)),
                0x100..=0x17F => code
                    .checked_sub(0x100)
                    .and_then(|i| LATIN_EXT_A.get(i as usize)),
                _ => None,
            };
            key.push(
                base.filter(|b| b.is_ascii_lowercase())
                    .map_or(c.to_ascii_lowercase(), |&b| char::from(b)),
            );
            return;
        }
    };
    key.push_str(special);
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
        assert_eq!(
            fold_key("ŁÓDŹ Œuvre ÆBLE straße"),
            "lodz oeuvre aeble strasse"
        );
        assert_eq!(fold_key("×÷"), "×÷");
    }
}
