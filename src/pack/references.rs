//! References between rules, across every loaded pack: each must name a
//! loaded rule, none may close a cycle, and no chain of them may be longer
//! than [`expr::MAX_REFERENCE_DEPTH`] (evaluation recurses along it).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Diagnostic, SourceFile};
use crate::model::expr::{Expr, ExprKind};
use crate::model::rule::{Outcome, RulePack};
use crate::pack::expr;

/// Reports every cycle of rule references among `packs`, printing the cycle,
/// and every reference to a rule in another pack that is not loaded.
pub(crate) fn check_cycles(packs: &[RulePack]) -> Vec<Diagnostic> {
    references(packs, true)
}

/// Reports every cycle of rule references among `packs`, and nothing else.
pub(crate) fn cycles(packs: &[RulePack]) -> Vec<Diagnostic> {
    references(packs, false)
}

/// Reports cycles among `packs` and, when `missing` is set, references to
/// rules that are not loaded.
fn references(packs: &[RulePack], missing: bool) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    // Edges: (pack, rule) -> [(pack, rule, span in pack file)]
    let mut edges: BTreeMap<Key, Vec<Edge>> = BTreeMap::new();
    let mut sources = BTreeMap::new();
    // (pack, id or alias) -> (pack, id): one lookup per reference, not a
    // scan of every pack, so that thousands of rules load in linear time.
    let mut ids: BTreeMap<(&str, &str), Key> = BTreeMap::new();
    for p in packs {
        for r in &p.rules {
            let key = (p.id.clone(), r.id.clone());
            for name in std::iter::once(&r.id).chain(&r.aliases) {
                ids.entry((&p.id, name)).or_insert_with(|| key.clone());
            }
        }
    }
    for p in packs {
        for r in &p.rules {
            sources.insert((p.id.clone(), r.id.clone()), Arc::clone(&r.source));
            let mut refs = Vec::new();
            let mut unknown = Vec::new();
            let mut visit = |e: &Expr| {
                if let ExprKind::RuleRef { pack, rule, .. } = &e.kind {
                    let pack = pack.as_deref().unwrap_or(&p.id);
                    match ids.get(&(pack, rule.as_str())) {
                        Some((tp, tr)) => refs.push((tp.clone(), tr.clone(), e.span.clone())),
                        None => unknown.push((pack.to_owned(), rule.clone(), e.span.clone())),
                    }
                }
            };
            for b in &r.branches {
                b.when.walk_exprs(&mut visit);
                if let Outcome::Window { opens, closes } = &b.outcome {
                    for e in opens.iter().chain(closes.iter()) {
                        e.walk(&mut visit);
                    }
                }
            }
            for c in r
                .applies_when
                .iter()
                .chain(r.yields_to.as_ref().and_then(|y| y.when.as_ref()))
            {
                c.walk_exprs(&mut visit);
            }
            for (tp, tr, span) in unknown.into_iter().filter(|_| missing) {
                let help = match crate::pack::load::builtin_matches(&tp).as_slice() {
                    [one] => format!(
                        "load the pack that defines it too (the built-in `{}`)",
                        one.name
                    ),
                    _ => "load the pack that defines it too".to_owned(),
                };
                problems.push(
                    Diagnostic::error(&r.source, span, format!("unknown rule `{tp}/{tr}`"))
                        .with_help(help),
                );
            }
            edges.insert((p.id.clone(), r.id.clone()), refs);
        }
    }
    walk_references(&edges, &sources, &mut problems);
    problems
}

/// Where the depth-first search over rule references stands with a rule.
#[derive(Clone, Copy)]
enum Visit {
    /// On the current path: a reference back to it closes a cycle.
    Open,
    /// Finished: the longest chain of references below it, in rules.
    Done(usize),
}

/// Searches the references depth first, with an explicit stack so that a
/// chain of thousands of rules cannot overflow ours: reports each cycle
/// once, and each rule that starts a chain of references longer than
/// [`expr::MAX_REFERENCE_DEPTH`], since evaluation recurses along it. See #18.
fn walk_references(
    edges: &BTreeMap<Key, Vec<Edge>>,
    sources: &BTreeMap<Key, Arc<SourceFile>>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut state: BTreeMap<&Key, Visit> = BTreeMap::new();
    let mut reported = BTreeSet::new();
    for (start, start_edges) in edges {
        if state.contains_key(start) {
            continue;
        }
        state.insert(start, Visit::Open);
        // The path from `start`: each rule with its edges not yet followed.
        let mut path: Vec<(&Key, std::slice::Iter<'_, Edge>)> = vec![(start, start_edges.iter())];
        while let Some((node, todo)) = path.last_mut() {
            let node: &Key = node;
            if let Some((p, r, span)) = todo.next() {
                let next = (p.clone(), r.clone());
                let Some((next, next_edges)) = edges.get_key_value(&next) else {
                    continue; // an unknown rule, reported where it is written
                };
                match state.get(next) {
                    Some(Visit::Open) => {
                        let pos = path.iter().position(|(k, _)| *k == next).unwrap_or(0);
                        let cycle: Vec<&Key> = path[pos..].iter().map(|(k, _)| *k).collect();
                        let mut key = cycle.clone();
                        key.sort();
                        if reported.insert(key) {
                            let names: Vec<String> =
                                cycle.iter().map(|(_, r)| format!("`{r}`")).collect();
                            // The span is in the file of the rule that refers back.
                            problems.push(
                                Diagnostic::error(
                                    &sources[node],
                                    span.clone(),
                                    format!(
                                        "rules depend on each other in a cycle: {} -> {}",
                                        names.join(" -> "),
                                        names[0]
                                    ),
                                )
                                .with_help(
                                    "one of these rules must be computed from facts, not from the others",
                                ),
                            );
                        }
                    }
                    Some(Visit::Done(_)) => {}
                    None => {
                        state.insert(next, Visit::Open);
                        path.push((next, next_edges.iter()));
                    }
                }
                continue;
            }
            // Every reference followed: the chain below `node` is one
            // longer than the longest below the rules it refers to.
            let deepest = edges[node]
                .iter()
                .filter_map(|(p, r, span)| match state.get(&(p.clone(), r.clone())) {
                    Some(Visit::Done(d)) => Some((*d, p, r, span)),
                    _ => None,
                })
                .max_by_key(|(d, ..)| *d);
            let depth = deepest.map_or(0, |(d, ..)| d + 1);
            if depth == expr::MAX_REFERENCE_DEPTH + 1
                && let Some((_, p, r, span)) = deepest
            {
                problems.push(
                    Diagnostic::error(
                        &sources[node],
                        span.clone(),
                        format!(
                            "rule references nested deeper than {} levels",
                            expr::MAX_REFERENCE_DEPTH
                        ),
                    )
                    .with_help(format!(
                        "`{}` refers to `{p}/{r}`, which is computed through {} more references: \
                         compute one of these rules from facts instead of from another rule",
                        node.1,
                        expr::MAX_REFERENCE_DEPTH
                    )),
                );
            }
            state.insert(node, Visit::Done(depth));
            path.pop();
        }
    }
}

type Key = (String, String);
/// A reference to (pack, rule), with its span in the referring file.
type Edge = (String, String, Range<usize>);
