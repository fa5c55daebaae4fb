//! Loading fixtures: a body file plus an optional `.head` sidecar.

#![allow(dead_code)]

use std::path::Path;

use engagement_errors::Report;

/// One fixture: the body bytes and what the transport saw.
pub struct Fixture {
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Fixture {
    #[track_caller]
    pub fn load(path: &Path) -> Fixture {
        let body = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut head = path.as_os_str().to_owned();
        head.push(".head");
        let mut status = None;
        let mut headers = Vec::new();
        if let Ok(text) = std::fs::read_to_string(&head) {
            for (index, line) in text.lines().enumerate() {
                let (name, value) = line
                    .split_once(':')
                    .unwrap_or_else(|| panic!("{head:?} line {}: no ':'", index + 1));
                if index == 0 {
                    assert_eq!(name, "status", "{head:?}: first line must be 'status: N'");
                    status = Some(value.trim().parse().expect("status is a number"));
                } else {
                    headers.push((name.trim().to_owned(), value.trim().to_owned()));
                }
            }
        }
        Fixture {
            status,
            headers,
            body,
        }
    }

    pub fn report(&self) -> Report<'_> {
        match self.status {
            Some(status) => engagement_errors::parse_response(
                status,
                self.headers.iter().map(|(k, v)| (k, v)),
                &self.body,
            ),
            None => engagement_errors::parse(&self.body),
        }
    }
}
