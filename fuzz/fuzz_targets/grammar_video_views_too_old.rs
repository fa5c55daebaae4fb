#![no_main]
// The `video_views_too_old` message grammar alone, on any string.
libfuzzer_sys::fuzz_target!(|message: &str| {
    engagement_errors::fuzzing::grammar("video_views_too_old", message);
});
