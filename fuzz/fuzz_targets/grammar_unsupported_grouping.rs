#![no_main]
// The `unsupported_grouping` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("unsupported_grouping", message);
});
