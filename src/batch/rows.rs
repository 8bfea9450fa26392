//! The rows of a portfolio CSV file (RFC 4180), read a byte at a time
//! within bounds, so that a file that is not CSV, a row that never ends or
//! a quote that is never closed is reported at its place instead of being
//! read whole into one company (see #18).
//!
//! What it reads: cells separated by `,`; rows ended by `\n`, `\r\n` or a
//! lone `\r`; a cell that starts with `"` is quoted, may hold commas and
//! line breaks, and writes a quote as `""`; text after a closing quote is
//! kept as written (`"Acme" Inc` is `Acme Inc`), as the `csv` crate did. A
//! UTF-8 byte-order mark at the start is skipped. Cells are trimmed.
//!
//! What it refuses, at the row and place: a NUL byte (not a text file: the
//! rest of the file is not read), a cell longer than [`MAX_CELL`] or a row
//! longer than [`MAX_ROW`] (the rest is not read), a row that is not UTF-8
//! (the next rows are read), and a quote still open at the end of the file
//! (the rows after the line it opened on are read again as rows, once).
//! It does not know about columns: that is [`super::Portfolio`]'s job.

use std::io::{ErrorKind, Read};

/// The longest cell, in bytes: 64 KiB. A company's name or a list of packs
/// is far shorter; a longer cell is almost always a quote left open.
pub const MAX_CELL: usize = 64 * 1024;

/// The longest row, in bytes, line breaks in quoted cells included: 1 MiB.
pub const MAX_ROW: usize = 1024 * 1024;

/// The bounds a reader enforces (see [`MAX_CELL`] and [`MAX_ROW`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The longest cell, in bytes.
    pub cell: usize,
    /// The longest row, in bytes.
    pub row: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            cell: MAX_CELL,
            row: MAX_ROW,
        }
    }
}

/// A place in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    /// Line, from 1; `\n`, `\r\n` and a lone `\r` each end one.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
    /// Byte offset from the start of the file, from 0.
    pub offset: u64,
}

/// One cell as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Its text: unquoted, `""` made `"`, trimmed.
    pub text: String,
    /// Its bytes in [`Row::text`], quotes included, surrounding spaces not.
    pub span: std::ops::Range<usize>,
}

/// One row as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Where it starts.
    pub at: Pos,
    /// The row as written, without its line break.
    pub text: String,
    /// Its cells, in order.
    pub cells: Vec<Cell>,
}

impl Row {
    /// Whether every cell is empty: a blank line is no row.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.is_empty())
    }
}

/// Why a row could not be read.
#[derive(Debug)]
pub enum RowError {
    /// A NUL byte at `at`: this is no text file. Nothing more is read.
    Nul {
        /// The row's start.
        row: Pos,
        /// The NUL byte.
        at: Pos,
    },
    /// A quote opened at `at` is still open at the end of the file. Once,
    /// the lines after the quote's line are read again as rows.
    Unterminated {
        /// The row's start.
        row: Pos,
        /// The opening quote.
        at: Pos,
        /// The cell's index in its row, from 0.
        cell: usize,
    },
    /// A cell or a row is longer than its limit. Nothing more is read.
    TooLong {
        /// The row's start.
        row: Pos,
        /// The start of the cell that is too long, or of the row.
        at: Pos,
        /// The cell's index in its row when a cell is too long.
        cell: Option<usize>,
        /// The limit passed, in bytes.
        limit: usize,
        /// Where the quote the reader was in opened, if it was in one.
        quote: Option<Pos>,
    },
    /// The row is not UTF-8 text: the first bad byte is at `at`.
    NotUtf8 {
        /// The row's start.
        row: Pos,
        /// The first byte that is not UTF-8.
        at: Pos,
        /// Its value.
        byte: u8,
        /// The cell's index in its row, from 0.
        cell: usize,
    },
    /// The file could not be read on. Nothing more is read.
    Io {
        /// The row's start.
        row: Pos,
        /// The cause.
        source: std::io::Error,
    },
}

impl RowError {
    /// Where the row starts.
    pub fn row(&self) -> Pos {
        match self {
            RowError::Nul { row, .. }
            | RowError::Unterminated { row, .. }
            | RowError::TooLong { row, .. }
            | RowError::NotUtf8 { row, .. }
            | RowError::Io { row, .. } => *row,
        }
    }

    /// Where the problem is.
    pub fn at(&self) -> Pos {
        match self {
            RowError::Nul { at, .. }
            | RowError::Unterminated { at, .. }
            | RowError::TooLong { at, .. }
            | RowError::NotUtf8 { at, .. } => *at,
            RowError::Io { row, .. } => *row,
        }
    }

    /// The cell it is in, by index, when it is in one.
    pub fn cell(&self) -> Option<usize> {
        match self {
            RowError::Unterminated { cell, .. } | RowError::NotUtf8 { cell, .. } => Some(*cell),
            RowError::TooLong { cell, .. } => *cell,
            RowError::Nul { .. } | RowError::Io { .. } => None,
        }
    }

    /// What is wrong, in one line, with its line and column.
    pub fn message(&self) -> String {
        let Pos { line, col, .. } = self.at();
        self.describe(&format!("at line {line}, column {col}"))
    }

    /// What is wrong, in one line, `place` saying where (`here`, `at line 3, column 1`).
    pub fn describe(&self, place: &str) -> String {
        match self {
            RowError::Nul { .. } => format!("not a CSV file: a NUL byte {place}"),
            RowError::Unterminated { .. } => format!(
                "the quote opened {place} is never closed, \
                 so the rest of the file would be one cell"
            ),
            RowError::TooLong {
                cell: Some(_),
                limit,
                ..
            } => format!(
                "the cell {place} is longer than {}, the limit for a cell; \
                 the rest of the file is not read",
                size(*limit)
            ),
            RowError::TooLong {
                cell: None, limit, ..
            } => format!(
                "the row is longer than {}, the limit for a row; the rest of the file is not read",
                size(*limit)
            ),
            RowError::NotUtf8 { byte, at, .. } => format!(
                "not UTF-8 text: byte 0x{byte:02X} {place} (offset {} in the file)",
                at.offset
            ),
            RowError::Io { source, .. } => format!("the file cannot be read on: {source}"),
        }
    }

    /// How to fix it, when that is known.
    pub fn help(&self) -> Option<String> {
        match self {
            RowError::Nul { .. } => Some(
                "give a CSV text file with one row per company, or a folder of facts files"
                    .to_owned(),
            ),
            RowError::Unterminated { .. } => Some(
                "close the quote (`\"Acme, Inc.\"`); a quote inside a quoted cell is written twice (`\"\"`)"
                    .to_owned(),
            ),
            RowError::TooLong {
                quote: Some(q), ..
            } => Some(format!(
                "the quote opened at line {}, column {} may never be closed",
                q.line, q.col
            )),
            RowError::TooLong { .. } => {
                Some("is this a portfolio? one row per company, one cell per column".to_owned())
            }
            RowError::NotUtf8 { .. } => Some(
                "save the file as UTF-8 (in a spreadsheet: Save As, \"CSV UTF-8\")".to_owned(),
            ),
            RowError::Io { .. } => None,
        }
    }

    /// Whether the reader stops after this error.
    pub fn is_fatal(&self) -> bool {
        !matches!(
            self,
            RowError::NotUtf8 { .. } | RowError::Unterminated { .. }
        )
    }
}

/// `64 KiB`, `1 MiB`, else bytes.
fn size(n: usize) -> String {
    if n >= 1 << 20 && n % (1 << 20) == 0 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n % (1 << 10) == 0 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a cell.
    Start,
    /// In a cell that is not quoted, or after a quoted part.
    Plain,
    /// Inside quotes.
    Quoted,
    /// A quote inside quotes: the end of the quoted part, or `""`.
    QuoteInQuoted,
}

/// Reads rows from a byte stream within [`Limits`].
pub struct RowReader<R> {
    input: R,
    buf: Box<[u8]>,
    len: usize,
    next: usize,
    /// Bytes to read again (after a quote left open), before `input`.
    pending: Vec<u8>,
    pending_next: usize,
    limits: Limits,
    /// The place of the next byte.
    pos: Pos,
    /// The byte before was a `\r`: a `\n` now is part of the same line break.
    after_cr: bool,
    /// The current row as written.
    raw: Vec<u8>,
    /// A quote left open has been recovered from once already.
    recovered: bool,
    done: bool,
}

impl<R: Read> RowReader<R> {
    /// Returns a reader of `input` with `limits`.
    pub fn new(input: R, limits: Limits) -> Self {
        RowReader {
            input,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            len: 0,
            next: 0,
            pending: Vec::new(),
            pending_next: 0,
            limits,
            pos: Pos {
                line: 1,
                col: 1,
                offset: 0,
            },
            after_cr: false,
            raw: Vec::new(),
            recovered: false,
            done: false,
        }
    }

    /// Bytes read so far.
    pub fn offset(&self) -> u64 {
        self.pos.offset
    }

    /// The bytes of the row being read, as far as it was read: after an
    /// error, up to the byte at fault.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// The next byte, with its place; `None` at the end of the file.
    fn byte(&mut self) -> std::io::Result<Option<(u8, Pos, bool)>> {
        let b = if self.pending_next < self.pending.len() {
            self.pending_next += 1;
            self.pending[self.pending_next - 1]
        } else {
            if self.next == self.len {
                self.len = loop {
                    match self.input.read(&mut self.buf) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                };
                self.next = 0;
                if self.len == 0 {
                    return Ok(None);
                }
                // A byte-order mark is no part of the first cell.
                if self.pos.offset == 0 && self.buf[..self.len].starts_with(b"\xEF\xBB\xBF") {
                    self.next = 3;
                    self.pos.offset = 3;
                    if self.len == 3 {
                        return self.byte();
                    }
                }
            }
            self.next += 1;
            self.buf[self.next - 1]
        };
        let at = self.pos;
        let after_cr = self.after_cr;
        self.pos.offset += 1;
        match b {
            b'\n' if after_cr => {}
            b'\n' | b'\r' => {
                self.pos.line += 1;
                self.pos.col = 1;
            }
            // A UTF-8 continuation byte is part of the character before.
            _ if b & 0xC0 == 0x80 => {}
            _ => self.pos.col += 1,
        }
        self.after_cr = b == b'\r';
        Ok(Some((b, at, after_cr)))
    }

    /// Reads the next row: `None` at the end of the file (or after an error
    /// that ends the reading).
    pub fn read_row(&mut self) -> Option<Result<Row, RowError>> {
        if self.done {
            return None;
        }
        self.raw.clear();
        let mut row_at: Option<Pos> = None;
        let mut cells: Vec<Cell> = Vec::new();
        let mut cell: Vec<u8> = Vec::new();
        let mut cell_start = 0usize;
        let mut cell_at = self.pos;
        let mut state = State::Start;
        let mut quote: Option<(Pos, usize)> = None;
        loop {
            let (b, at, after_cr) = match self.byte() {
                Ok(Some(x)) => x,
                Ok(None) => break,
                Err(source) => {
                    self.done = true;
                    return Some(Err(RowError::Io {
                        row: row_at.unwrap_or(self.pos),
                        source,
                    }));
                }
            };
            // The `\n` of a `\r\n` that ended the row before.
            if b == b'\n' && after_cr && row_at.is_none() {
                continue;
            }
            let row = *row_at.get_or_insert(at);
            if b == 0 {
                self.done = true;
                return Some(Err(RowError::Nul { row, at }));
            }
            if state == State::Start {
                cell_start = self.raw.len();
                cell_at = at;
            }
            self.raw.push(b);
            if self.raw.len() > self.limits.row {
                self.done = true;
                return Some(Err(RowError::TooLong {
                    row,
                    at: row,
                    cell: None,
                    limit: self.limits.row,
                    quote: quote.filter(|_| state == State::Quoted).map(|q| q.0),
                }));
            }
            let ends_cell = matches!(b, b',' | b'\n' | b'\r');
            state = match (state, b) {
                (State::Start, b'"') => {
                    quote = Some((at, self.raw.len() - 1));
                    State::Quoted
                }
                (State::Quoted, b'"') => State::QuoteInQuoted,
                (State::Quoted, _) => {
                    cell.push(b);
                    State::Quoted
                }
                (State::QuoteInQuoted, b'"') => {
                    cell.push(b);
                    State::Quoted
                }
                (_, _) if ends_cell => {
                    let span = trimmed(&self.raw, cell_start, self.raw.len() - 1);
                    cells.push(Cell {
                        text: String::from_utf8_lossy(&cell).trim().to_owned(),
                        span,
                    });
                    cell.clear();
                    quote = None;
                    if b != b',' {
                        self.raw.pop();
                        return Some(self.finish(row, cells));
                    }
                    State::Start
                }
                (_, _) => {
                    cell.push(b);
                    State::Plain
                }
            };
            if cell.len() > self.limits.cell {
                self.done = true;
                return Some(Err(RowError::TooLong {
                    row,
                    at: cell_at,
                    cell: Some(cells.len()),
                    limit: self.limits.cell,
                    quote: quote.filter(|_| state == State::Quoted).map(|q| q.0),
                }));
            }
        }
        // The end of the file.
        let row = row_at?;
        if state == State::Quoted
            && let Some((at, index)) = quote
        {
            self.recover(row, index);
            return Some(Err(RowError::Unterminated {
                row,
                at,
                cell: cells.len(),
            }));
        }
        let span = trimmed(&self.raw, cell_start, self.raw.len());
        cells.push(Cell {
            text: String::from_utf8_lossy(&cell).trim().to_owned(),
            span,
        });
        Some(self.finish(row, cells))
    }

    /// A row read to its end: checked to be UTF-8.
    fn finish(&self, row: Pos, cells: Vec<Cell>) -> Result<Row, RowError> {
        match std::str::from_utf8(&self.raw) {
            Ok(text) => Ok(Row {
                at: row,
                text: text.to_owned(),
                cells,
            }),
            Err(e) => {
                let bad = e.valid_up_to();
                let at = position(row, &self.raw[..bad]);
                let cell = cells.iter().take_while(|c| c.span.start <= bad).count();
                Err(RowError::NotUtf8 {
                    row,
                    at,
                    byte: self.raw[bad],
                    cell: cell.saturating_sub(1),
                })
            }
        }
    }

    /// After a quote opened at `raw[index]` and still open at the end of
    /// the file: reads the lines after the quote's line again, once.
    fn recover(&mut self, row: Pos, index: usize) {
        if self.recovered {
            self.done = true;
            return;
        }
        self.recovered = true;
        let Some(nl) = self.raw[index..]
            .iter()
            .position(|b| matches!(b, b'\n' | b'\r'))
            .map(|i| index + i)
        else {
            self.done = true;
            return;
        };
        let skip = if self.raw[nl..].starts_with(b"\r\n") {
            2
        } else {
            1
        };
        let at = position(row, &self.raw[..nl + skip]);
        self.pending = self.raw[nl + skip..].to_vec();
        self.pending_next = 0;
        self.pos = at;
        self.after_cr = false;
    }
}

/// The span of `raw[start..end]` without the spaces around it.
fn trimmed(raw: &[u8], mut start: usize, mut end: usize) -> std::ops::Range<usize> {
    while start < end && raw[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && raw[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    start..end
}

/// The place just after `bytes`, which start at `start`.
fn position(start: Pos, bytes: &[u8]) -> Pos {
    let mut at = start;
    let mut after_cr = false;
    for &b in bytes {
        at.offset += 1;
        match b {
            b'\n' if after_cr => {}
            b'\n' | b'\r' => {
                at.line += 1;
                at.col = 1;
            }
            _ if b & 0xC0 == 0x80 => {}
            _ => at.col += 1,
        }
        after_cr = b == b'\r';
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &[u8], limits: Limits) -> Vec<Result<Row, RowError>> {
        let mut r = RowReader::new(text, limits);
        std::iter::from_fn(|| r.read_row()).collect()
    }

    /// Each row as (line, cells), errors as their messages.
    fn rows(text: &[u8]) -> Vec<Result<(usize, Vec<String>), String>> {
        read_all(text, Limits::default())
            .into_iter()
            .map(|r| match r {
                Ok(row) => Ok((row.at.line, row.cells.into_iter().map(|c| c.text).collect())),
                Err(e) => Err(format!("row {}: {}", e.row().line, e.message())),
            })
            .collect()
    }

    fn row(line: usize, cells: &[&str]) -> (usize, Vec<String>) {
        (line, cells.iter().map(|c| (*c).to_owned()).collect())
    }

    #[test]
    fn rows_start_at_their_lines_whatever_the_line_ends() {
        // LF, CRLF, a lone CR, a blank line, a quoted line break.
        let got = rows(b"\xEF\xBB\xBFname,n\nA,1\r\nB,2\rC,3\n\n\"D\r\nE\",4\nF, 5 ");
        assert_eq!(
            got,
            [
                Ok(row(1, &["name", "n"])),
                Ok(row(2, &["A", "1"])),
                Ok(row(3, &["B", "2"])),
                Ok(row(4, &["C", "3"])),
                Ok(row(5, &[""])),
                Ok(row(6, &["D\r\nE", "4"])),
                Ok(row(8, &["F", "5"])),
            ]
        );
    }

    #[test]
    fn quotes_hold_commas_and_doubled_quotes() {
        let got = rows(b"\"Acme, Inc.\",\"say \"\"hi\"\"\",\"x\"y,a\"b\n");
        assert_eq!(
            got,
            [Ok(row(1, &["Acme, Inc.", "say \"hi\"", "xy", "a\"b"]))]
        );
        let r = RowReader::new(&b"a, \"b,c\" ,d"[..], Limits::default())
            .read_row()
            .unwrap()
            .unwrap();
        // Spans cover the cells as written, quotes included.
        let spans: Vec<&str> = r.cells.iter().map(|c| &r.text[c.span.clone()]).collect();
        assert_eq!(spans, ["a", "\"b", "c\"", "d"]);
    }

    #[test]
    fn a_quote_never_closed_is_reported_where_it_opened_and_the_next_lines_are_read() {
        let got = rows(b"name,n\nA,1\n\"B,2\nC,3\r\nD,4");
        assert_eq!(
            got,
            [
                Ok(row(1, &["name", "n"])),
                Ok(row(2, &["A", "1"])),
                Err("row 3: the quote opened at line 3, column 1 is never closed, so the rest of the file would be one cell".to_owned()),
                Ok(row(4, &["C", "3"])),
                Ok(row(5, &["D", "4"])),
            ]
        );
        // The quote reported is the one still open at the end: here the
        // one on line 2 (the first closes on line 2 and another opens).
        let got = rows(b"x\",\"\nx\",\"\nlast,1\n");
        assert_eq!(
            got,
            [
                Err("row 1: the quote opened at line 2, column 4 is never closed, so the rest of the file would be one cell".to_owned()),
                Ok(row(3, &["last", "1"])),
            ]
        );
        let mut r = RowReader::new(&b"a,\"b\nc"[..], Limits::default());
        let Some(Err(e)) = r.read_row() else { panic!() };
        assert_eq!((e.row().line, e.at().col, e.cell()), (1, 3, Some(1)));
    }

    #[test]
    fn a_nul_byte_ends_the_reading_at_once() {
        let mut zeros = b"name\nA\n".to_vec();
        zeros.extend(std::iter::repeat_n(0u8, 100_000));
        let got = rows(&zeros);
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[2],
            Err("row 3: not a CSV file: a NUL byte at line 3, column 1".to_owned())
        );
    }

    #[test]
    fn cells_and_rows_longer_than_the_limits_end_the_reading() {
        let limits = Limits { cell: 8, row: 20 };
        let got = read_all(b"a,123456789\nb,c\n", limits);
        assert_eq!(got.len(), 1);
        let Err(e) = &got[0] else { panic!() };
        assert_eq!(
            e.message(),
            "the cell at line 1, column 3 is longer than 8 bytes, the limit for a cell; the rest of the file is not read"
        );
        let got = read_all(b"1234567,1234567,1234567\nb\n", limits);
        let [Err(e)] = &got[..] else {
            panic!("{got:?}")
        };
        assert!(e.message().contains("longer than 20 bytes"), "{e:?}");
        // Inside a quote that never closes, the help says so.
        let got = read_all(b"a,\"b\nccc\nddd\neee\nfff\n", limits);
        let [Err(e)] = &got[..] else {
            panic!("{got:?}")
        };
        assert_eq!(
            e.help().as_deref(),
            Some("the quote opened at line 1, column 3 may never be closed")
        );
        // The real limits: 64 KiB a cell, 1 MiB a row.
        let long = vec![b'x'; MAX_CELL + 1];
        let [Err(e)] = &read_all(&long, Limits::default())[..] else {
            panic!()
        };
        assert!(e.message().contains("longer than 64 KiB"), "{e:?}");
        let mut wide = b"x".to_vec();
        for _ in 0..=MAX_ROW / 1024 {
            wide.extend_from_slice(&[b'y'; 1023]);
            wide.push(b',');
        }
        let [Err(e)] = &read_all(&wide, Limits::default())[..] else {
            panic!()
        };
        assert!(e.message().contains("longer than 1 MiB"), "{e:?}");
    }

    #[test]
    fn a_row_that_is_not_utf8_is_named_with_its_byte_and_the_next_is_read() {
        let got = read_all(b"a,b\n\"\xC3\xA9\",x\xFFy\nc,d\n", Limits::default());
        assert_eq!(got.len(), 3);
        let Err(e) = &got[1] else { panic!() };
        assert_eq!(e.cell(), Some(1));
        assert_eq!(
            e.message(),
            "not UTF-8 text: byte 0xFF at line 2, column 6 (offset 10 in the file)"
        );
        assert!(e.help().unwrap().contains("UTF-8"));
        assert!(got[2].is_ok());
    }

    proptest::proptest! {
        #[test]
        fn prop_reading_stops_within_the_limits(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(b','), proptest::strategy::Just(b'"'),
                    proptest::strategy::Just(b'\n'), proptest::strategy::Just(b'\r'),
                    proptest::strategy::Just(b'a'), proptest::strategy::Just(0xC3u8),
                    proptest::strategy::Just(0xA9u8), proptest::strategy::Just(0u8),
                ],
                0..200,
            )
        ) {
            let limits = Limits { cell: 7, row: 23 };
            let mut r = RowReader::new(&bytes[..], limits);
            let mut n = 0;
            while let Some(row) = r.read_row() {
                proptest::prop_assert!(r.raw().len() <= limits.row + 1);
                if let Ok(row) = row {
                    proptest::prop_assert!(row.cells.iter().all(|c| c.text.len() <= limits.cell));
                    proptest::prop_assert!(row.cells.iter().all(|c| row.text.get(c.span.clone()).is_some()));
                }
                n += 1;
                proptest::prop_assert!(n <= bytes.len() + 1);
            }
        }
    }
}
