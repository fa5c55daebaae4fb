//! Every fixture's full report, snapshotted; plus invariants every report keeps.

mod util;

use std::collections::HashSet;

use engagement_errors::{validate, Kind};
use util::Fixture;

#[test]
fn every_fixture_report_matches_its_snapshot() {
    insta::glob!("../fixtures", "**/*.{json,txt,html,bin}", |path| {
        let fixture = Fixture::load(path);
        insta::assert_json_snapshot!(fixture.report());
    });
}

#[test]
fn every_fixture_keeps_the_report_invariants() {
    insta::glob!("../fixtures", "**/*.{json,txt,html,bin}", |path| {
        let fixture = Fixture::load(path);
        let report = fixture.report();

        // Detaching from the body changes nothing.
        assert_eq!(report.clone().into_owned(), report, "{}", path.display());

        // Without headers, validate sees exactly the report's findings.
        if fixture.headers.is_empty() {
            assert_eq!(
                validate(fixture.status, &fixture.body),
                report.findings(),
                "{}",
                path.display()
            );
        }

        // Each ID list names each ID once.
        for list in [
            report.unavailable_tweet_ids(),
            report.unsupported_for_impressions_engagements_tweet_ids(),
            report.unsupported_for_video_views_tweet_ids(),
        ] {
            let distinct: HashSet<_> = list.iter().collect();
            assert_eq!(distinct.len(), list.len(), "{}", path.display());
        }

        // Records without a message come only from an ID-list key or the status.
        for record in report.errors() {
            if record.message().is_none() {
                let from_key = !record.tweet_ids().is_empty();
                let from_status = report.status().is_some_and(|s| {
                    record.kind() == Kind::from_status(s) || record.kind() == Kind::Unrecognized
                });
                assert!(from_key || from_status, "{}: {record:?}", path.display());
            }
        }
    });
}
