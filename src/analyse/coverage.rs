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
use crate::model::rule::{Level, RulePack};
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

/// Returns which loaded packs govern `company` and what its place of
/// incorporation and listing has that none of them covers.
///
/// # Properties
///
/// * A state (or country, or exchange) counts as covered when a governing
///   pack of level `state` (or `exchange`) lists it in `applies_to`.
/// * With no state given, a governing `state` pack (one asked for by name)
///   stands for the state; with no exchange given, a governing `exchange`
///   pack does. Otherwise "not given" is itself reported.
/// * An exchange of `none` (not listed) needs no pack.
pub fn coverage<'p>(company: &Company, packs: &'p [RulePack]) -> Coverage<'p> {
    let governing: Vec<&RulePack> = packs
        .iter()
        .filter(|p| {
            p.applies_to
                .as_ref()
                .is_none_or(|a| a.excludes(company, p.requested).is_none())
        })
        .collect();
    let at_level = |level: Level| governing.iter().filter(move |p| p.level == level);
    let mut not_covered = Vec::new();
    if let Some(country) = company.country.as_deref().filter(|c| *c != UNITED_STATES) {
        let covered = at_level(Level::State).any(|p| {
            p.applies_to
                .as_ref()
                .is_some_and(|a| a.countries.iter().any(|c| c == country))
        });
        if !covered {
            let place = incorporation_phrase(Some(country), company.state.as_deref())
                .unwrap_or_else(|| country_in_sentence(country));
            let label = match company.state.as_deref() {
                Some(p) if country == "CA" => {
                    format!("{} ({})", country_name(country), province_name(p))
                }
                _ => country_name(country).to_owned(),
            };
            not_covered.push(NotCovered {
                what: What::Country,
                value: Some(country.to_owned()),
                name: Some(country_name(country).to_owned()),
                says: format!(
                    "{label}: no pack for the corporate law of {place} is loaded {}, and no U.S. state's law applies; the {STATE_LAW} of the law of incorporation are not computed",
                    builtin_hint(|s| s.level == Level::State && s.countries.contains(&country)),
                ),
            });
        }
        if at_level(Level::Federal).next().is_some() {
            not_covered.push(NotCovered {
                what: What::ForeignPrivateIssuer,
                value: None,
                name: None,
                says: format!(
                    "foreign private issuer: whether {} is one is not known; the SEC's dates assume Regulation 14A governs its proxy solicitations, and it does not govern a foreign private issuer's (17 CFR 240.3a12-3(b))",
                    company.name
                ),
            });
        }
    } else if let Some(state) = company.state.as_deref() {
        let covered = at_level(Level::State).any(|p| {
            p.applies_to
                .as_ref()
                .is_some_and(|a| a.states.iter().any(|s| s == state))
        });
        if !covered {
            let name = state_name(state);
            not_covered.push(NotCovered {
                what: What::State,
                value: Some(state.to_owned()),
                name: Some(name.to_owned()),
                says: format!(
                    "{name}: no pack for {name} corporate law is loaded {}; {name} law's {STATE_LAW} are not computed",
                    builtin_hint(|s| s.level == Level::State && s.states.contains(&state)),
                ),
            });
        }
    } else if at_level(Level::State).next().is_none() {
        not_covered.push(NotCovered {
            what: What::State,
            value: None,
            name: None,
            says: format!(
                "state of incorporation not given: no state's corporate law is applied, so its {STATE_LAW} are not computed (add `state = \"...\"` under `[company]`, or `country = \"...\"` for a company incorporated outside the United States)"
            ),
        });
    }
    match company.exchange.as_deref() {
        Some("none") => {}
        Some(exchange) => {
            let covered = at_level(Level::Exchange).any(|p| {
                p.applies_to
                    .as_ref()
                    .is_some_and(|a| a.exchanges.iter().any(|e| e == exchange))
            });
            if !covered {
                let name = exchange_label(exchange);
                not_covered.push(NotCovered {
                    what: What::Exchange,
                    value: Some(exchange.to_owned()),
                    name: Some(name.to_owned()),
                    says: format!(
                        "{name}: no pack for the rules of {} is loaded {}; any record-date notice or annual-meeting requirement they set is not computed",
                        exchange_name(exchange),
                        builtin_hint(|s| s.level == Level::Exchange
                            && s.exchanges.contains(&exchange)),
                    ),
                });
            }
        }
        None => {
            if at_level(Level::Exchange).next().is_none() {
                not_covered.push(NotCovered {
                    what: What::Exchange,
                    value: None,
                    name: None,
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
    fn a_texas_company_is_told_texas_law_is_not_covered() {
        let lib = library(&["sec", "states", "exchanges"]);
        let c = coverage(&company(None, Some("Texas"), Some("Nasdaq")), &lib.packs);
        assert_eq!(whats(&c), [(What::State, Some("TX"))]);
        assert_eq!(
            c.not_covered[0].says,
            "Texas: no pack for Texas corporate law is loaded (govcal has none built in); Texas law's meeting-notice, record-date and annual-meeting requirements are not computed"
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

    #[test]
    fn a_canadian_company_gets_no_state_pack_and_a_note() {
        let lib = library(&["sec", "states", "exchanges"]);
        let c = coverage(
            &company(Some("Canada"), Some("Ontario"), Some("NYSE")),
            &lib.packs,
        );
        assert!(c.packs.iter().all(|p| p.level != Level::State));
        assert_eq!(
            whats(&c),
            [
                (What::Country, Some("CA")),
                (What::ForeignPrivateIssuer, None)
            ]
        );
        assert!(
            c.not_covered[0].says.starts_with(
                "Canada (Ontario): no pack for the corporate law of Ontario, Canada is loaded"
            ),
            "{}",
            c.not_covered[0].says
        );
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
        let c = coverage(&company(None, Some("DE"), Some("OTCQX")), &lib.packs);
        assert!(c.not_covered[0].says.starts_with("OTCQX Best Market: "));
        let c = coverage(&company(None, Some("DE"), Some("none")), &lib.packs);
        assert!(c.not_covered.is_empty());
    }
}
