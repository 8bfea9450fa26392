//! Sets of dates as sorted, disjoint, inclusive intervals of day numbers:
//! how a condition on one missing fact is solved into "the meeting is on or
//! before 14 Apr 2026 or on or after 15 Jul 2026".

use chrono::NaiveDate;

/// Sorted, disjoint, inclusive intervals; `i64::MIN`/`i64::MAX` are open ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranges(pub(crate) Vec<(i64, i64)>);

impl Ranges {
    /// The intervals as dates, `None` for an open end.
    pub fn intervals(&self) -> impl Iterator<Item = (Option<NaiveDate>, Option<NaiveDate>)> + '_ {
        self.0.iter().map(|&(a, b)| {
            (
                (a != i64::MIN).then(|| from_day_number(a)).flatten(),
                (b != i64::MAX).then(|| from_day_number(b)).flatten(),
            )
        })
    }

    /// Every value.
    pub(crate) fn all() -> Self {
        Ranges(vec![(i64::MIN, i64::MAX)])
    }

    /// No value.
    pub(crate) fn none() -> Self {
        Ranges(Vec::new())
    }

    /// `n` and above.
    pub(crate) fn at_least(n: i64) -> Self {
        Ranges(vec![(n, i64::MAX)])
    }

    /// `n` and below.
    pub(crate) fn at_most(n: i64) -> Self {
        Ranges(vec![(i64::MIN, n)])
    }

    /// `lo..=hi`, empty when `lo > hi`; `i64::MIN`/`i64::MAX` are open ends.
    pub(crate) fn between(lo: i64, hi: i64) -> Self {
        Ranges(vec![(lo, hi)]).normal()
    }

    /// Whether `v` is in the set.
    pub fn contains(&self, v: i64) -> bool {
        self.0.iter().any(|&(a, b)| a <= v && v <= b)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn is_all(&self) -> bool {
        self.0 == [(i64::MIN, i64::MAX)]
    }

    /// Values `v` with `v op k`, for the operators of a comparison.
    pub(crate) fn compare(op: crate::model::expr::CmpOp, k: i64) -> Self {
        use crate::model::expr::CmpOp;
        let r = match op {
            CmpOp::Lt => vec![(i64::MIN, k.saturating_sub(1))],
            CmpOp::Le => vec![(i64::MIN, k)],
            CmpOp::Gt => vec![(k.saturating_add(1), i64::MAX)],
            CmpOp::Ge => vec![(k, i64::MAX)],
            CmpOp::Eq => vec![(k, k)],
            CmpOp::Ne => vec![
                (i64::MIN, k.saturating_sub(1)),
                (k.saturating_add(1), i64::MAX),
            ],
        };
        Ranges(r).normal()
    }

    fn normal(mut self) -> Self {
        self.0.retain(|(a, b)| a <= b);
        self.0.sort_unstable();
        let mut out: Vec<(i64, i64)> = Vec::new();
        for (a, b) in self.0 {
            match out.last_mut() {
                Some((_, pb)) if a <= pb.saturating_add(1) => *pb = (*pb).max(b),
                _ => out.push((a, b)),
            }
        }
        Ranges(out)
    }

    pub(crate) fn union(&self, other: &Ranges) -> Ranges {
        let mut v = self.0.clone();
        v.extend(other.0.iter().copied());
        Ranges(v).normal()
    }

    pub(crate) fn complement(&self) -> Ranges {
        let mut out = Vec::new();
        // The first value not yet covered, or None once the top is covered.
        let mut next = Some(i64::MIN);
        for &(a, b) in &self.0 {
            if let Some(n) = next
                && a > n
            {
                out.push((n, a - 1));
            }
            next = (b != i64::MAX).then(|| b + 1);
        }
        if let Some(n) = next {
            out.push((n, i64::MAX));
        }
        Ranges(out)
    }

    pub(crate) fn intersect(&self, other: &Ranges) -> Ranges {
        self.complement().union(&other.complement()).complement()
    }

    /// The mirror image: `{ -v }`.
    pub(crate) fn negate(&self) -> Ranges {
        Ranges(self.0.iter().map(|&(a, b)| (neg(b), neg(a))).collect()).normal()
    }

    /// `{ v + c }`.
    pub(crate) fn shift(&self, c: i64) -> Ranges {
        Ranges(
            self.0
                .iter()
                .map(|&(a, b)| (add(a, c), add(b, c)))
                .collect(),
        )
        .normal()
    }

    /// `{ y : |y| in self }`.
    pub(crate) fn abs_preimage(&self) -> Ranges {
        let nonneg = self.intersect(&Ranges(vec![(0, i64::MAX)]));
        nonneg.union(&nonneg.negate())
    }
}

fn neg(v: i64) -> i64 {
    match v {
        i64::MIN => i64::MAX,
        i64::MAX => i64::MIN,
        v => -v,
    }
}

fn add(v: i64, c: i64) -> i64 {
    match v {
        i64::MIN | i64::MAX => v,
        v => v.saturating_add(c),
    }
}

/// Day number of a date (days from the common era).
pub(crate) fn day_number(d: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// Date of a day number, if chrono can represent it.
pub(crate) fn from_day_number(n: i64) -> Option<NaiveDate> {
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::expr::CmpOp;

    #[test]
    fn complement_and_union_round_trip() {
        let r = Ranges::compare(CmpOp::Gt, 10).union(&Ranges::compare(CmpOp::Lt, -10));
        assert_eq!(r.0, vec![(i64::MIN, -11), (11, i64::MAX)]);
        assert_eq!(r.complement().0, vec![(-10, 10)]);
        assert!(r.union(&r.complement()).is_all());
        assert!(r.intersect(&r.complement()).is_empty());
    }

    #[test]
    fn abs_preimage_of_more_than_thirty() {
        let r = Ranges::compare(CmpOp::Gt, 30).abs_preimage();
        assert_eq!(r.0, vec![(i64::MIN, -31), (31, i64::MAX)]);
    }
}
