//! Rule packs as evaluation uses them: the pack, its rules, branches,
//! outcomes and worked cases, and the small vocabularies a rule is written
//! in (level, actor, test, certainty, counting, leap day, status). Reading
//! and validating them from TOML is `pack`'s job.

use std::ops::Range;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};

use crate::diag::SourceFile;
use crate::model::calendar::Roll;
use crate::model::expr::{BoundName, Cond, Expr};
use crate::model::facts::Facts;
use crate::model::zone::Zone;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::Serialize;

/// One source of law with its rules: the SEC's Regulation 14A, a state's
/// code, one company's bylaws.
#[derive(Debug, Clone)]
pub struct RulePack {
    /// Snake-case id, unique among loaded packs.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Bumped whenever any rule's result can change.
    pub version: String,
    /// The source of law as a whole.
    pub citation: String,
    /// Where to read it.
    pub url: Option<String>,
    /// Default holiday calendar for business days and rolls.
    pub calendar: String,
    /// Notes on the pack as a whole.
    pub notes: Option<String>,
    /// Facts the pack declares beyond the standard set.
    pub facts: Vec<FactDecl>,
    /// The companies the source governs; `None`: every company.
    pub applies_to: Option<AppliesTo>,
    /// Where the source sits in the order of authority.
    pub level: Level,
    /// Topics the source sets no rule on, each with the reason: what the
    /// pack covers in full although it has no rule of that topic.
    pub silent_on: Vec<(Topic, String)>,
    /// Named on its own (by name, id or path) rather than as part of a
    /// family: a state's pack asked for by name applies even when the
    /// profile does not name the company's state.
    pub requested: bool,
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// A template read on its own with its default parameters: a model
    /// provision, not any company's, whose citations name the model.
    pub model: bool,
    /// The file it came from.
    pub source: Arc<SourceFile>,
    /// Span of the pack's id in [`RulePack::source`].
    pub span: Range<usize>,
}

impl RulePack {
    /// Whether the pack governs `company`: it has no `applies_to`, or its
    /// `applies_to` admits the company ([`AppliesTo::governs`]).
    pub fn governs(&self, company: &crate::model::facts::Company) -> bool {
        self.applies_to
            .as_ref()
            .is_none_or(|a| a.governs(company, self.requested))
    }
}

/// The companies a pack governs, by state or country of incorporation or
/// by exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliesTo {
    /// USPS codes of U.S. states; empty means any state. A pack that lists
    /// states governs only U.S. companies.
    pub states: Vec<String>,
    /// ISO 3166-1 alpha-2 codes of countries of incorporation; empty means
    /// any country.
    pub countries: Vec<String>,
    /// Exchange codes; empty means any exchange.
    pub exchanges: Vec<String>,
    /// For a Canadian pack: the provinces or territories whose corporations
    /// it governs, by code (`ON`), or [`FEDERAL`] for corporations under the
    /// federal statute (a Canadian company whose profile names no
    /// province); empty means any.
    pub provinces: Vec<String>,
    /// When the source does not govern a foreign private issuer: why, with
    /// the authority. A company whose profile says it is one is outside the
    /// pack.
    pub except_foreign_private_issuers: Option<String>,
    /// The legal forms the source governs (a corporation statute:
    /// corporations; Maryland's REIT law: trusts); empty means any.
    pub entities: Vec<crate::model::facts::Entity>,
    /// Who, in words.
    pub description: String,
}

/// In `applies_to.provinces`: a corporation under Canada's federal statute
/// rather than a province's.
pub const FEDERAL: &str = "federal";

/// Reads an entry of `applies_to.provinces`: a province's or territory's
/// code or name, or `federal`.
pub fn province_or_federal(text: &str) -> Option<&'static str> {
    if text.eq_ignore_ascii_case(FEDERAL) {
        Some(FEDERAL)
    } else {
        crate::model::jurisdiction::province_code(text)
    }
}

impl AppliesTo {
    /// Returns why the pack does not govern `company`, or `None` when it
    /// does. When the profile does not name the company's state, country
    /// (or exchange), a pack loaded with its family does not apply, and
    /// says how to fix that; a pack asked for by name (`requested`)
    /// applies.
    pub fn excludes(
        &self,
        company: &crate::model::facts::Company,
        requested: bool,
    ) -> Option<String> {
        self.exclusion(company, requested, true)
    }

    /// Whether the pack governs `company`: [`AppliesTo::excludes`] without
    /// putting the reason into words, for a portfolio's every row.
    pub fn governs(&self, company: &crate::model::facts::Company, requested: bool) -> bool {
        self.exclusion(company, requested, false).is_none()
    }

    /// Why the pack does not govern `company`, in words when `words` is
    /// set (else an empty string stands for the reason).
    fn exclusion(
        &self,
        company: &crate::model::facts::Company,
        requested: bool,
        words: bool,
    ) -> Option<String> {
        use crate::model::jurisdiction::{incorporation_phrase, listing_phrase};
        let say = |text: &dyn Fn() -> String| if words { text() } else { String::new() };
        let place = || {
            incorporation_phrase(company.country.as_deref(), company.state.as_deref())
                .unwrap_or_default()
        };
        if !requested {
            if company.state.is_none() && !company.is_foreign() && !self.states.is_empty() {
                return Some(say(&|| {
                    format!(
                        "applies to {}; the profile does not name {}'s state of incorporation (add `state = \"...\"` under `[company]`)",
                        self.description, company.name
                    )
                }));
            }
            if company.country.is_none() && !self.countries.is_empty() {
                return Some(say(&|| {
                    format!(
                        "applies to {}; the profile does not name {}'s country of incorporation (add `country = \"...\"` under `[company]`)",
                        self.description, company.name
                    )
                }));
            }
            if company.exchange.is_none() && !self.exchanges.is_empty() {
                return Some(say(&|| {
                    format!(
                        "applies to {}; the profile does not name the exchange {} is listed on (add `exchange = \"...\"` under `[company]`)",
                        self.description, company.name
                    )
                }));
            }
        }
        if company.foreign_private_issuer == Some(true)
            && let Some(why) = &self.except_foreign_private_issuers
        {
            return Some(say(&|| why.clone()));
        }
        // A profile that does not give the form is read as a corporation,
        // except by a pack named on its own (a worked case, or a trust's
        // pack the user asked for).
        let entity = company
            .entity
            .unwrap_or(crate::model::facts::Entity::Corporation);
        let governs = self.entities.is_empty()
            || self.entities.contains(&entity)
            || (requested && company.entity.is_none());
        if !governs {
            return Some(say(&|| {
                format!(
                    "applies to {}; {} is a {}{}",
                    self.description,
                    company.name,
                    entity.as_str(),
                    if company.entity.is_none() {
                        " (the profile gives no `entity`; add `entity = \"trust\"` for a trust)"
                    } else {
                        ""
                    }
                )
            }));
        }
        let province_outside = !self.provinces.is_empty()
            && company.country.as_deref() == Some("CA")
            && !self
                .provinces
                .iter()
                .any(|p| *p == company.state.as_deref().unwrap_or(FEDERAL));
        if province_outside {
            return Some(say(&|| {
                let under = match company.state.as_deref() {
                    Some(_) => format!("in {}", place()),
                    None => "under Canada's federal law (no province is given)".to_owned(),
                };
                format!(
                    "applies to {}; {} is incorporated {under}",
                    self.description, company.name
                )
            }));
        }
        let state_outside = !self.states.is_empty()
            && (company.is_foreign()
                || company
                    .state
                    .as_ref()
                    .is_some_and(|s| !self.states.contains(s)));
        let country_outside = !self.countries.is_empty()
            && company
                .country
                .as_ref()
                .is_some_and(|c| !self.countries.contains(c));
        if state_outside || country_outside {
            return Some(say(&|| {
                format!(
                    "applies to {}; {} is incorporated in {}",
                    self.description,
                    company.name,
                    place()
                )
            }));
        }
        if let Some(exchange) = &company.exchange
            && !self.exchanges.is_empty()
            && !self.exchanges.contains(exchange)
        {
            return Some(say(&|| {
                format!(
                    "applies to {}; {} is {}",
                    self.description,
                    company.name,
                    listing_phrase(exchange)
                )
            }));
        }
        None
    }
}

/// A fact a pack declares.
#[derive(Debug, Clone)]
pub struct FactDecl {
    /// Snake-case name.
    pub name: String,
    /// What it means.
    pub summary: String,
}

/// When a time of day applies to a bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeSpec {
    /// The company's "close of business" (its profile; default 17:00) in its zone.
    CloseOfBusiness,
    /// A clock time, in the named zone or else the company's.
    Clock {
        /// Wall-clock time.
        time: NaiveTime,
        /// The zone; `None` means the company's zone.
        zone: Option<Zone>,
    },
}

/// What a branch yields.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A window with optional bounds.
    Window {
        /// Earliest moment.
        opens: Option<Expr>,
        /// Latest moment.
        closes: Option<Expr>,
    },
    /// The law gives no date; these are its words.
    Unspecified(String),
}

/// One `[[rule.branch]]`, or the rule's own bounds as the last branch.
#[derive(Debug, Clone)]
pub struct Branch {
    /// When it applies; the first branch whose condition holds wins.
    pub when: Cond,
    /// A short name ("meeting moved more than 30 days").
    pub label: Option<String>,
    /// Citation for this branch, when it differs from the rule's.
    pub citation: Option<String>,
    /// What it yields.
    pub outcome: Outcome,
}

/// `yields_to`: the loaded rule, found by its tag, that replaces this one.
#[derive(Debug, Clone)]
pub struct Yield {
    /// The tag to look for (`advance_notice`).
    pub tag: String,
    /// Why the tagged rule replaces this one, with its authority.
    pub reason: String,
    /// The rule gives way only when this holds (Rule 14a-4(c)(1)'s bylaw
    /// date replaces the 45-day date at an annual meeting only); `None`:
    /// always.
    pub when: Option<Cond>,
}

/// The provision a rule restates, in the words of a source: the clause
/// itself, or a filing's summary of it, and where those words were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The words, as the source prints them.
    pub text: String,
    /// Where they were read: the document and the part of it.
    pub source: String,
}

/// One obligation.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Snake-case id, unique in its pack.
    pub id: String,
    /// The short name a person reads ("Shareholder proposal deadline (Rule
    /// 14a-8)"), if the pack gives one; [`Rule::name`] falls back to the id.
    pub title: Option<String>,
    /// A plain-English sentence a non-programmer can check.
    pub summary: String,
    /// Citation to the subsection.
    pub citation: String,
    /// Where to read it.
    pub url: Option<String>,
    /// Who must act.
    pub actor: Option<Actor>,
    /// What counts as meeting it.
    pub test: Option<Test>,
    /// How sure the reading is.
    pub certainty: Option<Certainty>,
    /// Interpretation, in words.
    pub notes: Option<String>,
    /// The provision's own words, when the pack carries them.
    pub quote: Option<Quote>,
    /// Old ids of this rule.
    pub aliases: Vec<String>,
    /// If present and false, the rule is not applicable.
    pub applies_when: Option<Cond>,
    /// Why not, in words, when `applies_when` is false.
    pub not_applicable: Option<String>,
    /// Branches in order; the last is usually `otherwise`.
    pub branches: Vec<Branch>,
    /// Roll policy for `opens` and `closes`.
    pub roll: [Roll; 2],
    /// Holiday calendar for business days and rolls.
    pub calendar: String,
    /// Time of day for `opens` and `closes`.
    pub at: [Option<TimeSpec>; 2],
    /// How calendar-day offsets count.
    pub counting: Counting,
    /// Anniversary of 29 February.
    pub leap_day: LeapDay,
    /// Worked cases.
    pub cases: Vec<Case>,
    /// What the rule is, for other rules' `yields_to` (`advance_notice`).
    pub tags: Vec<String>,
    /// A tag whose presence among the loaded rules replaces this rule, and why.
    pub yields_to: Option<Yield>,
    /// What kind of obligation this is; `None` when the pack does not say.
    pub topic: Option<Topic>,
    /// A fact this rule's window constrains (`record_date`): when the facts
    /// give it and it lies outside the window, the result carries a warning.
    pub checks: Option<String>,
    /// The disclosure requirement that makes the company print next year's
    /// date in this year's proxy statement (Rule 14a-5(e)), if any.
    pub disclose_in_proxy: Option<String>,
    /// Span of the rule's id in [`Rule::source`].
    pub span: Range<usize>,
    /// The file the rule was read from: its pack's file, or a template as
    /// instantiated by the pack's `[[use]]`.
    pub source: Arc<SourceFile>,
}

impl Rule {
    /// The name a person reads: the pack's `title`, or else the id.
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }

    /// Returns the roll policy of `bound`.
    pub fn roll_of(&self, bound: BoundName) -> Roll {
        self.roll[bound as usize]
    }

    /// Returns the time of day of `bound`, if any.
    pub fn at_of(&self, bound: BoundName) -> Option<&TimeSpec> {
        self.at[bound as usize].as_ref()
    }
}

/// A worked case: facts in, dates (or a status) out.
#[derive(Debug, Clone)]
pub struct Case {
    /// The facts.
    pub facts: Facts,
    /// Expected opening date.
    pub opens: Option<NaiveDate>,
    /// Expected closing date.
    pub closes: Option<NaiveDate>,
    /// Expected status.
    pub status: Status,
    /// Why, in words.
    pub why: Option<String>,
    /// Span of the case table in [`Case::source`].
    pub span: Range<usize>,
    /// The file the case was written in.
    pub source: Arc<SourceFile>,
}

impl RulePack {
    /// Returns the rule with `id` (or with `id` among its aliases).
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.id == id || r.aliases.iter().any(|a| a == id))
    }
}

/// What kind of answer a rule gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every date is known.
    Computed,
    /// A fact it needs is missing: the answer is given case by case.
    Conditional,
    /// The law gives no date; its words are given instead.
    Unspecified,
    /// The rule does not apply to this meeting; the reason is given.
    NotApplicable,
}

impl Status {
    /// Returns the status as written in files and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Computed => "computed",
            Status::Conditional => "conditional",
            Status::Unspecified => "unspecified",
            Status::NotApplicable => "not applicable",
        }
    }
}

/// Where a pack sits in the order of authority. `govcal check` compares a
/// company's rules with the rules above them that constrain the same fact.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// A shareholder (proponent, nominating holder).
    Shareholder,
    /// The company.
    Company,
    /// A dissident: a person soliciting proxies for its own nominees.
    Dissident,
    /// The board of directors.
    Board,
}

impl Actor {
    /// Returns the actor as written in pack files and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Shareholder => "shareholder",
            Actor::Company => "company",
            Actor::Dissident => "dissident",
            Actor::Board => "board",
        }
    }
}

/// What kind of obligation a rule is: the columns of `govcal rules
/// coverage`, and what a state's law must restate before its coverage is
/// complete.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// When the annual meeting must be held (after which a court may order
    /// one).
    AnnualMeeting,
    /// Notice of the meeting to shareholders.
    MeetingNotice,
    /// The record date, and notices of it.
    RecordDate,
    /// The list of shareholders entitled to vote.
    ShareholderList,
    /// Adjourning a meeting without new notice or a new record date.
    Adjournment,
    /// Shareholder proposals and nominations.
    Proposals,
    /// Action by written consent without a meeting.
    Consent,
    /// Proxy materials and their delivery.
    Solicitation,
    /// Filings and disclosures to a regulator or exchange.
    Filing,
}

impl Topic {
    /// Every topic, in column order.
    pub const ALL: [Topic; 9] = [
        Topic::AnnualMeeting,
        Topic::MeetingNotice,
        Topic::RecordDate,
        Topic::ShareholderList,
        Topic::Adjournment,
        Topic::Proposals,
        Topic::Consent,
        Topic::Solicitation,
        Topic::Filing,
    ];

    /// What a state's (or a country's) corporate law must restate for a
    /// company of that place to count as covered: the meeting's timing,
    /// its notice and its record date.
    pub const CORPORATE_LAW: [Topic; 3] = [
        Topic::AnnualMeeting,
        Topic::MeetingNotice,
        Topic::RecordDate,
    ];

    /// What an exchange's listing rules must restate for a company listed
    /// there to count as covered: when the annual meeting must be held, and
    /// the notice of its record date.
    pub const LISTING_RULES: [Topic; 2] = [Topic::AnnualMeeting, Topic::RecordDate];

    /// Returns the topic as written in pack files.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::AnnualMeeting => "annual_meeting",
            Topic::MeetingNotice => "meeting_notice",
            Topic::RecordDate => "record_date",
            Topic::ShareholderList => "shareholder_list",
            Topic::Adjournment => "adjournment",
            Topic::Proposals => "proposals",
            Topic::Consent => "consent",
            Topic::Solicitation => "solicitation",
            Topic::Filing => "filing",
        }
    }

    /// The topic in words, to follow a possessive: "Texas law's
    /// record-date requirement".
    pub fn words(self) -> &'static str {
        match self {
            Topic::AnnualMeeting => "annual-meeting deadline",
            Topic::MeetingNotice => "meeting-notice window",
            Topic::RecordDate => "record-date window",
            Topic::ShareholderList => "shareholder-list requirement",
            Topic::Adjournment => "adjournment rule",
            Topic::Proposals => "proposal and nomination deadlines",
            Topic::Consent => "written-consent rules",
            Topic::Solicitation => "proxy-delivery rules",
            Topic::Filing => "filing deadlines",
        }
    }

    /// A short column heading.
    pub fn heading(self) -> &'static str {
        match self {
            Topic::AnnualMeeting => "annual meeting",
            Topic::MeetingNotice => "meeting notice",
            Topic::RecordDate => "record date",
            Topic::ShareholderList => "shareholder list",
            Topic::Adjournment => "adjournment",
            Topic::Proposals => "proposals, nominations",
            Topic::Consent => "written consent",
            Topic::Solicitation => "proxy delivery",
            Topic::Filing => "filings",
        }
    }
}

/// What makes the act timely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
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

/// Where the rule's reading comes from, strongest first (the order is
/// that of certainty: a secondary source is weaker than the text).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Read from the text of the rule, statute or bylaw.
    RuleText,
    /// From a secondary source (practitioner memo, staff guidance summary).
    SecondarySource,
    /// Market practice; no authority found.
    Practice,
}

/// How day and week offsets count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// The anchor day is not counted: "90 days before X" is X − 90 (SEC Staff
    /// Legal Bulletin No. 14, part C.3).
    #[default]
    ExcludeAnchor,
    /// Clear days: neither the anchor day nor the end day counts, X − 90 − 1.
    ClearDays,
    /// The anchor day is day one (Rule 14a-6(k)): "10 days from D" ends on D + 9.
    AnchorIsDayOne,
}

/// What the anniversary of 29 February is in a year without one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::Company;
    use crate::model::jurisdiction::read_place;

    fn company(country: Option<&str>, state: Option<&str>, exchange: Option<&str>) -> Company {
        let mut c = Company {
            name: "Acme".to_owned(),
            ..Company::default()
        };
        c.set_place(&read_place(country, state, exchange).unwrap());
        c
    }

    fn to(states: &[&str], countries: &[&str], exchanges: &[&str]) -> AppliesTo {
        let own = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect();
        AppliesTo {
            states: own(states),
            countries: own(countries),
            exchanges: own(exchanges),
            provinces: Vec::new(),
            except_foreign_private_issuers: None,
            entities: Vec::new(),
            description: "them".to_owned(),
        }
    }

    #[test]
    fn a_state_pack_governs_only_us_companies_of_its_states() {
        let de = to(&["DE"], &[], &[]);
        assert_eq!(de.excludes(&company(None, Some("DE"), None), false), None);
        assert_eq!(
            de.excludes(&company(None, Some("TX"), None), false)
                .as_deref(),
            Some("applies to them; Acme is incorporated in Texas")
        );
        // Even asked for by name, it does not govern a Canadian company.
        for requested in [false, true] {
            assert_eq!(
                de.excludes(&company(Some("Canada"), None, None), requested)
                    .as_deref(),
                Some("applies to them; Acme is incorporated in Canada"),
            );
        }
        // With no place at all, asked for by name it applies.
        assert_eq!(de.excludes(&Company::default(), true), None);
        assert!(
            de.excludes(&Company::default(), false)
                .unwrap()
                .contains("add `state = \"...\"`")
        );
    }

    #[test]
    fn a_country_pack_governs_companies_of_its_countries() {
        let ca = to(&[], &["CA"], &[]);
        assert_eq!(
            ca.excludes(&company(Some("CA"), Some("ON"), None), false),
            None
        );
        assert_eq!(
            ca.excludes(&company(None, Some("DE"), None), false)
                .as_deref(),
            Some("applies to them; Acme is incorporated in Delaware")
        );
        assert!(
            ca.excludes(&Company::default(), false)
                .unwrap()
                .contains("add `country = \"...\"`")
        );
    }

    #[test]
    fn an_exchange_pack_says_where_the_company_trades() {
        let nyse = to(&[], &[], &["nyse"]);
        assert_eq!(
            nyse.excludes(&company(None, None, Some("none")), false)
                .as_deref(),
            Some("applies to them; Acme is not listed on an exchange")
        );
        assert_eq!(
            nyse.excludes(&company(None, None, Some("OTCQB")), false)
                .as_deref(),
            Some("applies to them; Acme is quoted on the OTCQB Venture Market")
        );
    }
}
