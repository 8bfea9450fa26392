//! The answer of a conditional rule in a normal form. Each case's condition
//! is rewritten as an "or" of "and"s of simple constraints (one fact's
//! dates, the days between two facts, or a condition kept in the rule's
//! words); each "and" is checked for consistency and its bands tightened
//! against what is possible (next year's meeting comes after this one; an
//! announcement, a record date or a proxy release comes no later than its
//! meeting), then impossible cases are dropped, cases with the same answer
//! merged, and bands that differ in one fact only joined.
//!
//! Consistency and tightening treat each "and" as a system of difference
//! constraints (`x - y <= c` over day numbers) and close it with
//! Floyd–Warshall: the system is consistent exactly when no cycle is
//! negative, and each fact's tightest band is then read off the closure.

use std::collections::BTreeMap;

use super::condition::{Condition, season_rank};
use super::{Answer, Case};
use crate::model::expr::Cond;
use crate::model::facts::Facts;
use crate::model::ranges::{Ranges, day_number};

/// The order facts must keep: `(later, earlier, gap)` means `later -
/// earlier >= gap` days. These are facts about any meeting, not rules.
const ORDER: &[(&str, &str, i64)] = &[
    ("meeting", "prior_meeting", 1),
    ("meeting", "announcement", 0),
    ("meeting", "record_date", 0),
    ("meeting", "proxy_release", 0),
    ("meeting", "notice_mailing", 0),
    ("meeting", "preliminary_filing", 0),
    ("meeting", "definitive_filing", 0),
    ("prior_meeting", "prior_proxy_release", 0),
];

/// Past this many "and"s a condition is left as evaluation wrote it.
const MAX_TERMS: usize = 256;

/// One "and" of simple constraints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Conj<'p> {
    /// Each fact's dates.
    bands: BTreeMap<String, Ranges>,
    /// Days between two facts: `(fact, minus)` to `fact - minus`.
    apart: BTreeMap<(String, String), Ranges>,
    /// Conditions kept in words: the condition, its facts, and whether it
    /// must hold (`true`) or fail.
    words: Vec<(&'p Cond, Vec<String>, bool)>,
}

impl<'p> Conj<'p> {
    fn and(&self, other: &Conj<'p>) -> Option<Conj<'p>> {
        let mut out = self.clone();
        for (f, r) in &other.bands {
            let r = match out.bands.get(f) {
                Some(mine) => mine.intersect(r),
                None => r.clone(),
            };
            if r.is_empty() {
                return None;
            }
            out.bands.insert(f.clone(), r);
        }
        for (k, r) in &other.apart {
            let r = match out.apart.get(k) {
                Some(mine) => mine.intersect(r),
                None => r.clone(),
            };
            if r.is_empty() {
                return None;
            }
            out.apart.insert(k.clone(), r);
        }
        for w in &other.words {
            match out
                .words
                .iter()
                .find(|(c, _, _)| std::ptr::eq(*c, w.0) || **c == *w.0)
            {
                Some((_, _, holds)) if *holds != w.2 => return None,
                Some(_) => {}
                None => out.words.push(w.clone()),
            }
        }
        Some(out)
    }

    /// Whether every assignment satisfying `self` satisfies `other`.
    fn implies(&self, other: &Conj<'p>) -> bool {
        other.bands.iter().all(|(f, r)| {
            self.bands
                .get(f)
                .is_some_and(|mine| mine.intersect(&r.complement()).is_empty())
        }) && other.apart.iter().all(|(k, r)| {
            self.apart
                .get(k)
                .is_some_and(|mine| mine.intersect(&r.complement()).is_empty())
        }) && other.words.iter().all(|w| {
            self.words
                .iter()
                .any(|m| (std::ptr::eq(m.0, w.0) || *m.0 == *w.0) && m.2 == w.2)
        })
    }
}

/// The "or" of "and"s equal to `c` (or to its negation when `holds` is
/// false); `None` past [`MAX_TERMS`].
fn dnf<'p>(c: &Condition<'p>, holds: bool) -> Option<Vec<Conj<'p>>> {
    let one = |conj: Conj<'p>| Some(vec![conj]);
    match c {
        Condition::Dates { fact, ranges } => one(Conj {
            bands: BTreeMap::from([(
                fact.clone(),
                if holds {
                    ranges.clone()
                } else {
                    ranges.complement()
                },
            )]),
            ..Conj::default()
        }),
        Condition::Apart { fact, minus, days } => one(Conj {
            apart: BTreeMap::from([(
                (fact.clone(), minus.clone()),
                if holds {
                    days.clone()
                } else {
                    days.complement()
                },
            )]),
            ..Conj::default()
        }),
        Condition::Unsolved { cond, facts } => one(Conj {
            words: vec![(*cond, facts.clone(), holds)],
            ..Conj::default()
        }),
        Condition::Not(inner) => dnf(inner, !holds),
        Condition::All(parts) | Condition::Any(parts) => {
            // "all" that holds, or "any" that fails, is a product.
            let product = matches!(c, Condition::All(_)) == holds;
            let mut acc: Vec<Conj<'p>> = if product {
                vec![Conj::default()]
            } else {
                Vec::new()
            };
            for p in parts {
                let terms = dnf(p, holds)?;
                if product {
                    let mut next = Vec::new();
                    for a in &acc {
                        for b in &terms {
                            if let Some(both) = a.and(b) {
                                next.push(both);
                            }
                        }
                    }
                    acc = next;
                } else {
                    acc.extend(terms);
                }
                if acc.len() > MAX_TERMS {
                    return None;
                }
            }
            Some(acc)
        }
    }
}

/// What the known facts say about the missing ones: a band per fact, and
/// the order between two missing facts.
struct Possible {
    bands: BTreeMap<String, Ranges>,
    order: Vec<(String, String, i64)>,
}

impl Possible {
    fn new(facts: &Facts) -> Self {
        let mut bands: BTreeMap<String, Ranges> = BTreeMap::new();
        let mut order = Vec::new();
        for &(later, earlier, gap) in ORDER {
            match (facts.get(later), facts.get(earlier)) {
                (Some(_), Some(_)) => {}
                (None, Some(e)) => {
                    let r = Ranges::at_least(day_number(e) + gap);
                    let b = bands.entry(later.to_owned()).or_insert_with(Ranges::all);
                    *b = b.intersect(&r);
                }
                (Some(l), None) => {
                    let r = Ranges::at_most(day_number(l) - gap);
                    let b = bands.entry(earlier.to_owned()).or_insert_with(Ranges::all);
                    *b = b.intersect(&r);
                }
                (None, None) => order.push((later.to_owned(), earlier.to_owned(), gap)),
            }
        }
        Possible { bands, order }
    }
}

/// Infinity for the closure.
const INF: i128 = i128::MAX / 4;

/// Checks `conj` against what is possible and tightens its bands; `None`
/// when it cannot hold.
fn settle<'p>(mut conj: Conj<'p>, possible: &Possible) -> Option<Conj<'p>> {
    // The facts this "and" constrains, each clamped to what is possible.
    let mut vars: Vec<String> = conj.bands.keys().cloned().collect();
    for (a, b) in conj.apart.keys() {
        for f in [a, b] {
            if !vars.contains(f) {
                vars.push(f.clone());
            }
        }
    }
    for f in &vars {
        if let Some(p) = possible.bands.get(f) {
            let r = conj
                .bands
                .get(f)
                .map_or_else(|| p.clone(), |r| r.intersect(p));
            if r.is_empty() {
                return None;
            }
            conj.bands.insert(f.clone(), r);
        }
    }
    let index = |f: &str| vars.iter().position(|v| v == f).map(|i| i + 1);
    // Each band and each gap may be several intervals: every choice of one
    // interval each is a system of difference constraints.
    let mut choices: Vec<Vec<(usize, usize, i64, i64)>> = vec![Vec::new()];
    let mut add = |x: usize, y: usize, r: &Ranges| {
        let mut next = Vec::new();
        for c in &choices {
            for &(l, h) in &r.0 {
                let mut c = c.clone();
                c.push((x, y, l, h));
                next.push(c);
            }
        }
        choices = next;
        choices.len() <= MAX_TERMS
    };
    for (f, r) in &conj.bands {
        if !add(index(f)?, 0, r) {
            return Some(conj);
        }
    }
    for ((a, b), r) in &conj.apart {
        if !add(index(a)?, index(b)?, r) {
            return Some(conj);
        }
    }
    let order: Vec<(usize, usize, i64)> = possible
        .order
        .iter()
        .filter_map(|(l, e, g)| Some((index(l)?, index(e)?, *g)))
        .collect();
    let n = vars.len() + 1;
    let mut tight: Vec<Ranges> = vec![Ranges::none(); n];
    let mut any = false;
    for choice in &choices {
        // d[i][j] bounds x_j - x_i from above; x_0 is day zero.
        let mut d = vec![vec![INF; n]; n];
        for (i, row) in d.iter_mut().enumerate() {
            row[i] = 0;
        }
        for &(x, y, l, h) in choice {
            if h != i64::MAX {
                d[y][x] = d[y][x].min(i128::from(h));
            }
            if l != i64::MIN {
                d[x][y] = d[x][y].min(-i128::from(l));
            }
        }
        for &(x, y, g) in &order {
            d[x][y] = d[x][y].min(-i128::from(g));
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if d[i][k] < INF && d[k][j] < INF {
                        d[i][j] = d[i][j].min(d[i][k] + d[k][j]);
                    }
                }
            }
        }
        if (0..n).any(|i| d[i][i] < 0) {
            continue;
        }
        any = true;
        for (x, t) in tight.iter_mut().enumerate().skip(1) {
            let lo = if d[x][0] >= INF {
                i64::MIN
            } else {
                i64::try_from(-d[x][0]).unwrap_or(i64::MIN)
            };
            let hi = if d[0][x] >= INF {
                i64::MAX
            } else {
                i64::try_from(d[0][x]).unwrap_or(i64::MAX)
            };
            *t = t.union(&Ranges::between(lo, hi));
        }
    }
    if !any {
        return None;
    }
    for (i, f) in vars.iter().enumerate() {
        let t = &tight[i + 1];
        if t.is_all() {
            conj.bands.remove(f);
        } else {
            conj.bands.insert(f.clone(), t.clone());
        }
    }
    // A gap the bands already imply says nothing more.
    let bands = conj.bands.clone();
    conj.apart.retain(|(a, b), r| {
        let (Some(ra), Some(rb)) = (bands.get(a), bands.get(b)) else {
            return true;
        };
        let mut span = Ranges::none();
        for &(a1, a2) in &ra.0 {
            for &(b1, b2) in &rb.0 {
                let lo = if a1 == i64::MIN || b2 == i64::MAX {
                    i64::MIN
                } else {
                    a1 - b2
                };
                let hi = if a2 == i64::MAX || b1 == i64::MIN {
                    i64::MAX
                } else {
                    a2 - b1
                };
                span = span.union(&Ranges::between(lo, hi));
            }
        }
        !span.intersect(&r.complement()).is_empty()
    });
    Some(conj)
}

/// Whether two answers are the same.
fn same_answer(a: &Case<'_>, b: &Case<'_>) -> bool {
    let bound = |x: &Option<Answer<'_>>, y: &Option<Answer<'_>>| match (x, y) {
        (None, None) => true,
        (Some(Answer::Date(p)), Some(Answer::Date(q))) => p == q,
        (
            Some(Answer::Pending { expr: e, roll: r }),
            Some(Answer::Pending { expr: f, roll: s }),
        ) => std::ptr::eq(*e, *f) && r == s,
        _ => false,
    };
    bound(&a.opens, &b.opens)
        && bound(&a.closes, &b.closes)
        && a.unspecified == b.unspecified
        && a.not_applicable == b.not_applicable
}

/// Drops "and"s another one covers, and joins two that differ only in one
/// fact's band.
fn tidy(mut terms: Vec<Conj<'_>>) -> Vec<Conj<'_>> {
    loop {
        let mut changed = false;
        'outer: for i in 0..terms.len() {
            for j in 0..terms.len() {
                if i == j {
                    continue;
                }
                if terms[i].implies(&terms[j]) {
                    terms.remove(i);
                    changed = true;
                    break 'outer;
                }
                if let Some(joined) = join(&terms[i], &terms[j]) {
                    terms[i] = joined;
                    terms.remove(j);
                    changed = true;
                    break 'outer;
                }
            }
        }
        if !changed {
            return terms;
        }
    }
}

/// `a or b` as one "and", when they differ in one fact's band only.
fn join<'p>(a: &Conj<'p>, b: &Conj<'p>) -> Option<Conj<'p>> {
    if a.apart != b.apart || !a.words.iter().all(|w| b.words.contains(w)) {
        return None;
    }
    if a.words.len() != b.words.len() || a.bands.len() != b.bands.len() {
        return None;
    }
    let differ: Vec<&String> = a
        .bands
        .iter()
        .filter(|(f, r)| b.bands.get(*f) != Some(*r))
        .map(|(f, _)| f)
        .collect();
    let [f] = differ.as_slice() else {
        return None;
    };
    let mut out = a.clone();
    let r = a.bands[*f].union(b.bands.get(*f)?);
    if r.is_all() {
        out.bands.remove(*f);
    } else {
        out.bands.insert((*f).clone(), r);
    }
    Some(out)
}

/// One "and" as a condition; `None` when it has no constraint.
fn conj_condition<'p>(c: Conj<'p>) -> Option<Condition<'p>> {
    let mut parts: Vec<Condition<'p>> = Vec::new();
    // The meeting first, then the facts of the season backwards.
    let mut bands: Vec<(String, Ranges)> = c.bands.into_iter().collect();
    bands.sort_by_key(|(f, _)| std::cmp::Reverse(season_rank(f)));
    for (fact, ranges) in bands {
        parts.push(Condition::Dates { fact, ranges });
    }
    for ((fact, minus), days) in c.apart {
        parts.push(Condition::Apart { fact, minus, days });
    }
    for (cond, facts, holds) in c.words {
        let w = Condition::Unsolved { cond, facts };
        parts.push(if holds {
            w
        } else {
            Condition::Not(Box::new(w))
        });
    }
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Condition::All(parts)),
    }
}

/// Puts a conditional answer's cases in the normal form described above,
/// given the facts that are known. Cases that cannot happen are dropped;
/// a condition too large to rewrite is left as it was.
pub(super) fn simplify<'p>(cases: Vec<Case<'p>>, facts: &Facts) -> Vec<Case<'p>> {
    let possible = Possible::new(facts);
    let mut terms: Vec<Vec<Conj<'p>>> = Vec::new();
    for c in &cases {
        let t = match &c.when {
            None => Some(vec![Conj::default()]),
            Some(cond) => dnf(cond, true),
        };
        let Some(t) = t else {
            return cases;
        };
        terms.push(t.into_iter().filter_map(|t| settle(t, &possible)).collect());
    }
    // Cases with the same answer become one.
    let mut out: Vec<(Case<'p>, Vec<Conj<'p>>)> = Vec::new();
    for (case, t) in cases.into_iter().zip(terms) {
        if t.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(c, _)| same_answer(c, &case)) {
            Some((_, mine)) => mine.extend(t),
            None => out.push((case, t)),
        }
    }
    out.into_iter()
        .map(|(mut case, t)| {
            let mut conds: Vec<Condition<'p>> = Vec::new();
            let mut always = false;
            for conj in tidy(t) {
                match conj_condition(conj) {
                    Some(c) => conds.push(c),
                    None => always = true,
                }
            }
            case.when = if always {
                None
            } else if conds.len() == 1 {
                conds.pop()
            } else {
                Some(Condition::Any(conds))
            };
            case
        })
        .collect()
}
