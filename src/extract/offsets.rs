//! Where each byte of a filing's reduced text (tags stripped, whitespace
//! collapsed) was in the file. Most of the reduced text is copied from the
//! file a stretch at a time, so the map is kept as runs: a run says that
//! from a byte of the text on, the text's bytes are consecutive bytes of the
//! file. A byte per byte map took 8 bytes (later 4) for each byte of text,
//! which for a 100 MB filing was most of the memory `extract` used.
//!
//! Every run starts where the file skips or repeats a byte (a tag, an
//! entity, a run of spaces made one), so there are never more runs than
//! bytes of text, and for prose there is about one run per line.

/// A map from the bytes of a text to their offsets in a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offsets {
    /// (index in the text, offset in the file) of each run's first byte,
    /// in the order of the text. Both fit 32 bits: filings are read up to
    /// 64 MiB (an offset past 4 GiB would stop at the 4 GiB mark).
    runs: Vec<(u32, u32)>,
    /// How many bytes of text are mapped.
    len: usize,
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Offsets {
    /// Maps the next byte of the text to `at` in the file.
    pub(crate) fn push(&mut self, at: usize) {
        let continues = self
            .runs
            .last()
            .is_some_and(|&(start, from)| from as usize + (self.len - start as usize) == at);
        if !continues {
            self.runs.push((small(self.len), small(at)));
        }
        self.len += 1;
    }

    /// Maps the next `n` bytes of the text to `at`, `at + 1`, … (a
    /// character copied from the file).
    pub(crate) fn push_run(&mut self, at: usize, n: usize) {
        for k in 0..n {
            self.push(at + k);
        }
    }

    /// Returns how many bytes of text are mapped.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Returns whether no byte is mapped.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Returns the file offset of byte `i` of the text, if mapped.
    pub fn get(&self, i: usize) -> Option<usize> {
        if i >= self.len {
            return None;
        }
        // The last run starting at or before `i`.
        let k = self.runs.partition_point(|&(start, _)| start as usize <= i);
        let (start, from) = self.runs[k.checked_sub(1)?];
        Some(from as usize + (i - start as usize))
    }

    /// Returns the file offset of the last byte mapped.
    pub fn last(&self) -> Option<usize> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// Adds the bytes mapped by `other` after these.
    pub(crate) fn extend(&mut self, other: &Offsets) {
        for (k, &(start, from)) in other.runs.iter().enumerate() {
            let end = other
                .runs
                .get(k + 1)
                .map_or(other.len, |&(next, _)| next as usize);
            let n = end - start as usize;
            // The first byte may continue this map's last run; the others
            // continue the first.
            self.push(from as usize);
            if n > 1 {
                self.len += n - 1;
            }
        }
    }

    /// Returns the map of bytes `a..b` of the text.
    pub(crate) fn slice(&self, a: usize, b: usize) -> Offsets {
        let b = b.min(self.len);
        let mut out = Offsets::default();
        if a >= b {
            return out;
        }
        let first = self
            .runs
            .partition_point(|&(start, _)| start as usize <= a)
            .saturating_sub(1);
        for (k, &(start, from)) in self.runs.iter().enumerate().skip(first) {
            let start = start as usize;
            if start >= b {
                break;
            }
            let end = self
                .runs
                .get(k + 1)
                .map_or(self.len, |&(next, _)| next as usize)
                .min(b);
            let lo = start.max(a);
            out.runs
                .push((small(out.len), small(from as usize + (lo - start))));
            out.len += end - lo;
        }
        out
    }

    /// Forgets every byte.
    pub(crate) fn clear(&mut self) {
        self.runs.clear();
        self.len = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(at: &[usize]) -> Offsets {
        let mut o = Offsets::default();
        for &a in at {
            o.push(a);
        }
        o
    }

    fn all(o: &Offsets) -> Vec<usize> {
        (0..o.len()).map(|i| o.get(i).unwrap()).collect()
    }

    #[test]
    fn consecutive_bytes_are_one_run() {
        let o = of(&[10, 11, 12, 20, 21, 21, 5]);
        assert_eq!(all(&o), [10, 11, 12, 20, 21, 21, 5]);
        assert_eq!(o.runs.len(), 4);
        assert_eq!(o.get(7), None);
        assert_eq!(o.last(), Some(5));
        assert_eq!(Offsets::default().last(), None);
    }

    #[test]
    fn slices_and_joins_map_what_a_byte_map_would() {
        let at = [3, 4, 5, 9, 9, 10, 11, 30, 31, 2];
        let o = of(&at);
        for a in 0..=at.len() {
            for b in a..=at.len() {
                let s = o.slice(a, b);
                assert_eq!(all(&s), at[a..b], "{a}..{b}");
                let mut joined = of(&at[..a]);
                joined.extend(&s);
                assert_eq!(all(&joined), at[..b], "{a}..{b} joined");
            }
        }
    }
}
