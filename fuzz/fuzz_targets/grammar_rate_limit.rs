#![no_main]
// The `rate_limit` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("rate_limit", message);
});
