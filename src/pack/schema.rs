//! Serde structs that mirror the rule-pack TOML one to one, with spans on
//! every value a later check may point at. `deny_unknown_fields` everywhere,
//! so a misspelt key is reported at its own line and column.
//!
//! The same structs describe the format to editors: they derive
//! `JsonSchema`, and their doc comments become the hover text a person
//! sees while typing a key (`govcal schema pack`; see
//! `pack::jsonschema`). So the field docs are written for the lawyer
//! writing a pack, and agree with `rules/README.md` §3.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::model::calendar::Roll;
use crate::model::rule::{Actor, Certainty, Counting, LeapDay, Level, Test, Topic};
use crate::pack::jsonschema as js;

/// A TOML local date. chrono's `Deserialize` takes only strings, so every
/// date in our files comes through here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TomlDate(pub(crate) NaiveDate);

impl<'de> Deserialize<'de> for TomlDate {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let dt = toml::value::Datetime::deserialize(de)?;
        toml_date(&dt).map(TomlDate).map_err(D::Error::custom)
    }
}

/// Converts a TOML datetime that must be a plain local date.
pub(crate) fn toml_date(dt: &toml::value::Datetime) -> Result<NaiveDate, String> {
    let (Some(d), None, None) = (dt.date, dt.time, dt.offset) else {
        return Err(format!("expected a date like `2025-06-12`, found `{dt}`"));
    };
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        .ok_or_else(|| format!("no such date `{dt}`"))
}

/// A govcal rule pack: one source of law (an SEC rule, a state's
/// corporation code, an exchange's rules or one company's bylaws) restated
/// as dated obligations, each with its citation and worked cases.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Pack", title = "govcal rule pack")]
pub(crate) struct RawPack {
    /// The pack's header: its id, title, version and the citation of the
    /// source as a whole. Required, once per file.
    pub(crate) pack: RawHeader,
    /// A date this pack uses beyond the standard facts (`meeting`,
    /// `prior_meeting`, `announcement`, `record_date`, ...). Once declared
    /// it can be used in expressions, facts files and worked cases.
    #[serde(default)]
    pub(crate) fact: Vec<RawFact>,
    /// One obligation of the source: who must act, by when, and under which
    /// clause.
    #[serde(default)]
    pub(crate) rule: Vec<RawRule>,
    /// Templates only: the template's parameters with their default values
    /// (or the list of strings one may take, the default first). The pack's
    /// text uses them as `{name}`, `{name:ordinal}` ("90th") or `{name:fact}`
    /// (a fact's name in words).
    // Read by `load::read_params` before substitution; kept here so the key
    // is known.
    #[serde(default)]
    #[allow(dead_code, reason = "read by load::read_params before substitution")]
    #[schemars(schema_with = "js::template_defaults")]
    pub(crate) params: crate::pack::template::Params,
    /// A bylaw template this pack uses, with this company's numbers: the
    /// template's rule becomes a rule of this pack.
    #[serde(default, rename = "use")]
    #[schemars(with = "Vec<RawUse>")]
    pub(crate) uses: Vec<Spanned<RawUse>>,
}

/// One `[[use]]`: a template and this company's numbers.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Use")]
pub(crate) struct RawUse {
    /// The template: a built-in name such as
    /// `"bylaws/templates/anniversary_window"`, or a path ending in `.toml`.
    #[schemars(with = "String")]
    pub(crate) template: Spanned<String>,
    /// Take only this rule of the template (for templates with several).
    #[schemars(with = "Option<String>")]
    pub(crate) rule: Option<Spanned<String>>,
    /// The id the instantiated rule takes in this pack, in lowercase letters,
    /// digits and underscores (`advance_notice`).
    #[schemars(with = "Option<String>")]
    pub(crate) id: Option<Spanned<String>>,
    /// Values for the template's parameters, overriding its defaults, e.g.
    /// `{ citation = "Acme Bylaws § 2.14", open_days = 120, close_days = 90 }`.
    /// Each value must be of the same kind as the default, or one of the
    /// listed strings where the default is a list.
    #[serde(default)]
    #[schemars(schema_with = "js::template_params")]
    pub(crate) params: crate::pack::template::Params,
    /// Worked cases for the instantiated rule, checked by `govcal check`.
    #[serde(default)]
    #[schemars(with = "Vec<RawCase>")]
    pub(crate) case: Vec<Spanned<RawCase>>,
}

/// The `[pack]` table: what the source is and where it comes from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Header")]
pub(crate) struct RawHeader {
    /// The pack's identifier (`acme_bylaws`): a lowercase letter first, then
    /// lowercase letters, digits and `_`. Used in `pack/rule` references and
    /// on the command line; unique among the loaded packs.
    #[schemars(with = "String")]
    pub(crate) id: Spanned<String>,
    /// A title for people.
    pub(crate) title: String,
    /// The version of the pack's content. Change it whenever any rule's
    /// result can change; output shows it next to each deadline.
    pub(crate) version: String,
    /// The source of law as a whole.
    pub(crate) citation: String,
    /// Where to read the source.
    pub(crate) url: Option<String>,
    /// The holiday calendar for business days and rolls in this pack:
    /// `us_federal` (the default), `sec_business_days` or `nyse`.
    #[schemars(with = "Option<String>")]
    pub(crate) calendar: Option<Spanned<String>>,
    /// What the anniversary of 29 February is in a common year, for the
    /// whole pack. Default `february_28`.
    pub(crate) leap_day: Option<LeapDay>,
    /// Notes on the pack as a whole.
    pub(crate) notes: Option<String>,
    /// The companies the source governs. When the company's profile names a
    /// state or exchange not listed here, every rule of the pack is not
    /// applicable; when it does not say, the pack applies.
    pub(crate) applies_to: Option<RawAppliesTo>,
    /// Where the source sits in the order of authority: `federal` (the
    /// SEC's rules), `state` (a corporation statute), `exchange` (listing
    /// rules) or `company` (the charter and bylaws; the default). `govcal
    /// check` compares a company's rules with the rules above them.
    pub(crate) level: Option<Level>,
    /// Topics the source sets no rule on, each with the reason
    /// (`{ shareholder_list = "the code requires no list before the
    /// meeting" }`): the pack counts as covering them.
    #[serde(default)]
    pub(crate) silent_on: std::collections::BTreeMap<Topic, String>,
}

/// `[pack] applies_to`: the companies a source of law governs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "AppliesTo")]
pub(crate) struct RawAppliesTo {
    /// U.S. states of incorporation (and D.C. and the territories), as
    /// two-letter codes or names (`"DE"` or `"Delaware"`). A pack that
    /// lists states governs only U.S. companies.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) states: Vec<Spanned<String>>,
    /// Countries of incorporation outside the United States, as ISO 3166-1
    /// two-letter codes or names (`"CA"` or `"Canada"`), for a pack of a
    /// country's corporate law.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) countries: Vec<Spanned<String>>,
    /// Listing exchanges: `"nyse"`, `"nasdaq"`, `"nyse_american"`,
    /// `"nyse_arca"`, `"cboe"`, `"otcqx"`, `"otcqb"`, `"otc_pink"`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) exchanges: Vec<Spanned<String>>,
    /// For a Canadian pack: the provinces or territories whose corporations
    /// it governs (`"Ontario"` or `"ON"`), or `"federal"` for corporations
    /// under the Canada Business Corporations Act (a profile with `country
    /// = "Canada"` and no `state`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) provinces: Vec<Spanned<String>>,
    /// The source does not govern a foreign private issuer: why, with the
    /// authority. A company whose profile has `foreign_private_issuer =
    /// true` is outside the pack, with this reason.
    pub(crate) except_foreign_private_issuers: Option<String>,
    /// The legal forms the source governs: `"corporation"` (a corporation
    /// statute), `"trust"` (Maryland's REIT law). A profile's `entity`
    /// (default `corporation`) must be listed. Empty: any form.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) entities: Vec<Spanned<String>>,
    /// Who, in words; replaces the generated "corporations incorporated in
    /// ..." in the reason a rule does not apply.
    pub(crate) description: Option<String>,
}

/// `yields_to`: another loaded rule, found by tag, that replaces this one.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "YieldsTo")]
pub(crate) struct RawYield {
    /// The tag to look for (`advance_notice`, `proxy_access`). When a rule of
    /// another applicable pack carries it, this rule is not applicable.
    #[schemars(with = "String")]
    pub(crate) tag: Spanned<String>,
    /// Why the tagged rule replaces this one, with its authority (for
    /// example C&DI 124.02).
    pub(crate) reason: String,
    /// A condition: the rule gives way only when it holds (`meeting_kind ==
    /// annual`). Without it, always.
    #[schemars(with = "Option<String>")]
    pub(crate) when: Option<Spanned<String>>,
}

/// `quote`: the words of the provision a rule restates, with their source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Quote")]
pub(crate) struct RawQuote {
    /// The words, exactly as the source prints them (the clause itself, or a
    /// filing's summary of it).
    pub(crate) text: String,
    /// Where the words were read: the document and the part of it.
    pub(crate) source: String,
}

/// A `[[fact]]` the pack declares beyond the standard ones.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Fact")]
pub(crate) struct RawFact {
    /// The fact's name (`board_approval`): a lowercase letter first, then
    /// lowercase letters, digits and `_`. It must not repeat a standard fact or
    /// another declared fact.
    #[schemars(with = "String")]
    pub(crate) name: Spanned<String>,
    /// What the date is, in words.
    pub(crate) summary: String,
}

/// One `[[rule]]`: an obligation of the source. It needs `opens`, `closes`
/// or `unspecified`, or at least one `[[rule.branch]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Rule")]
pub(crate) struct RawRule {
    /// The rule's identifier (`nomination_notice`): a lowercase letter first,
    /// then lowercase letters, digits and `_`; unique in the pack.
    #[schemars(with = "String")]
    pub(crate) id: Spanned<String>,
    /// The short name a person reads in a table, a calendar and a rulebook
    /// ("Shareholder proposal deadline (Rule 14a-8)"): what a corporate
    /// secretary calls the deadline, 1 to 80 characters, unique in the pack.
    /// Without it the id stands in, with a warning.
    #[schemars(with = "Option<String>", length(min = 1, max = 80))]
    pub(crate) title: Option<Spanned<String>>,
    /// One plain-English statement of the obligation that a non-programmer
    /// can check against the source.
    pub(crate) summary: String,
    /// The subsection the rule comes from (a warning if missing).
    #[schemars(with = "Option<String>")]
    pub(crate) citation: Option<Spanned<String>>,
    /// Where to read it.
    pub(crate) url: Option<String>,
    /// Who must act.
    pub(crate) actor: Option<Actor>,
    /// What makes the act timely.
    pub(crate) test: Option<Test>,
    /// Where the reading comes from.
    pub(crate) certainty: Option<Certainty>,
    /// The interpretation, in words: what was assumed and why.
    pub(crate) notes: Option<String>,
    /// The provision's own words and where they were read:
    /// `{ text = "...", source = "Bylaws § 2.14, as quoted in Form 8-K of 27 February 2004" }`.
    /// Only words a source actually prints; `explain PACK` shows them.
    pub(crate) quote: Option<RawQuote>,
    /// Former ids of this rule; references and lookups by id accept them.
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    /// A condition (`meeting_kind == annual`, `meeting > 2022-08-31`): when
    /// it is false, the rule is not applicable to the meeting.
    #[schemars(with = "Option<String>")]
    pub(crate) applies_when: Option<Spanned<String>>,
    /// The reason shown when `applies_when` is false; generated from the
    /// condition if left out.
    pub(crate) not_applicable: Option<String>,
    /// The earliest moment of the window, as a date expression
    /// (`"meeting - 120 days"`, `"anniversary(prior_meeting) - 120 days"`).
    #[schemars(with = "Option<String>")]
    pub(crate) opens: Option<Spanned<String>>,
    /// The deadline, as a date expression
    /// (`"later_of(meeting - 90 days, announcement + 10 days)"`).
    #[schemars(with = "Option<String>")]
    pub(crate) closes: Option<Spanned<String>>,
    /// The law gives no date: its wording ("a reasonable time before the
    /// company begins to print and send its proxy materials"). Not together
    /// with `opens` or `closes`.
    pub(crate) unspecified: Option<String>,
    /// Alternatives, tried in order: the first whose `when` holds is used.
    #[serde(default)]
    pub(crate) branch: Vec<RawBranch>,
    /// How both bounds move off a weekend or holiday. Default `none`: a date
    /// does not move unless the source says so.
    #[schemars(with = "Option<js::Roll>")]
    pub(crate) roll: Option<Spanned<Roll>>,
    /// How `opens` moves off a weekend or holiday, overriding `roll` for it.
    #[schemars(with = "Option<js::Roll>")]
    pub(crate) opens_roll: Option<Roll>,
    /// How `closes` moves off a weekend or holiday, overriding `roll` for it.
    #[schemars(with = "Option<js::Roll>")]
    pub(crate) closes_roll: Option<Roll>,
    /// The holiday calendar for this rule's business days and rolls
    /// (`us_federal`, `sec_business_days`, `nyse`); overrides the pack's.
    #[schemars(with = "Option<String>")]
    pub(crate) calendar: Option<Spanned<String>>,
    /// The time of day for both bounds: `"close_of_business"` (the company's,
    /// from its facts file; default 17:00 New York time), `"17:00"` in the
    /// company's zone, `"17:30 America/New_York"`, or `"17:00 -05:00"` at a
    /// fixed offset from UTC all year. Without it a bound is a whole day.
    #[schemars(with = "Option<String>")]
    pub(crate) at: Option<Spanned<String>>,
    /// The time of day of `opens`, overriding `at` for it.
    #[schemars(with = "Option<String>")]
    pub(crate) opens_at: Option<Spanned<String>>,
    /// The time of day of `closes`, overriding `at` for it.
    #[schemars(with = "Option<String>")]
    pub(crate) closes_at: Option<Spanned<String>>,
    /// How day and week offsets count. Default `exclude_anchor`.
    pub(crate) counting: Option<Counting>,
    /// Overrides the pack's `leap_day` for this rule.
    pub(crate) leap_day: Option<LeapDay>,
    /// What the rule is, for other rules' `yields_to`: `advance_notice` (a
    /// bylaw deadline for shareholder business or nominations),
    /// `proxy_access`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(crate) tags: Vec<Spanned<String>>,
    /// Another loaded rule, found by its tag, that replaces this one when it
    /// applies: `{ tag = "advance_notice", reason = "..." }`.
    pub(crate) yields_to: Option<RawYield>,
    /// What kind of obligation this is: `annual_meeting`, `meeting_notice`,
    /// `record_date`, `shareholder_list`, `adjournment`, `proposals`,
    /// `consent`, `solicitation` or `filing`. `govcal rules coverage` and the
    /// "not covered" list read it.
    pub(crate) topic: Option<Topic>,
    /// The disclosure rule (`"Rule 14a-5(e)(2)"`) under which this deadline,
    /// computed for next year's meeting, must be printed in this year's proxy
    /// statement.
    pub(crate) disclose_in_proxy: Option<String>,
    /// A fact the window constrains (`record_date`): when the facts give it
    /// and it falls outside the window, the result carries a warning.
    #[schemars(with = "Option<String>")]
    pub(crate) checks: Option<Spanned<String>>,
    /// A worked example: facts in, expected dates out. `govcal check` runs
    /// it; a rule without cases draws a warning.
    #[serde(default)]
    #[schemars(with = "Vec<RawCase>")]
    pub(crate) case: Vec<Spanned<RawCase>>,
}

impl RawRule {
    /// Everything that decides the rule's dates, as text: two rules with the
    /// same arithmetic give the same dates for the same facts.
    pub(crate) fn arithmetic(&self) -> String {
        let s = |v: &Option<Spanned<String>>| v.as_ref().map(|x| x.get_ref().clone());
        let branches: Vec<_> = self
            .branch
            .iter()
            .map(|b| {
                (
                    b.when.get_ref().clone(),
                    s(&b.opens),
                    s(&b.closes),
                    b.unspecified.clone(),
                )
            })
            .collect();
        format!(
            "{:?}",
            (
                (
                    s(&self.applies_when),
                    s(&self.opens),
                    s(&self.closes),
                    &self.unspecified
                ),
                branches,
                (
                    self.roll.as_ref().map(|r| *r.get_ref()),
                    self.opens_roll,
                    self.closes_roll,
                    s(&self.calendar)
                ),
                (s(&self.at), s(&self.opens_at), s(&self.closes_at)),
                (self.counting, self.leap_day),
            )
        )
    }
}

/// One `[[rule.branch]]`: an alternative of the rule. It needs `opens`,
/// `closes` or `unspecified`; `roll`, `at`, `counting`, `calendar` and
/// `leap_day` stay on the rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Branch")]
pub(crate) struct RawBranch {
    /// When this branch applies, as a condition
    /// (`"missing(prior_meeting) or anniversary(prior_meeting) - meeting > 30 days"`).
    /// `"otherwise"` always applies and must be the last branch.
    #[schemars(with = "String")]
    pub(crate) when: Spanned<String>,
    /// A short name shown in output ("meeting moved more than 30 days");
    /// govcal describes the condition in words if left out.
    pub(crate) label: Option<String>,
    /// The clause for this branch, when it differs from the rule's citation.
    pub(crate) citation: Option<String>,
    /// The earliest moment of the window on this branch, as a date
    /// expression.
    #[schemars(with = "Option<String>")]
    pub(crate) opens: Option<Spanned<String>>,
    /// The deadline on this branch, as a date expression.
    #[schemars(with = "Option<String>")]
    pub(crate) closes: Option<Spanned<String>>,
    /// The law gives no date on this branch: its wording. Not together with
    /// `opens` or `closes`.
    pub(crate) unspecified: Option<String>,
}

/// One `[[rule.case]]`: a worked example, facts in and dates out. It needs
/// `opens`, `closes` or `status`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Case")]
pub(crate) struct RawCase {
    /// The facts of the example, by name: `{ meeting = 2025-05-14,
    /// prior_meeting = 2024-05-15 }` (`{}` for none).
    #[schemars(schema_with = "js::facts_table")]
    pub(crate) facts: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// The expected opening date, after any roll: a bare TOML date
    /// (`2025-01-15`, no quotes).
    pub(crate) opens: Option<TomlDate>,
    /// The expected deadline, after any roll: a bare TOML date (`2025-02-14`,
    /// no quotes).
    pub(crate) closes: Option<TomlDate>,
    /// The expected kind of answer. Default `computed` when `opens` or
    /// `closes` is given.
    #[schemars(with = "Option<js::Status>")]
    pub(crate) status: Option<crate::model::rule::Status>,
    /// The reasoning, with its source, for people reading the pack.
    pub(crate) why: Option<String>,
}
