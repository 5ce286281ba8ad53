//! Dates: strict YYYY-MM-DD, real calendar dates, not in the future, optional minimum age.

use customer_update_core::date::{self, check_birth_date, not_in_future, Date, ADULT_AGE};
use customer_update_core::Code;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn parses_real_calendar_dates() {
    let cases: &[(&str, (u16, u8, u8))] = &[
        ("2001-01-31", (2001, 1, 31)),
        (" 1990-04-23 ", (1990, 4, 23)),
        ("2024-02-29", (2024, 2, 29)),
        ("2000-02-29", (2000, 2, 29)),
        ("0001-01-01", (1, 1, 1)),
        ("9999-12-31", (9999, 12, 31)),
    ];
    for (input, (year, month, day)) in cases {
        let parsed = date::parse(input).unwrap();
        assert_eq!(
            (parsed.year(), parsed.month(), parsed.day()),
            (*year, *month, *day),
            "{input}"
        );
    }
}

#[test]
fn refuses_other_shapes_and_impossible_dates() {
    let cases: &[(&str, Code)] = &[
        ("", Code::Required),
        ("2001-1-31", Code::DateInvalidFormat),
        ("01/31/2001", Code::DateInvalidFormat),
        ("2001-01-31T00:00:00Z", Code::DateInvalidFormat),
        ("20010131", Code::DateInvalidFormat),
        ("+001-01-31", Code::DateInvalidFormat),
        ("2001-01-3１", Code::DateInvalidFormat),
        ("2001-02-29", Code::DateNotACalendarDate),
        ("1900-02-29", Code::DateNotACalendarDate),
        ("2023-04-31", Code::DateNotACalendarDate),
        ("2023-13-01", Code::DateNotACalendarDate),
        ("2023-00-10", Code::DateNotACalendarDate),
        ("2023-01-00", Code::DateNotACalendarDate),
        ("0000-01-01", Code::DateNotACalendarDate),
    ];
    for (input, code) in cases {
        assert_eq!(date::parse(input).unwrap_err().code, *code, "{input:?}");
    }
}

#[test]
fn future_dates_are_refused_today_is_fine() {
    let today = d("2025-06-15");
    assert_eq!(not_in_future(d("2025-06-15"), today), Ok(today));
    assert_eq!(
        not_in_future(d("2025-06-16"), today).unwrap_err().code,
        Code::DateInFuture
    );
    assert_eq!(
        check_birth_date("2030-01-01", today, 0).unwrap_err().code,
        Code::DateInFuture
    );
}

#[test]
fn adult_rule_counts_whole_years_to_the_day() {
    let today = d("2025-06-15");
    let cases: &[(&str, bool)] = &[
        ("2007-06-15", true),  // 18th birthday today
        ("2007-06-16", false), // tomorrow
        ("2007-07-01", false),
        ("1960-01-01", true),
        ("2024-01-01", false),
    ];
    for (born, adult) in cases {
        let result = check_birth_date(born, today, ADULT_AGE);
        assert_eq!(result.is_ok(), *adult, "{born}: {result:?}");
        if !adult {
            let error = result.unwrap_err();
            assert_eq!(error.code, Code::DateTooYoung);
            assert_eq!(error.params.get("min_age").map(String::as_str), Some("18"));
        }
    }
    // Without the adult rule a child's date of birth is fine.
    assert!(check_birth_date("2024-01-01", today, 0).is_ok());
}

#[test]
fn leap_day_birthdays_come_of_age_on_first_of_march() {
    assert!(check_birth_date("2004-02-29", d("2022-02-28"), 18).is_err());
    assert!(check_birth_date("2004-02-29", d("2022-03-01"), 18).is_ok());
    assert!(check_birth_date("2004-02-29", d("2040-02-29"), 18).is_ok());
}

#[test]
fn today_comes_from_the_caller_as_unix_days() {
    let cases: &[(i64, &str)] = &[
        (0, "1970-01-01"),
        (-1, "1969-12-31"),
        (11_016, "2000-02-29"),
        (19_723, "2024-01-01"),
        (20_254, "2025-06-15"),
    ];
    for (days, expected) in cases {
        assert_eq!(
            Date::from_unix_days(*days)
                .map(|d| d.to_string())
                .as_deref(),
            Some(*expected),
            "{days}"
        );
    }
    assert_eq!(Date::from_unix_days(i64::MAX), None);
    assert_eq!(Date::from_unix_days(i64::MIN), None);
    assert_eq!(Date::from_unix_days(-800_000), None); // before year 1
}

#[test]
fn serialises_as_the_iso_string() {
    let date = d("2001-01-31");
    assert_eq!(
        serde_json::to_value(date).unwrap(),
        serde_json::json!("2001-01-31")
    );
    assert_eq!(
        serde_json::from_value::<Date>(serde_json::json!("2001-01-31")).unwrap(),
        date
    );
    assert!(serde_json::from_value::<Date>(serde_json::json!("2001-02-30")).is_err());
    assert!(d("1999-12-31") < d("2000-01-01"));
}
