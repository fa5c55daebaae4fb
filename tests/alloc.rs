//! Allocations on the hot path: `parse` allocates per message and per ID, never
//! per byte of data, and borrows message text that has no JSON escapes.
//!
//! This binary installs a counting global allocator. Counting is per thread and
//! only inside [`count`], so tests running in parallel on other threads (and the
//! test harness itself) do not disturb a measurement.
//!
//! `cargo test --test alloc -- --nocapture` prints the counts per bench body
//! (the table in `benches/README.md`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use engagement_errors::parse;

/// The bench bodies, taken from the bench itself so the counts are for the same
/// bytes. Its criterion `main` and baselines are not used here.
#[path = "../benches/parse.rs"]
#[allow(dead_code)]
mod bench;

use bench::bodies;

/// What one measured call asked of the allocator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    /// Calls to `alloc` and `alloc_zeroed`: new blocks.
    allocs: usize,
    /// Calls to `realloc`: a block grown or shrunk (a `Vec` or `String` growing).
    reallocs: usize,
}

thread_local! {
    // `const` initialisers with no destructor: reading them never allocates, so
    // they are safe to touch from inside the allocator.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static REALLOCS: Cell<usize> = const { Cell::new(0) };
}

fn bump(counter: &'static std::thread::LocalKey<Cell<usize>>) {
    // `try_with`: never panic inside the allocator, even while the thread's
    // locals are being torn down.
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        let _ = counter.try_with(|n| n.set(n.get() + 1));
    }
}

/// The system allocator, counting calls made on a thread inside [`count`].
struct Counting;

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged, so `System`'s guarantees are ours; the counting touches only
// thread-local `Cell`s, which neither allocate nor unwind.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump(&ALLOCS);
        // SAFETY: forwarded as is; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump(&ALLOCS);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump(&REALLOCS);
        // SAFETY: as for `alloc`; `ptr` came from this allocator, i.e. from `System`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, i.e. from `System`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and counts what it asks of the allocator on this thread. The value
/// `f` returns is handed back undropped, so its drop is not counted.
fn count<R>(f: impl FnOnce() -> R) -> (R, Counts) {
    ALLOCS.with(|n| n.set(0));
    REALLOCS.with(|n| n.set(0));
    COUNTING.with(|on| on.set(true));
    let result = std::hint::black_box(f());
    COUNTING.with(|on| on.set(false));
    let counts = Counts {
        allocs: ALLOCS.with(Cell::get),
        reallocs: REALLOCS.with(Cell::get),
    };
    (result, counts)
}

/// What `parse(body)` asks of the allocator.
fn parse_counts(body: &[u8]) -> Counts {
    let (report, counts) = count(|| parse(std::hint::black_box(body)));
    drop(report);
    counts
}

#[test]
fn counting_sees_allocations_and_only_while_counting() {
    let (boxed, counts) = count(|| Box::new(7u64));
    assert_eq!(
        counts,
        Counts {
            allocs: 1,
            reallocs: 0
        }
    );
    let (grown, counts) = count(|| {
        let mut v = Vec::with_capacity(1);
        v.extend_from_slice(&[1u8, 2, 3, 4, 5, 6, 7, 8, 9]);
        v
    });
    assert_eq!(
        counts,
        Counts {
            allocs: 1,
            reallocs: 1
        }
    );
    let outside = vec![1u8; 64];
    let (_, counts) = count(|| ());
    assert_eq!(counts, Counts::default());
    drop((boxed, grown, outside));
}

#[test]
fn totals_allocations_do_not_grow_with_the_data() {
    let small = bodies::totals(25);
    let large = bodies::totals(250);
    assert!(large.len() > 9 * small.len());
    let small_counts = parse_counts(small.as_bytes());
    let large_counts = parse_counts(large.as_bytes());
    assert_eq!(
        small_counts,
        large_counts,
        "25 Tweets ({} bytes) vs 250 Tweets ({} bytes)",
        small.len(),
        large.len()
    );
    // The same errors alone: the data grouping costs a fixed few allocations
    // (its name in `groupings`), not one per Tweet.
    assert!(small_counts.allocs > 0);
}

/// The check above can fail: the same measurement of the naive client (a whole
/// `serde_json::Value`) sees one allocation per map and string of data.
#[test]
fn per_tweet_allocations_would_be_seen() {
    let naive = bench::Naive::new();
    let small = bodies::totals(25);
    let large = bodies::totals(250);
    drop(naive.parse(small.as_bytes()));
    let (_, small_counts) = count(|| naive.parse(small.as_bytes()));
    let (_, large_counts) = count(|| naive.parse(large.as_bytes()));
    assert!(
        large_counts.allocs > small_counts.allocs + 225 * 8,
        "{small_counts:?} vs {large_counts:?}"
    );
}

#[test]
fn historical_allocations_do_not_grow_with_the_data() {
    let small = bodies::historical(5);
    let large = bodies::historical(25);
    assert!(large.len() > 4 * small.len());
    let small_counts = parse_counts(small.as_bytes());
    let large_counts = parse_counts(large.as_bytes());
    assert_eq!(
        small_counts,
        large_counts,
        "5 Tweets ({} bytes) vs 25 Tweets ({} bytes)",
        small.len(),
        large.len()
    );
}

/// Whether `text` lies inside `body`'s bytes (borrowed, not copied).
fn points_into(text: &str, body: &[u8]) -> bool {
    let range = body.as_ptr_range();
    let start = text.as_ptr();
    // Compare addresses only; nothing is dereferenced.
    range.start <= start && start.wrapping_add(text.len()) <= range.end
}

#[test]
fn messages_without_escapes_are_borrowed_from_the_body() {
    for (name, body) in bodies::all() {
        let report = parse(&body);
        for record in report.errors() {
            let message = record.message().expect("every bench record has a message");
            assert!(
                points_into(message, &body),
                "{name}: {message:?} was copied"
            );
        }
    }
}

#[test]
fn escaped_messages_are_decoded_into_their_own_buffer() {
    let body = br#"{"errors":["Impressions \u0026 engagements for tweets older than 90 days (2015-06-01 - 2015-09-14) are not supported"],"unsupported_for_impressions_engagements_tweet_ids":["1"]}"#;
    let report = parse(body);
    let message = report.errors()[0].message().expect("a message");
    assert_eq!(
        message,
        "Impressions & engagements for tweets older than 90 days (2015-06-01 - 2015-09-14) are not supported"
    );
    assert!(
        !points_into(message, body),
        "a decoded message cannot borrow"
    );
    // The same message with a raw `&` is borrowed: the copy above is the escape's doing.
    let raw = br#"{"errors":["Impressions & engagements for tweets older than 90 days (2015-06-01 - 2015-09-14) are not supported"],"unsupported_for_impressions_engagements_tweet_ids":["1"]}"#;
    let report = parse(raw);
    assert!(points_into(report.errors()[0].message().unwrap(), raw));
}

#[test]
fn allocation_counts_per_bench_body() {
    let naive = bench::Naive::new();
    let mut rows = bodies::all();
    rows.push(("totals_25_tweets", bodies::totals(25).into_bytes()));
    rows.push((
        "historical_hourly_5_tweets",
        bodies::historical(5).into_bytes(),
    ));
    // One `print!` for the whole table, so parallel tests' lines do not split it.
    let mut table = String::from(
        "\n| body | bytes | parse allocs | parse reallocs | floor allocs | naive allocs |\n\
         | --- | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for (name, body) in rows {
        let counts = parse_counts(&body);
        // Deterministic: the same call twice asks the same of the allocator.
        assert_eq!(counts, parse_counts(&body), "{name}");
        let (_, floor) =
            count(|| serde_json::from_slice::<serde::de::IgnoredAny>(std::hint::black_box(&body)));
        // Once first: the regexes' per-thread caches are built on first use.
        drop(naive.parse(&body));
        let (report, naive) = count(|| naive.parse(std::hint::black_box(&body)));
        drop(report);
        table.push_str(&format!(
            "| `{name}` | {} | {} | {} | {} | {} |\n",
            body.len(),
            counts.allocs,
            counts.reallocs,
            floor.allocs,
            naive.allocs,
        ));
    }
    print!("{table}");
}
