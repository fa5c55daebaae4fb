#![no_main]
// The `authentication` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("authentication", message);
});
