//! Facts files: a company profile and a meeting's dates, read from TOML
//! with the span of every value.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile, did_you_mean};
use crate::model::dates::{DateError, parse_clock, parse_date, parse_zone};
use crate::model::expr::MeetingKind;
use crate::model::facts::{Company, Facts};
use crate::model::jurisdiction;
use crate::pack::consistency::{Given, Origins};
use crate::pack::kind::pack_as_facts_file;
use crate::pack::load::read_toml;
use crate::pack::schema::toml_date;

/// A facts file: the company and the meeting's dates, with the spans of
/// each fact so that a misspelt name is reported where it stands.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The company.
    pub company: Company,
    /// The meeting's facts.
    pub facts: Facts,
    /// Each fact's name and its span, to check names against the loaded packs.
    pub names: Vec<(String, Range<usize>)>,
    /// Where each date fact's value stands, to name it in a problem.
    pub origins: Origins,
    /// The file.
    pub source: Arc<SourceFile>,
}

/// A govcal facts file: one company and one meeting. Both tables are
/// optional; command-line flags override what the file says.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Profile", title = "govcal facts file")]
pub(crate) struct RawProfile {
    /// The company: its name, state, exchange, time zone, close of business
    /// and the rule packs that apply to it.
    company: Option<RawCompany>,
    /// The meeting's dates, by fact name: a bare TOML date (`2004-05-25`) or
    /// a date as filings write it (`"May 25, 2004"`). Standard facts need no
    /// declaration; any other must be declared by a loaded pack.
    #[serde(default)]
    #[schemars(schema_with = "crate::pack::jsonschema::facts_table")]
    facts: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// The `[company]` table of a facts file.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Company")]
struct RawCompany {
    /// The company's name as it appears in its filings. Required when
    /// `[company]` is present.
    name: String,
    /// The country of incorporation, for a company incorporated outside the
    /// United States: its name or ISO 3166 two-letter code (`"Canada"` or
    /// `"CA"`, `"Cayman Islands"` or `"KY"`). Leave it out for a U.S.
    /// company. No U.S. state's law applies to a company of another
    /// country, and the output says which law is not covered.
    #[schemars(with = "Option<String>")]
    country: Option<Spanned<String>>,
    /// The state of incorporation: a U.S. state, the District of Columbia or
    /// a U.S. territory, as its name or two-letter code (`"Delaware"` or
    /// `"DE"`, `"Puerto Rico"`); with `country = "Canada"`, the province or
    /// territory (`"Ontario"`). Packs with `applies_to` use it.
    #[schemars(with = "Option<String>")]
    state: Option<Spanned<String>>,
    /// Where the shares are listed: `"NYSE"`, `"Nasdaq"`, `"NYSE American"`,
    /// `"NYSE Arca"`, `"Cboe"`, an OTC Markets tier (`"OTCQX"`, `"OTCQB"`,
    /// `"Pink"`), or `"none"` when they are not listed.
    #[schemars(with = "Option<String>")]
    exchange: Option<Spanned<String>>,
    /// The IANA time zone of the principal executive offices
    /// (`"America/Los_Angeles"`), or a fixed offset from UTC used all year
    /// (`"-05:00"`, five hours behind UTC). Default `"America/New_York"`.
    #[schemars(with = "Option<String>")]
    zone: Option<Spanned<String>>,
    /// What close of business means there, as a 24-hour `HH:MM` time.
    /// Default `"17:00"`.
    #[schemars(with = "Option<String>")]
    close_of_business: Option<Spanned<String>>,
    /// The rule packs to apply on top of the SEC, state and exchange packs
    /// (`--rules` adds more; `--only` replaces both): built-in names
    /// (`"bylaws/hemacare"`), families (`"sec"`), pack ids, or paths ending in
    /// `.toml` (relative to this file's directory).
    #[serde(default)]
    rules: Vec<String>,
    /// Whether the company is a foreign private issuer (17 CFR
    /// 240.3b-4(c)). Rule 3a12-3(b) exempts its securities from the SEC's
    /// proxy rules, so with `true` the SEC's packs do not apply; with
    /// `false` the output stops asking. Only for a company incorporated
    /// outside the United States.
    #[schemars(with = "Option<bool>")]
    foreign_private_issuer: Option<Spanned<bool>>,
    /// The company's legal form: `"corporation"` (the default) or
    /// `"trust"` (a real estate investment trust formed as a trust, such as
    /// a Maryland REIT under Title 8). Packs for one form (a corporation
    /// statute) do not apply to the other.
    #[schemars(with = "Option<String>")]
    entity: Option<Spanned<String>>,
    /// Where shareholders send proposals, nominations and notices: the
    /// Corporate Secretary's address as the proxy statement prints it
    /// (`"1 Main Street, Springfield, Illinois 62701"`). `govcal disclose`
    /// writes it into the draft; without it the draft leaves a marked
    /// blank for it.
    #[schemars(with = "Option<String>")]
    secretary_address: Option<Spanned<String>>,
}

/// The text of an optional spanned value.
fn text(v: Option<&Spanned<String>>) -> Option<&str> {
    v.map(|s| s.get_ref().as_str())
}

/// Reads one fact's value: a TOML date, a date string, or for
/// `meeting_kind` the word `annual` or `special`.
pub(crate) fn fact_value(
    src: &Arc<SourceFile>,
    name: &str,
    value: &Spanned<toml::Value>,
    facts: &mut Facts,
    problems: &mut Vec<Diagnostic>,
) {
    let span = value.span();
    if name == "meeting_kind" {
        match value.get_ref().as_str() {
            Some("annual") => facts.meeting_kind = MeetingKind::Annual,
            Some("special") => facts.meeting_kind = MeetingKind::Special,
            _ => problems.push(
                Diagnostic::error(src, span, "expected `\"annual\"` or `\"special\"`")
                    .with_help("write `meeting_kind = \"annual\"`"),
            ),
        }
        return;
    }
    let date = match value.get_ref() {
        toml::Value::Datetime(dt) => toml_date(dt).map_err(|m| DateError {
            message: m,
            help: None,
        }),
        toml::Value::String(s) => parse_date(s),
        other => Err(DateError {
            message: format!("expected a date, found {}", other.type_str()),
            help: Some("write a date such as `2004-05-25`".to_owned()),
        }),
    };
    match date {
        Ok(d) => facts.set(name, d),
        Err(e) => {
            problems.push(Diagnostic::error(src, span, e.message).with_help_opt(e.help));
        }
    }
}

impl Profile {
    /// Parses a facts file.
    ///
    /// # Errors
    ///
    /// Every problem found, each at its line and column.
    pub fn parse(src: &Arc<SourceFile>) -> Result<Profile, Vec<Diagnostic>> {
        // A rule pack here has only unknown keys: say what it is instead.
        let pack_instead = |problems| pack_as_facts_file(src).map_or(problems, |d| vec![d]);
        let (raw, mut problems) = read_toml::<RawProfile>(src).map_err(pack_instead)?;
        if !problems.is_empty()
            && let Some(d) = pack_as_facts_file(src)
        {
            return Err(vec![d]);
        }
        let mut company = Company::default();
        if let Some(c) = raw.company {
            company.name = c.name;
            match jurisdiction::read_place(
                text(c.country.as_ref()),
                text(c.state.as_ref()),
                text(c.exchange.as_ref()),
            ) {
                Ok(place) => company.set_place(&place),
                Err(list) => {
                    for p in list {
                        let at = match p.key {
                            jurisdiction::Key::Country => &c.country,
                            jurisdiction::Key::State => &c.state,
                            jurisdiction::Key::Exchange => &c.exchange,
                        };
                        let span = at.as_ref().map_or(0..0, Spanned::span);
                        problems
                            .push(Diagnostic::error(src, span, p.message).with_help_opt(p.help));
                    }
                }
            }
            company.rules = c.rules;
            if let Some(e) = &c.entity {
                match crate::model::facts::Entity::parse(e.get_ref()) {
                    Some(x) => company.entity = Some(x),
                    None => problems.push(
                        Diagnostic::error(
                            src,
                            e.span(),
                            format!("unknown entity `{}`", e.get_ref()),
                        )
                        .with_help("write `entity = \"corporation\"` or `entity = \"trust\"`"),
                    ),
                }
            }
            if let Some(fpi) = c.foreign_private_issuer {
                if *fpi.get_ref() && !company.is_foreign() {
                    problems.push(
                        Diagnostic::error(
                            src,
                            fpi.span(),
                            "a foreign private issuer is incorporated outside the United States",
                        )
                        .with_help(
                            "give the country of incorporation (`country = \"...\"`) instead of a U.S. state, or remove `foreign_private_issuer`",
                        ),
                    );
                }
                company.foreign_private_issuer = Some(*fpi.get_ref());
            }
            if let Some(a) = &c.secretary_address {
                let text = a.get_ref().split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    problems.push(
                        Diagnostic::error(src, a.span(), "the secretary's address is empty")
                            .with_help(
                                "write the address as the proxy statement prints it, or remove `secretary_address`",
                            ),
                    );
                } else {
                    company.secretary_address = Some(text);
                }
            }
            if let Some(z) = c.zone {
                match parse_zone(z.get_ref()) {
                    Ok(tz) => company.zone = tz,
                    Err(e) => problems
                        .push(Diagnostic::error(src, z.span(), e.message).with_help_opt(e.help)),
                }
            }
            if let Some(t) = c.close_of_business {
                match parse_clock(t.get_ref()) {
                    Ok(time) => company.close_of_business = time,
                    Err(e) => problems
                        .push(Diagnostic::error(src, t.span(), e.message).with_help_opt(e.help)),
                }
            }
        }
        let mut facts = Facts::default();
        let mut names = Vec::new();
        let mut origins = Origins::new();
        for (name, value) in &raw.facts {
            names.push((name.get_ref().clone(), name.span()));
            if name.get_ref() != "meeting_kind" {
                origins.insert(
                    name.get_ref().clone(),
                    Given::File {
                        source: Arc::clone(src),
                        span: value.span(),
                    },
                );
            }
            fact_value(src, name.get_ref(), value, &mut facts, &mut problems);
        }
        if problems.is_empty() {
            Ok(Profile {
                company,
                facts,
                names,
                origins,
                source: Arc::clone(src),
            })
        } else {
            Err(problems)
        }
    }

    /// Reports every fact name that is neither standard nor declared by a pack.
    pub fn check_names(&self, known: &BTreeSet<String>) -> Vec<Diagnostic> {
        self.names
            .iter()
            .filter(|(n, _)| !known.contains(n))
            .map(|(n, span)| {
                Diagnostic::error(&self.source, span.clone(), format!("unknown fact `{n}`"))
                    .with_help_opt(did_you_mean(n, known.iter().map(String::as_str)))
            })
            .collect()
    }
}
