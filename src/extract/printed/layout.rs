//! The pieces of a filing that printed deadlines are read from, whatever
//! the layout: a sentence of prose (or a clause of one, when its clauses
//! print deadlines for different purposes), a line or cell standing alone
//! ("No later than", "December 1, 2025"), and the rows of a table, cells
//! joined, with the roles its column headers give ("Opens", "Closes")
//! written in before the dates. A table whose columns are the purposes
//! ("Rule 14a-8 proposals", "Proxy access") is read a column at a time.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::super::dates;
use super::super::offsets::Offsets;
use super::super::text::{Cell, Doc, Format, Sentence};
use super::Purpose;
use super::purpose::purpose_of;
use super::window::{Role, ends_a_sentence, role_of};

/// How a piece is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A sentence or a clause of prose.
    Prose,
    /// A line or table cell standing alone, without a sentence's end: a
    /// label, a role ("No later than"), a date.
    Fragment,
    /// A row (or a column) of a table, its cells joined.
    Row,
}

/// A piece of the filing to read deadlines from.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// What is read: the text, with the roles of a table's headers
    /// written in before its dates.
    pub text: String,
    /// For each byte of `text`, its offset in the file.
    pub offsets: Offsets,
    /// The text as printed (a table's cells parted by ` | `).
    pub shown: String,
    pub kind: Kind,
    /// The purpose a table's column header gives.
    pub hint: Option<Purpose>,
}

impl Unit {
    /// The file offset of byte `i` of `text`.
    pub(super) fn offset(&self, i: usize) -> usize {
        self.offsets
            .get(i)
            .or_else(|| self.offsets.last())
            .unwrap_or(0)
    }

    fn new(text: &str, offsets: Offsets, kind: Kind) -> Unit {
        Unit {
            text: text.to_owned(),
            offsets,
            shown: text.to_owned(),
            kind,
            hint: None,
        }
    }

    /// Appends `text` (mapped to `offsets`), after a space.
    fn push(&mut self, text: &str, offsets: &Offsets) {
        if !self.text.is_empty() {
            let at = self.offsets.last().unwrap_or(0);
            self.text.push(' ');
            self.offsets.push(at);
        }
        self.text.push_str(text);
        self.offsets.extend(offsets);
    }

    /// Appends words that are not in the file (a header's role), mapped
    /// to file offset `at`.
    fn push_words(&mut self, words: &str, at: usize) {
        if !self.text.is_empty() {
            self.text.push(' ');
            self.offsets.push(at);
        }
        self.text.push_str(words);
        for _ in 0..words.len() {
            self.offsets.push(at);
        }
    }
}

/// Bullets that start a list item.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '▪'
            | '●'
            | '◦'
            | '‣'
            | '■'
            | '□'
            | '○'
            | '➢'
            | '–'
            | '—'
            | '-'
            | '*'
            | '§'
    )
}

/// Whether `text` is only bullets and spaces.
pub(super) fn is_bare_bullet(text: &str) -> bool {
    text.chars()
        .all(|c| is_bullet(c) || c.is_whitespace() || c == 'o' && text.trim() == "o")
}

/// The pieces of `doc` in order.
pub(super) fn units(doc: &Doc) -> Vec<Unit> {
    let pieces: Vec<Vec<(Option<Cell>, Range<usize>)>> = if doc.cells.is_empty() {
        Vec::new()
    } else {
        doc.sentences.iter().map(|s| pieces(doc, s)).collect()
    };
    let grids = grids(doc, &pieces);
    let data: BTreeSet<u32> = grids
        .iter()
        .filter(|(_, g)| is_data_table(g))
        .map(|(t, _)| *t)
        .collect();
    let mut out = Vec::new();
    let mut done = BTreeSet::new();
    for (k, s) in doc.sentences.iter().enumerate() {
        let in_data = |c: &Option<Cell>| c.is_some_and(|c| data.contains(&c.table));
        let mine = pieces.get(k).filter(|p| p.iter().any(|(c, _)| in_data(c)));
        let Some(mine) = mine else {
            sentence_units(doc, s, 0..s.text.len(), &mut out);
            continue;
        };
        for (cell, range) in mine {
            match cell {
                Some(c) if data.contains(&c.table) => {
                    if done.insert(c.table) {
                        if let Some(g) = grids.get(&c.table) {
                            table_units(g, &mut out);
                        }
                    }
                }
                _ => sentence_units(doc, s, range.clone(), &mut out),
            }
        }
    }
    join_roles_to_dates(out)
}

/// The first byte of `s` at or after file offset `at`.
fn index_at(s: &Sentence, at: usize) -> usize {
    let (mut lo, mut hi) = (0, s.text.len());
    while lo < hi {
        let mid = usize::midpoint(lo, hi);
        if s.offset(mid) < at {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    while lo < s.text.len() && !s.text.is_char_boundary(lo) {
        lo += 1;
    }
    lo
}

/// `s` cut where table cells begin and end: each piece with its cell.
fn pieces(doc: &Doc, s: &Sentence) -> Vec<(Option<Cell>, Range<usize>)> {
    let n = s.text.len();
    let start = s.offset(0);
    let end = s.offsets.last().unwrap_or(start);
    let mut cuts: Vec<(usize, Option<Cell>)> = vec![(0, doc.cell_at(start))];
    let first = doc.cells.partition_point(|m| m.at <= start);
    for m in doc.cells.get(first..).unwrap_or_default() {
        if m.at > end {
            break;
        }
        let j = index_at(s, m.at);
        match cuts.last_mut() {
            Some(last) if last.0 == j => last.1 = m.cell,
            _ => cuts.push((j, m.cell)),
        }
    }
    let mut out = Vec::new();
    for (i, &(a, cell)) in cuts.iter().enumerate() {
        let b = cuts.get(i + 1).map_or(n, |c| c.0);
        let piece = &s.text[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if a + lead < b - trail {
            out.push((cell, a + lead..b - trail));
        }
    }
    out
}

/// A cell's text.
#[derive(Debug, Default)]
struct Piece {
    text: String,
    offsets: Offsets,
}

/// A table's cells by row and column.
type Grid = BTreeMap<u32, BTreeMap<u32, Piece>>;

fn grids(doc: &Doc, pieces: &[Vec<(Option<Cell>, Range<usize>)>]) -> BTreeMap<u32, Grid> {
    let mut out: BTreeMap<u32, Grid> = BTreeMap::new();
    for (s, ps) in doc.sentences.iter().zip(pieces) {
        for (cell, r) in ps {
            let Some(c) = cell else { continue };
            let piece = out
                .entry(c.table)
                .or_default()
                .entry(c.row)
                .or_default()
                .entry(c.col)
                .or_default();
            if !piece.text.is_empty() {
                let at = piece.offsets.last().unwrap_or(0);
                piece.text.push(' ');
                piece.offsets.push(at);
            }
            piece.text.push_str(&s.text[r.clone()]);
            piece.offsets.extend(&s.offsets.slice(r.start, r.end));
        }
    }
    out
}

/// The longest cell of a table read as data, in bytes: a longer one is
/// prose laid out in a table.
const MAX_CELL: usize = 300;

/// A table of a few short cells, two or more side by side, some holding
/// dates: read by rows and columns. Any other table (a page laid out in
/// cells, a bullet beside its text) is read as prose.
fn is_data_table(g: &Grid) -> bool {
    let cells = || g.values().flat_map(BTreeMap::values);
    g.len() <= 60
        && cells().all(|p| p.text.len() <= MAX_CELL)
        && g.values()
            .any(|r| r.values().filter(|p| !is_bare_bullet(&p.text)).count() >= 2)
        && cells().any(|p| !dates::find(&p.text).is_empty())
}

/// The role a header or row label gives the dates under or beside it
/// ("Earliest date", "Window opens", "Deadline", "Last day").
fn label_role(text: &str) -> Option<Role> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let phrase = |p: &str| lower.contains(p);
    let opens = has("earliest")
        || has("opens")
        || has("open")
        || has("begins")
        || has("start")
        || phrase("first day")
        || phrase("no earlier")
        || phrase("not earlier");
    let closes = has("latest")
        || has("closes")
        || (has("close") && !phrase("close of business"))
        || has("deadline")
        || has("due")
        || has("ends")
        || phrase("last day")
        || phrase("no later")
        || phrase("not later");
    match (opens, closes) {
        (true, false) => Some(Role::Opens),
        (false, true) => Some(Role::Closes),
        _ => None,
    }
}

fn role_words(r: Role) -> Option<&'static str> {
    match r {
        Role::Opens => Some("no earlier than"),
        Role::Closes => Some("no later than"),
        Role::Other => None,
    }
}

/// Whether a cell gives its first date's role in its own words.
pub(super) fn has_own_role(text: &str) -> bool {
    dates::find(text)
        .first()
        .is_some_and(|f| role_of(&text[..f.span.start].to_lowercase()).is_some())
}

fn has_date(p: &Piece) -> bool {
    !dates::find(&p.text).is_empty()
}

/// A table's units: a row at a time, or a column at a time when the
/// header names a different purpose over each column of dates.
fn table_units(g: &Grid, out: &mut Vec<Unit>) {
    let rows: Vec<Vec<(u32, &Piece)>> = g
        .values()
        .map(|r| {
            r.iter()
                .filter(|(_, p)| !is_bare_bullet(&p.text))
                .map(|(c, p)| (*c, p))
                .collect::<Vec<_>>()
        })
        .filter(|r| !r.is_empty())
        .collect();
    let first_dated = rows
        .iter()
        .position(|r| r.iter().any(|(_, p)| has_date(p)))
        .unwrap_or(rows.len());
    let header = rows[..first_dated].iter().rposition(|r| r.len() >= 2);
    let mut header_role: BTreeMap<u32, Role> = BTreeMap::new();
    let mut header_purpose: BTreeMap<u32, Purpose> = BTreeMap::new();
    if let Some(h) = header {
        for (c, p) in &rows[h] {
            if let Some(r) = label_role(&p.text) {
                header_role.insert(*c, r);
            }
            if let Some((purpose, _)) = purpose_of(&p.text.to_lowercase(), true) {
                header_purpose.insert(*c, purpose);
            }
        }
    }
    let data = &rows[header.map_or(0, |h| h + 1)..];
    // Columns of dates under headers naming purposes.
    let dated_cols: Vec<(u32, Purpose)> = header_purpose
        .iter()
        .filter(|(c, _)| {
            data.iter()
                .any(|r| r.iter().any(|(k, p)| k == *c && has_date(p)))
        })
        .map(|(c, p)| (*c, *p))
        .collect();
    let distinct: BTreeSet<Purpose> = dated_cols.iter().map(|(_, p)| *p).collect();
    if distinct.len() >= 2 {
        for (col, purpose) in dated_cols {
            let mut u = Unit::new("", Offsets::default(), Kind::Row);
            let mut shown = Vec::new();
            if let (Some(h), Some(head)) = (
                header,
                header.and_then(|h| rows[h].iter().find(|(c, _)| *c == col)),
            ) {
                let _ = h;
                shown.push(head.1.text.clone());
            }
            for r in data {
                let Some((_, cell)) = r.iter().find(|(c, _)| *c == col) else {
                    continue;
                };
                let label = r.iter().find(|(c, _)| *c < col).map(|(_, p)| *p);
                if let Some(l) = label {
                    shown.push(l.text.clone());
                    let words = label_role(&l.text).and_then(role_words);
                    if let Some(w) = words.filter(|_| !has_own_role(&cell.text)) {
                        u.push_words(w, l.offsets.get(0).unwrap_or(0));
                    }
                }
                shown.push(cell.text.clone());
                u.push(&cell.text, &cell.offsets);
            }
            u.shown = shown.join(" | ");
            u.hint = Some(purpose);
            out.push(u);
        }
        return;
    }
    let hint = if header_purpose.values().collect::<BTreeSet<_>>().len() == 1 {
        header_purpose.values().next().copied()
    } else {
        None
    };
    for r in data {
        let mut u = Unit::new("", Offsets::default(), Kind::Row);
        for (c, p) in r {
            let words = header_role.get(c).copied().and_then(role_words);
            if let Some(w) = words.filter(|_| has_date(p) && !has_own_role(&p.text)) {
                u.push_words(w, p.offsets.get(0).unwrap_or(0));
            }
            u.push(&p.text, &p.offsets);
        }
        u.shown = r
            .iter()
            .map(|(_, p)| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        u.hint = hint;
        out.push(u);
    }
}

/// Whether a line break (a newline in text, a block tag in HTML) comes
/// between bytes `i` and `i + 1` of `s` (byte `i` a space).
fn breaks_line(doc: &Doc, s: &Sentence, i: usize) -> bool {
    let (a, b) = (s.offset(i), s.offset(i + 1));
    let Some(gap) = doc.source.text().get(a..b) else {
        return false;
    };
    if gap.contains('<') {
        let lower = gap.to_ascii_lowercase();
        ["<br", "<p", "</p", "<div", "</div", "<li", "<tr", "</tr"]
            .iter()
            .any(|t| lower.contains(t))
    } else {
        doc.format != Format::Html && gap.contains('\n')
    }
}

/// The longest line read as a cell of a table laid out one cell a line.
const MAX_CELL_LINE: usize = 100;

/// Units of bytes `range` of sentence `s`: the lines of a table laid out
/// a cell to a line; the clauses of a sentence that prints deadlines for
/// several purposes; else the sentence (a fragment when it does not end as
/// one).
fn sentence_units(doc: &Doc, s: &Sentence, range: Range<usize>, out: &mut Vec<Unit>) {
    let text = &s.text[range.clone()];
    let offsets = s.offsets.slice(range.start, range.end);
    if text.trim().is_empty() {
        return;
    }
    let piece = Sentence {
        text: text.to_owned(),
        offsets,
    };
    if !ends_a_sentence(text) {
        let lines = lines_of(doc, &piece);
        if lines.len() >= 2 && lines.iter().all(|r| r.len() <= MAX_CELL_LINE) {
            let cells = lines.iter().skip(1).all(|r| {
                text[r.clone()]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_bullet(c))
            });
            if cells {
                for r in lines {
                    out.push(Unit::new(
                        &text[r.clone()],
                        piece.offsets.slice(r.start, r.end),
                        Kind::Fragment,
                    ));
                }
                return;
            }
        }
        out.push(Unit::new(text, piece.offsets, Kind::Fragment));
        return;
    }
    for r in clauses(text) {
        out.push(Unit::new(
            &text[r.clone()],
            piece.offsets.slice(r.start, r.end),
            Kind::Prose,
        ));
    }
}

/// The lines of a piece, by where the file breaks them.
fn lines_of(doc: &Doc, s: &Sentence) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.text.match_indices(' ') {
        if breaks_line(doc, s, i) {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..s.text.len());
    out
}

/// A sentence cut at its semicolons when two or more of its clauses each
/// name a purpose and print a date ("proposals under Rule 14a-8 must
/// arrive by …; notice under our bylaws must arrive between …"); a clause
/// without a purpose of its own stays with the one before.
fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("; ") {
        parts.push(start..i + 1);
        start = i + 2;
    }
    parts.push(start..text.len());
    let own = |r: &Range<usize>| {
        let t = &text[r.clone()];
        purpose_of(&t.to_lowercase(), true).is_some() && !dates::find(t).is_empty()
    };
    if parts.len() < 2 || parts.iter().filter(|r| own(r)).count() < 2 {
        return std::iter::once(0..text.len()).collect();
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut dated = false;
    for r in parts {
        match out.last_mut() {
            Some(last) if !(dated && own(&r)) => {
                last.end = r.end;
                dated |= !dates::find(&text[r]).is_empty();
            }
            _ => {
                dated = !dates::find(&text[r.clone()]).is_empty();
                out.push(r);
            }
        }
    }
    out
}

/// A line or cell holding only a role ("No later than", "Deadline:")
/// joins the fragment after it when that begins with a date.
fn join_roles_to_dates(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut role_only = false;
    for u in units {
        let starts_with_date = dates::find(&u.text)
            .first()
            .is_some_and(|f| u.text[..f.span.start].trim().is_empty());
        if role_only && u.kind != Kind::Prose && starts_with_date {
            if let Some(last) = out.last_mut() {
                last.push(&u.text, &u.offsets);
                last.shown = format!("{} {}", last.shown, u.shown);
                last.hint = last.hint.or(u.hint);
                role_only = false;
                continue;
            }
        }
        role_only = u.kind == Kind::Fragment
            && u.text.len() <= 60
            && dates::find(&u.text).is_empty()
            && matches!(
                role_of(&u.text.trim_end_matches(':').to_lowercase()),
                Some(Role::Opens | Role::Closes)
            );
        out.push(u);
    }
    out
}
