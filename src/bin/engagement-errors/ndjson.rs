//! Logged responses, one per line: streaming in, one report per line out.

use std::io::{BufRead, Write};

use engagement_errors::logged::{LineError, LoggedResponse};
use engagement_errors::{FindingCode, Outcome, RateLimit, Retry, Severity, Shape};
use serde::Serialize;

use crate::input::Source;
use crate::{Failure, Format};

/// Calls `each` with the 1-based line number and the reading of every line
/// that is not blank, in order. One buffer is reused for every line, so memory
/// does not grow with the number of lines; bytes that are not UTF-8 reach
/// [`LoggedResponse::from_line`], which rejects the line.
pub(crate) fn for_each(
    mut input: impl BufRead,
    source: &Source<'_>,
    mut each: impl FnMut(u64, Result<LoggedResponse, LineError>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut buffer = Vec::with_capacity(8 * 1024);
    let mut number = 0u64;
    loop {
        buffer.clear();
        let read = input
            .read_until(b'\n', &mut buffer)
            .map_err(|e| source.failure(e))?;
        if read == 0 {
            return Ok(());
        }
        number += 1;
        let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        each(number, LoggedResponse::from_line(line))?;
    }
}

/// `classify --ndjson`: one report per non-blank line, in line order.
pub(crate) fn classify(
    input: impl BufRead,
    source: &Source<'_>,
    format: Format,
    out: &mut impl Write,
) -> Result<(), Failure> {
    for_each(input, source, |number, read| {
        match (read, format) {
            (Ok(response), Format::Json) => {
                serde_json::to_writer(&mut *out, &response.report()).map_err(Failure::json)?;
                out.write_all(b"\n")
            }
            (Ok(response), Format::Text) => {
                let report = response.report();
                if report.errors().is_empty() {
                    writeln!(out, "{number}: {report}")
                } else {
                    report
                        .errors()
                        .iter()
                        .try_for_each(|record| writeln!(out, "{number}: {record}"))
                }
            }
            (Err(error), Format::Json) => {
                let detail = format!("line {number}: {error}");
                let at = format!("line {number}");
                serde_json::to_writer(&mut *out, &Rejected::new(&error, &detail, &at))
                    .map_err(Failure::json)?;
                out.write_all(b"\n")
            }
            (Err(error), Format::Text) => {
                writeln!(out, "{number}: error: {}: {error}", code(&error))
            }
        }
        .map_err(Failure::write)
    })
}

fn code(error: &LineError) -> FindingCode {
    if error.is_syntax() {
        FindingCode::MalformedJson
    } else {
        FindingCode::UnexpectedValue
    }
}

/// The report printed for a line that is not a logged response: the report of
/// an empty body with no status, with one error finding about the line instead
/// of the body's findings. Same keys, in the same order, as a `Report`.
#[derive(Serialize)]
struct Rejected<'a> {
    status: Option<u16>,
    shape: Shape,
    outcome: Outcome,
    retry: Retry,
    retry_after_secs: Option<u64>,
    rate_limit: Option<RateLimit>,
    groupings: [&'a str; 0],
    start: Option<&'a str>,
    end: Option<&'a str>,
    unavailable_tweet_ids: [&'a str; 0],
    unsupported_for_impressions_engagements_tweet_ids: [&'a str; 0],
    unsupported_for_video_views_tweet_ids: [&'a str; 0],
    errors: [(); 0],
    findings: [LineFinding<'a>; 1],
}

/// Same keys as a `Finding`.
#[derive(Serialize)]
struct LineFinding<'a> {
    severity: Severity,
    code: FindingCode,
    detail: &'a str,
    at: &'a str,
}

impl<'a> Rejected<'a> {
    fn new(error: &LineError, detail: &'a str, at: &'a str) -> Rejected<'a> {
        Rejected {
            status: None,
            shape: Shape::Empty,
            outcome: Outcome::Success,
            retry: Retry::None,
            retry_after_secs: None,
            rate_limit: None,
            groupings: [],
            start: None,
            end: None,
            unavailable_tweet_ids: [],
            unsupported_for_impressions_engagements_tweet_ids: [],
            unsupported_for_video_views_tweet_ids: [],
            errors: [],
            findings: [LineFinding {
                severity: Severity::Error,
                code: code(error),
                detail,
                at,
            }],
        }
    }
}
