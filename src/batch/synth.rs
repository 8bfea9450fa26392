//! Synthetic portfolios for benchmarks and scale tests: `n` made-up
//! companies whose mix resembles U.S. listed companies — mostly Delaware,
//! split between the NYSE and Nasdaq, annual meetings in spring, last
//! year's proxy statement five to seven weeks before the meeting, most with
//! this year's meeting already set and some moved by more than 30 days, and
//! most with an advance-notice bylaw from the shipped templates.
//!
//! The same `n` and seed always give the same bytes.

use std::io::{self, Write};

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The header the generator writes.
pub const HEADER: &str = "name,state,exchange,zone,packs,prior_meeting,prior_proxy_release,meeting,announcement,record_date\n";

/// splitmix64: small, fast and good enough to spread made-up companies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Picks from `(weight, value)` pairs.
    fn pick<T: Copy>(&mut self, table: &[(u64, T)]) -> T {
        let total: u64 = table.iter().map(|(w, _)| w).sum();
        let mut r = self.below(total);
        for (w, v) in table {
            if r < *w {
                return *v;
            }
            r -= w;
        }
        table[table.len() - 1].1
    }
}

const STATES: [(u64, (&str, &str)); 8] = [
    (66, ("DE", "America/New_York")),
    (6, ("NV", "America/Los_Angeles")),
    (5, ("MD", "America/New_York")),
    (5, ("NY", "America/New_York")),
    (4, ("CA", "America/Los_Angeles")),
    (5, ("TX", "America/Chicago")),
    (5, ("PA", "America/New_York")),
    (4, ("CO", "America/Denver")),
];

const EXCHANGES: [(u64, &str); 3] = [(45, "NYSE"), (50, "Nasdaq"), (5, "NYSE American")];

const PACKS: [(u64, &str); 4] = [
    (25, ""),
    (45, "bylaws/templates/anniversary_window"),
    (
        20,
        "bylaws/templates/anniversary_window;bylaws/templates/proxy_access",
    ),
    (10, "bylaws/templates/meeting_anchored"),
];

const SUFFIXES: [&str; 6] = [
    "Inc.",
    "Corporation",
    "Holdings, Inc.",
    "Corp.",
    "Group",
    "Co.",
];

fn day(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d + Days::new(n.unsigned_abs())
    } else {
        d - Days::new(n.unsigned_abs())
    }
}

/// Writes a portfolio CSV of `n` companies.
///
/// # Errors
///
/// Any error writing to `out`.
pub fn write_portfolio(n: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng(seed);
    out.write_all(HEADER.as_bytes())?;
    let spring = NaiveDate::from_yo_opt(2025, 74).unwrap_or_default();
    for i in 0..n {
        let (state, zone) = rng.pick(&STATES);
        let exchange = rng.pick(&EXCHANGES);
        let packs = rng.pick(&PACKS);
        // Last year's meeting: a Tuesday to Thursday between mid-March and
        // late June.
        let mut prior = day(spring, i64::try_from(rng.below(100)).unwrap_or(0));
        while !matches!(prior.weekday(), Weekday::Tue | Weekday::Wed | Weekday::Thu) {
            prior = day(prior, 1);
        }
        let release = day(prior, -35 - i64::try_from(rng.below(15)).unwrap_or(0));
        // This year's: the same weekday a year later (most), moved more
        // than 30 days (some), or not set yet.
        let meeting = match rng.below(10) {
            0..=5 => Some(day(prior, 364)),
            6 => Some(day(
                prior,
                364 + 7 * (5 + i64::try_from(rng.below(4)).unwrap_or(0)),
            )),
            7 => Some(day(
                prior,
                364 - 7 * (5 + i64::try_from(rng.below(4)).unwrap_or(0)),
            )),
            _ => None,
        };
        let announcement = meeting
            .filter(|_| rng.below(3) > 0)
            .map(|m| day(m, -70 - i64::try_from(rng.below(50)).unwrap_or(0)));
        let record = meeting.map(|m| day(m, -40 - i64::try_from(rng.below(20)).unwrap_or(0)));
        let suffix = SUFFIXES[usize::try_from(rng.below(SUFFIXES.len() as u64)).unwrap_or(0)];
        let name = format!("Synthetic {i:06} {suffix}");
        let quoted = if name.contains(',') {
            format!("\"{name}\"")
        } else {
            name
        };
        let opt = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{quoted},{state},{exchange},{zone},{packs},{prior},{release},{},{},{}",
            opt(meeting),
            opt(announcement),
            opt(record)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        let mut c = Vec::new();
        write_portfolio(200, 7, &mut a).unwrap();
        write_portfolio(200, 7, &mut b).unwrap();
        write_portfolio(200, 8, &mut c).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let text = String::from_utf8(a).unwrap();
        assert_eq!(text.lines().count(), 201);
        // Most companies are in Delaware and most have a meeting date.
        let de = text.lines().filter(|l| l.contains(",DE,")).count();
        assert!((100..170).contains(&de), "{de}");
    }
}
