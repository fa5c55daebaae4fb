#![no_main]
//! Render builders with any input: the body always reads back, one record per
//! message and per ID list, in order.

use arbitrary::Arbitrary;
use engagement_errors::render::{ErrorMessage, ErrorsBody, Grouping};
use engagement_errors::Kind;

#[derive(Arbitrary, Debug)]
enum Message {
    Authentication(Option<String>),
    Forbidden(Option<u64>, Vec<u64>),
    Metrics(Vec<String>),
    Groupings(Vec<String>),
    Verbatim(String),
    Server,
    RateLimit,
}

#[derive(Arbitrary, Debug)]
struct Input {
    messages: Vec<Message>,
    unavailable: Option<Vec<u64>>,
    impressions: Option<(Vec<u64>, Option<String>)>,
    video_views: Vec<u64>,
    data: Vec<u64>,
    errors_first: bool,
    semicolons: bool,
    pretty: bool,
}

libfuzzer_sys::fuzz_target!(|input: Input| {
    let mut body = ErrorsBody::new();
    if let Some(ids) = &input.unavailable {
        body = body.tweets_unavailable(ids);
    }
    if let Some((ids, period)) = &input.impressions {
        body = body.impressions_too_old(ids, period.as_deref());
    }
    for message in input.messages {
        body = body.message(match message {
            Message::Authentication(reason) => ErrorMessage::Authentication { reason },
            Message::Forbidden(author_id, tweet_ids) => ErrorMessage::ForbiddenTweets {
                author_id,
                tweet_ids,
            },
            Message::Metrics(metrics) => ErrorMessage::ForbiddenMetrics { metrics },
            Message::Groupings(groupings) => ErrorMessage::UnsupportedGrouping { groupings },
            Message::Verbatim(text) => ErrorMessage::Verbatim(text),
            Message::Server => ErrorMessage::InternalServerError,
            Message::RateLimit => ErrorMessage::RateLimitExceeded,
        });
    }
    if !input.video_views.is_empty() {
        body = body.video_views_too_old(&input.video_views);
    }
    body = body.grouping(Grouping::totals(
        "g",
        &input.data,
        &["favorites"],
        |id, _| id,
    ));
    if input.errors_first {
        body = body.errors_first();
    }
    if input.semicolons {
        body = body.trailing_semicolons();
    }
    if input.pretty {
        body = body.pretty();
    }
    let bytes = body.render();
    let report = engagement_errors::parse(&bytes);
    assert_eq!(report.shape(), engagement_errors::Shape::ErrorsObject);
    if let Some(ids) = &input.unavailable {
        assert_eq!(report.errors()[0].kind(), Kind::TweetsUnavailable);
        let mut distinct = ids.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(report.unavailable_tweet_ids().len(), distinct.len());
    }
});
