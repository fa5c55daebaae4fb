//! Every public type can cross threads.

use engagement_errors::logged::{LineError, LoggedResponse};
use engagement_errors::render::{ErrorMessage, ErrorsBody, Grouping};
use engagement_errors::{
    Category, Date, DateTime, ErrorRecord, Finding, FindingCode, Id, Instant, Kind, Outcome,
    OwnedReport, Period, RateLimit, Report, Retry, Severity, Shape, SpanUnit,
};

fn assert_send_sync<T: Send + Sync>() {}
fn assert_static<T: 'static>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<Report<'_>>();
    assert_send_sync::<ErrorRecord<'_>>();
    assert_send_sync::<Finding>();
    assert_send_sync::<Id<'_>>();
    assert_send_sync::<Kind>();
    assert_send_sync::<Category>();
    assert_send_sync::<Retry>();
    assert_send_sync::<Severity>();
    assert_send_sync::<FindingCode>();
    assert_send_sync::<Shape>();
    assert_send_sync::<Outcome>();
    assert_send_sync::<RateLimit>();
    assert_send_sync::<Period>();
    assert_send_sync::<Instant>();
    assert_send_sync::<Date>();
    assert_send_sync::<DateTime>();
    assert_send_sync::<SpanUnit>();
    assert_send_sync::<OwnedReport>();
    assert_send_sync::<ErrorMessage>();
    assert_send_sync::<ErrorsBody>();
    assert_send_sync::<Grouping>();
    assert_send_sync::<LoggedResponse>();
    assert_send_sync::<LineError>();
    assert_static::<OwnedReport>();
}

#[test]
fn owned_reports_outlive_their_body() {
    assert_static::<Report<'static>>();
    let report = {
        let body = br#"{"errors":["internal server error"]}"#.to_vec();
        engagement_errors::parse(&body).into_owned()
    };
    let handle = std::thread::spawn(move || report.errors()[0].kind());
    assert_eq!(handle.join().unwrap(), Kind::ServerError);
}
