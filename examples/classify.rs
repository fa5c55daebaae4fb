//! Prints the report of one response body as JSON.
//!
//! ```text
//! cargo run --example classify -- [--status N] [--header 'Name: value']... FILE
//! ```
//!
//! When no `--status` is given and `FILE.head` exists (the fixtures' sidecar:
//! a `status: N` line, then `Name: value` header lines), it is used.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status: Option<u16> = None;
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--status" => match args.next().and_then(|s| s.parse().ok()) {
                Some(value) => status = Some(value),
                None => return usage("--status needs a number from 0 to 65535"),
            },
            "--header" => match args.next().as_deref().and_then(|h| h.split_once(':')) {
                Some((name, value)) => headers.push((name.trim().into(), value.trim().into())),
                None => return usage("--header needs 'Name: value'"),
            },
            _ if file.is_none() => file = Some(arg),
            _ => return usage("only one FILE"),
        }
    }
    let Some(file) = file else {
        return usage("missing FILE");
    };
    let body = match std::fs::read(&file) {
        Ok(body) => body,
        Err(error) => {
            eprintln!("classify: cannot read {file}: {error}");
            return ExitCode::from(2);
        }
    };
    if status.is_none() {
        if let Ok(head) = std::fs::read_to_string(format!("{file}.head")) {
            for line in head.lines() {
                match line.split_once(':') {
                    Some(("status", value)) => status = value.trim().parse().ok(),
                    Some((name, value)) => headers.push((name.trim().into(), value.trim().into())),
                    None => {}
                }
            }
        }
    }
    let report = match status {
        Some(status) => engagement_errors::parse_response(status, headers, &body),
        None => engagement_errors::parse(&body),
    };
    match serde_json::to_string_pretty(&report) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("classify: {error}");
            ExitCode::from(2)
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("classify: {problem}\nusage: classify [--status N] [--header 'Name: value']... FILE");
    ExitCode::from(2)
}
