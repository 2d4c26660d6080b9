//! Time as the use cases see it: unix seconds, passed in so tests can move the clock.

use std::time::{SystemTime, UNIX_EPOCH};

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The school year running now.
pub fn current_school_year() -> i32 {
    school_year_of(now())
}

/// The school year (skoleår) a moment falls in, named by the calendar year it starts in:
/// August 2026 – July 2027 is 2026.
pub fn school_year_of(unix_secs: i64) -> i32 {
    let (year, month) = civil_year_month(unix_secs.div_euclid(86_400));
    if month >= 8 { year } else { year - 1 }
}

/// Year and month of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
fn civil_year_month(days: i64) -> (i32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn november_2026_is_in_the_school_year_that_started_in_2026() {
        // 2026-11-22T12:00:00Z
        assert_eq!(school_year_of(1_795_348_800), 2026);
    }

    #[test]
    fn the_school_year_turns_on_the_first_of_august() {
        // 2027-07-31T23:59:59Z and 2027-08-01T00:00:00Z
        assert_eq!(school_year_of(1_817_078_399), 2026);
        assert_eq!(school_year_of(1_817_078_400), 2027);
    }

    #[test]
    fn the_epoch_is_january_1970() {
        assert_eq!(civil_year_month(0), (1970, 1));
        assert_eq!(civil_year_month(59), (1970, 3)); // 1 March 1970
    }
}
