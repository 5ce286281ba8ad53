//! Argentina's mobile numbers typed the national way: trunk `0`, area code, `15`, then the
//! subscriber number (`0 11 15 2345-6789`). Their E.164 has `9` before the area code
//! instead (`+54 9 11 2345 6789`). libphonenumber does this rewrite with AR's
//! `national_prefix_for_parsing` `0?(?:(<area codes>)15)?` and transform rule `9\1`
//! (PhoneNumberMetadata.xml; applied by `_maybe_strip_national_prefix_carrier_code` in
//! phonenumberutil.py); the area codes are generated into [`AR_MOBILE_AREA_CODES`].

use super::meta::CallingCode;
use super::table::AR_MOBILE_AREA_CODES;

const ARGENTINA: u16 = 54;

/// `9 <area> <number>` for digits (after the calling code, or typed nationally) of the form
/// `[0] <area> 15 <number>`, when the rewrite gives a possible number; as in libphonenumber
/// a number that was already possible is not turned into an impossible one.
pub fn mobile_from_national_form(entry: &CallingCode, digits: &str) -> Option<String> {
    if entry.code != ARGENTINA {
        return None;
    }
    let rest = digits.strip_prefix('0').unwrap_or(digits);
    if rest.starts_with('0') {
        return None; // area codes never start with 0; "011" must not read as area 11
    }
    let mobile = (2..=4).find_map(|length| {
        let area = rest.get(..length)?;
        let number = rest.get(length..)?.strip_prefix("15")?;
        let code = area.parse::<u16>().ok()?;
        AR_MOBILE_AREA_CODES.binary_search(&code).ok()?;
        Some(format!("9{area}{number}"))
    })?;
    if entry.is_viable(digits) && !entry.is_viable(&mobile) {
        return None;
    }
    entry.allows_length(mobile.len()).then_some(mobile)
}
