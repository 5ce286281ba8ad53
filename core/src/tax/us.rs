//! US numbers issued by the SSA and the IRS: SSN, ITIN, EIN (9 digits, no check digit).

use super::{compact, format_error, TaxIdKind};
use crate::FieldError;

/// Nine ASCII digits once dashes and spaces are removed.
fn nine_digits(number: &str) -> Option<[u8; 9]> {
    let text = compact(number, &['-', ' ']);
    let mut digits = [0u8; 9];
    let mut count = 0;
    for c in text.chars() {
        let value = c.to_digit(10)?;
        *digits.get_mut(count)? = u8::try_from(value).ok()?;
        count += 1;
    }
    (count == 9).then_some(digits)
}

fn number_of(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |acc, d| acc * 10 + u32::from(*d))
}

fn text_of(digits: &[u8; 9]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// Area 001-665, 667-899; group 01-99; serial 0001-9999 (SSA rules since 2011).
pub fn ssn(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Ssn;
    let digits = nine_digits(number)
        .ok_or_else(|| format_error(kind, "it has 9 digits, like 123-45-6789"))?;
    let (area, group, serial) = (
        number_of(&digits[..3]),
        number_of(&digits[3..5]),
        number_of(&digits[5..]),
    );
    if area == 0 || area == 666 || area >= 900 {
        return Err(format_error(kind, "it cannot start with 000, 666 or 9"));
    }
    if group == 0 {
        return Err(format_error(kind, "its middle two digits cannot be 00"));
    }
    if serial == 0 {
        return Err(format_error(kind, "its last four digits cannot be 0000"));
    }
    Ok(text_of(&digits))
}

/// 9xx-GG-xxxx with GG in the IRS ranges 50-65, 70-88, 90-92, 94-99.
pub fn itin(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Itin;
    let digits = nine_digits(number)
        .ok_or_else(|| format_error(kind, "it has 9 digits, like 912-70-1234"))?;
    if digits[0] != 9 {
        return Err(format_error(kind, "it starts with 9"));
    }
    let group = number_of(&digits[3..5]);
    if !matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99) {
        return Err(format_error(
            kind,
            "its 4th and 5th digits are 50-65, 70-88, 90-92 or 94-99",
        ));
    }
    Ok(text_of(&digits))
}

/// Prefixes the IRS assigns (campus and internet prefixes); 00, 07-09, 17-19, 28-29,
/// 49, 69-70, 78-79, 89 and 96-97 are not used.
fn ein_prefix_in_use(prefix: u32) -> bool {
    matches!(prefix, 1..=6 | 10..=16 | 20..=27 | 30..=39 | 40..=48 | 50..=68 | 71..=77 | 80..=88 | 90..=95 | 98..=99)
}

pub fn ein(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Ein;
    let digits = nine_digits(number)
        .ok_or_else(|| format_error(kind, "it has 9 digits, like 12-3456789"))?;
    if !ein_prefix_in_use(number_of(&digits[..2])) {
        return Err(format_error(
            kind,
            "its first two digits are not a prefix the IRS uses",
        ));
    }
    Ok(text_of(&digits))
}
