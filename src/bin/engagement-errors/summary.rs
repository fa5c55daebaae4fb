//! `summarize`: counts over many reports, as a plain aligned table.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use engagement_errors::{Id, Kind, Report, Retry};

/// An HTTP status, known or not; unknown sorts last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Known(u16),
    Unknown,
}

/// What the reports so far add up to. Memory grows with the number of distinct
/// IDs and statuses, not with the number of reports.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    responses: u64,
    rejected: u64,
    records: u64,
    kinds: BTreeMap<Kind, u64>,
    retries: BTreeMap<Retry, u64>,
    statuses: BTreeMap<Status, u64>,
    /// Canonical Tweet IDs.
    ids: BTreeSet<u64>,
    /// IDs that are not canonical `u64`s, as sent.
    invalid_ids: BTreeSet<String>,
}

impl Summary {
    pub(crate) fn add(&mut self, report: &Report<'_>) {
        self.responses += 1;
        let records = report.errors();
        let status = report.status().map_or(Status::Unknown, Status::Known);
        *self.statuses.entry(status).or_default() += records.len() as u64;
        self.records += records.len() as u64;
        let mut ids: Vec<&[Id<'_>]> = vec![
            report.unavailable_tweet_ids(),
            report.unsupported_for_impressions_engagements_tweet_ids(),
            report.unsupported_for_video_views_tweet_ids(),
        ];
        for record in records {
            *self.kinds.entry(record.kind()).or_default() += 1;
            *self.retries.entry(record.retry()).or_default() += 1;
            ids.push(record.tweet_ids());
        }
        for id in ids.into_iter().flatten() {
            match id.as_u64() {
                Some(id) => {
                    self.ids.insert(id);
                }
                None => {
                    self.invalid_ids.insert(id.to_string());
                }
            }
        }
    }

    /// A line that was not a logged response.
    pub(crate) fn reject(&mut self) {
        self.rejected += 1;
    }

    /// The table; with `ids`, then the Tweet IDs in numeric order.
    pub(crate) fn write(&self, out: &mut impl Write, ndjson: bool, ids: bool) -> io::Result<()> {
        let mut totals = vec![("responses".to_owned(), self.responses)];
        if ndjson {
            totals.push(("rejected lines".to_owned(), self.rejected));
        }
        totals.push(("records".to_owned(), self.records));
        totals.push(("distinct tweet ids".to_owned(), self.ids.len() as u64));
        if !self.invalid_ids.is_empty() {
            totals.push((
                "ids that are not tweet ids".to_owned(),
                self.invalid_ids.len() as u64,
            ));
        }
        let sections = [
            ("kind", rows(&self.kinds, |kind| kind.as_str().to_owned())),
            // Strongest advice first.
            ("retry", {
                let mut rows = rows(&self.retries, |retry| retry.as_str().to_owned());
                rows.reverse();
                rows
            }),
            (
                "status",
                rows(&self.statuses, |status| match status {
                    Status::Known(code) => code.to_string(),
                    Status::Unknown => "unknown".to_owned(),
                }),
            ),
        ];

        let labels = totals
            .iter()
            .chain(sections.iter().flat_map(|(_, rows)| rows))
            .map(|(label, _)| label.len());
        let label_width = labels.max().unwrap_or(0).max(10);
        let count_width = totals
            .iter()
            .chain(sections.iter().flat_map(|(_, rows)| rows))
            .map(|(_, count)| count.to_string().len())
            .max()
            .unwrap_or(0)
            .max("records".len());

        for (label, count) in &totals {
            writeln!(out, "{label:<label_width$}  {count:>count_width$}")?;
        }
        for (title, rows) in &sections {
            writeln!(out)?;
            writeln!(out, "{title:<label_width$}  {:>count_width$}", "records")?;
            for (label, count) in rows {
                writeln!(out, "{label:<label_width$}  {count:>count_width$}")?;
            }
        }
        if ids {
            writeln!(out)?;
            writeln!(out, "tweet ids")?;
            for id in &self.ids {
                writeln!(out, "{id}")?;
            }
        }
        Ok(())
    }
}

fn rows<K>(counts: &BTreeMap<K, u64>, name: impl Fn(&K) -> String) -> Vec<(String, u64)> {
    counts
        .iter()
        .map(|(key, &count)| (name(key), count))
        .collect()
}
