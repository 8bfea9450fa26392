//! Facts: a meeting's named dates and the company they belong to, as
//! plain data.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};

use crate::model::expr::MeetingKind;
use crate::model::zone::Zone;

/// The facts every pack may use, with what each means.
pub const STANDARD_FACTS: [(&str, &str); 13] = [
    ("meeting", "the date of the meeting"),
    (
        "meeting_kind",
        "whether the meeting is the annual meeting or a special meeting",
    ),
    (
        "prior_meeting",
        "the date of last year's annual meeting (missing: none was held)",
    ),
    (
        "announcement",
        "the date the meeting date was first publicly announced",
    ),
    (
        "prior_proxy_release",
        "the date last year's proxy statement was first sent or made available to shareholders",
    ),
    (
        "proxy_release",
        "the date this year's proxy statement is first sent or made available",
    ),
    ("record_date", "the record date for the meeting"),
    ("notice_mailing", "the date the notice of meeting is sent"),
    (
        "preliminary_filing",
        "the date the preliminary proxy statement is filed with the SEC",
    ),
    (
        "definitive_filing",
        "the date the definitive proxy statement is filed with the SEC",
    ),
    ("fiscal_year_end", "the last day of the fiscal year"),
    (
        "nomination_notice",
        "the date a shareholder's notice of director nominations reaches the company",
    ),
    (
        "business_notice",
        "the date a shareholder's notice of business other than nominations reaches the company",
    ),
];

/// Returns a short noun phrase for a fact, for explanations: "the meeting".
pub fn fact_phrase(name: &str) -> String {
    match name {
        "meeting" => "the meeting".to_owned(),
        "prior_meeting" => "the prior annual meeting".to_owned(),
        "announcement" => "the first public announcement of the meeting date".to_owned(),
        "prior_proxy_release" => "the release of last year's proxy statement".to_owned(),
        "proxy_release" => "the release of this year's proxy statement".to_owned(),
        "record_date" => "the record date".to_owned(),
        "notice_mailing" => "the mailing of the notice of meeting".to_owned(),
        "preliminary_filing" => "the filing of the preliminary proxy statement".to_owned(),
        "definitive_filing" => "the filing of the definitive proxy statement".to_owned(),
        "fiscal_year_end" => "the fiscal year end".to_owned(),
        "nomination_notice" => "the shareholder's notice of nominations".to_owned(),
        "business_notice" => "the shareholder's notice of other business".to_owned(),
        other => format!("`{other}`"),
    }
}

/// A meeting's named dates; any of them may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    dates: BTreeMap<String, NaiveDate>,
    /// Annual (the default) or special.
    pub meeting_kind: MeetingKind,
}

impl Facts {
    /// Returns the date of fact `name`, if known.
    pub fn get(&self, name: &str) -> Option<NaiveDate> {
        self.dates.get(name).copied()
    }

    /// Sets fact `name` to `date`.
    pub fn set(&mut self, name: impl Into<String>, date: NaiveDate) {
        self.dates.insert(name.into(), date);
    }

    /// Removes fact `name`.
    pub fn remove(&mut self, name: &str) {
        self.dates.remove(name);
    }

    /// Returns every known date fact, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, NaiveDate)> {
        self.dates.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// The legal form of the company, which decides which statute governs its
/// meetings: a Maryland real estate investment trust formed as a trust
/// answers to Title 8 of the Corporations and Associations Article, not to
/// the corporation law of Title 2.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Entity {
    /// A corporation (the default).
    #[default]
    Corporation,
    /// A business or real estate investment trust formed as a trust.
    Trust,
}

impl Entity {
    /// Every form, as written in profiles and packs.
    pub const ALL: [(&'static str, Entity); 2] = [
        ("corporation", Entity::Corporation),
        ("trust", Entity::Trust),
    ];

    /// Reads `corporation` or `trust`, in any case.
    pub fn parse(text: &str) -> Option<Entity> {
        Entity::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text.trim()))
            .map(|(_, e)| *e)
    }

    /// Returns the form as written in profiles and packs.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Corporation => "corporation",
            Entity::Trust => "trust",
        }
    }
}

/// The company a meeting belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    /// Name as it appears in filings.
    pub name: String,
    /// Country of incorporation, as its ISO 3166-1 alpha-2 code (`US`,
    /// `CA`); `US` whenever a U.S. state is given; `None` when neither is.
    pub country: Option<String>,
    /// State of incorporation: a USPS code (`CA` is California) for a U.S.
    /// company, a province's code (`ON`) for a Canadian one.
    pub state: Option<String>,
    /// Listing exchange code (`nyse`, `nasdaq`; `none` when not listed).
    pub exchange: Option<String>,
    /// Zone of the principal executive offices.
    pub zone: Zone,
    /// What "close of business" means there.
    pub close_of_business: NaiveTime,
    /// Rule packs that apply: built-in names or paths.
    pub rules: Vec<String>,
    /// Whether the company is a foreign private issuer (17 CFR 240.3b-4(c)),
    /// whose securities Rule 3a12-3(b) exempts from the SEC's proxy rules;
    /// `None` when the profile does not say.
    pub foreign_private_issuer: Option<bool>,
    /// Its legal form; `None` when the profile does not say, which is read
    /// as a corporation except by a pack named on its own.
    pub entity: Option<Entity>,
    /// Where shareholders send proposals and notices (the Corporate
    /// Secretary's address), on one line; `None` when the profile does not
    /// say.
    pub secretary_address: Option<String>,
}

impl Company {
    /// Returns whether the company is incorporated outside the United
    /// States (as far as its profile says).
    pub fn is_foreign(&self) -> bool {
        self.country
            .as_deref()
            .is_some_and(|c| c != crate::model::jurisdiction::UNITED_STATES)
    }

    /// Sets the country, state and exchange read by
    /// [`crate::model::jurisdiction::read_place`]; a value not given there
    /// leaves the company's as it was.
    pub fn set_place(&mut self, place: &crate::model::jurisdiction::Place) {
        if let Some(c) = place.country {
            self.country = Some(c.to_owned());
            // A new country makes a state read for another one meaningless.
            if place.state.is_none() {
                self.state = None;
            }
        }
        if let Some(s) = place.state {
            self.state = Some(s.to_owned());
        }
        if let Some(e) = place.exchange {
            self.exchange = Some(e.to_owned());
        }
    }
}

impl Default for Company {
    fn default() -> Self {
        Company {
            name: "Company".to_owned(),
            country: None,
            state: None,
            exchange: None,
            zone: Zone::NEW_YORK,
            close_of_business: NaiveTime::from_hms_opt(17, 0, 0).expect("17:00 is a time"),
            rules: Vec::new(),
            foreign_private_issuer: None,
            entity: None,
            secretary_address: None,
        }
    }
}
