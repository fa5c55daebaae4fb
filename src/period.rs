//! The time period inside `Impressions & engagements for tweets older than 90 days
//! (PERIOD) are not supported`.
//!
//! The API does not document the period's format, so records keep it verbatim and
//! [`Period::parse`] recognises only unambiguous forms: an ISO-8601 date or
//! date-time, a range of two of them, or a span such as `90 days`.

use std::fmt;

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while_m_n};
use nom::character::complete::{char, digit1, multispace0, multispace1, one_of};
use nom::combinator::{all_consuming, opt, value};
use nom::{IResult, Parser};

use crate::id::parse_u64_digits;

type Res<'a, O> = IResult<&'a str, O>;

/// A calendar date, validated (month 1–12, day within the month, leap years).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

/// A date and a time of day, validated, with the UTC offset when one was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct DateTime {
    /// The date.
    pub date: Date,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–60 (60 for a leap second); 0 when not given.
    pub second: u8,
    /// Fractional second in nanoseconds; 0 when not given.
    pub nanosecond: u32,
    /// Offset from UTC in minutes (`Z` is `Some(0)`); `None` when not given.
    pub offset_minutes: Option<i16>,
}

/// One end of a period: a date or a date-time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Instant {
    /// `2015-09-14`
    Date(Date),
    /// `2015-09-14T17:00:00Z`
    DateTime(DateTime),
}

/// The unit of a [`Period::Span`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SpanUnit {
    /// `minute(s)`
    Minutes,
    /// `hour(s)`
    Hours,
    /// `day(s)`
    Days,
    /// `week(s)`
    Weeks,
    /// `month(s)`
    Months,
    /// `year(s)`
    Years,
}

/// A recognised time period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Period {
    /// A single date or date-time.
    At(Instant),
    /// Two instants: `A - B`, `A to B` or `A/B`.
    Range {
        /// The first instant as written.
        start: Instant,
        /// The second instant as written.
        end: Instant,
    },
    /// A length of time: `90 days`.
    Span {
        /// The number (checked: a number that does not fit a `u64` is not a span).
        amount: u64,
        /// The unit.
        unit: SpanUnit,
    },
}

impl Period {
    /// Recognises `text` (surrounding white space ignored) as one of the forms
    /// above, or returns `None`. Never panics; invalid dates (`2015-02-30`) and
    /// times (`24:00`) are not recognised.
    ///
    /// ```
    /// use engagement_errors::{Period, SpanUnit};
    ///
    /// assert!(matches!(
    ///     Period::parse("90 days"),
    ///     Some(Period::Span { amount: 90, unit: SpanUnit::Days })
    /// ));
    /// assert!(matches!(
    ///     Period::parse("2015-08-17T00:00:00Z - 2015-11-15T00:00:00Z"),
    ///     Some(Period::Range { .. })
    /// ));
    /// assert_eq!(Period::parse("last quarter"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Period> {
        all_consuming(period)
            .parse(text.trim())
            .ok()
            .map(|(_, period)| period)
    }
}

fn period(input: &str) -> Res<'_, Period> {
    alt((range, instant.map(Period::At), span)).parse(input)
}

fn range(input: &str) -> Res<'_, Period> {
    let separator = alt((
        value((), (multispace1, char('-'), multispace1)),
        value((), (multispace1, tag_no_case("to"), multispace1)),
        value((), (multispace0, one_of("/–"), multispace0)),
    ));
    (instant, separator, instant)
        .map(|(start, (), end)| Period::Range { start, end })
        .parse(input)
}

fn fixed_digits<'a>(
    count: usize,
) -> impl Parser<&'a str, Output = u32, Error = nom::error::Error<&'a str>> {
    take_while_m_n(count, count, |c: char| c.is_ascii_digit()).map(|digits: &str| {
        digits
            .bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
    })
}

fn date(input: &str) -> Res<'_, Date> {
    let (rest, (year, _, month, _, day)) = (
        fixed_digits(4),
        char('-'),
        fixed_digits(2),
        char('-'),
        fixed_digits(2),
    )
        .parse(input)?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if day == 0 || day > days_in_month {
        return Err(verify_error(input));
    }
    // year < 10_000, month <= 12 and day <= 31 by construction.
    let date = Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    };
    Ok((rest, date))
}

fn verify_error(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

fn instant(input: &str) -> Res<'_, Instant> {
    let (rest, date) = date(input)?;
    let (rest, time) = opt((one_of("Tt "), time_of_day)).parse(rest)?;
    match time {
        None => Ok((rest, Instant::Date(date))),
        Some((_, (hour, minute, second, nanosecond))) => {
            let (rest, offset_minutes) = opt(offset).parse(rest)?;
            let date_time = DateTime {
                date,
                hour,
                minute,
                second,
                nanosecond,
                offset_minutes,
            };
            Ok((rest, Instant::DateTime(date_time)))
        }
    }
}

fn time_of_day(input: &str) -> Res<'_, (u8, u8, u8, u32)> {
    let (rest, (hour, _, minute)) = (fixed_digits(2), char(':'), fixed_digits(2)).parse(input)?;
    let (rest, second) = opt((char(':'), fixed_digits(2))).parse(rest)?;
    let (rest, fraction) = match second {
        Some(_) => opt((
            one_of(".,"),
            take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
        ))
        .parse(rest)?,
        None => (rest, None),
    };
    let second = second.map_or(0, |(_, s)| s);
    if hour > 23 || minute > 59 || second > 60 {
        return Err(verify_error(input));
    }
    let nanosecond = fraction.map_or(0, |(_, digits): (char, &str)| {
        let value = digits
            .bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        value * 10u32.pow(9 - digits.len() as u32)
    });
    Ok((rest, (hour as u8, minute as u8, second as u8, nanosecond)))
}

fn offset(input: &str) -> Res<'_, i16> {
    let zulu = value(0i16, one_of("Zz"));
    let numeric = |input| -> Res<'_, i16> {
        let (rest, (sign, hours, _, minutes)) = (
            one_of("+-"),
            fixed_digits(2),
            opt(char(':')),
            fixed_digits(2),
        )
            .parse(input)?;
        if hours > 23 || minutes > 59 {
            return Err(verify_error(input));
        }
        let total = (hours * 60 + minutes) as i16;
        Ok((rest, if sign == '-' { -total } else { total }))
    };
    alt((zulu, numeric)).parse(input)
}

fn span(input: &str) -> Res<'_, Period> {
    let unit = alt((
        value(SpanUnit::Minutes, tag_no_case("minute")),
        value(SpanUnit::Hours, tag_no_case("hour")),
        value(SpanUnit::Days, tag_no_case("day")),
        value(SpanUnit::Weeks, tag_no_case("week")),
        value(SpanUnit::Months, tag_no_case("month")),
        value(SpanUnit::Years, tag_no_case("year")),
    ));
    let (rest, (digits, _, unit, _)) =
        (digit1, multispace1, unit, opt(tag_no_case("s"))).parse(input)?;
    match parse_u64_digits(digits) {
        Some(amount) => Ok((rest, Period::Span { amount, unit })),
        None => Err(verify_error(input)),
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_time(text: &str) -> DateTime {
        match Period::parse(text) {
            Some(Period::At(Instant::DateTime(dt))) => dt,
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn iso_date_time_with_zulu_has_zero_offset() {
        let dt = date_time("2015-09-14T17:00:00Z");
        assert_eq!(
            (
                dt.date.year,
                dt.date.month,
                dt.date.day,
                dt.hour,
                dt.minute,
                dt.second
            ),
            (2015, 9, 14, 17, 0, 0)
        );
        assert_eq!(dt.offset_minutes, Some(0));
    }

    #[test]
    fn fractional_seconds_and_numeric_offsets_are_read() {
        let dt = date_time("2015-09-14T17:00:01.25-05:30");
        assert_eq!(dt.nanosecond, 250_000_000);
        assert_eq!(dt.offset_minutes, Some(-330));
        assert_eq!(date_time("2015-09-14 17:00").offset_minutes, None);
    }

    #[test]
    fn ranges_accept_dash_to_and_slash() {
        for text in [
            "2015-08-17 - 2015-11-15",
            "2015-08-17 to 2015-11-15",
            "2015-08-17/2015-11-15",
            "2015-08-17T00:00:00Z - 2015-11-15T00:00:00Z",
        ] {
            assert!(
                matches!(Period::parse(text), Some(Period::Range { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn impossible_dates_and_times_are_not_periods() {
        for text in [
            "2015-02-29",
            "2015-13-01",
            "2015-00-10",
            "2015-04-31",
            "2015-09-14T24:00:00Z",
            "2015-09-14T23:60Z",
            "2015-09-14T23:00+24:00",
        ] {
            assert_eq!(Period::parse(text), None, "{text}");
        }
        assert!(Period::parse("2016-02-29").is_some());
    }

    #[test]
    fn leftovers_make_the_period_unrecognised() {
        assert_eq!(Period::parse("90 days ago"), None);
        assert_eq!(Period::parse("2015-09-14junk"), None);
    }

    #[test]
    fn span_amount_overflow_is_not_a_span() {
        assert_eq!(Period::parse("99999999999999999999999 days"), None);
        assert_eq!(
            Period::parse("1 day"),
            Some(Period::Span {
                amount: 1,
                unit: SpanUnit::Days
            })
        );
    }
}
