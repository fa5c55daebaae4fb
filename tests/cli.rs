//! The command-line tool, run as a process: every fixture, every exit status,
//! every kind of bad input, NDJSON streaming, text output and summaries.

#![cfg(feature = "cli")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use engagement_errors::logged::LoggedResponse;
use engagement_errors::{parse, parse_response, Report};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_engagement-errors");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What one run of the tool did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_with_stdin(args, None)
}

fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(bytes).expect("stdin takes the input");
    }
    let output = child.wait_with_output().expect("the binary finishes");
    Run {
        code: output.status.code().expect("the binary exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Asserts a run failed with exit status 2 and one line on stderr, and returns
/// that line.
#[track_caller]
fn one_line_failure(args: &[&str]) -> String {
    let result = run(args);
    assert_eq!(result.code, 2, "{args:?}: {result:?}");
    assert_eq!(result.stdout, "", "{args:?}");
    assert_eq!(
        result.stderr.lines().count(),
        1,
        "{args:?}: {:?}",
        result.stderr
    );
    assert!(result.stderr.ends_with('\n'), "{args:?}");
    let line = result.stderr.trim_end().to_owned();
    assert!(line.starts_with("engagement-errors: "), "{line}");
    line
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// One fixture: its path from the crate root and what its `.head` sidecar says.
struct Fixture {
    path: String,
    status: Option<u16>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Fixture {
    /// Reads the body and the sidecar: `status: N`, then `Name: value` lines
    /// (the value is everything after the first `": "`).
    fn load(path: &Path) -> Fixture {
        let body = std::fs::read(path).expect("fixture is readable");
        let mut status = None;
        let mut headers = Vec::new();
        let mut head = path.as_os_str().to_owned();
        head.push(".head");
        if let Ok(text) = std::fs::read_to_string(PathBuf::from(head)) {
            let mut lines = text.lines();
            let first = lines.next().expect("sidecar has a status line");
            let code = first
                .strip_prefix("status: ")
                .expect("first line is 'status: N'");
            status = Some(code.parse().expect("status is a number"));
            for line in lines {
                let (name, value) = line.split_once(": ").expect("header line is 'Name: value'");
                headers.push((name.to_owned(), value.to_owned()));
            }
        }
        let path = path
            .strip_prefix(ROOT)
            .expect("fixture is under the crate")
            .to_str()
            .expect("fixture path is UTF-8")
            .to_owned();
        Fixture {
            path,
            status,
            headers,
            body,
        }
    }

    /// `--status N --header 'Name: value'...` from the sidecar.
    fn transport_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(status) = self.status {
            args.push("--status".to_owned());
            args.push(status.to_string());
        }
        for (name, value) in &self.headers {
            args.push("--header".to_owned());
            args.push(format!("{name}: {value}"));
        }
        args
    }

    fn report(&self) -> Report<'_> {
        match self.status {
            Some(status) => {
                parse_response(status, self.headers.iter().map(|(n, v)| (n, v)), &self.body)
            }
            None => parse(&self.body),
        }
    }

    fn run(&self, command: &str, extra: &[&str]) -> Run {
        let transport = self.transport_args();
        let mut args = vec![command];
        args.extend(transport.iter().map(String::as_str));
        args.extend(extra);
        args.push(&self.path);
        run(&args)
    }
}

fn fixture(path: &str) -> Fixture {
    Fixture::load(&Path::new(ROOT).join(path))
}

/// Every fixture body, found by walking `fixtures/`.
fn every_fixture() -> Vec<Fixture> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("fixtures directory is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if ["json", "txt", "html", "bin"]
                .iter()
                .any(|ext| path.extension().is_some_and(|e| e == *ext))
            {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&Path::new(ROOT).join("fixtures"), &mut found);
    found.sort();
    assert!(
        found.len() > 100,
        "expected every fixture, found {}",
        found.len()
    );
    found.iter().map(|path| Fixture::load(path)).collect()
}

// ---------------------------------------------------------------------------
// Every fixture.

#[test]
fn classify_prints_the_library_report_of_every_fixture() {
    insta::glob!("../fixtures", "**/*.{json,txt,html,bin}", |path| {
        let fixture = Fixture::load(path);
        let result = fixture.run("classify", &["--pretty"]);
        assert_eq!(result.code, 0, "{}: {result:?}", fixture.path);
        assert_eq!(result.stderr, "", "{}", fixture.path);
        assert_eq!(
            json(&result.stdout),
            serde_json::to_value(fixture.report()).expect("report serialises"),
            "{}",
            fixture.path
        );
        insta::assert_snapshot!(result.stdout);
    });
}

#[test]
fn the_snapshot_glob_and_the_directory_walk_see_the_same_fixtures() {
    let mut globbed = 0;
    insta::glob!("../fixtures", "**/*.{json,txt,html,bin}", |_path| {
        globbed += 1;
    });
    assert_eq!(globbed, every_fixture().len());
}

#[test]
fn classify_compact_is_one_line_equal_to_the_pretty_output() {
    for fixture in every_fixture() {
        let compact = fixture.run("classify", &[]);
        let pretty = fixture.run("classify", &["--pretty"]);
        assert_eq!(compact.code, 0, "{}", fixture.path);
        assert_eq!(compact.stdout.lines().count(), 1, "{}", fixture.path);
        assert_eq!(
            json(&compact.stdout),
            json(&pretty.stdout),
            "{}",
            fixture.path
        );
    }
}

#[test]
fn validate_prints_the_library_findings_of_every_fixture_and_exits_by_severity() {
    for fixture in every_fixture() {
        let report = fixture.report();
        let result = fixture.run("validate", &[]);
        let expected_code = if report.findings().iter().any(|f| f.is_error()) {
            1
        } else {
            0
        };
        assert_eq!(result.code, expected_code, "{}: {result:?}", fixture.path);
        assert_eq!(
            json(&result.stdout),
            serde_json::to_value(report.findings()).expect("findings serialise"),
            "{}",
            fixture.path
        );
    }
}

// ---------------------------------------------------------------------------
// Exit statuses.

#[test]
fn classify_exits_0_and_reads_the_file_given() {
    let result = run(&[
        "classify",
        "--status",
        "403",
        "fixtures/observed/forbidden_tweets_per_author.json",
    ]);
    assert_eq!(result.code, 0, "{result:?}");
    let report = json(&result.stdout);
    assert_eq!(report["status"], 403);
    assert_eq!(report["errors"][0]["kind"], "forbidden_tweets");
    assert_eq!(report["errors"][0]["author_id"], "18435372");
}

#[test]
fn classify_reads_standard_input_when_the_file_is_dash_or_missing() {
    let body = br#"{"errors":["Rate limit exceeded"]}"#;
    let expected = serde_json::to_value(parse_response(429, [("retry-after", "9")], body)).unwrap();
    for args in [
        &[
            "classify",
            "--status",
            "429",
            "--header",
            "retry-after: 9",
            "-",
        ][..],
        &["classify", "--status", "429", "--header", "retry-after: 9"][..],
    ] {
        let result = run_with_stdin(args, Some(body));
        assert_eq!(result.code, 0, "{result:?}");
        assert_eq!(json(&result.stdout), expected);
    }
}

#[test]
fn validate_exits_0_when_no_finding_is_an_error() {
    // count_mismatch is a warning.
    let result = run(&[
        "validate",
        "--status",
        "200",
        "fixtures/edge/count_mismatch.json",
    ]);
    assert_eq!(result.code, 0, "{result:?}");
    let findings = json(&result.stdout);
    assert_eq!(findings[0]["code"], "count_mismatch");
    assert_eq!(findings[0]["severity"], "warning");

    let clean = run(&[
        "validate",
        "--status",
        "403",
        "fixtures/observed/forbidden_metrics.json",
    ]);
    assert_eq!(clean.code, 0, "{clean:?}");
    assert_eq!(clean.stdout, "[]\n");
}

#[test]
fn validate_exits_1_when_any_finding_is_an_error() {
    let result = run(&[
        "validate",
        "--status",
        "200",
        "fixtures/edge/invalid_id_strings.json",
    ]);
    assert_eq!(result.code, 1, "{result:?}");
    let findings = json(&result.stdout);
    let findings = findings.as_array().expect("an array of findings");
    assert!(
        findings.iter().any(|f| f["severity"] == "error"),
        "{findings:?}"
    );
    assert_eq!(result.stderr, "");
}

#[test]
fn validate_with_a_status_reports_header_findings() {
    let body = br#"{"errors":["Rate limit exceeded"]}"#;
    let args = [
        "validate",
        "--status",
        "429",
        "--header",
        "x-rate-limit-remaining: lots",
        "-",
    ];
    let result = run_with_stdin(&args, Some(body));
    let expected = parse_response(429, [("x-rate-limit-remaining", "lots")], body);
    assert!(
        !expected.findings().is_empty(),
        "the header gives a finding"
    );
    assert_eq!(
        json(&result.stdout),
        serde_json::to_value(expected.findings()).unwrap()
    );
}

// ---------------------------------------------------------------------------
// Bad input: one line on stderr, exit status 2.

#[test]
fn an_unreadable_file_is_named_on_one_line_with_exit_2() {
    for command in ["classify", "validate", "summarize"] {
        let line = one_line_failure(&[command, "fixtures/x.json"]);
        assert_eq!(
            line,
            "engagement-errors: cannot read fixtures/x.json: No such file or directory (os error 2)"
        );
    }
    let line = one_line_failure(&["classify", "--ndjson", "fixtures/x.ndjson"]);
    assert!(
        line.starts_with("engagement-errors: cannot read fixtures/x.ndjson: "),
        "{line}"
    );
    let line = one_line_failure(&["classify", "fixtures"]);
    assert!(
        line.starts_with("engagement-errors: cannot read fixtures: "),
        "{line}"
    );
}

#[test]
fn a_status_outside_0_to_65535_is_exit_2() {
    for bad in ["65536", "-1", "abc", "", "200.0"] {
        let line =
            one_line_failure(&["classify", "--status", bad, "fixtures/status/503_empty.txt"]);
        assert!(line.contains("--status"), "{bad}: {line}");
        assert!(line.contains(&format!("'{bad}'")), "{bad}: {line}");
    }
    let line = one_line_failure(&[
        "validate",
        "--status",
        "70000",
        "fixtures/status/503_empty.txt",
    ]);
    assert!(line.contains("70000 is not in 0..=65535"), "{line}");
}

#[test]
fn a_header_without_a_colon_is_exit_2() {
    let line = one_line_failure(&[
        "classify",
        "--status",
        "429",
        "--header",
        "retry-after 30",
        "-",
    ]);
    assert!(line.contains("--header"), "{line}");
    assert!(line.contains("'retry-after 30'"), "{line}");
    assert!(line.contains("no ':'"), "{line}");
}

#[test]
fn a_header_with_an_empty_name_is_exit_2() {
    let line = one_line_failure(&["validate", "--status", "429", "--header", " : 30", "-"]);
    assert!(line.contains("--header"), "{line}");
    assert!(line.contains("name before ':' is empty"), "{line}");
}

#[test]
fn a_header_without_a_status_is_read_with_the_body() {
    let result = run_with_stdin(
        &["classify", "--header", "retry-after: 30", "-"],
        Some(br#"{"errors":["Rate limit exceeded"]}"#),
    );
    assert_eq!(result.code, 0, "{result:?}");
    let report: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(report["status"], serde_json::Value::Null);
    assert_eq!(report["retry_after_secs"], 30);
    assert_eq!(report["errors"][0]["kind"], "rate_limited");
}

#[test]
fn a_missing_argument_is_exit_2() {
    let line = one_line_failure(&["summarize"]);
    assert!(line.contains("<FILE>"), "{line}");
    let line = one_line_failure(&["classify", "--status"]);
    assert!(line.contains("--status"), "{line}");
    let line = one_line_failure(&[]);
    assert!(line.contains("subcommand"), "{line}");
}

#[test]
fn an_unknown_argument_or_subcommand_is_exit_2() {
    let line = one_line_failure(&["classify", "--frobnicate"]);
    assert!(line.contains("'--frobnicate'"), "{line}");
    let line = one_line_failure(&["frobnicate"]);
    assert!(line.contains("'frobnicate'"), "{line}");
    let line = one_line_failure(&["classify", "a.json", "b.json"]);
    assert!(line.contains("'b.json'"), "{line}");
}

#[test]
fn ndjson_refuses_pretty_status_and_header() {
    for flag in [&["--pretty"][..], &["--status", "200"][..]] {
        let mut args = vec!["classify", "--ndjson"];
        args.extend(flag);
        let line = one_line_failure(&args);
        assert!(line.contains("cannot be used with"), "{line}");
    }
}

// ---------------------------------------------------------------------------
// NDJSON.

/// A logged-response line for a body.
fn logged(status: Option<u16>, headers: &[(&str, &str)], body: &str) -> String {
    let mut line = serde_json::Map::new();
    if let Some(status) = status {
        line.insert("status".into(), status.into());
    }
    if !headers.is_empty() {
        let headers = headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), Value::from(*v)))
            .collect();
        line.insert("headers".into(), Value::Object(headers));
    }
    line.insert("body".into(), body.into());
    Value::Object(line).to_string()
}

/// The library's report of a line, as JSON.
fn expected(line: &str) -> Value {
    let response = LoggedResponse::from_line(line.as_bytes()).expect("a valid line");
    serde_json::to_value(response.report()).unwrap()
}

fn classify_ndjson(input: &[u8]) -> Vec<Value> {
    let result = run_with_stdin(&["classify", "--ndjson"], Some(input));
    assert_eq!(result.code, 0, "{result:?}");
    assert_eq!(result.stderr, "");
    result.stdout.lines().map(json).collect()
}

#[test]
fn ndjson_prints_one_report_per_line_in_line_order() {
    let lines = [
        logged(
            Some(403),
            &[],
            r#"{"errors":["Forbidden to access tweets: 1054424731825229824;"]}"#,
        ),
        logged(
            Some(429),
            &[
                ("x-per-minute-limit", "1200"),
                ("x-per-minute-remaining", "0"),
                ("retry-after", "30"),
            ],
            r#"{"errors":["Rate limit exceeded"]}"#,
        ),
        logged(None, &[], r#"{"errors":["internal server error"]}"#),
        logged(
            Some(200),
            &[],
            r#"{"perTweetMetricsOwned":{"1":{"favorites":"2"}}}"#,
        ),
    ];
    let input = lines.join("\n") + "\n";
    let output = classify_ndjson(input.as_bytes());
    let wanted: Vec<Value> = lines.iter().map(|l| expected(l)).collect();
    assert_eq!(output, wanted);
    assert_eq!(output[1]["rate_limit"]["limit"], 1200);
    assert_eq!(output[2]["status"], Value::Null);
}

#[test]
fn ndjson_output_lines_are_compact_json_one_per_line() {
    let line = logged(
        Some(500),
        &[],
        "{\n  \"errors\": [\"internal server error\"]\n}",
    );
    let result = run_with_stdin(
        &["classify", "--ndjson"],
        Some(format!("{line}\n{line}").as_bytes()),
    );
    assert_eq!(result.stdout.lines().count(), 2);
    assert!(!result.stdout.contains(": "), "compact: {}", result.stdout);
}

#[test]
fn ndjson_a_bad_line_in_the_middle_gives_one_error_finding_and_processing_continues() {
    let good = logged(
        Some(401),
        &[],
        r#"{"errors":["Your account could not be authenticated. Reason: Access token not found"]}"#,
    );
    let input = format!("{good}\n{{\"status\": 200}}\n[1, 2]\n{{\"body\": \"x\"\n{good}\n");
    let output = classify_ndjson(input.as_bytes());
    assert_eq!(output.len(), 5);
    assert_eq!(output[0], expected(&good));
    assert_eq!(output[4], expected(&good));
    for (index, code, detail) in [
        (
            1,
            "unexpected_value",
            r#"line 2: the object has neither "body" nor "body_base64""#,
        ),
        (
            2,
            "unexpected_value",
            r#"line 3: expected a JSON object with "body" or "body_base64", found an array"#,
        ),
        (
            3,
            "malformed_json",
            "line 4: not valid JSON: EOF while parsing an object at column 12",
        ),
    ] {
        let findings = &output[index]["findings"];
        assert_eq!(findings.as_array().map(Vec::len), Some(1), "{findings}");
        assert_eq!(findings[0]["severity"], "error");
        assert_eq!(findings[0]["code"], code);
        assert_eq!(findings[0]["detail"], detail);
        assert_eq!(findings[0]["at"], format!("line {}", index + 1));
        assert_eq!(output[index]["status"], Value::Null);
        assert_eq!(output[index]["errors"], serde_json::json!([]));
    }
}

#[test]
fn ndjson_a_rejected_line_is_the_empty_body_report_with_one_finding() {
    let result = run_with_stdin(&["classify", "--ndjson"], Some(b"[]\n"));
    let printed = result.stdout.trim_end();
    let empty = serde_json::to_string(&parse(b"")).unwrap();
    // Same keys, same order, same values up to the findings.
    let (printed_head, printed_findings) = printed.split_once(r#""findings":"#).unwrap();
    let (empty_head, _) = empty.split_once(r#""findings":"#).unwrap();
    assert_eq!(printed_head, empty_head);
    assert_eq!(
        json(printed_findings.strip_suffix('}').unwrap()),
        serde_json::json!([{
            "severity": "error",
            "code": "unexpected_value",
            "detail": r#"line 1: expected a JSON object with "body" or "body_base64", found an array"#,
            "at": "line 1"
        }])
    );
}

#[test]
fn ndjson_body_base64_gives_bytes_that_are_not_utf8() {
    // gzip magic bytes, then "\xff\xfe" inside a JSON string.
    let input = concat!(
        r#"{"status": 500, "body_base64": "H4sIAAAAAAAA"}"#,
        "\n",
        r#"{"status": 500, "body_base64": "eyJlcnJvcnMiOlsi//4iXX0="}"#,
        "\n"
    );
    let output = classify_ndjson(input.as_bytes());
    assert_eq!(output[0]["shape"], "gzip");
    assert_eq!(
        output[0],
        serde_json::to_value(parse_response(
            500,
            Vec::<(String, String)>::new(),
            b"\x1f\x8b\x08\0\0\0\0\0\0"
        ))
        .unwrap()
    );
    assert_eq!(
        output[1],
        serde_json::to_value(parse_response(
            500,
            Vec::<(String, String)>::new(),
            b"{\"errors\":[\"\xff\xfe\"]}"
        ))
        .unwrap()
    );
}

#[test]
fn ndjson_bad_base64_is_an_error_finding_for_its_line() {
    let output = classify_ndjson(b"{\"body_base64\": \"ab-_\"}\n");
    assert_eq!(
        output[0]["findings"][0]["detail"],
        r#"line 1: "body_base64" is not valid base64: character '-' at offset 2 is not in the standard alphabet"#
    );
}

#[test]
fn ndjson_a_line_with_invalid_utf8_is_rejected_and_processing_continues() {
    let good = logged(Some(503), &[], "");
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"status\": 500, \"body\": \"\xff\xfe\"}\n");
    input.extend_from_slice(b"\xc3\x28 not even json\n");
    input.extend_from_slice(good.as_bytes());
    let output = classify_ndjson(&input);
    assert_eq!(output.len(), 3);
    for (index, line) in output[..2].iter().enumerate() {
        assert_eq!(line["findings"][0]["code"], "malformed_json");
        assert_eq!(line["findings"][0]["at"], format!("line {}", index + 1));
    }
    assert_eq!(output[2], expected(&good));
}

#[test]
fn ndjson_blank_lines_are_skipped_but_counted() {
    let good = logged(Some(404), &[], "");
    let input = format!("\n{good}\r\n   \n\t\nnope\n\n");
    let output = classify_ndjson(input.as_bytes());
    assert_eq!(output.len(), 2);
    assert_eq!(output[0], expected(&good));
    assert_eq!(output[1]["findings"][0]["at"], "line 5");
}

#[test]
fn ndjson_reads_a_file_and_standard_input_alike() {
    let lines = format!(
        "{}\n{}\n",
        logged(
            Some(406),
            &[],
            r#"{"errors":["This request requires gzip compression. Please add the Accept-Encoding: gzip header."]}"#
        ),
        logged(Some(200), &[], "{}")
    );
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_ndjson_reads_a_file.ndjson");
    std::fs::write(&path, &lines).unwrap();
    let from_file = run(&["classify", "--ndjson", path.to_str().unwrap()]);
    let from_stdin = run_with_stdin(&["classify", "--ndjson", "-"], Some(lines.as_bytes()));
    assert_eq!(from_file.code, 0, "{from_file:?}");
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(from_file.stdout.lines().count(), 2);
}

#[test]
fn ndjson_text_format_prefixes_each_record_with_its_line_number() {
    let input = format!(
        "{}\n\n{}\n{}\n[]\n",
        logged(
            Some(403),
            &[],
            r#"["Forbidden to access tweets: 1;","Tweet ID(s) are unavailable"]"#
        ),
        logged(Some(200), &[], "{}"),
        logged(Some(500), &[], ""),
    );
    let result = run_with_stdin(
        &["classify", "--ndjson", "--format", "text"],
        Some(input.as_bytes()),
    );
    assert_eq!(result.code, 0, "{result:?}");
    assert_eq!(
        result.stdout,
        "1: The token may not read 1 Tweet: use the author's token or drop their IDs.\n\
         1: Some Tweets are unavailable (deleted or not public): use the data that arrived and drop their IDs.\n\
         3: No errors.\n\
         4: The server failed: retry with exponential backoff.\n\
         5: error: unexpected_value: expected a JSON object with \"body\" or \"body_base64\", found an array\n"
    );
}

// ---------------------------------------------------------------------------
// Text output.

#[test]
fn classify_text_format_prints_each_record_display_on_its_own_line() {
    let fixture = fixture("fixtures/partial/mixed_message_kinds.json");
    let result = fixture.run("classify", &["--format", "text"]);
    assert_eq!(result.code, 0, "{result:?}");
    let report = fixture.report();
    assert_eq!(result.stdout, format!("{report}\n"));
    assert_eq!(result.stdout.lines().count(), report.errors().len());
    for (line, record) in result.stdout.lines().zip(report.errors()) {
        assert_eq!(line, record.to_string());
    }
}

#[test]
fn classify_text_format_says_no_errors_for_a_success() {
    let result = run(&[
        "classify",
        "--format",
        "text",
        "fixtures/status/200_success.json",
    ]);
    assert_eq!(result.stdout, "No errors.\n");
}

#[test]
fn validate_text_format_prints_each_finding_display_on_its_own_line() {
    let fixture = fixture("fixtures/edge/invalid_id_strings_more.json");
    let result = fixture.run("validate", &["--format", "text"]);
    assert_eq!(result.code, 1, "{result:?}");
    let expected: String = fixture
        .report()
        .findings()
        .iter()
        .map(|finding| format!("{finding}\n"))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(result.stdout, expected);
}

// ---------------------------------------------------------------------------
// Summaries.

const SUMMARIZED: [&str; 4] = [
    "fixtures/observed/forbidden_tweets_per_author.json",
    "fixtures/documented/tweets_unavailable.json",
    "fixtures/edge/invalid_id_strings.json",
    "fixtures/status/200_success.json",
];

#[test]
fn summarize_counts_records_per_kind_retry_and_status() {
    let mut args = vec!["summarize"];
    args.extend(SUMMARIZED);
    let result = run(&args);
    assert_eq!(result.code, 0, "{result:?}");
    insta::assert_snapshot!(result.stdout);
    let row = |label: &str| -> Option<u64> {
        result.stdout.lines().find_map(|line| {
            let rest = line.strip_prefix(label)?;
            rest.trim().parse().ok()
        })
    };
    let reports: Vec<_> = SUMMARIZED.iter().map(|p| fixture(p)).collect();
    let records: usize = reports.iter().map(|f| parse(&f.body).errors().len()).sum();
    assert_eq!(row("responses"), Some(4));
    assert_eq!(row("records"), Some(records as u64));
    assert_eq!(row("forbidden_tweets"), Some(2));
    assert_eq!(row("unknown"), Some(records as u64));
    assert!(
        !result.stdout.contains("tweet ids\n"),
        "no IDs without --ids"
    );
}

#[test]
fn summarize_with_ids_also_prints_the_distinct_tweet_ids_sorted() {
    let mut args = vec!["summarize", "--ids"];
    args.extend(SUMMARIZED);
    let result = run(&args);
    assert_eq!(result.code, 0, "{result:?}");
    insta::assert_snapshot!(result.stdout);

    let mut wanted = std::collections::BTreeSet::new();
    for path in SUMMARIZED {
        let fixture = fixture(path);
        let report = parse(&fixture.body);
        let lists = [
            report.unavailable_tweet_ids(),
            report.unsupported_for_impressions_engagements_tweet_ids(),
            report.unsupported_for_video_views_tweet_ids(),
        ];
        let from_records = report.errors().iter().map(|r| r.tweet_ids());
        for id in lists.into_iter().chain(from_records).flatten() {
            if let Some(id) = id.as_u64() {
                wanted.insert(id);
            }
        }
    }
    let (_, listed) = result
        .stdout
        .split_once("\ntweet ids\n")
        .expect("an ID section");
    let listed: Vec<u64> = listed
        .lines()
        .map(|l| l.parse().expect("one ID per line"))
        .collect();
    assert_eq!(listed, wanted.into_iter().collect::<Vec<_>>());
    let count = result
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("distinct tweet ids"))
        .map(|n| n.trim().parse::<usize>().unwrap());
    assert_eq!(count, Some(listed.len()));
}

#[test]
fn summarize_ndjson_reads_logs_and_counts_rejected_lines() {
    let input = format!(
        "{}\n{}\nnot json\n{}\n",
        logged(
            Some(403),
            &[],
            r#"{"errors":["Forbidden to access tweets: 1060976163948904448, 1060976163948904449"]}"#
        ),
        logged(Some(429), &[], r#"{"errors":["Rate limit exceeded"]}"#),
        logged(
            None,
            &[],
            r#"{"errors":["1 Tweet ID(s) are unavailable"],"unavailable_tweet_ids":["1060976163948904448"]}"#
        ),
    );
    let result = run_with_stdin(
        &["summarize", "--ndjson", "--ids", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(result.code, 0, "{result:?}");
    insta::assert_snapshot!(result.stdout);
    assert!(
        result.stdout.contains("\nrejected lines  "),
        "{}",
        result.stdout
    );
    assert!(
        result
            .stdout
            .ends_with("tweet ids\n1060976163948904448\n1060976163948904449\n"),
        "{}",
        result.stdout
    );
}

// ---------------------------------------------------------------------------
// Help and version.

#[test]
fn help_shows_an_example_of_each_subcommand_and_exits_0() {
    let result = run(&["--help"]);
    assert_eq!(result.code, 0, "{result:?}");
    assert_eq!(result.stderr, "");
    for example in [
        "engagement-errors classify --status",
        "engagement-errors validate --status",
        "engagement-errors classify --ndjson",
        "engagement-errors summarize --ndjson --ids",
    ] {
        assert!(
            result.stdout.contains(example),
            "{example}:\n{}",
            result.stdout
        );
    }
    for (command, example) in [
        ("classify", "engagement-errors classify --status 403"),
        ("classify", "engagement-errors classify --ndjson"),
        ("validate", "engagement-errors validate --status 200"),
        ("summarize", "engagement-errors summarize --ndjson --ids"),
    ] {
        let result = run(&[command, "--help"]);
        assert_eq!(result.code, 0, "{result:?}");
        assert!(
            result.stdout.contains(example),
            "{command}: {}",
            result.stdout
        );
    }
}

#[test]
fn version_prints_the_crate_version_and_exits_0() {
    let result = run(&["--version"]);
    assert_eq!(result.code, 0, "{result:?}");
    assert_eq!(
        result.stdout,
        format!("engagement-errors {}\n", env!("CARGO_PKG_VERSION"))
    );
}
