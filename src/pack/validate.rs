//! Cross-field checks on a parsed pack: ids, names of facts, calendars and
//! rules, expression syntax and types, time-of-day specs, worked cases.
//! Reports every problem, not the first. Cycles between rules are checked
//! across all loaded packs by [`check_cycles`](crate::pack::references::check_cycles).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile, did_you_mean};
use crate::model::calendar::{Calendar, Roll};
use crate::model::dates::{parse_clock, parse_zone};
use crate::model::expr::{Cond, Expr, ExprKind};
use crate::model::facts::{Facts, STANDARD_FACTS};
use crate::model::rule::Status;
use crate::model::rule::{
    AppliesTo, Branch, Case, FactDecl, Outcome, Quote, Rule, RulePack, TimeSpec, Yield,
};
use crate::pack::consistency::{Given, Input, Origins, check_facts};
use crate::pack::expr;
use crate::pack::expr::ExprError;
use crate::pack::profile::fact_value;
use crate::pack::schema::{RawAppliesTo, RawCase, RawPack, RawRule};

/// Returns the byte offset where a TOML string's content starts, given the
/// span of the whole string value (quotes included).
fn content_offset(src: &SourceFile, span: &Range<usize>) -> usize {
    let rest = src.text().get(span.start..).unwrap_or_default();
    if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        span.start + 3
    } else {
        span.start + 1
    }
}

fn is_snake_case(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

struct Ctx<'a> {
    src: &'a Arc<SourceFile>,
    problems: Vec<Diagnostic>,
    /// Warnings found while reading values (a zone whose name inverts the
    /// sign of its offset).
    warnings: Vec<Diagnostic>,
    facts: BTreeSet<String>,
    rules: BTreeSet<String>,
    calendars: &'a BTreeMap<String, Arc<Calendar>>,
}

impl Ctx<'_> {
    fn expr_error(&mut self, base: usize, e: ExprError) {
        self.problems.push(
            Diagnostic::error(self.src, e.span.start + base..e.span.end + base, e.message)
                .with_help_opt(e.help),
        );
    }

    fn check_calendar(&mut self, name: &str, span: Range<usize>) {
        if !self.calendars.contains_key(name) {
            self.problems.push(
                Diagnostic::error(self.src, span, format!("unknown calendar `{name}`"))
                    .with_help_opt(did_you_mean(
                        name,
                        self.calendars.keys().map(String::as_str),
                    )),
            );
        }
    }

    /// Checks names inside an already shifted expression.
    fn check_names(&mut self, e: &Expr) {
        let mut found: Vec<(String, Range<usize>, bool)> = Vec::new();
        let mut cals: Vec<(String, Range<usize>)> = Vec::new();
        e.walk(&mut |node| match &node.kind {
            ExprKind::Fact(name) => found.push((name.clone(), node.span.clone(), true)),
            ExprKind::RuleRef {
                pack: None, rule, ..
            } => found.push((
                rule.clone(),
                node.span.start..node.span.start + rule.len(),
                false,
            )),
            ExprKind::Shift { by, .. } => {
                if let Some((c, s)) = &by.calendar {
                    cals.push((c.clone(), s.clone()));
                }
            }
            _ => {}
        });
        for (name, span, is_fact) in found {
            if is_fact {
                if name == "meeting_kind" {
                    self.problems.push(
                        Diagnostic::error(self.src, span, "`meeting_kind` is not a date")
                            .with_help("compare it in a condition: `meeting_kind == special`"),
                    );
                } else if !self.facts.contains(&name) {
                    let help = did_you_mean(&name, self.facts.iter().map(String::as_str));
                    self.problems.push(
                        Diagnostic::error(self.src, span, format!("unknown fact `{name}`"))
                            .with_help_opt(help.or_else(|| {
                                Some(
                                    "declare it in a `[[fact]]` table, or use a standard fact"
                                        .to_owned(),
                                )
                            })),
                    );
                }
            } else if !self.rules.contains(&name) {
                let help = did_you_mean(&name, self.rules.iter().map(String::as_str));
                self.problems.push(
                    Diagnostic::error(self.src, span, format!("unknown rule `{name}`"))
                        .with_help_opt(help),
                );
            }
        }
        for (c, s) in cals {
            self.check_calendar(&c, s);
        }
    }

    fn expr(&mut self, raw: &Spanned<String>) -> Option<Expr> {
        let base = content_offset(self.src, &raw.span());
        match expr::parse_expr(raw.get_ref()) {
            Ok(e) => {
                let e = e.shifted(base);
                let mut errors = Vec::new();
                match e.check(&mut errors) {
                    Some(expr::Type::Date) => {}
                    Some(expr::Type::Days) => errors.push(ExprError {
                        span: e.span.clone(),
                        message: "expected a date, found a number of days".to_owned(),
                        help: None,
                    }),
                    None => {}
                }
                // The expression was shifted into the file, so its errors are too.
                let ok = errors.is_empty();
                for err in errors {
                    self.expr_error(0, err);
                }
                self.check_names(&e);
                ok.then_some(e)
            }
            Err(err) => {
                self.expr_error(base, err);
                None
            }
        }
    }

    fn cond(&mut self, raw: &Spanned<String>) -> Option<Cond> {
        let base = content_offset(self.src, &raw.span());
        match expr::parse_cond(raw.get_ref()) {
            Ok(c) => {
                let c = c.shifted(base);
                let mut errors = Vec::new();
                c.check(&mut errors);
                let ok = errors.is_empty();
                for err in errors {
                    self.expr_error(0, err);
                }
                let mut tops = Vec::new();
                top_exprs(&c, &mut tops);
                for e in tops {
                    self.check_names(&e);
                }
                let mut named = Vec::new();
                c.walk_named_facts(&mut |n, s| named.push((n.to_owned(), s.clone())));
                for (n, s) in named {
                    if n == "meeting_kind" {
                        self.problems.push(
                            Diagnostic::error(
                                self.src,
                                s,
                                "`meeting_kind` is never missing: it defaults to `annual`",
                            )
                            .with_help("test it with `meeting_kind == special`"),
                        );
                    } else if !self.facts.contains(&n) {
                        let help = did_you_mean(&n, self.facts.iter().map(String::as_str));
                        self.problems.push(
                            Diagnostic::error(self.src, s, format!("unknown fact `{n}`"))
                                .with_help_opt(help),
                        );
                    }
                }
                ok.then_some(c)
            }
            Err(err) => {
                self.expr_error(base, err);
                None
            }
        }
    }

    fn time_spec(&mut self, raw: &Spanned<String>) -> Option<TimeSpec> {
        let text = raw.get_ref().trim();
        if text == "close_of_business" {
            return Some(TimeSpec::CloseOfBusiness);
        }
        let mut parts = text.split_whitespace();
        let clock = parts.next().unwrap_or_default();
        let zone = parts.next();
        let span = raw.span();
        let time = match parse_clock(clock) {
            Ok(t) => t,
            Err(e) => {
                self.problems.push(
                    Diagnostic::error(self.src, span, e.message).with_help(
                        "write `close_of_business`, a time such as `17:00`, or a time and zone such as `17:30 America/New_York`",
                    ),
                );
                return None;
            }
        };
        let zone = match zone {
            None => None,
            Some(z) => match parse_zone(z) {
                Ok(zone) => {
                    if let Some(offset) = zone.inverted_sign() {
                        let start =
                            content_offset(self.src, &span) + raw.get_ref().find(z).unwrap_or(0);
                        self.warnings.push(
                            Diagnostic::warning(
                                self.src,
                                start..start + z.len(),
                                format!(
                                    "`{z}` is UTC{offset}: POSIX zone names give the sign of the offset reversed"
                                ),
                            )
                            .with_help(format!(
                                "write `{clock} {offset}` to say the same offset plainly"
                            )),
                        );
                    }
                    Some(zone)
                }
                Err(e) => {
                    let start =
                        content_offset(self.src, &span) + raw.get_ref().find(z).unwrap_or(0);
                    self.problems.push(
                        Diagnostic::error(self.src, start..start + z.len(), e.message)
                            .with_help_opt(e.help),
                    );
                    return None;
                }
            },
        };
        if parts.next().is_some() {
            self.problems.push(Diagnostic::error(
                self.src,
                span,
                format!("`{text}` is not a time of day"),
            ));
            return None;
        }
        Some(TimeSpec::Clock { time, zone })
    }
}

/// Collects the two sides of every comparison in `c`.
fn top_exprs(c: &Cond, out: &mut Vec<Expr>) {
    match c {
        Cond::Cmp { lhs, rhs, .. } => {
            out.push(lhs.clone());
            out.push(rhs.clone());
        }
        Cond::Not(c) => top_exprs(c, out),
        Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| top_exprs(c, out)),
        Cond::Otherwise(_) | Cond::Missing(..) | Cond::Present(..) | Cond::KindIs { .. } => {}
    }
}

/// Checks what no single value can check alone; reports every problem, not
/// the first. Warnings (a rule without a citation or worked cases) come
/// back with the pack.
pub(crate) fn validate(
    src: &Arc<SourceFile>,
    raw: &RawPack,
    calendars: &BTreeMap<String, Arc<Calendar>>,
    imported: &[Rule],
    imported_facts: &[FactDecl],
) -> Result<(RulePack, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut facts: BTreeSet<String> = STANDARD_FACTS
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .chain(imported_facts.iter().map(|f| f.name.clone()))
        .collect();
    let mut cx = Ctx {
        src,
        problems: Vec::new(),
        warnings: Vec::new(),
        facts: BTreeSet::new(),
        rules: raw
            .rule
            .iter()
            .flat_map(|r| std::iter::once(r.id.get_ref().clone()).chain(r.aliases.iter().cloned()))
            .chain(
                imported
                    .iter()
                    .flat_map(|r| std::iter::once(r.id.clone()).chain(r.aliases.iter().cloned())),
            )
            .collect(),
        calendars,
    };
    let header = &raw.pack;
    if !is_snake_case(header.id.get_ref()) {
        cx.problems.push(
            Diagnostic::error(
                src,
                header.id.span(),
                format!("pack id `{}` is not snake_case", header.id.get_ref()),
            )
            .with_help("use lowercase letters, digits and `_`"),
        );
    }
    let calendar = match &header.calendar {
        Some(c) => {
            cx.check_calendar(c.get_ref(), c.span());
            c.get_ref().clone()
        }
        None => "us_federal".to_owned(),
    };
    let applies_to = header.applies_to.as_ref().map(|a| applies_to(&mut cx, a));
    let mut decls = Vec::new();
    for f in &raw.fact {
        let name = f.name.get_ref();
        if !is_snake_case(name) {
            cx.problems.push(Diagnostic::error(
                src,
                f.name.span(),
                format!("fact name `{name}` is not snake_case"),
            ));
        } else if !facts.insert(name.clone()) {
            cx.problems.push(Diagnostic::error(
                src,
                f.name.span(),
                format!("fact `{name}` is already defined"),
            ));
        }
        decls.push(FactDecl {
            name: name.clone(),
            summary: f.summary.clone(),
        });
    }
    cx.facts = facts;
    let mut seen: BTreeMap<String, Range<usize>> = BTreeMap::new();
    let mut titles: BTreeMap<String, Range<usize>> = BTreeMap::new();
    let mut warnings = Vec::new();
    let mut rules: Vec<Rule> = imported.to_vec();
    decls.extend(imported_facts.iter().cloned());
    for r in &raw.rule {
        let id = r.id.get_ref();
        if !is_snake_case(id) {
            cx.problems.push(
                Diagnostic::error(
                    src,
                    r.id.span(),
                    format!("rule id `{id}` is not snake_case"),
                )
                .with_help("use lowercase letters, digits and `_`"),
            );
        }
        if let Some(first) = seen.get(id) {
            let (line, _) = src.line_col(first.start);
            cx.problems.push(Diagnostic::error(
                src,
                r.id.span(),
                format!("rule `{id}` is defined twice; first defined on line {line}"),
            ));
        } else if let Some(other) = imported.iter().find(|i| &i.id == id) {
            cx.problems.push(
                Diagnostic::error(
                    src,
                    r.id.span(),
                    format!(
                        "rule `{id}` is already defined by `{}`",
                        other.source.shown_name()
                    ),
                )
                .with_help("give the `[[use]]` an `id`, or rename this rule"),
            );
        } else {
            seen.insert(id.clone(), r.id.span());
        }
        match &r.citation {
            None => warnings.push(
                Diagnostic::warning(src, r.id.span(), format!("rule `{id}` has no citation"))
                    .with_help("add `citation = \"...\"` naming the subsection"),
            ),
            Some(c) if c.get_ref().trim().is_empty() => warnings.push(
                Diagnostic::warning(src, c.span(), format!("rule `{id}` has an empty citation"))
                    .with_help("name the section or subsection the rule comes from"),
            ),
            Some(_) => {}
        }
        title_problems(src, r, &mut titles, &mut cx.problems, &mut warnings);
        if r.case.is_empty() {
            warnings.push(Diagnostic::warning(
                src,
                r.id.span(),
                format!("rule `{id}` has no worked cases"),
            ));
        }
        if let Some(rule) = rule(&mut cx, r, &calendar, header.leap_day.unwrap_or_default()) {
            rules.push(rule);
        }
    }
    warnings.append(&mut cx.warnings);
    if cx.problems.is_empty() {
        Ok((
            RulePack {
                id: header.id.get_ref().clone(),
                title: header.title.clone(),
                version: header.version.clone(),
                citation: header.citation.clone(),
                url: header.url.clone(),
                calendar,
                notes: header.notes.clone(),
                facts: decls,
                applies_to,
                level: header.level.unwrap_or_default(),
                silent_on: header
                    .silent_on
                    .iter()
                    .map(|(t, why)| (*t, why.clone()))
                    .collect(),
                requested: false,
                rules,
                model: false,
                source: Arc::clone(src),
                span: header.id.span(),
            },
            warnings,
        ))
    } else {
        // Report cycles among the rules that did validate, so that a cycle
        // is not hidden by an unrelated mistake elsewhere in the file.
        let partial = RulePack {
            id: header.id.get_ref().clone(),
            title: String::new(),
            version: String::new(),
            citation: String::new(),
            url: None,
            calendar,
            notes: None,
            facts: Vec::new(),
            applies_to: None,
            level: header.level.unwrap_or_default(),
            silent_on: Vec::new(),
            requested: false,
            rules,
            model: false,
            source: Arc::clone(src),
            span: header.id.span(),
        };
        let mut all = cx.problems;
        all.extend(crate::pack::references::cycles(std::slice::from_ref(
            &partial,
        )));
        all.extend(warnings);
        all.sort_by_key(|d| d.span.start);
        Err(all)
    }
}

/// The longest `title` a rule may have, in characters: a calendar's event
/// title adds the actor to it and should stay near one 75-octet line.
pub(crate) const TITLE_MAX: usize = 80;

/// Checks a rule's `title`: an error for one that is empty, longer than
/// [`TITLE_MAX`] characters or used by another rule of the pack (`titles`:
/// those seen so far); a warning when it is missing (the id stands in).
fn title_problems(
    src: &Arc<SourceFile>,
    r: &RawRule,
    titles: &mut BTreeMap<String, Range<usize>>,
    problems: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    let id = r.id.get_ref();
    let Some(t) = &r.title else {
        warnings.push(
            Diagnostic::warning(src, r.id.span(), format!("rule `{id}` has no title"))
                .with_help(
                    "add `title = \"...\"`: the deadline's name as a person says it; the id stands in until then",
                ),
        );
        return;
    };
    let text = t.get_ref().trim();
    let chars = text.chars().count();
    if text.is_empty() {
        problems.push(
            Diagnostic::error(src, t.span(), format!("rule `{id}` has an empty title"))
                .with_help("name the deadline as a person says it, or leave `title` out"),
        );
    } else if chars > TITLE_MAX {
        problems.push(
            Diagnostic::error(
                src,
                t.span(),
                format!(
                    "the title of rule `{id}` is {chars} characters long; the most is {TITLE_MAX}"
                ),
            )
            .with_help(
                "keep the name short, the summary says the rest; for a template's rule, give a shorter `title` (or `subject`) in the `[[use]]`'s `params`",
            ),
        );
    } else if let Some(first) = titles.get(&text.to_lowercase()) {
        let (line, _) = src.line_col(first.start);
        problems.push(
            Diagnostic::error(
                src,
                t.span(),
                format!("the title \"{text}\" is already used on line {line}"),
            )
            .with_help("give each rule of a pack its own title"),
        );
    } else {
        titles.insert(text.to_lowercase(), t.span());
    }
}

/// Builds one worked case written in `src`, checking its fact names against
/// `known`.
pub(crate) fn case(
    src: &Arc<SourceFile>,
    c: &Spanned<RawCase>,
    known: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> Case {
    let span = c.span();
    let c = c.get_ref();
    let mut facts = Facts::default();
    let mut origins = Origins::new();
    for (name, value) in &c.facts {
        if !known.contains(name.get_ref()) {
            let help = did_you_mean(name.get_ref(), known.iter().map(String::as_str));
            problems.push(
                Diagnostic::error(
                    src,
                    name.span(),
                    format!("unknown fact `{}`", name.get_ref()),
                )
                .with_help_opt(help),
            );
            continue;
        }
        fact_value(src, name.get_ref(), value, &mut facts, problems);
        origins.insert(
            name.get_ref().clone(),
            Given::File {
                source: Arc::clone(src),
                span: value.span(),
            },
        );
    }
    // A worked case is checked as a facts file is: facts that cannot all be
    // true would make it show arithmetic no meeting can have. No facts at
    // all is fine: the case shows a conditional answer.
    problems.extend(
        check_facts(&facts, &origins, Input::MayBeEmpty)
            .problems
            .iter()
            .map(|p| p.diagnostic(src)),
    );
    let status = match (c.status, c.opens.is_some() || c.closes.is_some()) {
        (Some(s), _) => s,
        (None, true) => Status::Computed,
        (None, false) => {
            problems.push(
                Diagnostic::error(
                    src,
                    span.clone(),
                    "a worked case needs `opens`, `closes` or `status`",
                )
                .with_help("add the expected date, or `status = \"unspecified\"`"),
            );
            Status::Computed
        }
    };
    Case {
        source: Arc::clone(src),
        facts,
        opens: c.opens.map(|d| d.0),
        closes: c.closes.map(|d| d.0),
        status,
        why: c.why.clone(),
        span,
    }
}

fn applies_to(cx: &mut Ctx<'_>, raw: &RawAppliesTo) -> AppliesTo {
    use crate::model::jurisdiction::{
        country_code, country_in_sentence, country_spellings, exchange_code, exchange_name,
        exchange_spellings, state_code, state_name, state_spellings,
    };
    let mut read = |list: &[Spanned<String>],
                    what: &str,
                    code: fn(&str) -> Option<&'static str>,
                    known: &dyn Fn() -> Vec<&'static str>| {
        let mut out: Vec<String> = Vec::new();
        for s in list {
            match code(s.get_ref()) {
                Some(c) => out.push(c.to_owned()),
                None => cx.problems.push(
                    Diagnostic::error(
                        cx.src,
                        s.span(),
                        format!("unknown {what} `{}`", s.get_ref()),
                    )
                    .with_help_opt(did_you_mean(s.get_ref(), known())),
                ),
            }
        }
        out
    };
    let states = read(&raw.states, "state", state_code, &|| {
        state_spellings().collect()
    });
    let countries = read(&raw.countries, "country", country_code, &|| {
        country_spellings().collect()
    });
    let exchanges = read(&raw.exchanges, "exchange", exchange_code, &|| {
        crate::model::jurisdiction::EXCHANGES
            .iter()
            .map(|(c, _)| *c)
            .chain(exchange_spellings())
            .collect()
    });
    let provinces = read(
        &raw.provinces,
        "province",
        crate::model::rule::province_or_federal,
        &|| {
            crate::model::jurisdiction::province_spellings()
                .chain([crate::model::rule::FEDERAL])
                .collect()
        },
    );
    if !provinces.is_empty() && !countries.iter().any(|c| c == "CA") {
        let span = raw.provinces.first().map_or(0..0, Spanned::span);
        cx.problems.push(
            Diagnostic::error(cx.src, span, "`provinces` needs `countries = [\"CA\"]`")
                .with_help("provinces are Canada's: add `countries = [\"CA\"]`"),
        );
    }
    let mut entities = Vec::new();
    for e in &raw.entities {
        match crate::model::facts::Entity::parse(e.get_ref()) {
            Some(x) => entities.push(x),
            None => cx.problems.push(
                Diagnostic::error(
                    cx.src,
                    e.span(),
                    format!("unknown entity `{}`", e.get_ref()),
                )
                .with_help("write `corporation` or `trust`"),
            ),
        }
    }
    let description = raw.description.clone().unwrap_or_else(|| {
        let mut parts = Vec::new();
        let mut places: Vec<String> = states.iter().map(|s| state_name(s).to_owned()).collect();
        places.extend(countries.iter().map(|c| country_in_sentence(c)));
        if !places.is_empty() {
            parts.push(format!(
                "corporations incorporated in {}",
                places.join(" or ")
            ));
        }
        if !exchanges.is_empty() {
            let names: Vec<&str> = exchanges.iter().map(|e| exchange_name(e)).collect();
            parts.push(format!("companies listed on {}", names.join(" or ")));
        }
        parts.join(" and ")
    });
    AppliesTo {
        states,
        countries,
        exchanges,
        provinces,
        except_foreign_private_issuers: raw.except_foreign_private_issuers.clone(),
        entities,
        description,
    }
}

fn rule(
    cx: &mut Ctx<'_>,
    r: &RawRule,
    pack_calendar: &str,
    pack_leap_day: crate::model::rule::LeapDay,
) -> Option<Rule> {
    let before = cx.problems.len();
    let id = r.id.get_ref().clone();
    let calendar = match &r.calendar {
        Some(c) => {
            cx.check_calendar(c.get_ref(), c.span());
            c.get_ref().clone()
        }
        None => pack_calendar.to_owned(),
    };
    let applies_when = r.applies_when.as_ref().and_then(|c| cx.cond(c));
    let mut branches = Vec::new();
    let mut otherwise_seen = false;
    for b in &r.branch {
        let when = cx.cond(&b.when);
        if otherwise_seen {
            cx.problems.push(
                Diagnostic::error(
                    cx.src,
                    b.when.span(),
                    "this branch comes after an `otherwise` branch and can never be taken",
                )
                .with_help("move the `otherwise` branch last"),
            );
        }
        if matches!(when, Some(Cond::Otherwise(_))) {
            otherwise_seen = true;
        }
        let outcome = outcome(
            cx,
            b.opens.as_ref(),
            b.closes.as_ref(),
            b.unspecified.as_ref(),
            &b.when.span(),
        );
        if let (Some(when), Some(outcome)) = (when, outcome) {
            branches.push(Branch {
                when,
                label: b.label.clone(),
                citation: b.citation.clone(),
                outcome,
            });
        }
    }
    let has_own = r.opens.is_some() || r.closes.is_some() || r.unspecified.is_some();
    if has_own {
        if otherwise_seen {
            cx.problems.push(
                Diagnostic::error(
                    cx.src,
                    r.id.span(),
                    format!(
                        "rule `{id}` has both an `otherwise` branch and its own `opens`/`closes`"
                    ),
                )
                .with_help("keep one: the rule's own bounds act as the `otherwise` branch"),
            );
        }
        if let Some(o) = outcome(
            cx,
            r.opens.as_ref(),
            r.closes.as_ref(),
            r.unspecified.as_ref(),
            &r.id.span(),
        ) {
            branches.push(Branch {
                when: Cond::Otherwise(r.id.span()),
                label: None,
                citation: None,
                outcome: o,
            });
        }
    } else if r.branch.is_empty() {
        cx.problems.push(
            Diagnostic::error(cx.src, r.id.span(), format!("rule `{id}` yields nothing"))
                .with_help("give it `opens`, `closes`, `unspecified` or `[[rule.branch]]` tables"),
        );
    }
    // The specific key overrides the general one for its bound; a general
    // key beside both specific ones would apply to nothing.
    if let (Some(at), Some(_), Some(_)) = (&r.at, &r.opens_at, &r.closes_at) {
        cx.problems.push(
            Diagnostic::error(
                cx.src,
                at.span(),
                "`at` applies to no bound: `opens_at` and `closes_at` both override it",
            )
            .with_help("remove `at`, or one of `opens_at` and `closes_at`"),
        );
    }
    if let (Some(roll), Some(_), Some(_)) = (&r.roll, &r.opens_roll, &r.closes_roll) {
        cx.problems.push(
            Diagnostic::error(
                cx.src,
                roll.span(),
                "`roll` applies to no bound: `opens_roll` and `closes_roll` both override it",
            )
            .with_help("remove `roll`, or one of `opens_roll` and `closes_roll`"),
        );
    }
    let at_all = r.at.as_ref().and_then(|a| cx.time_spec(a));
    let opens_at = r
        .opens_at
        .as_ref()
        .and_then(|a| cx.time_spec(a))
        .or_else(|| at_all.clone());
    let closes_at = r
        .closes_at
        .as_ref()
        .and_then(|a| cx.time_spec(a))
        .or(at_all);
    let roll = r.roll.as_ref().map_or(Roll::None, |r| *r.get_ref());
    let leap_day = r.leap_day.unwrap_or(pack_leap_day);
    let cases = r
        .case
        .iter()
        .map(|c| case(cx.src, c, &cx.facts, &mut cx.problems))
        .collect();
    let mut tags = Vec::new();
    for t in r.tags.iter().chain(r.yields_to.as_ref().map(|y| &y.tag)) {
        if !is_snake_case(t.get_ref()) {
            cx.problems.push(Diagnostic::error(
                cx.src,
                t.span(),
                format!("tag `{}` is not snake_case", t.get_ref()),
            ));
        }
    }
    tags.extend(r.tags.iter().map(|t| t.get_ref().clone()));
    let yields_to = r.yields_to.as_ref().map(|y| Yield {
        tag: y.tag.get_ref().clone(),
        reason: y.reason.clone(),
        when: y.when.as_ref().and_then(|c| cx.cond(c)),
    });
    if let Some(c) = &r.checks
        && !cx.facts.contains(c.get_ref())
    {
        let help = did_you_mean(c.get_ref(), cx.facts.iter().map(String::as_str));
        cx.problems.push(
            Diagnostic::error(cx.src, c.span(), format!("unknown fact `{}`", c.get_ref()))
                .with_help_opt(help),
        );
    }
    if cx.problems.len() > before {
        return None;
    }
    Some(Rule {
        id,
        title: r.title.as_ref().map(|t| t.get_ref().trim().to_owned()),
        summary: r.summary.clone(),
        citation: r
            .citation
            .as_ref()
            .map(|c| c.get_ref().clone())
            .unwrap_or_default(),
        url: r.url.clone(),
        actor: r.actor,
        test: r.test,
        certainty: r.certainty,
        notes: r.notes.clone(),
        quote: r.quote.as_ref().map(|q| Quote {
            text: q.text.clone(),
            source: q.source.clone(),
        }),
        aliases: r.aliases.clone(),
        applies_when,
        not_applicable: r.not_applicable.clone(),
        branches,
        roll: [r.opens_roll.unwrap_or(roll), r.closes_roll.unwrap_or(roll)],
        calendar,
        at: [opens_at, closes_at],
        counting: r.counting.unwrap_or_default(),
        leap_day,
        cases,
        tags,
        yields_to,
        topic: r.topic,
        disclose_in_proxy: r.disclose_in_proxy.clone(),
        checks: r.checks.as_ref().map(|c| c.get_ref().clone()),
        source: Arc::clone(cx.src),
        span: r.id.span(),
    })
}

fn outcome(
    cx: &mut Ctx<'_>,
    opens: Option<&Spanned<String>>,
    closes: Option<&Spanned<String>>,
    unspecified: Option<&String>,
    at: &Range<usize>,
) -> Option<Outcome> {
    if let Some(words) = unspecified {
        if opens.is_some() || closes.is_some() {
            cx.problems.push(Diagnostic::error(
                cx.src,
                at.clone(),
                "a branch with `unspecified` cannot also have `opens` or `closes`",
            ));
            return None;
        }
        return Some(Outcome::Unspecified(words.clone()));
    }
    if opens.is_none() && closes.is_none() {
        cx.problems.push(
            Diagnostic::error(cx.src, at.clone(), "this branch yields nothing")
                .with_help("give it `opens`, `closes` or `unspecified`"),
        );
        return None;
    }
    let o = opens.map(|e| cx.expr(e));
    let c = closes.map(|e| cx.expr(e));
    if matches!(o, Some(None)) || matches!(c, Some(None)) {
        return None;
    }
    Some(Outcome::Window {
        opens: o.flatten(),
        closes: c.flatten(),
    })
}
