//! `govcal explain PACK`: a rule pack printed as a rulebook for the lawyer
//! who checks it against the bylaw or rule it restates. Each rule shows the
//! pack's own words (summary, citation, notes) beside English that
//! [`crate::analyse::describe`] generates from the rule's parsed expressions,
//! then its branches, timing and worked cases, as plain text or JSON (the
//! Markdown and HTML rulebook is `cli::explain::counsel`); the same input
//! gives the same bytes.
//!
//! This module lays the words out; it does not choose them (that is
//! `describe`'s job) and computes no dates.

use std::fmt::Write as _;

use serde_json::{Value, json};
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

use crate::analyse::describe::{RuleWords, describe_cond_listed, describe_rule};
use crate::error::{Error, Result};
use crate::model::dates::show_date;
use crate::model::expr::MeetingKind;
use crate::model::facts::{STANDARD_FACTS, fact_phrase};
use crate::model::rule::{Actor, Case, Certainty, Rule, RulePack, Test};

/// One labelled line of a pack or rule: "Citation: …", linked when `url`.
struct Field {
    label: &'static str,
    value: String,
    url: Option<String>,
}

fn field(label: &'static str, value: impl Into<String>) -> Field {
    Field {
        label,
        value: value.into(),
        url: None,
    }
}

/// A worked case in words.
struct CaseRow {
    facts: String,
    expected: String,
    why: String,
}

/// One rule, with its generated English and what a reader needs beside it.
struct Page<'a> {
    rule: &'a Rule,
    words: RuleWords,
    fields: Vec<Field>,
    branches: Vec<String>,
    cases: Vec<CaseRow>,
}

/// The packs and the rules to print.
/// The rulebook of some packs, ready to lay out in any format.
pub struct Book<'a> {
    packs: Vec<(&'a RulePack, Vec<Field>, Vec<Page<'a>>)>,
}

const INTRO: &str = "For each rule, \u{201c}Summary\u{201d} is the rule file's own prose and \u{201c}Generated\u{201d} is English that govcal produces from the rule's date expressions, which are what it computes with. Where the two say different things, the expressions decide govcal's dates.";

impl<'a> Book<'a> {
    /// The rulebook of `packs`, or of the one rule `only` names.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] when no pack has the rule `only` names.
    pub fn new(packs: &[&'a RulePack], only: Option<&str>) -> Result<Book<'a>> {
        let mut out = Vec::new();
        for pack in packs {
            let pages: Vec<Page<'a>> = pack
                .rules
                .iter()
                .filter(|r| only.is_none_or(|id| rule_is(pack, r, id)))
                .map(|r| page(pack, r))
                .collect();
            if only.is_none() || !pages.is_empty() {
                out.push((*pack, pack_fields(pack), pages));
            }
        }
        if let Some(id) = only
            && out.is_empty()
        {
            let known: Vec<String> = packs
                .iter()
                .flat_map(|p| p.rules.iter().map(|r| format!("`{}`", r.id)))
                .collect();
            let names: Vec<&str> = packs.iter().map(|p| p.id.as_str()).collect();
            return Err(Error::usage(
                format!("no rule is called `{id}` in {}", names.join(", ")),
                Some(format!("its rules are {}", known.join(", "))),
            ));
        }
        Ok(Book { packs: out })
    }

    fn title(&self) -> String {
        match self.packs.as_slice() {
            [(p, ..)] => format!("Rulebook: {}", p.title),
            many => format!("Rulebook: {} rule packs", many.len()),
        }
    }

    /// Plain text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}\n", self.title());
        wrap_into(&mut out, INTRO, "", "");
        for (pack, fields, pages) in &self.packs {
            let _ = writeln!(
                out,
                "\n{}\n{}",
                pack.title,
                "=".repeat(pack.title.chars().count())
            );
            text_fields(&mut out, fields, "");
            for p in pages {
                let _ = writeln!(out, "\n{}", p.rule.name());
                text_fields(&mut out, &p.fields, "  ");
                if !p.branches.is_empty() {
                    let _ = writeln!(out, "  Branches, tried in order:");
                    for (i, b) in p.branches.iter().enumerate() {
                        wrap_into(&mut out, b, &format!("    {}. ", i + 1), "       ");
                    }
                }
                if !p.cases.is_empty() {
                    let _ = writeln!(out, "  Worked cases:");
                    for (i, c) in p.cases.iter().enumerate() {
                        let line = format!("{} \u{2192} {}", c.facts, c.expected);
                        wrap_into(&mut out, &line, &format!("    {}. ", i + 1), "       ");
                        if !c.why.is_empty() {
                            wrap_into(&mut out, &format!("Why: {}", c.why), "       ", "       ");
                        }
                    }
                }
            }
        }
        out
    }

    /// JSON.
    ///
    /// # Panics
    ///
    /// Never: a `serde_json::Value` always serializes.
    pub fn json(&self) -> String {
        let packs: Vec<Value> = self
            .packs
            .iter()
            .map(|(pack, _, pages)| {
                json!({
                    "id": pack.id,
                    "title": pack.title,
                    "version": pack.version,
                    "citation": pack.citation,
                    "url": pack.url,
                    "calendar": pack.calendar,
                    "applies_to": pack.applies_to.as_ref().map(|a| a.description.clone()),
                    "notes": pack.notes.as_deref().map(prose),
                    "rules": pages.iter().map(Page::json).collect::<Vec<_>>(),
                })
            })
            .collect();
        let doc = json!({ "govcal": "rulebook", "packs": packs });
        format!(
            "{}\n",
            serde_json::to_string_pretty(&doc).expect("a JSON value always serializes")
        )
    }
}

impl Page<'_> {
    fn json(&self) -> Value {
        let r = self.rule;
        let w = &self.words;
        json!({
            "id": r.id,
            "title": r.title,
            "summary": r.summary,
            "citation": r.citation,
            "url": r.url,
            "english": w.sentence(),
            "applies_when": w.applies,
            "not_applicable": r.not_applicable,
            "branches": w.branches.iter().map(|b| json!({
                "condition": b.condition,
                "otherwise": b.otherwise,
                "label": b.label,
                "citation": b.citation,
                "outcome": b.outcome,
            })).collect::<Vec<_>>(),
            "no_branch": w.no_branch,
            "timing": w.timing.iter().map(|(b, t)| (b.as_str().to_owned(), Value::from(t.as_str()))).collect::<serde_json::Map<_, _>>(),
            "counting": w.counting,
            "business_days": w.business_days,
            "calendar": r.calendar,
            "actor": r.actor,
            "test": r.test,
            "certainty": r.certainty,
            "yields_to": r.yields_to.as_ref().map(|y| json!({
                "tag": y.tag,
                "reason": y.reason,
                "when": y.when.as_ref().map(describe_cond_listed),
            })),
            "checks": r.checks,
            "disclose_in_proxy": r.disclose_in_proxy,
            "tags": r.tags,
            "aliases": r.aliases,
            "notes": r.notes.as_deref().map(prose),
            "cases": r.cases.iter().map(|c| json!({
                "facts": c.facts.iter().map(|(n, d)| (n.to_owned(), Value::from(d.to_string()))).collect::<serde_json::Map<_, _>>(),
                "meeting_kind": c.facts.meeting_kind.as_str(),
                "opens": c.opens.map(|d| d.to_string()),
                "closes": c.closes.map(|d| d.to_string()),
                "status": c.status.as_str(),
                "why": c.why.as_deref().map(prose),
            })).collect::<Vec<_>>(),
        })
    }
}

/// Returns whether `id` (`rule`, an alias, or `pack/rule`) names `rule`.
fn rule_is(pack: &RulePack, rule: &Rule, id: &str) -> bool {
    let (p, r) = id.split_once('/').unwrap_or((pack.id.as_str(), id));
    p == pack.id && (rule.id == r || rule.aliases.iter().any(|a| a == r))
}

fn pack_fields(pack: &RulePack) -> Vec<Field> {
    let mut f = vec![
        field("Pack id", format!("`{}`", pack.id)),
        field("Version", pack.version.clone()),
        Field {
            label: "Source",
            value: pack.citation.clone(),
            url: pack.url.clone(),
        },
    ];
    if let Some(u) = &pack.url {
        f.push(Field {
            label: "URL",
            value: u.clone(),
            url: Some(u.clone()),
        });
    }
    f.push(field(
        "Calendar",
        format!(
            "`{}` (business days and rolls, unless a rule names another)",
            pack.calendar
        ),
    ));
    if let Some(a) = &pack.applies_to {
        f.push(field("Applies to", a.description.clone()));
    }
    if !pack.facts.is_empty() {
        let facts: Vec<String> = pack
            .facts
            .iter()
            .map(|d| format!("`{}`: {}", d.name, d.summary))
            .collect();
        f.push(field("Own facts", facts.join("; ")));
    }
    if let Some(n) = &pack.notes {
        f.push(field("Notes", prose(n)));
    }
    f
}

fn page<'a>(pack: &'a RulePack, rule: &'a Rule) -> Page<'a> {
    let words = describe_rule(rule);
    let mut f = vec![
        field("Rule id", format!("`{}/{}`", pack.id, rule.id)),
        Field {
            label: "Citation",
            value: rule.citation.clone(),
            url: rule.url.clone(),
        },
        field("Summary", prose(&rule.summary)),
        field("Generated", words.sentence()),
    ];
    if let Some(n) = &rule.not_applicable {
        f.push(field("Not applicable", prose(n)));
    }
    if let Some(c) = &words.counting {
        f.push(field("Counting", c.clone()));
    }
    if let Some(b) = &words.business_days {
        f.push(field("Business days", b.clone()));
    }
    if let Some(w) = who_line(rule) {
        f.push(field("Who", w));
    }
    if let Some(c) = rule.certainty {
        f.push(field("Certainty", certainty_words(c)));
    }
    if let Some(y) = &rule.yields_to {
        let only = y
            .when
            .as_ref()
            .map(|c| format!(" and {}", describe_cond_listed(c)))
            .unwrap_or_default();
        f.push(field(
            "Gives way",
            format!(
                "not applicable when another applicable pack has a rule tagged `{}` that applies to the meeting{only}: {}",
                y.tag,
                prose(&y.reason)
            ),
        ));
    }
    if let Some(c) = &rule.checks {
        f.push(field(
            "Checks",
            format!("warns when {} falls outside the window", fact_phrase(c)),
        ));
    }
    if let Some(d) = &rule.disclose_in_proxy {
        f.push(field(
            "Proxy statement",
            format!("next year's date must be printed in this year's proxy statement ({d})"),
        ));
    }
    if !rule.tags.is_empty() {
        let tags: Vec<String> = rule.tags.iter().map(|t| format!("`{t}`")).collect();
        f.push(field("Tags", tags.join(", ")));
    }
    if !rule.aliases.is_empty() {
        let ids: Vec<String> = rule.aliases.iter().map(|t| format!("`{t}`")).collect();
        f.push(field("Former ids", ids.join(", ")));
    }
    if let Some(n) = &rule.notes {
        f.push(field("Notes", prose(n)));
    }
    let branches = if words.branches.len() > 1 || words.applies.is_some() {
        branch_lines(&words)
    } else {
        Vec::new()
    };
    Page {
        rule,
        fields: f,
        branches,
        cases: rule.cases.iter().map(case_row).collect(),
        words,
    }
}

/// One line per branch, with its label and own citation, then what happens
/// when none holds.
fn branch_lines(words: &RuleWords) -> Vec<String> {
    branch_lines_with(words, |l| format!(" Label: \u{201c}{l}\u{201d}."))
}

/// One line per branch, its label written by `label` (the text added after
/// the outcome), then its own citation; first whether the rule applies at
/// all, last what happens when no branch holds.
pub(crate) fn branch_lines_with(words: &RuleWords, label: impl Fn(&str) -> String) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(a) = &words.applies {
        out.push(format!("{}; otherwise it does not apply.", capitalize(a)));
    }
    for b in &words.branches {
        let mut line = match &b.condition {
            Some(_) if b.otherwise => format!("Otherwise: {}.", b.outcome),
            Some(c) => format!("If {c}: {}.", b.outcome),
            None => format!("{}.", capitalize(&b.outcome)),
        };
        if let Some(l) = &b.label {
            line.push_str(&label(l));
        }
        if let Some(c) = &b.citation {
            let _ = write!(line, " Citation: {c}.");
        }
        out.push(line);
    }
    if let Some(n) = &words.no_branch {
        out.push(format!("If none of these holds, {n}."));
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn case_row(c: &Case) -> CaseRow {
    let (facts, expected) = case_facts_and_expected(c);
    CaseRow {
        facts,
        expected,
        why: c.why.as_deref().map(prose).unwrap_or_default(),
    }
}

/// A worked case's facts ("meeting = Tue 25 May 2004, …", the standard
/// facts first in their usual order, then the pack's own by name; "no
/// facts" when none) and what it expects ("opens …, closes …", or its
/// status).
pub(crate) fn case_facts_and_expected(c: &Case) -> (String, String) {
    let mut facts: Vec<String> = Vec::new();
    if c.facts.meeting_kind == MeetingKind::Special {
        facts.push("a special meeting".to_owned());
    }
    let mut given: Vec<(&str, chrono::NaiveDate)> = c.facts.iter().collect();
    given.sort_by_key(|(n, _)| {
        (
            STANDARD_FACTS
                .iter()
                .position(|(s, _)| s == n)
                .unwrap_or(usize::MAX),
            *n,
        )
    });
    facts.extend(
        given
            .iter()
            .map(|(n, d)| format!("{n} = {}", show_date(*d))),
    );
    let mut expected: Vec<String> = Vec::new();
    if let Some(d) = c.opens {
        expected.push(format!("opens {}", show_date(d)));
    }
    if let Some(d) = c.closes {
        expected.push(format!("closes {}", show_date(d)));
    }
    if expected.is_empty() {
        expected.push(c.status.as_str().to_owned());
    }
    let facts = if facts.is_empty() {
        "no facts".to_owned()
    } else {
        facts.join(", ")
    };
    (facts, expected.join(", "))
}

/// Who must act and when the act counts as timely ("the shareholder;
/// timely when received at the principal executive offices"), if the rule
/// says either.
pub fn who_line(rule: &Rule) -> Option<String> {
    let who = rule.actor.map(actor_words);
    let test = rule.test.map(|t| test_words(t, rule.actor));
    match (who, test) {
        (Some(a), Some(t)) => Some(format!("{a}; timely when {t}")),
        (Some(a), None) => Some(a),
        (None, Some(t)) => Some(format!("timely when {t}")),
        (None, None) => None,
    }
}

fn actor_words(a: Actor) -> String {
    match a {
        Actor::Shareholder => "the shareholder",
        Actor::Company => "the company",
        Actor::Dissident => "the dissident (a person soliciting proxies for its own nominees)",
        Actor::Board => "the board of directors",
    }
    .to_owned()
}

fn test_words(t: Test, actor: Option<Actor>) -> String {
    match t {
        Test::Received => "received at the principal executive offices".to_owned(),
        Test::Sent => match actor {
            Some(a) => format!("sent by {}", actor_words(a)),
            None => "sent".to_owned(),
        },
        Test::Postmarked => "postmarked or transmitted electronically".to_owned(),
        Test::Filed => "filed with the SEC".to_owned(),
        Test::Done => "done (a board act such as fixing a record date)".to_owned(),
    }
}

fn certainty_words(c: Certainty) -> String {
    match c {
        Certainty::RuleText => "read from the text of the rule, statute or bylaw",
        Certainty::SecondarySource => {
            "from a secondary source (a practitioner memo or a summary in a filing)"
        }
        Certainty::Practice => "market practice; no authority was found",
    }
    .to_owned()
}

/// Collapses the line breaks and runs of spaces of a TOML multi-line string.
fn prose(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// Plain text

const WIDTH: usize = 79;
const LABEL: usize = 18;

fn text_fields(out: &mut String, fields: &[Field], indent: &str) {
    for f in fields {
        let first = format!("{indent}{:<LABEL$}", format!("{}:", f.label));
        let rest = " ".repeat(indent.len() + LABEL);
        wrap_into(out, &f.value, &first, &rest);
        if let Some(u) = &f.url
            && *u != f.value
            && f.label != "Source"
        {
            wrap_into(out, &format!("<{u}>"), &rest, &rest);
        }
    }
}

/// Writes `text` wrapped at [`WIDTH`] columns: the first line after
/// `first`, the others after `rest`. A word longer than a line stands alone.
///
/// The lines are broken by `textwrap`'s first-fit algorithm over the
/// whitespace-separated words, each counted in characters.
fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let words: Vec<Word<'_>> = text.split_whitespace().map(Word).collect();
    let room = |indent: &str| WIDTH.saturating_sub(indent.chars().count());
    let widths = [as_width(room(first)), as_width(room(rest))];
    for (i, line) in wrap_first_fit(&words, &widths).iter().enumerate() {
        let indent = if i == 0 { first } else { rest };
        let words: Vec<&str> = line.iter().map(|w| w.0).collect();
        let line = format!("{indent}{}", words.join(" "));
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// A word of [`wrap_into`]'s text, as long as its characters.
/// (`textwrap::wrap` would measure display columns instead, a wide CJK
/// character as two and a combining mark or an ANSI escape as none, and
/// so break such text elsewhere than this rulebook does.)
#[derive(Debug)]
pub(crate) struct Word<'a>(pub(crate) &'a str);

impl Fragment for Word<'_> {
    fn width(&self) -> f64 {
        as_width(self.0.chars().count())
    }

    fn whitespace_width(&self) -> f64 {
        1.0
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// A count of characters as `textwrap` measures widths.
pub(crate) fn as_width(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole_and_indents_the_rest() {
        let mut out = String::new();
        let text = "word ".repeat(30);
        wrap_into(&mut out, &text, "  Label: ", "         ");
        for line in out.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
        assert!(out.starts_with("  Label: word"));
        assert!(out.lines().nth(1).unwrap().starts_with("         word"));
        assert_eq!(out.split_whitespace().filter(|w| *w == "word").count(), 30);
    }

    #[test]
    fn wrap_counts_characters_not_display_columns() {
        // Each word is two characters but four display columns wide.
        let mut out = String::new();
        wrap_into(&mut out, &"\u{6f22}\u{5b57} ".repeat(30), "", "");
        let first = out.lines().next().unwrap();
        assert_eq!(first.chars().count(), 26 * 3 - 1, "{out}");
        // An empty text leaves its label, without the trailing spaces.
        let mut out = String::new();
        wrap_into(&mut out, " \n ", "  Label:   ", "         ");
        assert_eq!(out, "  Label:\n");
    }
}
