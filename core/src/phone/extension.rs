//! An extension typed after a number ("ext. 12", "x12", "#12", ", 12", ";ext=12"): found
//! where libphonenumber finds it (phonenumberutil.py: `_create_extn_pattern(True)`, tried
//! at the end of the number by `_maybe_strip_extension`), by hand, without a regex engine.
//!
//! The pattern is `label [:.]? [ \t,-]* digits #?` at the very end, after the number. Each
//! kind of label has its own limit on the digits after it, so that two numbers written side
//! by side are not read as a number and an extension:
//!
//! | label | digits |
//! | --- | --- |
//! | `;ext=` (RFC 3966) | 1-20 |
//! | `ext`, `extn`, `extension`, `extensión`, `ｅｘｔ`, `доб`, `anexo` | 1-20 |
//! | `x`, `#`, `~`, `int` (and their full-width forms) | 1-9 |
//! | none, but a `#` after the digits (American "- 503#") | 1-6 |
//! | `;` or `,,` (auto-dialling) | 1-15 |
//! | `,` | 1-9 |

use super::input::{digit_value, is_separator};

/// libphonenumber's `_MAX_INPUT_STRING_LENGTH`: longer input is not a phone number, and
/// bounds the (quadratic) search here.
const MAX_INPUT_CHARS: usize = 250;

/// The number before the extension, and the extension's ASCII digits; `(input, None)` when
/// there is none.
pub fn split_extension(input: &str) -> (&str, Option<String>) {
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    if chars.len() > MAX_INPUT_CHARS {
        return (input, None);
    }
    // libphonenumber drops trailing characters that are neither letters nor digits ("12)")
    // but keeps a '#', which may close an extension.
    let end = chars
        .iter()
        .rposition(|(_, c)| !is_trailing_junk(*c))
        .map_or(0, |last| last + 1);
    let chars = &chars[..end];
    let text: Vec<char> = chars.iter().map(|(_, c)| fold(*c)).collect();
    // The leftmost match only, as `re.search` finds it: when the number before it is not
    // viable there is no extension, even if a later start would leave a viable one.
    let found = (0..text.len()).find_map(|start| {
        let digits = ALTERNATIVES
            .iter()
            .find_map(|alternative| alternative.matches_at(&text, start))?;
        let before = chars.get(start).map_or(input.len(), |(at, _)| *at);
        Some((input.get(..before).unwrap_or(""), digits))
    });
    match found.filter(|(number, _)| is_viable(number)) {
        Some((number, digits)) => {
            let extension = digits
                .iter()
                .filter_map(|c| digit_value(*c))
                .map(|d| char::from(b'0' + d))
                .collect();
            (number, Some(extension))
        }
        None => (input, None),
    }
}

/// One alternative of libphonenumber's extension pattern.
struct Alternative {
    /// What may stand between the number and the label.
    before: fn(char) -> bool,
    /// The labels (lower-case, see [`fold`]); `""` alone for "no label".
    labels: &'static [&'static str],
    /// Whether `[:.]? [ \t,-]*` may follow the label (not after `;ext=`).
    separators_after: bool,
    max_digits: usize,
    /// A '#' after the digits: `Some(true)` required, `Some(false)` never, `None` optional.
    hash: Option<bool>,
}

/// `e?xt(?:ensi(?:o\u0301?|ó))?n?|ｅ?ｘｔｎ?|доб|anexo`, each spelling written out and
/// longest first (a longer label starts earlier, and the leftmost match wins).
const EXPLICIT: &[&str] = &[
    "extensio\u{301}n",
    "extensio\u{301}",
    "xtensio\u{301}n",
    "extension",
    "extensión",
    "xtensio\u{301}",
    "extensio",
    "extensió",
    "xtension",
    "xtensión",
    "xtensio",
    "xtensió",
    "ｅｘｔｎ",
    "anexo",
    "extn",
    "ext",
    "xtn",
    "ｅｘｔ",
    "ｘｔｎ",
    "доб",
    "xt",
    "ｘｔ",
];
const AMBIGUOUS: &[&str] = &["int", "ｉｎｔ", "x", "ｘ", "#", "＃", "~", "～"];

const ALTERNATIVES: [Alternative; 6] = [
    Alternative {
        before: none,
        labels: &[";ext="],
        separators_after: false,
        max_digits: 20,
        hash: Some(false),
    },
    Alternative {
        before: space_tab_or_comma,
        labels: EXPLICIT,
        separators_after: true,
        max_digits: 20,
        hash: None,
    },
    Alternative {
        before: space_tab_or_comma,
        labels: AMBIGUOUS,
        separators_after: true,
        max_digits: 9,
        hash: None,
    },
    // "[- ]+(\d{1,6})#": the label-less American form.
    Alternative {
        before: dash_or_space,
        labels: &[""],
        separators_after: false,
        max_digits: 6,
        hash: Some(true),
    },
    Alternative {
        before: space_or_tab,
        labels: &[",,", ";"],
        separators_after: true,
        max_digits: 15,
        hash: None,
    },
    // "(?:,)+": further commas are taken by the separators after the label.
    Alternative {
        before: space_or_tab,
        labels: &[","],
        separators_after: true,
        max_digits: 9,
        hash: None,
    },
];

impl Alternative {
    /// The extension's digits when this alternative matches `text[start..]` to its end.
    fn matches_at<'t>(&self, text: &'t [char], start: usize) -> Option<&'t [char]> {
        let mut at = start;
        let skip = |mut at: usize, keep: fn(char) -> bool| {
            while text.get(at).copied().is_some_and(keep) {
                at += 1;
            }
            at
        };
        at = skip(at, self.before);
        if self.labels == [""] && at == start {
            return None; // "[- ]+": at least one
        }
        self.labels.iter().find_map(|label| {
            let mut at = at;
            for expected in label.chars() {
                (text.get(at) == Some(&expected)).then_some(())?;
                at += 1;
            }
            if self.separators_after {
                if text.get(at).is_some_and(|c| matches!(c, ':' | '.' | '．')) {
                    at += 1;
                }
                at = skip(at, after_label);
            }
            let digits_start = at;
            at = skip(at, |c| digit_value(c).is_some());
            let digits = text.get(digits_start..at)?;
            if digits.is_empty() || digits.len() > self.max_digits {
                return None;
            }
            let hash = text.get(at) == Some(&'#');
            let rest = text.len() - at - usize::from(hash);
            let hash_allowed = self.hash.is_none_or(|required| required == hash);
            (rest == 0 && hash_allowed).then_some(digits)
        })
    }
}

/// Neither a letter, a digit nor '#'. Outside ASCII only the punctuation phone numbers
/// use counts: Unicode's letter tables would cost the widget more than they could matter.
fn is_trailing_junk(c: char) -> bool {
    if c.is_ascii() {
        !(c.is_ascii_alphanumeric() || c == '#')
    } else {
        is_separator(c)
    }
}

fn none(_: char) -> bool {
    false
}

fn space_tab_or_comma(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\t' | ',')
}

fn space_or_tab(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\t')
}

fn dash_or_space(c: char) -> bool {
    matches!(c, '-' | ' ')
}

fn after_label(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\t' | ',' | '-')
}

/// Lower case for the letters the labels use (libphonenumber matches them ignoring case):
/// ASCII, full-width Latin, Cyrillic and Ó. No Unicode tables: they would cost the widget.
fn fold(c: char) -> char {
    let shifted = |c: char, by: u32| char::from_u32(u32::from(c) + by).unwrap_or(c);
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'Ó' => 'ó',
        '\u{FF21}'..='\u{FF3A}' | '\u{0410}'..='\u{042F}' => shifted(c, 0x20),
        _ => c,
    }
}

/// libphonenumber's `_is_viable_phone_number`: the part before an extension must itself
/// look like a number: two digits, or at least three digits with only punctuation before
/// them (after any leading plus), then digits, punctuation and letters.
fn is_viable(number: &str) -> bool {
    if number.chars().count() == 2 && number.chars().all(|c| digit_value(c).is_some()) {
        return true;
    }
    let mut digits = 0;
    for c in number.trim_start_matches(['+', '＋']).chars() {
        let punctuation = is_separator(c) || matches!(c, 'x' | 'X' | '*');
        if digit_value(c).is_some() {
            digits += 1;
        } else if !(punctuation || digits >= 3 && c.is_ascii_alphabetic()) {
            return false;
        }
    }
    digits >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_part_keeps_its_own_punctuation() {
        assert_eq!(
            split_extension("(415) 555-0123 ext. 12"),
            ("(415) 555-0123", Some("12".into()))
        );
        assert_eq!(split_extension("415 555 0123"), ("415 555 0123", None));
    }
}
