//! Brazilian CPF (people) and CNPJ (companies), mod-11 check digits.

use super::{check_digit_error, compact, format_error, TaxIdKind};
use crate::FieldError;

/// Mod-11 check digit over `values` with the given weights (Receita Federal rule).
fn mod11(values: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = values.iter().zip(weights).map(|(v, w)| v * w).sum();
    match sum % 11 {
        0 | 1 => 0,
        rest => 11 - rest,
    }
}

fn all_same(values: &[u32]) -> bool {
    values.windows(2).all(|w| w[0] == w[1])
}

/// 11 digits (`123.456.789-09`), both check digits, not all the same digit.
pub fn cpf(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Cpf;
    let text = compact(number, &['.', '-', ' ']);
    let values: Vec<u32> = text.chars().map_while(|c| c.to_digit(10)).collect();
    if values.len() != 11 || text.chars().count() != 11 {
        return Err(format_error(kind, "it has 11 digits, like 123.456.789-09"));
    }
    if all_same(&values) {
        return Err(format_error(kind, "it cannot be one digit repeated"));
    }
    let first = mod11(&values[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]);
    let second = mod11(&values[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    if values[9] != first || values[10] != second {
        return Err(check_digit_error(kind));
    }
    Ok(text)
}

/// 14 characters (`12.345.678/0001-95`): 12 digits or, from July 2026, upper-case letters
/// and digits (a letter counts as its ASCII code minus 48), then two check digits.
pub fn cnpj(number: &str) -> Result<String, FieldError> {
    let kind = TaxIdKind::Cnpj;
    let text = compact(number, &['.', '/', '-', ' ']);
    let values: Vec<u32> = text
        .chars()
        .enumerate()
        .map_while(|(i, c)| match c {
            '0'..='9' => c.to_digit(10),
            'A'..='Z' if i < 12 => Some(u32::from(c) - 48),
            _ => None,
        })
        .collect();
    if values.len() != 14 || text.chars().count() != 14 {
        return Err(format_error(
            kind,
            "it has 14 digits, like 12.345.678/0001-95",
        ));
    }
    if all_same(&values) {
        return Err(format_error(kind, "it cannot be one digit repeated"));
    }
    let first = mod11(&values[..12], &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    let second = mod11(&values[..13], &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    if values[12] != first || values[13] != second {
        return Err(check_digit_error(kind));
    }
    Ok(text)
}
