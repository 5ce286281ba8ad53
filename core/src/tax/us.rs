//! US numbers issued by the SSA and the IRS: SSN, ITIN, EIN (9 digits, no check digit).
//!
//! The rules are python-stdnum's `stdnum/us/{ssn,itin,ein}.py` (and `ein.dat` for the EIN
//! prefixes), except the ITIN groups 50-65, which the IRS issues (see [`itin`]).

use super::{format_error, TaxIdKind};
use crate::FieldError;

/// SSN and ITIN print as `123-45-6789`, an EIN as `12-3456789`.
const AREA_GROUP_SERIAL: [usize; 3] = [3, 2, 4];
const PREFIX_SERIAL: [usize; 2] = [2, 7];

/// The nine digits of `number` written in `groups`: digits only, or with one dash (or
/// space) exactly between two groups, as python-stdnum's `^[0-9]{3}-?[0-9]{2}-?[0-9]{4}$`
/// allows. A dash anywhere else (`1234-56-789`) is a typing mistake, not a separator.
/// Spaces are accepted where the dashes go ("123 45 6789"), which stdnum does not.
fn digits_in_groups(number: &str, groups: &[usize]) -> Option<[u8; 9]> {
    let mut chars = number.chars().peekable();
    let mut digits = [0u8; 9];
    let mut count = 0;
    for (index, &length) in groups.iter().enumerate() {
        if index > 0 && chars.peek().copied().is_some_and(is_dash_or_space) {
            chars.next();
        }
        for _ in 0..length {
            *digits.get_mut(count)? = digit_value(chars.next()?)?;
            count += 1;
        }
    }
    (chars.next().is_none() && count == 9).then_some(digits)
}

/// ASCII and full-width digits (python-stdnum's `clean` maps the latter to ASCII).
fn digit_value(c: char) -> Option<u8> {
    let zero = if c.is_ascii_digit() { '0' } else { '\u{FF10}' };
    let value = u32::from(c).checked_sub(u32::from(zero))?;
    u8::try_from(value).ok().filter(|v| *v <= 9)
}

/// A hyphen, the dashes python-stdnum's `clean` reads as one, or a space.
fn is_dash_or_space(c: char) -> bool {
    matches!(
        c,
        '-' | ' ' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn number_of(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |acc, d| acc * 10 + u32::from(*d))
}

fn text_of(digits: &[u8; 9]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// Numbers printed in advertising or on sample cards (the Woolworth wallet card's
/// 078-05-1120 and others), which the SSA voided: python-stdnum's `_ssn_blacklist`.
const VOIDED_SSNS: [u32; 3] = [78_051_120, 457_555_462, 219_099_999];

/// Area 001-665, 667-899; group 01-99; serial 0001-9999; not a voided sample number.
pub fn ssn(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Ssn;
    let digits = digits_in_groups(number, &AREA_GROUP_SERIAL)
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
    if VOIDED_SSNS.contains(&number_of(&digits)) {
        return Err(format_error(
            kind,
            "it is a published sample number that the SSA voided",
        ));
    }
    Ok(text_of(&digits))
}

/// 9xx-GG-xxxx with GG in 50-65, 70-88, 90-92 or 94-99: the ranges IRS Publication 1915
/// (Understanding Your IRS Individual Taxpayer Identification Number) gives. python-stdnum
/// checks 70-88, 90-92, 94-99 only; ITINs with groups 50-65 are issued too.
pub fn itin(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Itin;
    let digits = digits_in_groups(number, &AREA_GROUP_SERIAL)
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

/// The prefixes python-stdnum's `stdnum/us/ein.dat` assigns to an IRS campus (or to
/// online applications): 00, 07-09, 17-19, 28-29, 49, 69-70, 78-79, 89 and 96-97 are not.
fn ein_prefix_in_use(prefix: u32) -> bool {
    matches!(prefix, 1..=6 | 10..=16 | 20..=27 | 30..=48 | 50..=68 | 71..=77 | 80..=88 | 90..=95 | 98..=99)
}

pub fn ein(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Ein;
    let digits = digits_in_groups(number, &PREFIX_SERIAL)
        .ok_or_else(|| format_error(kind, "it has 9 digits, like 12-3456789"))?;
    if !ein_prefix_in_use(number_of(&digits[..2])) {
        return Err(format_error(
            kind,
            "its first two digits are not a prefix the IRS uses",
        ));
    }
    Ok(text_of(&digits))
}
