#![no_main]
// The `tweets_unavailable` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("tweets_unavailable", message);
});
