//! Mexican RFC (SAT taxpayer register) and CURP (population register): structure and the
//! date inside them. The RFC's last character is not checked as a check digit because
//! the SAT has issued RFCs whose check character does not follow its own formula.

use super::{check_digit_error, compact, format_error, TaxIdKind};
use crate::date::days_in_month;
use crate::FieldError;

/// `YYMMDD` digits forming a real date in 19YY or 20YY.
fn is_yymmdd(chars: &[char]) -> bool {
    let digits: Vec<u32> = chars.iter().map_while(|c| c.to_digit(10)).collect();
    let [y1, y2, m1, m2, d1, d2] = digits[..] else {
        return false;
    };
    let (yy, month, day) = (y1 * 10 + y2, m1 * 10 + m2, d1 * 10 + d2);
    // 20YY is a leap year whenever 19YY is, and also for YY = 00.
    let year = 2000 + yy as u16;
    (1..=12).contains(&month) && day >= 1 && day <= u32::from(days_in_month(year, month as u8))
}

fn is_rfc_letter(c: char) -> bool {
    c.is_ascii_uppercase() || c == 'Ñ' || c == '&'
}

/// Persona moral: 3 letters + YYMMDD + 3-character homoclave (12); persona física: 4
/// letters + YYMMDD + homoclave (13). The homoclave ends in a digit or `A`.
pub fn rfc(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Rfc;
    let text = compact(number, &['-', ' ']);
    let chars: Vec<char> = text.chars().collect();
    let shape = "3 or 4 letters, the date as YYMMDD and 3 letters or digits, like GODE561231GR8";
    let letters = match chars.len() {
        12 => 3,
        13 => 4,
        _ => return Err(format_error(kind, shape)),
    };
    let (name, rest) = chars.split_at(letters);
    let (date, homoclave) = rest.split_at(6);
    let homoclave_ok = matches!(homoclave, [a, b, c]
        if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() && (c.is_ascii_digit() || *c == 'A'));
    if !name.iter().all(|c| is_rfc_letter(*c)) || !homoclave_ok {
        return Err(format_error(kind, shape));
    }
    if !is_yymmdd(date) {
        return Err(format_error(
            kind,
            "the date inside it (YYMMDD) does not exist",
        ));
    }
    Ok(text)
}

/// Two-letter codes of the 32 states, plus NE (born abroad).
const CURP_STATES: [&str; 33] = [
    "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN",
    "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS",
    "NE",
];

fn is_consonant(c: char) -> bool {
    c.is_ascii_uppercase() && !"AEIOU".contains(c)
}

/// The RENAPO check digit: weights 18..2 over the first 17 characters.
fn curp_check_digit(chars: &[char]) -> Option<u32> {
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    let mut sum = 0u32;
    for (i, c) in chars.iter().take(17).enumerate() {
        let value = ALPHABET.chars().position(|a| a == *c)?;
        sum += u32::try_from(value).ok()? * (18 - i as u32);
    }
    Some((10 - sum % 10) % 10)
}

/// 18 characters: 4 name letters, YYMMDD, sex (H, M or X), state, 3 consonants, a
/// century character (digit before 2000, letter after) and a check digit.
pub fn curp(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Curp;
    let text = compact(number, &[' ', '-']);
    let chars: Vec<char> = text.chars().collect();
    let shape_error = || format_error(kind, "18 characters like GOMC850124HDFRRR09");
    let &[n1, n2, n3, n4, ref d @ .., sex, s1, s2, c1, c2, c3, century, check] = chars.as_slice()
    else {
        return Err(shape_error());
    };
    if d.len() != 6 {
        return Err(shape_error());
    }
    let state: String = [s1, s2].iter().collect();
    let shape_ok = [n1, n3, n4].iter().all(char::is_ascii_uppercase)
        && "AEIOUX".contains(n2)
        && n2.is_ascii_uppercase()
        && matches!(sex, 'H' | 'M' | 'X')
        && CURP_STATES.contains(&state.as_str())
        && [c1, c2, c3].iter().all(|c| is_consonant(*c))
        && (century.is_ascii_digit() || century.is_ascii_uppercase())
        && check.is_ascii_digit();
    if !shape_ok {
        return Err(shape_error());
    }
    if !is_yymmdd(d) {
        return Err(format_error(
            kind,
            "the date inside it (YYMMDD) does not exist",
        ));
    }
    if curp_check_digit(&chars) != check.to_digit(10) {
        return Err(check_digit_error(kind));
    }
    Ok(text)
}
