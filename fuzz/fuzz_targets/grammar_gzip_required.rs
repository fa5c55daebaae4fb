#![no_main]
// The `gzip_required` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("gzip_required", message);
});
