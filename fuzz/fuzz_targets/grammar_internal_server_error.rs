#![no_main]
// The `internal_server_error` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("internal_server_error", message);
});
