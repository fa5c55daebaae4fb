//! `engagement-errors`: classify X/Twitter Enterprise Engagement API error
//! responses from the command line (cargo feature `cli`).
//!
//! ```text
//! engagement-errors classify [--status N] [--header 'Name: value']... [FILE|-]
//! engagement-errors validate [--status N] [--header 'Name: value']... [FILE|-]
//! engagement-errors classify --ndjson [FILE|-]
//! engagement-errors summarize [--ndjson] [--ids] FILE...
//! ```
//!
//! Exit codes: 0 done; 1 `validate` found an error; 2 bad arguments or input
//! that cannot be read (one line on standard error says what and where).

#![forbid(unsafe_code)]

mod input;
mod ndjson;
mod summary;

use std::fmt;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use engagement_errors::{Finding, Report};
use serde::Serialize;

use crate::input::Source;

const EXAMPLES: &str = "\
Examples:
  engagement-errors classify --status 403 fixtures/observed/forbidden_tweets_per_author.json
  engagement-errors validate --status 200 fixtures/edge/count_mismatch.json
  engagement-errors classify --ndjson responses.ndjson
  engagement-errors summarize --ndjson --ids responses.ndjson";

const CLASSIFY_EXAMPLES: &str = "\
Examples:
  engagement-errors classify --status 403 fixtures/observed/forbidden_tweets_per_author.json
  engagement-errors classify --status 429 --header 'retry-after: 30' --pretty body.json
  curl -s \"$URL\" | engagement-errors classify --format text
  engagement-errors classify --ndjson responses.ndjson

With --ndjson each input line is one logged response,
  {\"status\": 403, \"headers\": {\"content-type\": \"application/json\"}, \"body\": \"...\"}
(\"body_base64\" instead of \"body\" for bytes that are not UTF-8; \"status\" and
\"headers\" optional), and each output line is that response's report. A line that
is not a logged response gives a report with one error finding naming the line.";

const VALIDATE_EXAMPLES: &str = "\
Examples:
  engagement-errors validate --status 200 fixtures/edge/count_mismatch.json
  engagement-errors validate --format text fixtures/edge/duplicate_ids.json

Exit status: 0 when no finding is an error, 1 when any is, 2 on bad input.";

const SUMMARIZE_EXAMPLES: &str = "\
Examples:
  engagement-errors summarize fixtures/observed/*.json
  engagement-errors summarize --ndjson --ids responses.ndjson

Without --ndjson each FILE is one response body (status unknown).";

/// Classify X/Twitter Enterprise Engagement API error responses.
#[derive(Debug, Parser)]
#[command(
    name = "engagement-errors",
    version,
    arg_required_else_help = false,
    after_help = EXAMPLES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the report of a response body (with --ndjson, of each logged response)
    #[command(after_help = CLASSIFY_EXAMPLES)]
    Classify(ClassifyArgs),
    /// Print the findings about a response body; exit 1 when any is an error
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
    /// Count records per kind, retry advice and HTTP status, and the Tweet IDs affected
    #[command(after_help = SUMMARIZE_EXAMPLES)]
    Summarize(SummarizeArgs),
}

/// What the transport saw.
#[derive(Debug, Args)]
struct Transport {
    /// The HTTP status of the response (0 to 65535)
    #[arg(
        long,
        value_name = "N",
        value_parser = input::parse_status,
        allow_negative_numbers = true
    )]
    status: Option<u16>,
    /// A response header, 'Name: value' (repeatable)
    #[arg(
        long = "header",
        value_name = "NAME: VALUE",
        value_parser = input::parse_header
    )]
    headers: Vec<(String, String)>,
}

impl Transport {
    fn report<'a>(&self, body: &'a [u8]) -> Report<'a> {
        match self.status {
            Some(status) => engagement_errors::parse_response(
                status,
                self.headers.iter().map(|(name, value)| (name, value)),
                body,
            ),
            None => engagement_errors::parse_with_headers(
                self.headers.iter().map(|(name, value)| (name, value)),
                body,
            ),
        }
    }
}

/// How to print.
#[derive(Debug, Args)]
struct Output {
    /// Indent the JSON
    #[arg(long)]
    pretty: bool,
    /// json: as JSON; text: one plain line per record (validate: per finding)
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Json)]
    format: Format,
}

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// JSON (compact unless --pretty)
    Json,
    /// One plain sentence per line
    Text,
}

#[derive(Debug, Args)]
struct ClassifyArgs {
    #[command(flatten)]
    transport: Transport,
    /// Read one logged response per line; print one report per line
    #[arg(long, conflicts_with_all = ["status", "headers", "pretty"])]
    ndjson: bool,
    #[command(flatten)]
    output: Output,
    /// The response body (with --ndjson, the log); '-' or nothing reads standard input
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ValidateArgs {
    #[command(flatten)]
    transport: Transport,
    #[command(flatten)]
    output: Output,
    /// The response body; '-' or nothing reads standard input
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct SummarizeArgs {
    /// Each FILE is an NDJSON log of responses, not one body
    #[arg(long)]
    ndjson: bool,
    /// Also print the distinct Tweet IDs affected, one per line, in numeric order
    #[arg(long)]
    ids: bool,
    /// Response bodies (with --ndjson, logs); '-' reads standard input
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// Why the tool stops with exit status 2.
#[derive(Debug)]
enum Failure {
    /// An input could not be read.
    Read { what: String, error: io::Error },
    /// The output could not be written.
    Write(io::Error),
    /// The reader of the output went away: stop quietly.
    BrokenPipe,
}

impl Failure {
    fn write(error: io::Error) -> Failure {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Write(error)
        }
    }

    fn json(error: serde_json::Error) -> Failure {
        Failure::write(io::Error::from(error))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Read { what, error } => write!(f, "cannot read {what}: {error}"),
            Failure::Write(error) => write!(f, "cannot write the output: {error}"),
            Failure::BrokenPipe => f.write_str("the output was closed"),
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return argument_error(&error),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = run(cli.command, &mut out);
    let flushed = out.flush().map_err(Failure::write);
    match result.and_then(|code| flushed.map(|()| code)) {
        Ok(code) => code,
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("engagement-errors: {failure}");
            ExitCode::from(2)
        }
    }
}

/// `--help` and `--version` print as clap prints them (exit 0); every other
/// argument error is one line on standard error (exit 2).
fn argument_error(error: &clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Nothing more can be done if standard output is closed.
            let _ = error.print();
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "engagement-errors: {}",
                one_line(&error.render().to_string())
            );
            ExitCode::from(2)
        }
    }
}

/// clap's multi-line error as one line: its first paragraph, its tips and its
/// usage line.
fn one_line(rendered: &str) -> String {
    let mut line = rendered
        .lines()
        .map(str::trim)
        .take_while(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(rest) = line.strip_prefix("error: ") {
        line = rest.to_owned();
    }
    for text in rendered.lines().map(str::trim) {
        if let Some(tip) = text.strip_prefix("tip: ") {
            line.push_str("; ");
            line.push_str(tip);
        }
    }
    if let Some(usage) = rendered
        .lines()
        .find_map(|text| text.trim().strip_prefix("Usage: "))
    {
        line.push_str(" (usage: ");
        line.push_str(usage);
        line.push(')');
    }
    line
}

fn run(command: Command, out: &mut impl Write) -> Result<ExitCode, Failure> {
    match command {
        Command::Classify(args) => {
            let source = Source::new(args.file.as_deref());
            if args.ndjson {
                let lines = source.open()?;
                ndjson::classify(lines, &source, args.output.format, out)?;
            } else {
                let body = source.read_all()?;
                let report = args.transport.report(&body);
                match args.output.format {
                    Format::Json => write_json(out, &report, args.output.pretty)?,
                    Format::Text => writeln!(out, "{report}").map_err(Failure::write)?,
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate(args) => {
            let source = Source::new(args.file.as_deref());
            let body = source.read_all()?;
            let report = args.transport.report(&body);
            let findings = report.findings();
            match args.output.format {
                Format::Json => write_json(out, findings, args.output.pretty)?,
                Format::Text => {
                    for finding in findings {
                        writeln!(out, "{finding}").map_err(Failure::write)?;
                    }
                }
            }
            Ok(if findings.iter().any(Finding::is_error) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Summarize(args) => {
            let mut summary = summary::Summary::default();
            for file in &args.files {
                let source = Source::new(Some(file));
                if args.ndjson {
                    ndjson::for_each(source.open()?, &source, |_, read| {
                        match read {
                            Ok(response) => summary.add(&response.report()),
                            Err(_) => summary.reject(),
                        }
                        Ok(())
                    })?;
                } else {
                    summary.add(&engagement_errors::parse(&source.read_all()?));
                }
            }
            summary
                .write(out, args.ndjson, args.ids)
                .map_err(Failure::write)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One JSON value and a line end.
fn write_json<T: Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    pretty: bool,
) -> Result<(), Failure> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value).map_err(Failure::json)?;
    } else {
        serde_json::to_writer(&mut *out, value).map_err(Failure::json)?;
    }
    out.write_all(b"\n").map_err(Failure::write)
}
