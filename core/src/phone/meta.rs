//! Lookups over the generated table (`table.rs`): calling codes and regions.

use super::table::{CALLING_CODES, REGIONS};

/// One country calling code and what a national number under it may look like.
#[derive(Debug)]
pub struct CallingCode {
    pub code: u16,
    /// Bit n set ⇔ a national significant number of n digits is possible (any region of the code).
    pub lengths: u32,
    /// Bit d set ⇔ a national significant number may start with digit d.
    pub leading: u16,
    /// ISO alpha-2 regions using this code, main region first; empty for non-geographic codes.
    pub regions: &'static [&'static str],
}

/// One region's dialling conventions.
#[derive(Debug)]
pub struct Region {
    pub alpha2: &'static str,
    pub code: u16,
    /// Trunk (national) prefixes dialled before national numbers, longest first and
    /// `|`-separated: "0" in GB, "80|0|8" in Belarus, "" if none (Italy).
    pub trunk: &'static str,
    /// International (IDD) prefix when it is a plain digit string, e.g. "011" in the US.
    pub idd: &'static str,
}

impl CallingCode {
    pub fn allows_length(&self, digits: usize) -> bool {
        digits < 32 && self.lengths & (1 << digits) != 0
    }

    pub fn min_length(&self) -> usize {
        self.lengths.trailing_zeros() as usize
    }

    pub fn max_length(&self) -> usize {
        31 - self.lengths.leading_zeros() as usize
    }

    /// Whether `nsn` (ASCII digits) has a possible length and a possible first digit.
    pub fn is_viable(&self, nsn: &str) -> bool {
        self.allows_first_digit(nsn) && self.allows_length(nsn.len())
    }

    /// Whether a national significant number may start like `nsn` (ASCII digits) does.
    pub fn allows_first_digit(&self, nsn: &str) -> bool {
        nsn.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() && self.leading & (1 << (b - b'0')) != 0)
    }

    /// The main region's trunk prefixes ("" for non-geographic codes).
    pub fn trunk(&self) -> &'static str {
        self.regions
            .first()
            .and_then(|alpha2| region(alpha2))
            .map_or("", |r| r.trunk)
    }
}

pub fn calling_code_entry(code: u16) -> Option<&'static CallingCode> {
    CALLING_CODES
        .binary_search_by_key(&code, |c| c.code)
        .ok()
        .and_then(|i| CALLING_CODES.get(i))
}

/// Case-insensitive alpha-2 lookup.
pub fn region(alpha2: &str) -> Option<&'static Region> {
    let upper = alpha2.trim().to_ascii_uppercase();
    REGIONS
        .binary_search_by(|r| r.alpha2.cmp(upper.as_str()))
        .ok()
        .and_then(|i| REGIONS.get(i))
}

/// The calling code at the start of `digits` (ASCII), if any: calling codes are prefix-free,
/// so the first 1..=3 digit prefix that exists is the one.
pub fn split_calling_code(digits: &str) -> Option<(&'static CallingCode, &str)> {
    (1..=3).find_map(|len| {
        let head = digits.get(..len)?;
        let code = head.parse::<u16>().ok()?;
        if head.starts_with('0') {
            return None;
        }
        calling_code_entry(code).map(|entry| (entry, digits.get(len..).unwrap_or("")))
    })
}
