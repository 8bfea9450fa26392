//! Serde structs that mirror the rule-pack TOML one to one, with spans on
//! every value a later check may point at. `deny_unknown_fields` everywhere,
//! so a misspelt key is reported at its own line and column.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::calc::calendar::Roll;

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

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPack {
    pub(crate) pack: RawHeader,
    #[serde(default)]
    pub(crate) fact: Vec<RawFact>,
    #[serde(default)]
    pub(crate) rule: Vec<RawRule>,
    /// A template's parameters and their defaults (read before
    /// substitution by `load::read_params`; kept here so the key is known).
    #[serde(default)]
    #[allow(dead_code, reason = "read by load::read_params before substitution")]
    pub(crate) params: crate::pack::template::Params,
    /// Templates this pack instantiates.
    #[serde(default, rename = "use")]
    pub(crate) uses: Vec<Spanned<RawUse>>,
}

/// One `[[use]]`: a template and this company's numbers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUse {
    /// A built-in template (`bylaws/templates/anniversary_window`) or a path.
    pub(crate) template: Spanned<String>,
    /// Take only this rule of the template.
    pub(crate) rule: Option<Spanned<String>>,
    /// The id the rule takes in this pack.
    pub(crate) id: Option<Spanned<String>>,
    /// Values for the template's parameters.
    #[serde(default)]
    pub(crate) params: crate::pack::template::Params,
    /// Worked cases for the instantiated rule.
    #[serde(default)]
    pub(crate) case: Vec<Spanned<RawCase>>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHeader {
    pub(crate) id: Spanned<String>,
    pub(crate) title: String,
    pub(crate) version: String,
    pub(crate) citation: String,
    pub(crate) url: Option<String>,
    pub(crate) calendar: Option<Spanned<String>>,
    pub(crate) leap_day: Option<LeapDay>,
    pub(crate) notes: Option<String>,
    pub(crate) applies_to: Option<RawAppliesTo>,
    pub(crate) level: Option<Level>,
}

/// `[pack] applies_to`: the companies a source of law governs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAppliesTo {
    /// States of incorporation (codes or names).
    #[serde(default)]
    pub(crate) states: Vec<Spanned<String>>,
    /// Listing exchanges.
    #[serde(default)]
    pub(crate) exchanges: Vec<Spanned<String>>,
    /// Who, in words ("corporations incorporated in Delaware").
    pub(crate) description: Option<String>,
}

/// `yields_to`: another loaded rule, found by tag, that replaces this one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYield {
    pub(crate) tag: Spanned<String>,
    pub(crate) reason: String,
}

/// A `[[fact]]` the pack declares beyond the standard ones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFact {
    pub(crate) name: Spanned<String>,
    pub(crate) summary: String,
}

/// One `[[rule]]` table, exactly as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub(crate) id: Spanned<String>,
    pub(crate) summary: String,
    pub(crate) citation: Option<Spanned<String>>,
    pub(crate) url: Option<String>,
    pub(crate) actor: Option<Actor>,
    pub(crate) test: Option<Test>,
    pub(crate) certainty: Option<Certainty>,
    pub(crate) notes: Option<String>,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    pub(crate) applies_when: Option<Spanned<String>>,
    pub(crate) not_applicable: Option<String>,
    pub(crate) opens: Option<Spanned<String>>,
    pub(crate) closes: Option<Spanned<String>>,
    pub(crate) unspecified: Option<String>,
    #[serde(default)]
    pub(crate) branch: Vec<RawBranch>,
    pub(crate) roll: Option<Roll>,
    pub(crate) opens_roll: Option<Roll>,
    pub(crate) closes_roll: Option<Roll>,
    pub(crate) calendar: Option<Spanned<String>>,
    pub(crate) at: Option<Spanned<String>>,
    pub(crate) opens_at: Option<Spanned<String>>,
    pub(crate) closes_at: Option<Spanned<String>>,
    pub(crate) counting: Option<Counting>,
    pub(crate) leap_day: Option<LeapDay>,
    #[serde(default)]
    pub(crate) tags: Vec<Spanned<String>>,
    pub(crate) yields_to: Option<RawYield>,
    pub(crate) disclose_in_proxy: Option<String>,
    pub(crate) checks: Option<Spanned<String>>,
    #[serde(default)]
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
                    self.roll,
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

/// One `[[rule.branch]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBranch {
    pub(crate) when: Spanned<String>,
    pub(crate) label: Option<String>,
    pub(crate) citation: Option<String>,
    pub(crate) opens: Option<Spanned<String>>,
    pub(crate) closes: Option<Spanned<String>>,
    pub(crate) unspecified: Option<String>,
}

/// One `[[rule.case]]`: facts in, dates out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCase {
    pub(crate) facts: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    pub(crate) opens: Option<TomlDate>,
    pub(crate) closes: Option<TomlDate>,
    pub(crate) status: Option<crate::calc::Status>,
    pub(crate) why: Option<String>,
}

/// Where a pack sits in the order of authority. `govcal check` compares a
/// company's rules with the rules above them that constrain the same fact.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Federal law: the SEC's rules.
    Federal,
    /// A state's corporation statute.
    State,
    /// A stock exchange's listing rules.
    Exchange,
    /// The company's own charter and bylaws (the default).
    #[default]
    Company,
}

impl Level {
    /// Returns the level as written in pack files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Federal => "federal",
            Level::State => "state",
            Level::Exchange => "exchange",
            Level::Company => "company",
        }
    }
}

/// Who must act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// A shareholder (proponent, nominating holder).
    Shareholder,
    /// The company.
    Company,
    /// A dissident soliciting proxies for its own nominees.
    Dissident,
    /// The board of directors.
    Board,
}

/// What counts as meeting the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Received at the principal executive offices.
    Received,
    /// Sent (mailed, transmitted) by the actor.
    Sent,
    /// Postmarked or transmitted electronically.
    Postmarked,
    /// Filed with the SEC.
    Filed,
    /// Done (a board act such as fixing a record date).
    Done,
}

/// How sure the rule's reading is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Read from the text of the rule, statute or bylaw.
    RuleText,
    /// From a secondary source (practitioner memo, staff guidance summary).
    SecondarySource,
    /// Market practice; no authority found.
    Practice,
}

/// How calendar-day offsets count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// The anchor day is not counted: "90 days before X" is X − 90.
    #[default]
    ExcludeAnchor,
    /// Neither the anchor day nor the end day counts: X − 90 − 1.
    ClearDays,
    /// The anchor day is day one (Rule 14a-6(k)): "10 days from D" ends on D + 9.
    AnchorIsDayOne,
}

/// What the anniversary of 29 February is in a year without one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeapDay {
    /// 28 February: the earlier, and so conservative, choice.
    #[default]
    #[serde(rename = "february_28")]
    February28,
    /// 1 March.
    #[serde(rename = "march_1")]
    March1,
}
