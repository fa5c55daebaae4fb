#![no_main]
// The `application_not_authorized` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("application_not_authorized", message);
});
