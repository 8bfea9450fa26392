//! What the loaded packs cover for one company: the packs that govern it,
//! and the law it answers to that no loaded pack restates. A Texas
//! corporation evaluated with the shipped packs gets the SEC's dates and
//! its bylaws' dates, and must be told that Texas law's are missing; a
//! company that names no state must be told that no state's law was
//! applied. "Covered" is computed from the packs' `applies_to` and
//! `level`, never from a list kept here, so a new state's pack makes its
//! note go away.

use serde::Serialize;

use crate::model::facts::Company;
use crate::model::jurisdiction::{
    UNITED_STATES, country_in_sentence, country_name, exchange_name, incorporation_phrase,
    province_name, state_name,
};
use crate::model::rule::{Certainty, FEDERAL, Level, RulePack, Topic};
use crate::pack::load::builtin_scopes;

/// Which part of a company's place no loaded pack covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// The U.S. state of incorporation (or that none is given).
    State,
    /// A country of incorporation outside the United States.
    Country,
    /// Whether the company is a foreign private issuer, which the SEC's
    /// proxy rules do not govern.
    ForeignPrivateIssuer,
    /// The listing exchange (or that none is given).
    Exchange,
}

/// One thing the output does not cover, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCovered {
    /// What is not covered.
    pub what: What,
    /// Its code (`TX`, `CA`, `nyse_arca`); `None` when the profile does not
    /// say.
    pub value: Option<String>,
    /// Its name (`Texas`, `Canada`, `NYSE Arca`); `None` with `value`.
    pub name: Option<String>,
    /// The kinds of deadline missing, when a loaded pack restates the law
    /// only in part; empty when nothing of it is loaded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    /// What is missing from the output and why, in a sentence.
    pub says: String,
}

/// The packs that govern a company and what they leave uncovered.
#[derive(Debug, Clone, Default)]
pub struct Coverage<'p> {
    /// The loaded packs that govern the company, in loading order. Packs
    /// whose `applies_to` excludes it are left out.
    pub packs: Vec<&'p RulePack>,
    /// What no governing pack covers.
    pub not_covered: Vec<NotCovered>,
}

/// The requirements a state's (or country's) corporation law sets for a
/// meeting, as the state packs restate them.
const STATE_LAW: &str = "meeting-notice, record-date and annual-meeting requirements";

/// Returns the topics of `required` ([`Topic::CORPORATE_LAW`] for a
/// state's law, [`Topic::LISTING_RULES`] for an exchange's) that none of
/// `packs` restates: no rule of the topic, and the pack does not say the
/// source is silent on it.
pub fn missing_topics(packs: &[&RulePack], required: &[Topic]) -> Vec<Topic> {
    required
        .iter()
        .copied()
        .filter(|t| !packs.iter().any(|p| covers(p, *t)))
        .collect()
}

/// Whether `pack` restates the source's rules of `topic`: it has a rule of
/// that topic, or says the source sets none.
pub fn covers(pack: &RulePack, topic: Topic) -> bool {
    pack.rules.iter().any(|r| r.topic == Some(topic))
        || pack.silent_on.iter().any(|(t, _)| *t == topic)
}

/// "the annual-meeting deadline and the record-date window".
fn topics_in_words(topics: &[Topic]) -> String {
    let words: Vec<String> = topics
        .iter()
        .map(|t| format!("the {}", t.words()))
        .collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The note for a place (or exchange) whose law (or rules) the governing
/// packs restate only in part, or `None` when they restate all of
/// `required`.
fn partial(
    what: What,
    value: Option<&str>,
    name: Option<&str>,
    label: &str,
    law: &[&RulePack],
) -> Option<NotCovered> {
    let (required, source) = if what == What::Exchange {
        (&Topic::LISTING_RULES[..], "rules")
    } else {
        (&Topic::CORPORATE_LAW[..], "law")
    };
    let missing = missing_topics(law, required);
    if missing.is_empty() {
        return None;
    }
    let ids: Vec<String> = law.iter().map(|p| format!("`{}`", p.id)).collect();
    let (pack, verb) = if ids.len() == 1 {
        ("pack", "has")
    } else {
        ("packs", "have")
    };
    let it = if missing.len() == 1 {
        "it is"
    } else {
        "they are"
    };
    Some(NotCovered {
        what,
        value: value.map(str::to_owned),
        name: name.map(str::to_owned),
        topics: missing.clone(),
        says: format!(
            "{label}: the loaded {pack} for its {source} ({}) {verb} no rule for {}; {it} not computed",
            ids.join(", "),
            topics_in_words(&missing),
        ),
    })
}

/// Returns which loaded packs govern `company` and what its place of
/// incorporation and listing has that none of them covers.
///
/// # Properties
///
/// * A state (or country, or exchange) counts as covered when a governing
///   pack of level `state` (or `exchange`) lists it in `applies_to`.
/// * A state's (or country's) law counts as covered in full only when those
///   packs restate each of [`Topic::CORPORATE_LAW`] (a rule of the topic, or
///   `silent_on` it); what is missing is reported by topic.
/// * With no state given, a governing `state` pack (one asked for by name)
///   stands for the state; with no exchange given, a governing `exchange`
///   pack does. Otherwise "not given" is itself reported.
/// * An exchange of `none` (not listed) needs no pack.
/// * A foreign company whose profile does not say whether it is a foreign
///   private issuer is told that the SEC's dates assume it is not.
pub fn coverage<'p>(company: &Company, packs: &'p [RulePack]) -> Coverage<'p> {
    let governing: Vec<&RulePack> = packs.iter().filter(|p| p.governs(company)).collect();
    let at_level = |level: Level| governing.iter().filter(move |p| p.level == level);
    let mut not_covered = Vec::new();
    if let Some(country) = company.country.as_deref().filter(|c| *c != UNITED_STATES) {
        let law: Vec<&RulePack> = at_level(Level::State)
            .filter(|p| {
                p.applies_to
                    .as_ref()
                    .is_some_and(|a| a.countries.iter().any(|c| c == country))
            })
            .copied()
            .collect();
        let label = match company.state.as_deref() {
            Some(p) if country == "CA" => {
                format!("{} ({})", country_name(country), province_name(p))
            }
            _ => country_name(country).to_owned(),
        };
        if law.is_empty() {
            let place = incorporation_phrase(Some(country), company.state.as_deref())
                .unwrap_or_else(|| country_in_sentence(country));
            not_covered.push(NotCovered {
                what: What::Country,
                value: Some(country.to_owned()),
                name: Some(country_name(country).to_owned()),
                topics: Vec::new(),
                says: format!(
                    "{label}: no pack for the corporate law of {place} is loaded {}, and no U.S. state's law applies; the {STATE_LAW} of the law of incorporation are not computed",
                    builtin_hint(|s| s.level == Level::State
                        && s.countries.contains(&country)
                        && (s.provinces.is_empty()
                            || s.provinces.contains(&company.state.as_deref().unwrap_or(FEDERAL)))),
                ),
            });
        } else {
            not_covered.extend(partial(
                What::Country,
                Some(country),
                Some(country_name(country)),
                &label,
                &law,
            ));
        }
        if company.foreign_private_issuer.is_none() && at_level(Level::Federal).next().is_some() {
            not_covered.push(NotCovered {
                what: What::ForeignPrivateIssuer,
                value: None,
                name: None,
                topics: Vec::new(),
                says: format!(
                    "foreign private issuer: whether {} is one is not known; the SEC's dates assume Regulation 14A governs its proxy solicitations, and it does not govern a foreign private issuer's (17 CFR 240.3a12-3(b)); say `foreign_private_issuer = true` or `false` under `[company]`",
                    company.name
                ),
            });
        }
    } else if let Some(state) = company.state.as_deref() {
        let law: Vec<&RulePack> = at_level(Level::State)
            .filter(|p| {
                p.applies_to
                    .as_ref()
                    .is_some_and(|a| a.states.iter().any(|s| s == state))
            })
            .copied()
            .collect();
        let name = state_name(state);
        if law.is_empty() {
            not_covered.push(NotCovered {
                what: What::State,
                value: Some(state.to_owned()),
                name: Some(name.to_owned()),
                topics: Vec::new(),
                says: format!(
                    "{name}: no pack for {name} corporate law is loaded {}; {name} law's {STATE_LAW} are not computed",
                    builtin_hint(|s| s.level == Level::State && s.states.contains(&state)),
                ),
            });
        } else {
            not_covered.extend(partial(What::State, Some(state), Some(name), name, &law));
        }
    } else {
        let law: Vec<&RulePack> = at_level(Level::State).copied().collect();
        if law.is_empty() {
            not_covered.push(NotCovered {
                what: What::State,
                value: None,
                name: None,
                topics: Vec::new(),
                says: format!(
                    "state of incorporation not given: no state's corporate law is applied, so its {STATE_LAW} are not computed (add `state = \"...\"` under `[company]`, or `country = \"...\"` for a company incorporated outside the United States)"
                ),
            });
        } else {
            not_covered.extend(partial(
                What::State,
                None,
                None,
                "state of incorporation not given",
                &law,
            ));
        }
    }
    match company.exchange.as_deref() {
        Some("none") => {}
        Some(exchange) => {
            let rules: Vec<&RulePack> = at_level(Level::Exchange)
                .filter(|p| {
                    p.applies_to
                        .as_ref()
                        .is_some_and(|a| a.exchanges.iter().any(|e| e == exchange))
                })
                .copied()
                .collect();
            let name = exchange_label(exchange);
            if rules.is_empty() {
                not_covered.push(NotCovered {
                    what: What::Exchange,
                    value: Some(exchange.to_owned()),
                    name: Some(name.to_owned()),
                    topics: Vec::new(),
                    says: format!(
                        "{name}: no pack for the rules of {} is loaded {}; any record-date notice or annual-meeting requirement they set is not computed",
                        exchange_name(exchange),
                        builtin_hint(|s| s.level == Level::Exchange
                            && s.exchanges.contains(&exchange)),
                    ),
                });
            } else {
                not_covered.extend(partial(
                    What::Exchange,
                    Some(exchange),
                    Some(name),
                    name,
                    &rules,
                ));
            }
        }
        None => {
            if at_level(Level::Exchange).next().is_none() {
                not_covered.push(NotCovered {
                    what: What::Exchange,
                    value: None,
                    name: None,
                    topics: Vec::new(),
                    says: "listing exchange not given: no exchange's listing rules are applied (add `exchange = \"...\"` under `[company]`, or `exchange = \"none\"` if the shares are not listed)".to_owned(),
                });
            }
        }
    }
    Coverage {
        packs: governing,
        not_covered,
    }
}

/// One cell of the coverage table: a pack that restates a topic for a
/// place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The pack's id.
    pub pack: String,
    /// The certainties of its rules of the topic, strongest first, each
    /// once (`None`: a rule states none); empty when the pack is silent on
    /// the topic.
    pub certainty: Vec<Option<Certainty>>,
    /// The pack says the source sets no rule of the topic.
    pub silent: bool,
}

/// One row of the coverage table: a place (or all U.S. registrants) and,
/// for each of [`Topic::ALL`], the packs that restate it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The place, in words: "Texas", "Canada, Ontario", "NYSE".
    pub place: String,
    /// One list per topic, in [`Topic::ALL`] order.
    pub cells: Vec<Vec<Cell>>,
}

/// What the loaded packs cover, place by place and topic by topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The places some pack governs: federal first, then U.S. states,
    /// countries and exchanges, each alphabetically.
    pub rows: Vec<Row>,
    /// The U.S. states, D.C. and territories no pack governs, by name.
    pub states_without_pack: Vec<&'static str>,
}

/// Where a row sits: federal, states, countries, exchanges.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Everyone,
    State(String),
    Country(String),
    Exchange(String),
}

/// Builds the coverage table of `packs` (a company's own bylaws, level
/// `company`, are left out).
///
/// # Properties
///
/// * A pack appears in the row of every place its `applies_to` lists
///   (each province separately for a Canadian pack); a federal pack that
///   lists no place stands in the first row, for every U.S. registrant.
/// * A cell lists the packs with a rule of the topic, or that say the
///   source is silent on it, with the certainties of those rules.
pub fn table(packs: &[RulePack]) -> Table {
    use crate::model::jurisdiction::STATES;
    let mut rows: std::collections::BTreeMap<Place, Vec<Vec<Cell>>> =
        std::collections::BTreeMap::new();
    for pack in packs.iter().filter(|p| p.level != Level::Company) {
        let places: Vec<Place> = match &pack.applies_to {
            Some(a) if !a.states.is_empty() => {
                // A pack for trusts alone (Maryland's REIT law) has a row of
                // its own beside the state's corporation law.
                let trusts = !a.entities.is_empty()
                    && !a
                        .entities
                        .contains(&crate::model::facts::Entity::Corporation);
                a.states
                    .iter()
                    .map(|s| {
                        Place::State(if trusts {
                            format!("{s}|trusts")
                        } else {
                            s.clone()
                        })
                    })
                    .collect()
            }
            Some(a) if !a.countries.is_empty() => a
                .countries
                .iter()
                .flat_map(|c| {
                    if a.provinces.is_empty() {
                        vec![Place::Country(country_name(c).to_owned())]
                    } else {
                        a.provinces
                            .iter()
                            .map(|p| {
                                let part = if p == FEDERAL {
                                    "federal corporations"
                                } else {
                                    province_name(p)
                                };
                                Place::Country(format!("{}, {part}", country_name(c)))
                            })
                            .collect()
                    }
                })
                .collect(),
            Some(a) if !a.exchanges.is_empty() => a
                .exchanges
                .iter()
                .map(|e| Place::Exchange(exchange_label(e).to_owned()))
                .collect(),
            _ => vec![Place::Everyone],
        };
        for place in places {
            let cells = rows
                .entry(place)
                .or_insert_with(|| vec![Vec::new(); Topic::ALL.len()]);
            for (i, topic) in Topic::ALL.into_iter().enumerate() {
                let rules: Vec<&crate::model::rule::Rule> = pack
                    .rules
                    .iter()
                    .filter(|r| r.topic == Some(topic))
                    .collect();
                let silent = rules.is_empty() && pack.silent_on.iter().any(|(t, _)| *t == topic);
                if rules.is_empty() && !silent {
                    continue;
                }
                let mut certainty: Vec<Option<Certainty>> = if silent {
                    Vec::new()
                } else {
                    rules.iter().map(|r| r.certainty).collect()
                };
                certainty.sort_unstable();
                certainty.dedup();
                cells[i].push(Cell {
                    pack: pack.id.clone(),
                    certainty,
                    silent,
                });
            }
        }
    }
    let governed: Vec<&str> = rows
        .keys()
        .filter_map(|p| match p {
            Place::State(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let mut states_without_pack: Vec<&'static str> = STATES
        .iter()
        .filter(|(code, _)| !governed.contains(code))
        .map(|(_, name)| *name)
        .collect();
    states_without_pack.sort_unstable();
    let mut rows: Vec<(Place, Vec<Vec<Cell>>)> = rows.into_iter().collect();
    // States sort by name, not code.
    rows.sort_by(|(a, _), (b, _)| {
        let key = |p: &Place| match p {
            Place::State(s) => Place::State(state_label(s)),
            other => other.clone(),
        };
        key(a).cmp(&key(b))
    });
    Table {
        rows: rows
            .into_iter()
            .map(|(place, cells)| Row {
                place: match place {
                    Place::Everyone => "United States (all registrants)".to_owned(),
                    Place::State(s) => state_label(&s),
                    Place::Country(c) | Place::Exchange(c) => c,
                },
                cells,
            })
            .collect(),
        states_without_pack,
    }
}

/// A state row's label: "Maryland", or "Maryland (trusts)" for a pack of
/// trusts alone.
fn state_label(key: &str) -> String {
    match key.split_once('|') {
        Some((code, what)) => format!("{} ({what})", state_name(code)),
        None => state_name(key).to_owned(),
    }
}

/// An exchange's name without its article, to start a sentence:
/// "New York Stock Exchange", "NYSE Arca".
fn exchange_label(code: &str) -> &str {
    let name = exchange_name(code);
    name.strip_prefix("the ").unwrap_or(name)
}

/// "(the built-in `states/delaware` has one)" when a built-in pack that
/// was not loaded covers the place, else "(govcal has none built in)".
fn builtin_hint(covers: impl Fn(&crate::pack::load::BuiltinScope) -> bool) -> String {
    match builtin_scopes().iter().find(|s| covers(s)) {
        Some(s) => format!("(the built-in `{}` has one)", s.name),
        None => "(govcal has none built in)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::jurisdiction::read_place;
    use crate::pack::load::Library;

    fn library(specs: &[&str]) -> Library {
        let specs: Vec<String> = specs.iter().map(|s| (*s).to_owned()).collect();
        Library::load(&specs, None).expect("built-in packs load")
    }

    fn company(country: Option<&str>, state: Option<&str>, exchange: Option<&str>) -> Company {
        let mut c = Company {
            name: "Acme".to_owned(),
            ..Company::default()
        };
        c.set_place(&read_place(country, state, exchange).expect("a known place"));
        c
    }

    fn whats<'c>(c: &'c Coverage<'_>) -> Vec<(What, Option<&'c str>)> {
        c.not_covered
            .iter()
            .map(|n| (n.what, n.value.as_deref()))
            .collect()
    }

    #[test]
    fn a_delaware_nyse_company_is_covered_and_its_packs_are_listed() {
        let lib = library(&["sec", "states", "exchanges"]);
        let c = coverage(&company(None, Some("DE"), Some("NYSE")), &lib.packs);
        assert!(c.not_covered.is_empty(), "{:?}", c.not_covered);
        let ids: Vec<&str> = c.packs.iter().map(|p| p.id.as_str()).collect();
        assert!(ids.contains(&"us_de_dgcl"), "{ids:?}");
        assert!(ids.contains(&"nyse_listed_company_manual"), "{ids:?}");
        assert!(!ids.contains(&"us_ca_corporations_code"), "{ids:?}");
        assert!(!ids.contains(&"nasdaq_listing_rules"), "{ids:?}");
    }

    #[test]
    fn the_mbca_pack_covers_the_states_in_its_applies_to() {
        let lib = library(&["sec", "states", "exchanges"]);
        for state in ["AL", "IA", "ME", "MS", "WV"] {
            let c = coverage(&company(None, Some(state), Some("none")), &lib.packs);
            assert!(c.not_covered.is_empty(), "{state}: {:?}", c.not_covered);
        }
    }

    #[test]
    fn a_company_of_a_state_without_a_pack_is_told_its_law_is_not_covered() {
        let lib = library(&["sec", "states", "exchanges"]);
        let c = coverage(&company(None, Some("Kentucky"), Some("Nasdaq")), &lib.packs);
        assert_eq!(whats(&c), [(What::State, Some("KY"))]);
        assert_eq!(
            c.not_covered[0].says,
            "Kentucky: no pack for Kentucky corporate law is loaded (govcal has none built in); Kentucky law's meeting-notice, record-date and annual-meeting requirements are not computed"
        );
    }

    /// Issue 16, point 6: a state's pack that restates only part of the
    /// law leaves the rest "not covered", topic by topic, rather than
    /// marking the whole state covered.
    #[test]
    fn a_partial_state_pack_names_the_kinds_of_deadline_it_lacks() {
        let lib = library(&["sec", "states", "exchanges"]);
        // Illinois's pack restates the annual meeting (805 ILCS 5/7.05) but
        // not 7.15 (notice) or 7.25 (record date), whose text was not read.
        let c = coverage(&company(None, Some("IL"), Some("none")), &lib.packs);
        assert_eq!(whats(&c), [(What::State, Some("IL"))]);
        assert_eq!(
            c.not_covered[0].topics,
            [Topic::MeetingNotice, Topic::RecordDate]
        );
        assert_eq!(
            c.not_covered[0].says,
            "Illinois: the loaded pack for its law (`us_il_bca`) has no rule for the meeting-notice window and the record-date window; they are not computed"
        );
        // A pack that says its statute is silent on a topic covers it:
        // Maryland sets no outer limit for the annual meeting (§ 2-501).
        let c = coverage(&company(None, Some("MD"), Some("none")), &lib.packs);
        assert!(c.not_covered.is_empty(), "{:?}", c.not_covered);
    }

    #[test]
    fn missing_topics_counts_rules_and_silence() {
        let lib = library(&["states/maryland", "states/illinois"]);
        let md = lib
            .packs
            .iter()
            .find(|p| p.id == "us_md_corps_assns")
            .unwrap();
        assert!(covers(md, Topic::AnnualMeeting), "silent_on counts");
        assert!(covers(md, Topic::RecordDate), "a rule counts");
        assert!(!covers(md, Topic::ShareholderList));
        let il = lib.packs.iter().find(|p| p.id == "us_il_bca").unwrap();
        assert_eq!(
            missing_topics(&[md, il], &Topic::CORPORATE_LAW),
            Vec::<Topic>::new()
        );
        assert_eq!(
            missing_topics(&[il], &Topic::CORPORATE_LAW),
            [Topic::MeetingNotice, Topic::RecordDate]
        );
    }

    #[test]
    fn a_state_pack_left_out_of_the_library_is_named() {
        let lib = library(&["sec"]);
        let c = coverage(&company(None, Some("DE"), Some("none")), &lib.packs);
        assert_eq!(whats(&c), [(What::State, Some("DE"))]);
        assert!(
            c.not_covered[0]
                .says
                .contains("(the built-in `states/delaware` has one)"),
            "{}",
            c.not_covered[0].says
        );
    }

    /// A Canadian company gets the pack of its own statute: the CBCA when
    /// the profile names no province, Ontario's OBCA for an Ontario
    /// corporation, and none for a province without a pack; the SEC's dates
    /// carry a note until the profile says whether it is a foreign private
    /// issuer.
    #[test]
    fn a_canadian_company_gets_its_own_statute_and_a_note() {
        let lib = library(&["sec", "states", "countries", "exchanges"]);
        let ids = |c: &Coverage<'_>| -> Vec<String> {
            c.packs
                .iter()
                .filter(|p| p.level == Level::State)
                .map(|p| p.id.clone())
                .collect()
        };
        let federal = coverage(&company(Some("Canada"), None, Some("NYSE")), &lib.packs);
        assert_eq!(ids(&federal), ["ca_cbca"]);
        assert_eq!(whats(&federal), [(What::ForeignPrivateIssuer, None)]);
        let ontario = coverage(
            &company(Some("Canada"), Some("Ontario"), Some("NYSE")),
            &lib.packs,
        );
        assert_eq!(ids(&ontario), ["ca_on_obca"]);
        // The OBCA pack has no record-date rule (s. 95 was not read).
        assert_eq!(ontario.not_covered[0].topics, [Topic::RecordDate]);
        assert!(
            ontario.not_covered[0]
                .says
                .starts_with("Canada (Ontario): the loaded pack for its law (`ca_on_obca`)"),
            "{}",
            ontario.not_covered[0].says
        );
        let bc = coverage(
            &company(Some("Canada"), Some("British Columbia"), Some("NYSE")),
            &lib.packs,
        );
        assert!(ids(&bc).is_empty());
        assert_eq!(
            whats(&bc),
            [
                (What::Country, Some("CA")),
                (What::ForeignPrivateIssuer, None)
            ]
        );
        assert!(
            bc.not_covered[0].says.starts_with(
                "Canada (British Columbia): no pack for the corporate law of British Columbia, Canada is loaded (govcal has none built in)"
            ),
            "{}",
            bc.not_covered[0].says
        );
    }

    /// Issue 16, point 2: a profile that says the company is a foreign
    /// private issuer takes it outside the SEC's packs, with Rule
    /// 3a12-3(b) as the reason, and the note asking goes away; `false`
    /// keeps the SEC's packs and also silences the note.
    #[test]
    fn a_foreign_private_issuer_is_outside_the_secs_packs() {
        let lib = library(&["sec", "countries", "exchanges"]);
        let mut fpi = company(Some("Ireland"), None, Some("Nasdaq"));
        fpi.foreign_private_issuer = Some(true);
        let c = coverage(&fpi, &lib.packs);
        assert!(c.packs.iter().all(|p| p.level != Level::Federal));
        assert!(c.not_covered.is_empty(), "{:?}", c.not_covered);
        let sec = lib
            .packs
            .iter()
            .find(|p| p.id == "sec_regulation_14a")
            .unwrap();
        let why = sec.applies_to.as_ref().unwrap().excludes(&fpi, false);
        assert!(why.unwrap().contains("17 CFR 240.3a12-3(b)"));
        fpi.foreign_private_issuer = Some(false);
        let c = coverage(&fpi, &lib.packs);
        assert!(c.packs.iter().any(|p| p.id == "sec_regulation_14a"));
        assert!(c.not_covered.is_empty(), "{:?}", c.not_covered);
    }

    #[test]
    fn what_is_not_given_is_said() {
        let lib = library(&["sec", "states", "exchanges"]);
        let c = coverage(&company(None, None, None), &lib.packs);
        assert_eq!(whats(&c), [(What::State, None), (What::Exchange, None)]);
        // A state's pack asked for by name stands for the state not given.
        let lib = library(&["sec", "states/delaware", "exchanges/nyse"]);
        let c = coverage(&company(None, None, None), &lib.packs);
        assert!(c.not_covered.is_empty(), "{:?}", c.not_covered);
    }

    #[test]
    fn an_exchange_without_a_pack_is_named_and_none_needs_none() {
        let lib = library(&["sec", "states", "exchanges"]);
        let c = coverage(&company(None, Some("DE"), Some("NYSE Arca")), &lib.packs);
        assert_eq!(whats(&c), [(What::Exchange, Some("nyse_arca"))]);
        assert!(c.not_covered[0].says.starts_with(
            "NYSE Arca: no pack for the rules of NYSE Arca is loaded (govcal has none built in)"
        ));
        // A pack for the exchange that restates neither when the annual
        // meeting must be held nor a record-date notice leaves both named.
        let c = coverage(&company(None, Some("DE"), Some("OTCQX")), &lib.packs);
        assert_eq!(
            c.not_covered[0].says,
            "OTCQX Best Market: the loaded packs for its rules (`otc_markets`, `otc_markets_otcqx`) have no rule for the annual-meeting deadline and the record-date window; they are not computed"
        );
        assert_eq!(
            c.not_covered[0].topics,
            [Topic::AnnualMeeting, Topic::RecordDate]
        );
        let c = coverage(&company(None, Some("DE"), Some("none")), &lib.packs);
        assert!(c.not_covered.is_empty());
    }
}
