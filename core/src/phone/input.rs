//! What a person typed → a leading-plus flag and ASCII digits. Accepts the punctuation
//! people use to group numbers, non-ASCII decimal digits (full-width, Arabic-Indic,
//! Devanagari) that mobile keyboards and IMEs produce, and the letters of a keypad number
//! ("1-800-FLOWERS"); anything else is refused.

/// The digits of a phone input and whether it started with `+`.
#[derive(Debug, PartialEq, Eq)]
pub struct Scanned {
    pub plus: bool,
    pub digits: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ScanError {
    /// Nothing but whitespace.
    Empty,
    /// A character that is neither a digit nor grouping punctuation (letters, a `+` after digits…).
    Unexpected(char),
}

/// First code point of each Unicode decimal-digit block we accept.
const ZEROS: [u32; 5] = [0x30, 0x660, 0x6F0, 0x966, 0xFF10];

pub fn digit_value(c: char) -> Option<u8> {
    let code = c as u32;
    ZEROS.iter().find_map(|&zero| {
        let value = code.checked_sub(zero)?;
        u8::try_from(value).ok().filter(|v| *v <= 9)
    })
}

/// Grouping punctuation people type between digits (ASCII and full-width forms, dashes).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.' | '(' | ')' | '/' | '[' | ']' | '~' | '\u{2010}'
                ..='\u{2015}'
                    | '\u{2212}'
                    | '\u{30FC}'
                    | '\u{FF08}'
                    | '\u{FF09}'
                    | '\u{FF0D}'
                    | '\u{FF0E}'
                    | '\u{FF0F}'
                    | '\u{FF3B}'
                    | '\u{FF3D}'
                    | '\u{FF5E}'
                    | '\u{00AD}'
                    | '\u{200B}'
                    | '\u{2060}'
        )
}

/// The digit under each letter A-Z on a telephone keypad (ITU-T E.161).
const KEYPAD: &[u8; 26] = b"22233344455566677778889999";

fn keypad_digit(c: char) -> Option<char> {
    let index = u32::from(c.to_ascii_uppercase()).checked_sub(u32::from('A'))?;
    KEYPAD
        .get(usize::try_from(index).ok()?)
        .map(|d| char::from(*d))
        .filter(|_| c.is_ascii_alphabetic())
}

/// Letters are read off the keypad when there are at least three of them, as
/// libphonenumber's `_normalize` does (`_VALID_ALPHA_PHONE_PATTERN`, "fewer are likely
/// typos"). libphonenumber then drops one or two letters silently; here they are refused,
/// since "555 O123" with a letter O is more likely a mistyped 0 than a keypad letter.
pub fn scan(input: &str) -> Result<Scanned, ScanError> {
    if input.trim().is_empty() {
        return Err(ScanError::Empty);
    }
    let keypad = input.chars().filter(char::is_ascii_alphabetic).count() >= 3;
    let mut plus = false;
    let mut digits = String::new();
    for c in input.chars() {
        if let Some(value) = digit_value(c) {
            digits.push(char::from(b'0' + value));
        } else if let Some(digit) = keypad.then(|| keypad_digit(c)).flatten() {
            digits.push(digit);
        } else if matches!(c, '+' | '\u{FF0B}') && !plus && digits.is_empty() {
            plus = true;
        } else if !is_separator(c) {
            return Err(ScanError::Unexpected(c));
        }
    }
    Ok(Scanned { plus, digits })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_digits_and_one_leading_plus() {
        assert_eq!(
            scan(" +1 (415) 555-0123 "),
            Ok(Scanned {
                plus: true,
                digits: "14155550123".into()
            })
        );
        assert_eq!(
            scan("＋４４ ７７００"),
            Ok(Scanned {
                plus: true,
                digits: "447700".into()
            })
        );
        assert_eq!(
            scan("٠١٢"),
            Ok(Scanned {
                plus: false,
                digits: "012".into()
            })
        );
    }

    #[test]
    fn reads_three_or_more_letters_off_the_keypad() {
        assert_eq!(
            scan("1-800-FLOWERS"),
            Ok(Scanned {
                plus: false,
                digits: "18003569377".into()
            })
        );
        assert_eq!(
            scan("+1 800 go fedex").map(|s| s.digits),
            Ok("18004633339".into())
        );
    }

    #[test]
    fn refuses_one_or_two_letters_and_late_plus() {
        assert_eq!(scan("415 555 O123"), Err(ScanError::Unexpected('O')));
        assert_eq!(scan("415 55 AB 123"), Err(ScanError::Unexpected('A')));
        assert_eq!(scan("44+7700"), Err(ScanError::Unexpected('+')));
        assert_eq!(scan("++44"), Err(ScanError::Unexpected('+')));
        assert_eq!(scan(" \t"), Err(ScanError::Empty));
    }
}
