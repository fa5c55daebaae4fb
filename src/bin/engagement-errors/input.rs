//! Where input comes from, and the `--header` argument.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use crate::Failure;

/// A file, or standard input (no FILE, or `-`).
#[derive(Debug)]
pub(crate) enum Source<'a> {
    Stdin,
    File(&'a Path),
}

impl<'a> Source<'a> {
    pub(crate) fn new(file: Option<&'a Path>) -> Source<'a> {
        match file {
            None => Source::Stdin,
            Some(path) if path.as_os_str() == "-" => Source::Stdin,
            Some(path) => Source::File(path),
        }
    }

    /// What to call it in a message.
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "standard input".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    pub(crate) fn failure(&self, error: io::Error) -> Failure {
        Failure::Read {
            what: self.name(),
            error,
        }
    }

    /// Every byte.
    pub(crate) fn read_all(&self) -> Result<Vec<u8>, Failure> {
        match self {
            Source::Stdin => {
                let mut body = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut body)
                    .map_err(|e| self.failure(e))?;
                Ok(body)
            }
            Source::File(path) => std::fs::read(path).map_err(|e| self.failure(e)),
        }
    }

    /// A buffered reader, for reading line by line.
    pub(crate) fn open(&self) -> Result<Box<dyn BufRead>, Failure> {
        match self {
            Source::Stdin => Ok(Box::new(io::stdin().lock())),
            Source::File(path) => {
                let file = File::open(path).map_err(|e| self.failure(e))?;
                Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
            }
        }
    }
}

/// `--status N`: a decimal integer from 0 to 65535.
pub(crate) fn parse_status(text: &str) -> Result<u16, String> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("expected an integer from 0 to 65535".to_owned());
    }
    text.parse::<u16>()
        .map_err(|_| format!("{text} is not in 0..=65535"))
}

/// `--header 'Name: value'`: split at the first `:`; surrounding white space is
/// not part of the name or the value.
pub(crate) fn parse_header(text: &str) -> Result<(String, String), String> {
    let Some((name, value)) = text.split_once(':') else {
        return Err("expected 'Name: value', found no ':'".to_owned());
    };
    let name = name.trim();
    if name.is_empty() {
        return Err("the header name before ':' is empty".to_owned());
    }
    if name.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "the header name {name:?} contains white space or a control character"
        ));
    }
    Ok((name.to_owned(), value.trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::{parse_header, parse_status};

    #[test]
    fn a_status_is_an_integer_from_0_to_65535() {
        assert_eq!(parse_status("0"), Ok(0));
        assert_eq!(parse_status("+429"), Ok(429));
        assert_eq!(parse_status("65535"), Ok(65535));
        assert_eq!(
            parse_status("65536"),
            Err("65536 is not in 0..=65535".to_owned())
        );
        assert_eq!(parse_status("-1"), Err("-1 is not in 0..=65535".to_owned()));
        for bad in ["", "-", "abc", "200.0", " 200", "1e3"] {
            assert_eq!(
                parse_status(bad),
                Err("expected an integer from 0 to 65535".to_owned()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_header_is_split_at_the_first_colon_and_trimmed() {
        assert_eq!(
            parse_header("Retry-After:  Mon, 07 Dec 2015 21:25:00 GMT "),
            Ok((
                "Retry-After".to_owned(),
                "Mon, 07 Dec 2015 21:25:00 GMT".to_owned()
            ))
        );
        assert_eq!(parse_header("x-a:"), Ok(("x-a".to_owned(), String::new())));
    }

    #[test]
    fn a_header_needs_a_colon_and_a_name_without_white_space() {
        assert!(parse_header("retry-after 30").is_err());
        assert!(parse_header(" : 30").is_err());
        assert!(parse_header("retry after: 30").is_err());
    }
}
