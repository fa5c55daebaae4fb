#![no_main]
// The `forbidden_metrics` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("forbidden_metrics", message);
});
