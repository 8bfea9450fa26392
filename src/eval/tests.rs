//! Evaluation on the shipped packs and on small packs written for the
//! purpose, with property tests.

use super::*;
use crate::analyse::words::{case_when, pending_text};
use crate::model::offset::add_days;
use crate::pack::load::{BUILTIN_PACKS, Library};
use chrono::Datelike as _;
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A library of one pack written in the test, with the built-in calendars.
fn one_pack(name: &str, text: &str) -> Library {
    let src = crate::diag::SourceFile::new(name, text);
    let calendars = crate::pack::load::builtin_calendars();
    let (pack, _) = crate::pack::load::parse_pack(&src, &calendars).expect("parses");
    Library {
        packs: vec![pack],
        calendars,
        warnings: Vec::new(),
    }
}

fn library() -> Library {
    let specs: Vec<String> = BUILTIN_PACKS.iter().map(|p| p.name.to_owned()).collect();
    Library::load(&specs, None).expect("built-in packs load")
}

fn run<'p>(lib: &'p Library, facts: &Facts) -> Vec<Deadline<'p>> {
    let company = Company::default();
    let cx = Context {
        company: &company,
        calendars: &lib.calendars,
        today: None,
    };
    evaluate(&lib.packs, facts, &cx).expect("evaluates")
}

fn find<'a, 'p>(all: &'a [Deadline<'p>], rule: &str) -> &'a Deadline<'p> {
    all.iter().find(|d| d.rule == rule).expect("rule evaluated")
}

#[test]
fn hemacare_without_announcement_gives_the_18_february_threshold() {
    let lib = library();
    let mut facts = Facts::default();
    facts.set("meeting", ymd(2004, 5, 25));
    facts.set("prior_meeting", ymd(2003, 8, 13));
    let all = run(&lib, &facts);
    let d = find(&all, "nomination_notice");
    assert_eq!(d.status, Status::Conditional);
    assert_eq!(d.missing, vec!["announcement".to_owned()]);
    assert_eq!(d.cases.len(), 2);
    // The threshold as data: the announcement on or before 18 Feb 2004.
    match &d.cases[0].when {
        Some(Condition::Dates { fact, ranges }) => {
            assert_eq!(fact, "announcement");
            assert_eq!(
                ranges.intervals().collect::<Vec<_>>(),
                [(None, Some(ymd(2004, 2, 18)))]
            );
        }
        other => panic!("not solved into dates: {other:?}"),
    }
    assert!(
        case_when(&d.cases[0]).ends_with("is on or before Wed 18 Feb 2004"),
        "{}",
        case_when(&d.cases[0])
    );
    assert!(matches!(&d.cases[0].closes, Some(Answer::Date(b)) if b.date == ymd(2004, 2, 25)));
    let later = d.cases[1].closes.as_ref().expect("a closing answer");
    assert_eq!(
        pending_text(&d.cases[1], later).as_deref(),
        Some("7 days after the first public announcement of the meeting date")
    );
}

#[test]
fn anniversary_window_without_a_meeting_date_is_solved_into_meeting_dates() {
    // DESIGN §5: "15 Jan 2026 – 14 Feb 2026, if the 2026 meeting is held
    // between 15 Apr 2026 and 14 Jul 2026".
    let lib = library();
    let mut facts = Facts::default();
    facts.set("prior_meeting", ymd(2025, 5, 15));
    let all = run(&lib, &facts);
    let d = find(&all, "shareholder_notice");
    assert_eq!(d.status, Status::Conditional);
    let window = d
        .cases
        .iter()
        .find(|c| case_when(c) == "the meeting is between Wed 15 Apr 2026 and Tue 14 Jul 2026")
        .expect("the anniversary-window case");
    assert!(matches!(&window.opens, Some(Answer::Date(b)) if b.date == ymd(2026, 1, 15)));
    assert!(matches!(&window.closes, Some(Answer::Date(b)) if b.date == ymd(2026, 2, 14)));
    let moved = d
        .cases
        .iter()
        .find(|c| {
            case_when(c).contains("between Fri 16 May 2025 and Tue 14 Apr 2026")
                && case_when(c).contains("on or after Wed 15 Jul 2026")
        })
        .expect("the moved-meeting case");
    let opens = moved.opens.as_ref().expect("an opening answer");
    assert_eq!(
        pending_text(moved, opens).as_deref(),
        Some("120 days before the meeting")
    );
    // As data: two bands of meeting dates, either side of the window.
    match &moved.when {
        Some(Condition::Dates { fact, ranges }) => {
            assert_eq!(fact, "meeting");
            assert_eq!(
                ranges.intervals().collect::<Vec<_>>(),
                [
                    // Issue 15, point 2: not before the day after the
                    // prior meeting (15 May 2025).
                    (Some(ymd(2025, 5, 16)), Some(ymd(2026, 4, 14))),
                    (Some(ymd(2026, 7, 15)), None)
                ]
            );
        }
        other => panic!("not solved into dates: {other:?}"),
    }
}

#[test]
fn special_meeting_proposal_deadline_is_unspecified() {
    let lib = library();
    let mut facts = Facts::default();
    facts.meeting_kind = crate::model::expr::MeetingKind::Special;
    facts.set("meeting", ymd(2025, 9, 10));
    let all = run(&lib, &facts);
    let d = find(&all, "shareholder_proposal_deadline");
    assert_eq!(d.status, Status::Unspecified);
    assert!(matches!(d.words, Some(Why::Law(w)) if w.contains("14a-8(e)(3)")));
}

/// A pack whose rule yields to `advance_notice` (at annual meetings only
/// when `when` is given), and a bylaw pack with a special-meeting clause
/// listed before an annual-meeting clause, both tagged.
fn yielding(when: &str) -> Library {
    let calendars = crate::pack::load::builtin_calendars();
    let sec = crate::diag::SourceFile::new(
        "yielder.toml",
        format!(
            r#"
[pack]
id = "yielder"
title = "A rule that gives way"
version = "1"
citation = "test"

[[rule]]
id = "own_date"
summary = "45 days before the meeting, unless a bylaw sets the date."
citation = "test"
yields_to = {{ tag = "advance_notice", reason = "the bylaw sets it"{when} }}
closes = "meeting - 45 days"
"#
        ),
    );
    let bylaws = crate::diag::SourceFile::new(
        "bylaws.toml",
        r#"
[pack]
id = "bylaws"
title = "Bylaws"
version = "1"
citation = "test"

[[rule]]
id = "special_clause"
summary = "At a special meeting, 90 days before it."
citation = "test"
tags = ["advance_notice"]
applies_when = "meeting_kind == special"
closes = "meeting - 90 days"

[[rule]]
id = "annual_clause"
summary = "At an annual meeting, 90 days before the anniversary of last year's."
citation = "test"
tags = ["advance_notice"]
applies_when = "meeting_kind == annual"
closes = "anniversary(prior_meeting) - 90 days"
"#,
    );
    let packs = [sec, bylaws]
        .iter()
        .map(|src| {
            crate::pack::load::parse_pack(src, &calendars)
                .expect("parses")
                .0
        })
        .collect();
    Library {
        packs,
        calendars,
        warnings: Vec::new(),
    }
}

fn meeting_facts(kind: crate::model::expr::MeetingKind) -> Facts {
    let mut facts = Facts::default();
    facts.meeting_kind = kind;
    facts.set("meeting", ymd(2026, 5, 20));
    facts.set("prior_meeting", ymd(2025, 5, 15));
    facts
}

#[test]
fn a_rule_yields_to_the_tagged_rule_that_applies_to_the_meeting() {
    // At an annual meeting the special-meeting clause, listed first, does
    // not apply and replaces nothing; the annual clause replaces the rule.
    let lib = yielding("");
    let all = run(
        &lib,
        &meeting_facts(crate::model::expr::MeetingKind::Annual),
    );
    let d = find(&all, "own_date");
    assert_eq!(d.status, Status::NotApplicable);
    assert!(
        matches!(d.words, Some(Why::Replaced { rule, .. }) if rule == "annual_clause"),
        "{:?}",
        d.words
    );
    // At a special meeting it is the special clause that applies.
    let all = run(
        &lib,
        &meeting_facts(crate::model::expr::MeetingKind::Special),
    );
    let d = find(&all, "own_date");
    assert!(
        matches!(d.words, Some(Why::Replaced { rule, .. }) if rule == "special_clause"),
        "{:?}",
        d.words
    );
}

#[test]
fn a_yield_with_a_false_condition_keeps_the_rules_own_date() {
    // `when = "meeting_kind == annual"`: at a special meeting the rule keeps
    // its own date although the special clause applies: 20 May 2026 - 45
    // days = 5 Apr 2026 (20 days back to 30 Apr, 25 more).
    let lib = yielding(", when = \"meeting_kind == annual\"");
    let all = run(
        &lib,
        &meeting_facts(crate::model::expr::MeetingKind::Special),
    );
    let d = find(&all, "own_date");
    assert_eq!(d.status, Status::Computed);
    assert!(matches!(&d.closes, Some(b) if b.date == ymd(2026, 4, 5)));
    let all = run(
        &lib,
        &meeting_facts(crate::model::expr::MeetingKind::Annual),
    );
    assert_eq!(find(&all, "own_date").status, Status::NotApplicable);
}

#[test]
fn rule_14a_4_c_3_at_a_special_meeting_is_unspecified_and_does_not_yield() {
    // The shipped packs include bylaw templates tagged `advance_notice`
    // (the special-meeting clause among them); at a special meeting Rule
    // 14a-4(c)(1)'s yield does not apply and paragraph (c)(3) answers.
    let lib = library();
    let mut facts = meeting_facts(crate::model::expr::MeetingKind::Special);
    facts.set("announcement", ymd(2026, 4, 20));
    facts.set("prior_proxy_release", ymd(2025, 4, 1));
    let all = run(&lib, &facts);
    let d = find(&all, "discretionary_authority_notice");
    assert_eq!(d.status, Status::Unspecified);
    assert!(matches!(d.words, Some(Why::Law(w)) if w.contains("14a-4(c)(3)")));
}

/// Every window opens no later than it closes, and every date reported
/// (computed, rolled, or in a conditional case) lies in the years the
/// rule's holiday calendar covers.
fn check_windows(lib: &Library, all: &[Deadline<'_>]) -> std::result::Result<(), TestCaseError> {
    for d in all {
        let rule = lib
            .packs
            .iter()
            .find(|p| p.id == d.pack)
            .and_then(|p| p.rule(&d.rule))
            .expect("a deadline comes from a loaded rule");
        let (first, last) = lib.calendars[&rule.calendar].years();
        let mut dates: Vec<NaiveDate> = Vec::new();
        if let (Some(o), Some(c)) = (&d.opens, &d.closes) {
            prop_assert!(
                o.date <= c.date,
                "{} opens {} after it closes {}",
                d.id(),
                o.date,
                c.date
            );
        }
        for b in d.opens.iter().chain(d.closes.iter()) {
            dates.extend([b.date, b.computed]);
        }
        for case in &d.cases {
            if let (Some(Answer::Date(o)), Some(Answer::Date(c))) = (&case.opens, &case.closes) {
                prop_assert!(
                    o.date <= c.date,
                    "{} case {}: opens after it closes",
                    d.id(),
                    case_when(case)
                );
            }
            for a in case.opens.iter().chain(case.closes.iter()) {
                if let Answer::Date(b) = a {
                    dates.extend([b.date, b.computed]);
                }
            }
        }
        for date in dates {
            prop_assert!(
                (first..=last).contains(&date.year()),
                "{} reports {date}, outside `{}` ({first}-{last})",
                d.id(),
                rule.calendar
            );
        }
    }
    Ok(())
}

#[test]
fn a_date_before_today_is_warned_about() {
    let lib = library();
    let mut facts = Facts::default();
    facts.set("meeting", ymd(2004, 5, 25));
    facts.set("announcement", ymd(2004, 2, 27));
    let company = Company::default();
    let cx = Context {
        company: &company,
        calendars: &lib.calendars,
        today: Some(ymd(2004, 3, 6)),
    };
    let all = evaluate(&lib.packs, &facts, &cx).unwrap();
    let d = find(&all, "nomination_notice");
    assert_eq!(
        d.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["closes Fri 5 Mar 2004 is already past on Sat 6 Mar 2004"]
    );
    let cx = Context {
        today: Some(ymd(2004, 3, 5)),
        ..cx
    };
    let all = evaluate(&lib.packs, &facts, &cx).unwrap();
    assert!(
        find(&all, "nomination_notice").warnings.is_empty(),
        "the day itself is not past"
    );
}

fn combinators() -> Library {
    one_pack(
        "combinators.toml",
        r#"
[pack]
id = "combinators"
title = "later_of and earlier_of"
version = "1"
citation = "test"

[[rule]]
id = "later"
summary = "Later of two dates."
citation = "test"
closes = "later_of(meeting - 90 days, announcement + 7 days)"

[[rule]]
id = "earlier"
summary = "Earlier of two dates."
citation = "test"
closes = "earlier_of(meeting - 90 days, announcement + 7 days)"
"#,
    )
}

proptest! {
    #[test]
    fn prop_later_of_is_at_least_each_term_and_earlier_of_at_most(
        meeting_day in 0i64..16_000,
        lead in 0i64..400,
    ) {
        let lib = combinators();
        let meeting = add_days(ymd(1995, 1, 1), meeting_day).unwrap();
        let announcement = add_days(meeting, -lead).unwrap();
        let mut facts = Facts::default();
        facts.set("meeting", meeting);
        facts.set("announcement", announcement);
        let all = run(&lib, &facts);
        let terms = [add_days(meeting, -90).unwrap(), add_days(announcement, 7).unwrap()];
        let later = find(&all, "later").closes.as_ref().unwrap().date;
        let earlier = find(&all, "earlier").closes.as_ref().unwrap().date;
        for t in terms {
            prop_assert!(later >= t && earlier <= t);
        }
        prop_assert!(terms.contains(&later) && terms.contains(&earlier));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Issue 3, point 8: every shipped pack, meetings from 1995 to 2040,
    /// every fact a pack can use set at a plausible distance from the
    /// meeting (or left out), annual and special meetings, this year and
    /// next.
    #[test]
    fn prop_every_shipped_pack_keeps_windows_ordered_and_dates_inside_its_calendar(
        meeting_day in 0i64..=16_801, // 1995-01-01 ..= 2040-12-31
        gap in prop::option::of(250i64..480),
        notice in prop::option::of(1i64..200),
        proxy_lead in 20i64..70,
        record_lead in 5i64..95,
        fye_lead in 30i64..400,
        other_lead in 1i64..200,
        special in prop::bool::weighted(0.2),
        with_dates in prop::bool::weighted(0.8),
    ) {
        let lib = library();
        let meeting = add_days(ymd(1995, 1, 1), meeting_day).unwrap();
        prop_assume!(meeting.year() <= 2040);
        let before = |n: i64| add_days(meeting, -n).unwrap();
        let mut facts = Facts::default();
        facts.set("meeting", meeting);
        if special {
            facts.meeting_kind = crate::model::expr::MeetingKind::Special;
        }
        if let Some(g) = gap {
            let prior = before(g);
            facts.set("prior_meeting", prior);
            facts.set("prior_proxy_release", add_days(prior, -proxy_lead).unwrap());
        }
        if let Some(n) = notice {
            facts.set("announcement", before(n));
        }
        if with_dates {
            facts.set("record_date", before(record_lead));
            facts.set("proxy_release", before(proxy_lead));
            facts.set("notice_mailing", before(proxy_lead));
            facts.set("definitive_filing", before(proxy_lead));
            facts.set("preliminary_filing", before(proxy_lead + 12));
            facts.set("fiscal_year_end", before(fye_lead));
            // Facts that packs declare for themselves.
            for f in lib.packs.iter().flat_map(|p| &p.facts) {
                facts.set(&f.name, before(other_lead));
            }
        }
        check_windows(&lib, &run(&lib, &facts))?;
        let company = Company::default();
        let cx = Context { company: &company, calendars: &lib.calendars, today: None };
        check_windows(&lib, &evaluate_next_year(&lib.packs, &facts, &cx).unwrap())?;
        // The same facts with the meeting date unknown: conditional windows too.
        facts.remove("meeting");
        check_windows(&lib, &run(&lib, &facts))?;
    }
}

/// The case of `partial` whose condition holds on `full_facts` gives what
/// `full` (the same rule evaluated with every fact) gives. Returns a
/// message when it does not; `Ok` when a condition is kept in words (it
/// cannot be decided here) or the full evaluation is itself conditional.
fn case_agrees(
    partial: &Deadline<'_>,
    full: &Deadline<'_>,
    full_facts: &Facts,
) -> std::result::Result<(), String> {
    if full.status == Status::Conditional {
        return Ok(());
    }
    let mut holding = Vec::new();
    for c in &partial.cases {
        match c.when.as_ref().map_or(Some(true), |w| w.holds(full_facts)) {
            Some(true) => holding.push(c),
            Some(false) => {}
            None => return Ok(()),
        }
    }
    let [case] = holding.as_slice() else {
        return Err(format!(
            "{}: {} cases hold on {full_facts:?}",
            partial.id(),
            holding.len()
        ));
    };
    let bound = |a: &Option<Answer<'_>>, b: &Option<Bound>| match (a, b) {
        (Some(Answer::Date(x)), Some(y)) => x == y,
        (Some(Answer::Date(_)), None) => false,
        _ => true,
    };
    let agrees = match full.status {
        Status::Computed => {
            case.not_applicable.is_none()
                && case.unspecified.is_none()
                && bound(&case.opens, &full.opens)
                && bound(&case.closes, &full.closes)
        }
        Status::NotApplicable => case.not_applicable.is_some(),
        Status::Unspecified => {
            matches!((&full.words, case.unspecified), (Some(Why::Law(w)), Some(u)) if *w == u)
        }
        Status::Conditional => true,
    };
    if agrees {
        Ok(())
    } else {
        Err(format!(
            "{}: the case that holds ({:?}) does not give {:?} {:?} {:?}",
            partial.id(),
            case.when,
            full.status,
            full.opens,
            full.closes
        ))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Issue 15, point 1: with one or two facts unknown (this year's
    /// meeting and its announcement, or next year's), for random facts the
    /// one case whose condition holds gives exactly what evaluating with
    /// those facts gives, for every shipped rule.
    #[test]
    fn prop_the_case_that_holds_gives_the_evaluated_date(
        meeting_day in 0i64..=16_000, // 1995 ..= 2038
        gap in 250i64..480,
        notice in 1i64..200,
        proxy_lead in 20i64..70,
        record_lead in 5i64..95,
        next_gap in 300i64..430,
        next_notice in 1i64..200,
        forget_announcement in prop::bool::ANY,
    ) {
        let lib = library();
        let company = Company::default();
        let cx = Context { company: &company, calendars: &lib.calendars, today: None };
        let meeting = add_days(ymd(1995, 1, 1), meeting_day).unwrap();
        let before = |n: i64| add_days(meeting, -n).unwrap();
        let mut facts = Facts::default();
        facts.set("meeting", meeting);
        let prior = before(gap);
        facts.set("prior_meeting", prior);
        facts.set("prior_proxy_release", add_days(prior, -proxy_lead).unwrap());
        facts.set("announcement", before(notice));
        facts.set("record_date", before(record_lead));
        facts.set("proxy_release", before(proxy_lead));
        let full = run(&lib, &facts);
        let mut partial_facts = facts.clone();
        partial_facts.remove("meeting");
        if forget_announcement {
            partial_facts.remove("announcement");
        }
        let partial = run(&lib, &partial_facts);
        let mut checked = 0;
        for (p, f) in partial.iter().zip(&full) {
            if p.status == Status::Conditional {
                case_agrees(p, f, &facts).map_err(TestCaseError::fail)?;
                checked += 1;
            }
        }
        prop_assert!(checked > 5, "only {checked} conditional answers to check");
        // Next year: its meeting and announcement unknown.
        let next_meeting = add_days(meeting, next_gap).unwrap();
        let mut next = next_year_facts(&facts).unwrap();
        next.set("meeting", next_meeting);
        next.set("announcement", add_days(next_meeting, -next_notice).unwrap());
        let next_full = evaluate(&lib.packs, &next, &cx).unwrap();
        for p in evaluate_next_year(&lib.packs, &facts, &cx).unwrap() {
            let f = next_full.iter().find(|f| f.id() == p.id()).unwrap();
            if p.status == Status::Conditional && f.status != Status::NotApplicable {
                case_agrees(&p, f, &next).map_err(TestCaseError::fail)?;
            }
        }
    }
}

/// Issue 15, point 1, on its own example: the late-announcement bylaw
/// template with default numbers, meeting 10 Jun 2026, prior meeting 11
/// Jun 2025, proxy released 20 Apr 2026. Next year's meeting and its
/// announcement are both unknown. By hand: the anniversary is 10 Jun 2027;
/// 30 days before it is 11 May 2027 and 60 days after it 9 Aug 2027; the
/// window is 120 to 90 days before the anniversary, 10 Feb to 12 Mar 2027.
/// Next year's meeting comes after 10 Jun 2026. The case that can never
/// happen (moved and not moved at once) is gone, and "less than 100 days"
/// between the announcement and the meeting is a constraint between two
/// facts, not words.
#[test]
fn two_unknown_facts_give_three_simple_cases() {
    let lib = Library::load(
        &["bylaws/templates/anniversary_window_late_announcement".to_owned()],
        None,
    )
    .expect("the template loads");
    let mut facts = Facts::default();
    facts.set("meeting", ymd(2026, 6, 10));
    facts.set("prior_meeting", ymd(2025, 6, 11));
    facts.set("proxy_release", ymd(2026, 4, 20));
    let company = Company::default();
    let cx = Context {
        company: &company,
        calendars: &lib.calendars,
        today: None,
    };
    let next = evaluate_next_year(&lib.packs, &facts, &cx).unwrap();
    let d = find(&next, "shareholder_notice");
    let when: Vec<String> = d.cases.iter().map(case_when).collect();
    assert_eq!(
        when,
        [
            "next year's meeting is between Tue 11 May 2027 and Mon 9 Aug 2027",
            "next year's meeting is between Thu 11 Jun 2026 and Mon 10 May 2027 or on or after Tue 10 Aug 2027, \
             and the first public announcement of next year's meeting date is on or after Wed 4 Mar 2026, \
             and next year's meeting is no more than 99 days after the first public announcement of next year's meeting date",
            "next year's meeting is between Thu 11 Jun 2026 and Mon 10 May 2027 or on or after Tue 10 Aug 2027, \
             and next year's meeting is at least 100 days after the first public announcement of next year's meeting date",
        ]
    );
    assert!(matches!(&d.cases[0].opens, Some(Answer::Date(b)) if b.date == ymd(2027, 2, 10)));
    assert!(matches!(&d.cases[0].closes, Some(Answer::Date(b)) if b.date == ymd(2027, 3, 12)));
    // The gap as data: meeting - announcement <= 99 days.
    let Some(Condition::All(parts)) = &d.cases[1].when else {
        panic!("an and: {:?}", d.cases[1].when)
    };
    assert!(parts.iter().any(|p| matches!(
        p,
        Condition::Apart { fact, minus, days }
            if fact == "meeting" && minus == "announcement"
                && days.intervals().count() == 1 && days.contains(99) && !days.contains(100)
    )));
}

/// A small pack whose dates move a missing meeting by months and years
/// and take its anniversary: monotone, so solved exactly.
fn months_pack() -> Library {
    one_pack(
        "months.toml",
        r#"
[pack]
id = "months"
title = "Months of a missing date"
version = "1"
citation = "test"

[[rule]]
id = "thirteen_months"
summary = "Due on a fixed date if the meeting is within 13 months of 31 Jan 2026."
citation = "test"

[[rule.branch]]
when = "meeting - 13 months <= 2026-01-31"
closes = "2026-03-01"

[[rule.branch]]
when = "otherwise"
closes = "2026-04-01"

[[rule]]
id = "later_anniversary"
summary = "The later of a fixed date and one month before the meeting's anniversary."
citation = "test"
closes = "later_of(2027-05-01, anniversary(meeting) - 1 month)"
"#,
    )
}

/// Issue 15, point 1: month and year offsets and anniversaries of a
/// missing date are solved exactly. By hand: 28 Feb 2027 - 13 months = 28
/// Jan 2026, which is on or before 31 Jan 2026, and 1 Mar 2027 - 13 months
/// = 1 Feb 2026, which is not; so meeting - 13 months <= 31 Jan 2026 holds
/// when the meeting is on or before 28 Feb 2027. The anniversary of the meeting less one
/// month is on or before 1 May 2027 exactly when the meeting is on or
/// before 1 Jun 2026 (1 Jun 2027 - 1 month = 1 May 2027; 2 Jun gives 2 May).
#[test]
fn months_and_anniversaries_of_a_missing_date_are_solved() {
    let lib = months_pack();
    let all = run(&lib, &Facts::default());
    let d = find(&all, "thirteen_months");
    let when: Vec<String> = d.cases.iter().map(case_when).collect();
    assert_eq!(
        when,
        [
            "the meeting is on or before Sun 28 Feb 2027",
            "the meeting is on or after Mon 1 Mar 2027"
        ]
    );
    let d = find(&all, "later_anniversary");
    let when: Vec<String> = d.cases.iter().map(case_when).collect();
    assert_eq!(
        when,
        [
            "the meeting is on or before Mon 1 Jun 2026",
            "the meeting is on or after Tue 2 Jun 2026"
        ]
    );
    assert!(matches!(&d.cases[0].closes, Some(Answer::Date(b)) if b.date == ymd(2027, 5, 1)));
    // Each case agrees with evaluating at the meeting dates either side.
    for meeting in [
        ymd(2027, 2, 28),
        ymd(2027, 3, 1),
        ymd(2026, 6, 1),
        ymd(2026, 6, 2),
    ] {
        let mut facts = Facts::default();
        facts.set("meeting", meeting);
        let full = run(&lib, &facts);
        for (p, f) in all.iter().zip(&full) {
            case_agrees(p, f, &facts).unwrap();
        }
    }
}

/// Issue 15, point 7: a rule that takes another rule's bound keeps that
/// rule's cases when it is conditional, each with its date at this rule's
/// own time of day. Rule 14a-8(e)(2) with last year's proxy released on 1
/// Apr 2025 and last year's meeting on 15 May 2025: 120 days before the
/// anniversary of the release is 2 Dec 2025 (from 1 Apr 2026 back to 1 Mar
/// is 31 days, to 1 Feb 59, to 1 Jan 90, to 2 Dec 120), if this year's
/// meeting is within 30 days of 15 May 2026 (15 Apr - 14 Jun 2026);
/// otherwise no fixed date.
#[test]
fn a_rule_referring_to_a_conditional_rule_keeps_its_cases() {
    let mut lib = library();
    let src = crate::diag::SourceFile::new(
        "ours.toml",
        r#"
[pack]
id = "ours"
title = "Our reminder"
version = "1"
citation = "test"

[[rule]]
id = "proposal_reminder"
summary = "Our own reminder: the Rule 14a-8 deadline, at 5 p.m."
citation = "test"
at = "17:00"
closes = "sec_regulation_14a/shareholder_proposal_deadline.closes"
"#,
    );
    let (pack, _) = crate::pack::load::parse_pack(&src, &lib.calendars).expect("parses");
    lib.packs.push(pack);
    let mut facts = Facts::default();
    facts.set("prior_meeting", ymd(2025, 5, 15));
    facts.set("prior_proxy_release", ymd(2025, 4, 1));
    let all = run(&lib, &facts);
    let theirs = find(&all, "shareholder_proposal_deadline");
    let ours = find(&all, "proposal_reminder");
    assert_eq!(ours.status, Status::Conditional);
    let when = |d: &Deadline<'_>| d.cases.iter().map(case_when).collect::<Vec<_>>();
    assert_eq!(when(ours), when(theirs));
    let dated = ours
        .cases
        .iter()
        .find(|c| case_when(c) == "the meeting is between Wed 15 Apr 2026 and Sun 14 Jun 2026")
        .expect("the dated case");
    let Some(Answer::Date(b)) = &dated.closes else {
        panic!("a date: {:?}", dated.closes)
    };
    assert_eq!(b.date, ymd(2025, 12, 2));
    assert_eq!(
        b.time
            .as_ref()
            .map(|m| m.local.time().to_string())
            .as_deref(),
        Some("17:00:00")
    );
    assert!(ours.cases.iter().any(|c| c.unspecified.is_some()));
}

/// Issue 15, point 7: next year's facts carry every date of this year as a
/// `prior_` fact, not only the meeting and the proxy release.
#[test]
fn next_year_carries_every_date_as_a_prior_fact() {
    let mut facts = Facts::default();
    facts.set("meeting", ymd(2026, 5, 14));
    facts.set("proxy_release", ymd(2026, 4, 2));
    facts.set("definitive_filing", ymd(2026, 4, 2));
    facts.set("record_date", ymd(2026, 3, 16));
    facts.set("prior_meeting", ymd(2025, 5, 15));
    let next = next_year_facts(&facts).expect("an annual meeting with a date");
    let got: Vec<(&str, NaiveDate)> = next.iter().collect();
    assert_eq!(
        got,
        [
            ("prior_definitive_filing", ymd(2026, 4, 2)),
            ("prior_meeting", ymd(2026, 5, 14)),
            ("prior_proxy_release", ymd(2026, 4, 2)),
            ("prior_record_date", ymd(2026, 3, 16)),
        ]
    );
}

/// Review findings on `window_cases`: a threshold in each bound, a
/// reference beside a threshold, and references to two conditional rules
/// with different numbers of cases (which used to index one rule's cases
/// with the other's and could panic). For meetings and announcements on a
/// grid around every threshold, the case that holds gives the date that
/// evaluating with the facts gives.
#[test]
fn every_bound_splits_its_own_cases() {
    let lib = one_pack(
        "splits.toml",
        r#"
[pack]
id = "splits"
title = "Splits"
version = "1"
citation = "test"

[[rule]]
id = "two_thresholds"
summary = "A threshold in each bound."
citation = "test"
opens = "later_of(2026-01-01, meeting - 120 days)"
closes = "later_of(2026-02-01, meeting - 30 days)"

[[rule]]
id = "three_cases"
summary = "Three cases."
citation = "test"

[[rule.branch]]
when = "meeting < 2026-03-01"
closes = "2026-01-10"

[[rule.branch]]
when = "meeting < 2026-05-01"
closes = "2026-02-10"

[[rule.branch]]
when = "otherwise"
closes = "2026-03-10"

[[rule]]
id = "announced"
summary = "A threshold on the announcement."
citation = "test"
closes = "later_of(2026-03-01, announcement + 10 days)"

[[rule]]
id = "cross"
summary = "Opens from one conditional rule, closes from another."
citation = "test"
opens = "three_cases.closes"
closes = "announced.closes"

[[rule]]
id = "ref_then_threshold"
summary = "A reference in one bound, a threshold in the other."
citation = "test"
opens = "three_cases.closes"
closes = "later_of(2026-02-01, meeting - 30 days)"
"#,
    );
    let mut partial = Facts::default();
    partial.set("prior_meeting", ymd(2025, 6, 1));
    let conditional = run(&lib, &partial);
    let cases = |id: &str| find(&conditional, id).cases.len();
    assert_eq!(cases("two_thresholds"), 3);
    assert_eq!(cases("cross"), 6);
    let meetings = [
        ymd(2026, 2, 15),
        ymd(2026, 2, 28),
        ymd(2026, 3, 3),
        ymd(2026, 3, 4),
        ymd(2026, 4, 15),
        ymd(2026, 5, 1),
        ymd(2026, 5, 2),
        ymd(2026, 6, 1),
    ];
    for meeting in meetings {
        for before in [5, 40, 100] {
            let mut facts = partial.clone();
            facts.set("meeting", meeting);
            facts.set("announcement", add_days(meeting, -before).unwrap());
            let full = run(&lib, &facts);
            for (p, f) in conditional.iter().zip(&full) {
                case_agrees(p, f, &facts).unwrap();
            }
        }
    }
}

/// The lean copies of the built-in packs (`build.rs`: no comments, notes or
/// worked cases), which `deadlines` and `batch` read, give every rule the
/// same answer as the full text, for meetings across the calendar with and
/// without the facts that gate rules.
#[test]
fn lean_packs_answer_as_the_full_packs_do() {
    let specs: Vec<String> = BUILTIN_PACKS.iter().map(|p| p.name.to_owned()).collect();
    let full = Library::load(&specs, None).expect("built-in packs load");
    let lean = Library::load_parts_lean(&[(&specs, None)], None).expect("lean packs load");
    assert_eq!(full.packs.len(), lean.packs.len());
    for (a, b) in full.packs.iter().zip(&lean.packs) {
        assert_eq!((&a.id, a.rules.len()), (&b.id, b.rules.len()));
        assert!(
            b.source.text().len() <= a.source.text().len(),
            "{}: the lean copy is no longer than the pack",
            a.id
        );
    }
    // Spans point into the text, which differs; everything else must not.
    let unspanned = |text: String| -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find("span: ") {
            out.push_str(&rest[..at]);
            rest = rest[at + 6..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        }
        out.push_str(rest);
        out
    };
    let answers = |lib: &Library, facts: &Facts| -> Vec<String> {
        run(lib, facts)
            .iter()
            .map(|d| {
                let cases: Vec<String> = d
                    .cases
                    .iter()
                    .map(|c| unspanned(format!("{:?} {:?}", c.opens, c.closes)))
                    .collect();
                format!(
                    "{} {:?} {:?} {:?} {cases:?}",
                    d.id(),
                    d.status,
                    d.opens.as_ref().map(|b| b.date),
                    d.closes.as_ref().map(|b| b.date)
                )
            })
            .collect()
    };
    for (meeting, extra) in [
        (ymd(2026, 5, 14), vec![]),
        (ymd(2024, 2, 29), vec![("adjourned_to", ymd(2024, 6, 1))]),
        (ymd(2031, 12, 30), vec![("record_date", ymd(2031, 11, 1))]),
    ] {
        let mut facts = Facts::default();
        facts.set("meeting", meeting);
        facts.set("prior_meeting", add_days(meeting, -364).unwrap());
        facts.set("fiscal_year_end", add_days(meeting, -140).unwrap());
        facts.set("announcement", add_days(meeting, -100).unwrap());
        for (name, date) in extra {
            facts.set(name, date);
        }
        assert_eq!(answers(&full, &facts), answers(&lean, &facts), "{meeting}");
    }
}
