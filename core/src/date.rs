//! Calendar dates as `YYYY-MM-DD`, and the date-of-birth rules.
//!
//! Core has no clock: `SystemTime::now()` panics on wasm32-unknown-unknown, so every rule
//! that needs "today" takes it from the caller (the widget from JS `Date`, the proxy from
//! the system clock, both via [`Date::from_unix_days`] or [`Date::parse`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Code, FieldError};

/// Age at which the adult rule ([`check_birth_date`] with this minimum) passes.
pub const ADULT_AGE: u16 = 18;

/// A real calendar date (proleptic Gregorian, years 0001..=9999). Field order makes the
/// derived ordering chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date from its parts, if it exists on the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Strict `YYYY-MM-DD` (exactly ten characters; surrounding whitespace is trimmed).
    pub fn parse(input: &str) -> Result<Date, FieldError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(FieldError::new(Code::Required, "Enter a date."));
        }
        let format_error = || {
            FieldError::new(
                Code::DateInvalidFormat,
                "Enter the date as YYYY-MM-DD, for example 1990-04-23.",
            )
        };
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !shape_ok {
            return Err(format_error());
        }
        let number = |range: std::ops::Range<usize>| {
            text.get(range).and_then(|part| part.parse::<u16>().ok())
        };
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(format_error());
        };
        let month = u8::try_from(month).map_err(|_| format_error())?;
        let day = u8::try_from(day).map_err(|_| format_error())?;
        Date::new(year, month, day).ok_or_else(|| {
            FieldError::new(
                Code::DateNotACalendarDate,
                "This date does not exist on the calendar.",
            )
            .with_param("value", text)
        })
    }

    /// The date `days` days after 1970-01-01 (negative: before). For building "today".
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe.checked_add(era.checked_mul(400)?)? + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole years from `self` to `on` (0 if `on` is earlier). Someone born on 29 February
    /// has their birthday on 1 March in common years.
    pub fn years_until(self, on: Date) -> u16 {
        if on < self {
            return 0;
        }
        let years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years - 1
        } else {
            years
        }
    }
}

pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parse a `YYYY-MM-DD` date (see [`Date::parse`]).
pub fn parse(input: &str) -> Result<Date, FieldError> {
    Date::parse(input)
}

/// The date must be today or earlier.
pub fn not_in_future(date: Date, today: Date) -> Result<Date, FieldError> {
    if date > today {
        return Err(
            FieldError::new(Code::DateInFuture, "This date is in the future.")
                .with_param("today", today),
        );
    }
    Ok(date)
}

/// A date of birth: a real date, not in the future, and at least `min_age_years` old on
/// `today` (pass [`ADULT_AGE`] where a provider profile requires adults, 0 otherwise).
pub fn check_birth_date(input: &str, today: Date, min_age_years: u16) -> Result<Date, FieldError> {
    let born = not_in_future(Date::parse(input)?, today)?;
    if born.years_until(today) < min_age_years {
        return Err(FieldError::new(
            Code::DateTooYoung,
            format!("You must be at least {min_age_years} years old."),
        )
        .with_param("min_age", min_age_years));
    }
    Ok(born)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = FieldError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Date::parse(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
