//! Where a company is incorporated and listed: the names people write
//! ("Delaware", "DE", "delaware"; "Canada", "CA"; "NYSE") and the one
//! spelling govcal keeps (`DE`, `CA`, `nyse`). Company profiles, portfolio
//! rows and packs' `applies_to` all go through here, so "Delaware" in a
//! profile matches `DE` in a pack.
//!
//! A company is incorporated in a U.S. state (`state`, a USPS code: the 50
//! states, the District of Columbia and the five inhabited territories) or
//! in another country (`country`, an ISO 3166-1 alpha-2 code), optionally
//! with a Canadian province in `state`. The two codes live in separate keys
//! because they collide: `CA` is California as a state and Canada as a
//! country, `KY` Kentucky and the Cayman Islands.

mod names;

pub use names::{CANADIAN_PROVINCES, COUNTRIES, EXCHANGES, STATES, UNITED_STATES};
use names::{COUNTRY_ALIASES, EXCHANGE_ALIASES, EXCHANGE_SPELLINGS, STATE_ALIASES};

fn fold(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Finds `text` among `(code, name)` pairs and `(alias, code)` pairs,
/// ignoring case, spaces and punctuation.
fn lookup(
    text: &str,
    table: &[(&'static str, &'static str)],
    aliases: &[(&'static str, &'static str)],
) -> Option<&'static str> {
    let f = fold(text);
    if f.is_empty() {
        return None;
    }
    table
        .iter()
        .find(|(code, name)| fold(code) == f || fold(name) == f)
        .map(|(code, _)| *code)
        .or_else(|| {
            aliases
                .iter()
                .find(|(alias, _)| fold(alias) == f)
                .map(|(_, code)| *code)
        })
}

fn name_of<'a>(code: &'a str, table: &[(&'static str, &'static str)]) -> &'a str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| *n)
}

/// Returns the USPS code for a state, the District of Columbia or a U.S.
/// territory written as its code or its name, in any case ("de",
/// "Delaware", "new york", "Puerto Rico").
pub fn state_code(text: &str) -> Option<&'static str> {
    lookup(text, &STATES, &STATE_ALIASES)
}

/// Returns a state's name from its USPS code ("Delaware").
pub fn state_name(code: &str) -> &str {
    name_of(code, &STATES)
}

/// Returns the code of a Canadian province or territory ("ON" for
/// "Ontario"; "Québec" and "Quebec" alike).
pub fn province_code(text: &str) -> Option<&'static str> {
    lookup(text, &CANADIAN_PROVINCES, &[("Québec", "QC")])
}

/// Returns a Canadian province's or territory's name from its code
/// ("Ontario").
pub fn province_name(code: &str) -> &str {
    name_of(code, &CANADIAN_PROVINCES)
}

/// Returns the ISO 3166-1 alpha-2 code of a country written as its code,
/// its name or a common other name ("CA", "Canada"; "UK", "England and
/// Wales"; "BVI").
pub fn country_code(text: &str) -> Option<&'static str> {
    let t = text.trim();
    let bare = t
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("the "))
        .map_or(t, |_| &t[4..]);
    lookup(bare, &COUNTRIES, &COUNTRY_ALIASES)
}

/// Returns a country's name from its code ("Canada").
pub fn country_name(code: &str) -> &str {
    name_of(code, &COUNTRIES)
}

/// Returns a country's name as it stands in a sentence: "the Netherlands",
/// "the Cayman Islands", "Canada".
pub fn country_in_sentence(code: &str) -> String {
    let name = country_name(code);
    let the = name.ends_with("Islands")
        || name.ends_with("Republic")
        || name.starts_with("United ")
        || name.starts_with("Republic ")
        || name.starts_with("Democratic ")
        || name.starts_with("U.S. ")
        || matches!(
            name,
            "Netherlands"
                | "Bahamas"
                | "Philippines"
                | "Gambia"
                | "Maldives"
                | "Comoros"
                | "Holy See"
                | "Isle of Man"
                | "Russian Federation"
        );
    if the {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// Returns the code of a U.S. territory that ISO 3166 also lists as a
/// country ("PR" for Puerto Rico), or `None`.
fn us_territory(country: &str) -> Option<&'static str> {
    ["PR", "GU", "VI", "AS", "MP"]
        .into_iter()
        .find(|t| *t == country)
}

/// Returns the exchange code for "NYSE", "Nasdaq", "NYSE American",
/// "NYSE Arca", "Cboe", "OTCQX", "OTCQB", "Pink", "none" and the like.
pub fn exchange_code(text: &str) -> Option<&'static str> {
    let f = fold(text);
    EXCHANGES
        .iter()
        .find(|(code, _)| fold(code) == f)
        .map(|(code, _)| *code)
        .or_else(|| {
            EXCHANGE_ALIASES
                .iter()
                .find(|(alias, _)| *alias == f)
                .map(|(_, code)| *code)
        })
}

/// Returns an exchange's name from its code ("the New York Stock
/// Exchange").
pub fn exchange_name(code: &str) -> &str {
    name_of(code, &EXCHANGES)
}

/// Returns whether a company with this exchange code is quoted on an OTC
/// Markets tier rather than listed on an exchange.
fn is_otc(code: &str) -> bool {
    code.starts_with("otc")
}

/// Returns where a company's shares trade, as a predicate: "listed on the
/// New York Stock Exchange", "quoted on the OTCQX Best Market", "not listed
/// on an exchange".
pub fn listing_phrase(code: &str) -> String {
    if code == "none" {
        "not listed on an exchange".to_owned()
    } else if is_otc(code) {
        format!("quoted on {}", exchange_name(code))
    } else {
        format!("listed on {}", exchange_name(code))
    }
}

/// Every spelling of a state a user could mean, for "did you mean" help.
pub fn state_spellings() -> impl Iterator<Item = &'static str> {
    STATES.iter().flat_map(|(c, n)| [*c, *n])
}

/// Every spelling of a Canadian province or territory, for "did you mean"
/// help.
pub fn province_spellings() -> impl Iterator<Item = &'static str> {
    CANADIAN_PROVINCES.iter().flat_map(|(c, n)| [*c, *n])
}

/// Every spelling of an exchange a user could mean, for "did you mean"
/// help.
pub fn exchange_spellings() -> impl Iterator<Item = &'static str> {
    EXCHANGE_SPELLINGS.into_iter()
}

/// Every spelling of a country a user could mean, for "did you mean" help.
pub fn country_spellings() -> impl Iterator<Item = &'static str> {
    COUNTRIES
        .iter()
        .flat_map(|(c, n)| [*c, *n])
        .chain(COUNTRY_ALIASES.iter().map(|(a, _)| *a))
}

/// "did you mean `Texas`?": the nearest spelling, compared without regard
/// to case, counting a swap of two neighbouring letters as one edit
/// ("Texsa"), within a third of the text's length as
/// [`crate::diag::did_you_mean`] allows.
fn suggest(text: &str, known: impl Iterator<Item = &'static str>) -> Option<String> {
    let lower = text.to_lowercase();
    let limit = (lower.chars().count() / 3).max(1);
    known
        .map(|k| (strsim::osa_distance(&lower, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

/// Which key of a company a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `state`.
    State,
    /// `country`.
    Country,
    /// `exchange`.
    Exchange,
}

impl Key {
    /// Returns the key as written in facts files and portfolio columns.
    pub fn as_str(self) -> &'static str {
        match self {
            Key::State => "state",
            Key::Country => "country",
            Key::Exchange => "exchange",
        }
    }
}

/// A value of `state`, `country` or `exchange` that govcal cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The key the value is in.
    pub key: Key,
    /// What is wrong, as a facts file's diagnostic says it: "unknown state
    /// `Texsa`".
    pub message: String,
    /// What is wrong, as a sentence about the value alone (for a portfolio
    /// row): "`Texsa` is not a U.S. state".
    pub sentence: String,
    /// A fix: "did you mean `Texas`?".
    pub help: Option<String>,
}

/// Where a company is incorporated and listed, as codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// ISO 3166-1 alpha-2; `US` when a U.S. state is given.
    pub country: Option<&'static str>,
    /// USPS code (U.S.) or province code (Canada).
    pub state: Option<&'static str>,
    /// Exchange code; `none` when the shares are not listed.
    pub exchange: Option<&'static str>,
}

/// Reads a company's `country`, `state` and `exchange` as written. A U.S.
/// state (or territory) without a country is a U.S. company; a territory
/// given as the country (`country = "Puerto Rico"`) is read as that
/// territory in `state`. Outside the United States, `state` takes only a
/// Canadian province or territory.
///
/// # Errors
///
/// Every value that cannot be read, with a did-you-mean where a known
/// spelling is close.
pub fn read_place(
    country: Option<&str>,
    state: Option<&str>,
    exchange: Option<&str>,
) -> Result<Place, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut place = Place::default();
    if let Some(text) = country {
        match country_code(text) {
            Some(code) => place.country = Some(code),
            None => problems.push(Problem {
                key: Key::Country,
                message: format!("unknown country `{text}`"),
                sentence: format!("`{text}` is not a country govcal knows"),
                help: suggest(text, country_spellings()).or_else(|| {
                    Some(
                        "write the country's name or its ISO 3166 two-letter code, e.g. `Canada` or `CA`"
                            .to_owned(),
                    )
                }),
            }),
        }
    }
    // Puerto Rico and the other territories are U.S. jurisdictions with
    // their own corporation laws: the state, not the country.
    if let Some(t) = place.country.and_then(us_territory) {
        place.country = Some(UNITED_STATES);
        if state.is_none_or(|s| state_code(s) == Some(t)) {
            place.state = Some(t);
        } else if let Some(s) = state {
            problems.push(Problem {
                key: Key::State,
                message: format!("`{s}` is not {}", state_name(t)),
                sentence: format!("`{s}` is not {}", state_name(t)),
                help: Some(format!(
                    "{} is a U.S. territory: write `state = \"{}\"` and leave out `country`",
                    state_name(t),
                    state_name(t)
                )),
            });
        }
    } else if let Some(text) = state {
        match place.country {
            None | Some(UNITED_STATES) => match state_code(text) {
                Some(code) => {
                    place.state = Some(code);
                    place.country = Some(UNITED_STATES);
                }
                None => problems.push(unknown_state(text, country.is_none())),
            },
            Some("CA") => match province_code(text) {
                Some(code) => place.state = Some(code),
                None => problems.push(Problem {
                    key: Key::State,
                    message: format!("unknown province `{text}` of Canada"),
                    sentence: format!("`{text}` is not a province or territory of Canada"),
                    help: suggest(
                        text,
                        CANADIAN_PROVINCES.iter().flat_map(|(c, n)| [*c, *n]),
                    )
                    .or_else(|| {
                        Some("write the province or territory of incorporation, e.g. `Ontario`; leave out `state` for a federal (CBCA) corporation".to_owned())
                    }),
                }),
            },
            Some(other) => problems.push(Problem {
                key: Key::State,
                message: format!(
                    "`state` is for a U.S. state or a Canadian province, not a part of {}",
                    country_in_sentence(other)
                ),
                sentence: format!(
                    "a state is given, but {} has none govcal knows",
                    country_in_sentence(other)
                ),
                help: Some(format!(
                    "leave out `state`: `country = \"{}\"` is enough",
                    country_name(other)
                )),
            }),
        }
    }
    if let Some(text) = exchange {
        match exchange_code(text) {
            Some(code) => place.exchange = Some(code),
            None => problems.push(Problem {
                key: Key::Exchange,
                message: format!("unknown exchange `{text}`"),
                sentence: format!("`{text}` is not an exchange govcal knows"),
                help: if matches!(fold(text).as_str(), "otc" | "otcmarkets" | "otcmarket") {
                    Some("name the OTC Markets tier: `OTCQX`, `OTCQB` or `Pink`".to_owned())
                } else {
                    suggest(text, exchange_spellings()).or_else(|| {
                        Some("govcal knows `NYSE`, `Nasdaq`, `NYSE American`, `NYSE Arca`, `Cboe`, `OTCQX`, `OTCQB`, `Pink` and `none` (not listed)".to_owned())
                    })
                },
            }),
        }
    }
    if problems.is_empty() {
        Ok(place)
    } else {
        Err(problems)
    }
}

/// A `state` that is no U.S. state: a near miss, a Canadian province or a
/// country written in the wrong key (`no_country`: none was given).
fn unknown_state(text: &str, no_country: bool) -> Problem {
    let help = suggest(text, state_spellings())
        .or_else(|| {
            province_code(text)
                .filter(|_| no_country)
                .map(|_| format!("{text} is a province of Canada: add `country = \"Canada\"`"))
        })
        .or_else(|| {
            country_code(text).filter(|_| no_country).map(|c| {
                format!(
                    "{} is a country: write `country = \"{}\"`",
                    country_name(c),
                    country_name(c)
                )
            })
        })
        .or_else(|| {
            Some(
                "write the state's name or its two-letter code, e.g. `Delaware` or `DE`".to_owned(),
            )
        });
    Problem {
        key: Key::State,
        message: format!("unknown state `{text}`"),
        sentence: format!("`{text}` is not a U.S. state"),
        help,
    }
}

/// Returns where a company is incorporated, as a sentence names it:
/// "Delaware", "Ontario, Canada", "the Netherlands", or `None` when neither
/// the country nor the state is known.
pub fn incorporation_phrase(country: Option<&str>, state: Option<&str>) -> Option<String> {
    match (country, state) {
        (None | Some(UNITED_STATES), Some(s)) => Some(state_name(s).to_owned()),
        (Some("CA"), Some(p)) => Some(format!("{}, Canada", province_name(p))),
        (Some(c), _) => Some(country_in_sentence(c)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_names_in_any_case() {
        assert_eq!(state_code("DE"), Some("DE"));
        assert_eq!(state_code("delaware"), Some("DE"));
        assert_eq!(state_code("New York"), Some("NY"));
        assert_eq!(state_code("new_york"), Some("NY"));
        assert_eq!(state_code("Delawere"), None);
        assert_eq!(exchange_code("NYSE"), Some("nyse"));
        assert_eq!(exchange_code("Nasdaq Global Select"), None);
        assert_eq!(exchange_code("NasdaqGS"), Some("nasdaq"));
        assert_eq!(exchange_code("NYSE American"), Some("nyse_american"));
        assert_eq!(state_name("CA"), "California");
    }

    #[test]
    fn every_state_dc_and_territory_is_a_state() {
        for (name, code) in [
            ("Puerto Rico", "PR"),
            ("guam", "GU"),
            ("U.S. Virgin Islands", "VI"),
            ("American Samoa", "AS"),
            ("Northern Mariana Islands", "MP"),
            ("District of Columbia", "DC"),
            ("Washington, D.C.", "DC"),
            ("Texas", "TX"),
            ("wy", "WY"),
        ] {
            assert_eq!(state_code(name), Some(code), "{name}");
        }
        // 50 states, D.C. and five territories, each code once.
        let codes: std::collections::BTreeSet<&str> = STATES.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes.len(), 56);
    }

    #[test]
    fn countries_by_code_name_and_common_name() {
        for (name, code) in [
            ("Canada", "CA"),
            ("ca", "CA"),
            ("Ireland", "IE"),
            ("Bermuda", "BM"),
            ("Cayman Islands", "KY"),
            ("KY", "KY"),
            ("British Virgin Islands", "VG"),
            ("BVI", "VG"),
            ("United Kingdom", "GB"),
            ("UK", "GB"),
            ("England and Wales", "GB"),
            ("Israel", "IL"),
            ("the Netherlands", "NL"),
            ("Netherlands", "NL"),
            ("Luxembourg", "LU"),
            ("Jersey", "JE"),
            ("Switzerland", "CH"),
            ("Korea, Republic of", "KR"),
            ("Curacao", "CW"),
            ("USA", "US"),
        ] {
            assert_eq!(country_code(name), Some(code), "{name}");
        }
        assert_eq!(country_code("Canda"), None);
        let codes: std::collections::BTreeSet<&str> = COUNTRIES.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes.len(), COUNTRIES.len());
        for (alias, code) in COUNTRY_ALIASES {
            assert!(codes.contains(code), "{alias} -> {code}");
        }
        assert_eq!(country_in_sentence("NL"), "the Netherlands");
        assert_eq!(country_in_sentence("KY"), "the Cayman Islands");
        assert_eq!(country_in_sentence("CA"), "Canada");
    }

    #[test]
    fn exchanges_and_their_other_names() {
        for (name, code) in [
            ("NYSE Arca", "nyse_arca"),
            ("Cboe", "cboe"),
            ("Cboe BZX", "cboe"),
            ("OTCQX", "otcqx"),
            ("OTCQB", "otcqb"),
            ("Pink", "otc_pink"),
            ("OTC Pink", "otc_pink"),
            ("none", "none"),
            ("Unlisted", "none"),
            ("AMEX", "nyse_american"),
        ] {
            assert_eq!(exchange_code(name), Some(code), "{name}");
        }
        for (alias, code) in EXCHANGE_ALIASES {
            assert!(EXCHANGES.iter().any(|(c, _)| *c == code), "{alias}");
            assert_eq!(fold(alias), alias, "aliases are written folded");
        }
        assert_eq!(listing_phrase("none"), "not listed on an exchange");
        assert_eq!(listing_phrase("otcqx"), "quoted on the OTCQX Best Market");
        assert_eq!(
            listing_phrase("nyse"),
            "listed on the New York Stock Exchange"
        );
    }

    #[test]
    fn a_place_reads_country_state_and_exchange_together() {
        let p = read_place(None, Some("Texas"), Some("NYSE")).unwrap();
        assert_eq!(
            (p.country, p.state, p.exchange),
            (Some("US"), Some("TX"), Some("nyse"))
        );
        let p = read_place(Some("Canada"), Some("Ontario"), Some("none")).unwrap();
        assert_eq!(
            (p.country, p.state, p.exchange),
            (Some("CA"), Some("ON"), Some("none"))
        );
        let p = read_place(Some("Puerto Rico"), None, None).unwrap();
        assert_eq!((p.country, p.state), (Some("US"), Some("PR")));
        let p = read_place(Some("Cayman Islands"), None, None).unwrap();
        assert_eq!((p.country, p.state), (Some("KY"), None));
        assert_eq!(read_place(None, None, None).unwrap(), Place::default());
    }

    #[test]
    fn near_misses_are_suggested_whatever_the_case() {
        let help = |c, s, e| {
            read_place(c, s, e).unwrap_err()[0]
                .help
                .clone()
                .unwrap_or_default()
        };
        assert_eq!(help(None, Some("texsa"), None), "did you mean `Texas`?");
        assert_eq!(help(Some("Canda"), None, None), "did you mean `Canada`?");
        assert_eq!(help(None, None, Some("nasdq")), "did you mean `Nasdaq`?");
        assert_eq!(
            help(None, None, Some("NYSE Amercan")),
            "did you mean `NYSE American`?"
        );
        assert_eq!(
            help(Some("Canada"), Some("Ontaria"), None),
            "did you mean `Ontario`?"
        );
        assert_eq!(
            help(None, Some("Ontario"), None),
            "Ontario is a province of Canada: add `country = \"Canada\"`"
        );
        assert_eq!(
            help(None, Some("Bermuda"), None),
            "Bermuda is a country: write `country = \"Bermuda\"`"
        );
        assert_eq!(
            help(Some("Ireland"), Some("Dublin"), None),
            "leave out `state`: `country = \"Ireland\"` is enough"
        );
        assert_eq!(
            help(None, None, Some("OTC Markets")),
            "name the OTC Markets tier: `OTCQX`, `OTCQB` or `Pink`"
        );
        let p = &read_place(Some("Mars"), Some("Texsa"), Some("LSEX")).unwrap_err();
        let keys: Vec<Key> = p.iter().map(|p| p.key).collect();
        assert_eq!(keys, [Key::Country, Key::State, Key::Exchange]);
        assert_eq!(p[1].sentence, "`Texsa` is not a U.S. state");
    }

    #[test]
    fn incorporation_in_words() {
        assert_eq!(
            incorporation_phrase(Some("US"), Some("TX")).as_deref(),
            Some("Texas")
        );
        assert_eq!(
            incorporation_phrase(Some("CA"), Some("ON")).as_deref(),
            Some("Ontario, Canada")
        );
        assert_eq!(
            incorporation_phrase(Some("NL"), None).as_deref(),
            Some("the Netherlands")
        );
        assert_eq!(incorporation_phrase(None, None), None);
    }
}
