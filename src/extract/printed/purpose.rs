//! What a printed deadline is for, read from the words of its sentence,
//! clause, table row or column header.

use super::Purpose;

/// How well the words support a purpose: a rule or right named outright
/// beats inclusion wording, which beats a mention of the bylaws.
pub(super) type Strength = u8;

/// A rule or right named outright ("Rule 14a-8", "proxy access", "outside
/// of Rule 14a-8", "universal proxy").
pub(super) const NAMED: Strength = 3;
/// Inclusion in the company's proxy statement.
const INCLUSION: Strength = 2;
/// The bylaws, or a nomination, only.
pub(super) const WEAK: Strength = 1;

/// Words saying a proposal or nomination is not for the company's proxy
/// statement (so it goes by the bylaws' advance notice instead).
const NOT_FOR_INCLUSION: [&str; 20] = [
    "outside",
    "not intended to be included",
    "not to be included",
    "not be included",
    "not submitted for inclusion",
    "not wish the proposal to be included",
    "not wish to have",
    "not pursuant to",
    "without inclusion",
    "without being included",
    "not submitted",
    "not seeking",
    "rather than",
    "not for inclusion",
    "other than pursuant to",
    "other than under",
    "other than through",
    "other than for inclusion",
    "other than by means of",
    "not made pursuant to",
];

/// A nomination named as such ("nominate a director", "director
/// nomination"), not the nominating committee.
fn names_a_nomination(lower: &str) -> bool {
    lower.contains("nominate") || lower.contains("nomination")
}

/// Whether `b` follows `a` within `within` bytes somewhere in `lower`.
fn near(lower: &str, a: &str, b: &str, within: usize) -> bool {
    lower.match_indices(a).any(|(i, _)| {
        let from = i + a.len();
        let to = (from + within).min(lower.len());
        lower
            .get(from..)
            .and_then(|rest| rest.get(..to - from))
            .or_else(|| lower.get(from..))
            .is_some_and(|w| w.contains(b))
    })
}

/// Inclusion in the company's proxy statement or proxy materials ("for
/// inclusion in our proxy statement", "include a nominee in our proxy
/// materials").
fn names_inclusion(lower: &str) -> bool {
    ["inclusion in", "included in", "include"].iter().any(|w| {
        near(lower, w, "proxy statement", 60)
            || near(lower, w, "proxy material", 60)
            || near(lower, w, "proxy card", 60)
    })
}

/// The notice of a dissident's nominees under Rule 14a-19, named or
/// described ("solicit proxies in support of director nominees other than
/// the Company's nominees", "universal proxy").
fn names_rule_14a19(lower: &str) -> bool {
    lower.contains("14a-19")
        || lower.contains("universal proxy")
        || (lower.contains("solicit proxies") && near(lower, "nominees", "other than", 40))
}

/// Rule 14a-19 named only as what a bylaw notice must contain ("the
/// information required by Rule 14a-19"), in a sentence about the bylaws'
/// own notice.
fn names_rule_14a19_as_content(lower: &str) -> bool {
    let as_content = [
        "information required by",
        "requirements of",
        "information set forth in",
    ]
    .iter()
    .any(|w| near(lower, w, "14a-19", 20));
    as_content
        && !lower.contains("solicit proxies")
        && !lower.contains("universal proxy")
        && ["bylaws", "by-laws", "advance notice"]
            .iter()
            .any(|w| lower.contains(w))
}

/// The purpose the words give and how strongly; `allow_14a19` false when
/// the deadline has an opening day (a Rule 14a-19 notice has none, so a
/// window naming the rule is the bylaws' notice that must also meet it).
pub(super) fn purpose_of(lower: &str, allow_14a19: bool) -> Option<(Purpose, Strength)> {
    // The Rule 14a-4(c) cut-off for discretionary voting is no notice
    // deadline of its own.
    if lower.contains("discretionary authority") || lower.contains("discretionary voting") {
        return None;
    }
    if allow_14a19 && names_rule_14a19(lower) && !names_rule_14a19_as_content(lower) {
        return Some((Purpose::Rule14a19, NAMED));
    }
    let proposes = ["nominat", "proposal", "business", "notice"]
        .iter()
        .any(|w| lower.contains(w));
    let excluded = NOT_FOR_INCLUSION.iter().any(|w| lower.contains(w));
    // "not for inclusion (under proxy access or Rule 14a-8)" names both
    // only to set them aside.
    if excluded && proposes {
        return Some((Purpose::AdvanceNotice, NAMED));
    }
    if lower.contains("proxy access") || lower.contains("proxy-access") {
        return Some((Purpose::ProxyAccess, NAMED));
    }
    if lower.contains("14a-8") {
        return Some(if lower.contains("other than") {
            (Purpose::AdvanceNotice, NAMED)
        } else {
            (Purpose::Rule14a8, NAMED)
        });
    }
    if names_inclusion(lower) {
        if lower.contains("proposal") {
            return Some((Purpose::Rule14a8, INCLUSION));
        }
        if lower.contains("nominee") || names_a_nomination(lower) {
            return Some((Purpose::ProxyAccess, INCLUSION));
        }
    }
    let bylaws = ["bylaws", "by-laws", "by-law", "bylaw", "advance notice"]
        .iter()
        .any(|w| lower.contains(w));
    if (bylaws && proposes) || (names_a_nomination(lower) && !lower.contains("recommend")) {
        return Some((Purpose::AdvanceNotice, WEAK));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str) -> Option<Purpose> {
        purpose_of(&s.to_lowercase(), true).map(|(p, _)| p)
    }

    /// Proposals presented outside Rule 14a-8, in several wordings, go by
    /// the bylaws' advance notice though they name the rule.
    #[test]
    fn outside_rule_14a8_is_advance_notice() {
        for s in [
            "Proposals intended to be presented at the 2027 meeting outside of the SEC Rule 14a-8 process must be received no later than February 5, 2027.",
            "Shareholders who wish to bring business before the meeting other than pursuant to Rule 14a-8 must give notice between January 6, 2027 and February 5, 2027.",
            "A proposal not submitted under Rule 14a-8 must be delivered by February 5, 2027.",
            "Director nominations and other proposals made other than through Rule 14a-8 must be received between January 6, 2027 and February 5, 2027.",
            "Notice of a proposal that is not made pursuant to Rule 14a-8 must reach us by February 5, 2027.",
        ] {
            assert_eq!(of(s), Some(Purpose::AdvanceNotice), "{s}");
        }
    }

    /// A proposal for the proxy statement is Rule 14a-8 whether the rule
    /// is named before the date, after it, or not at all.
    #[test]
    fn inclusion_proposals_are_rule_14a8() {
        for s in [
            "Proposals to be included in the proxy statement for the 2027 meeting must be received by November 25, 2026 and must comply with Rule 14a-8.",
            "Stockholder proposals submitted pursuant to SEC Rule 14a-8 must be received by November 25, 2026.",
            "To be considered for inclusion in next year's proxy materials, your proposal must be submitted in writing by November 25, 2026.",
            "PROPOSALS FOR INCLUSION IN THE 2027 PROXY STATEMENT must arrive by November 25, 2026.",
        ] {
            assert_eq!(of(s), Some(Purpose::Rule14a8), "{s}");
        }
    }

    #[test]
    fn nominees_for_the_companys_proxy_statement_are_proxy_access() {
        for s in [
            "A shareholder who wishes to include a nominee in our proxy materials must give notice no earlier than October 27, 2026 and no later than November 26, 2026.",
            "Nominees for inclusion in our proxy statement pursuant to Section 1.12 of our bylaws must be received between October 27, 2026 and November 26, 2026.",
            "Requests under our proxy access bylaw must be received by November 26, 2026.",
            "Eligible holders may have their nominees included in our proxy statement if notice arrives by November 26, 2026.",
        ] {
            assert_eq!(of(s), Some(Purpose::ProxyAccess), "{s}");
        }
    }

    #[test]
    fn universal_proxy_notice_is_rule_14a19() {
        for s in [
            "Stockholders who intend to solicit proxies in support of director nominees other than the Company's nominees must provide notice no later than March 8, 2027.",
            "To comply with the universal proxy rules, notice must be postmarked no later than March 8, 2027.",
            "Notice under Rule 14a-19 must be received by March 8, 2027.",
        ] {
            assert_eq!(of(s), Some(Purpose::Rule14a19), "{s}");
        }
    }

    /// A bylaw notice that must also hold what Rule 14a-19 asks for is
    /// still the bylaws' notice; a window is never a Rule 14a-19 date.
    #[test]
    fn rule_14a19_as_content_of_a_bylaw_notice() {
        let s = "Under our bylaws, notice of a nomination must be received by February 5, 2027 and must include the information required by Rule 14a-19.";
        assert_eq!(of(s), Some(Purpose::AdvanceNotice));
        let w = "notice of nominees under rule 14a-19 and our bylaws must be received between january 6, 2027 and february 5, 2027.";
        assert_eq!(
            purpose_of(w, false).map(|(p, _)| p),
            Some(Purpose::AdvanceNotice)
        );
    }

    /// Look-alikes that are no deadline's purpose.
    #[test]
    fn other_dates_have_no_purpose() {
        for s in [
            "The dividend will be paid on March 1, 2027 to holders of record on February 5, 2027.",
            "The 2025 annual meeting was held on May 6, 2025.",
            "We expect to report fourth-quarter earnings on February 5, 2027.",
            "Shareholders may recommend candidates to the Nominating Committee at any time.",
            "If we do not receive notice by March 1, 2027, the proxies will have discretionary authority to vote on the proposal.",
        ] {
            assert_eq!(of(s), None, "{s}");
        }
    }
}
