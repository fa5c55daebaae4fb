#![no_main]
// The `impressions_too_old` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("impressions_too_old", message);
});
