//! Templates: a pack whose strings contain `{name}` placeholders, with
//! defaults in a `[params]` table, and the `[[use]]` tables that instantiate
//! one inside a company's own bylaws pack with only that company's numbers.
//!
//! Instantiation is textual: the template's TOML text, with every
//! placeholder replaced, is parsed and validated like any pack, so a
//! diagnostic in an instantiated rule points at real text (the substituted
//! template, named after the template and the `[[use]]` that made it).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile, did_you_mean};
use crate::model::facts::fact_phrase;

/// Parameters by name, each with the span of its value where written.
pub(crate) type Params = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// Returns the text of a template with `values` (over its `defaults`)
/// substituted for every `{name}`, `{name:ordinal}` and `{name:fact}`
/// placeholder.
///
/// A default may be a list of strings: the values the parameter may take,
/// the first being the default (`base = ["prior_proxy_release",
/// "prior_meeting"]`).
///
/// `values` are checked against `defaults`: an unknown name, a value of
/// another type or a value not among the listed ones is an error at the
/// value in `values_src`.
///
/// # Errors
///
/// Every unknown parameter, mistyped value and unknown placeholder.
pub(crate) fn substitute(
    template: &Arc<SourceFile>,
    defaults: &Params,
    values_src: &Arc<SourceFile>,
    values: &Params,
) -> Result<String, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut merged: BTreeMap<String, toml::Value> = BTreeMap::new();
    let mut choices: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    // Where each value was written, for a problem found inside it.
    let mut origin: BTreeMap<&str, (&Arc<SourceFile>, Range<usize>)> = BTreeMap::new();
    for (name, value) in defaults {
        origin.insert(name.get_ref(), (template, value.span()));
        let value = match value.get_ref() {
            toml::Value::Array(items) => {
                let listed: Option<Vec<&str>> = items.iter().map(toml::Value::as_str).collect();
                match listed {
                    Some(listed) if !listed.is_empty() => {
                        choices.insert(name.get_ref(), listed.clone());
                        toml::Value::String(listed[0].to_owned())
                    }
                    _ => {
                        problems.push(
                            Diagnostic::error(
                                template,
                                value.span(),
                                "a list of values must hold at least one string",
                            )
                            .with_help(
                                "list the values the parameter may take, the default first: `[\"prior_proxy_release\", \"prior_meeting\"]`",
                            ),
                        );
                        continue;
                    }
                }
            }
            other => other.clone(),
        };
        merged.insert(name.get_ref().clone(), value);
    }
    for (name, value) in values {
        if let Some(listed) = choices.get(name.get_ref().as_str()) {
            match value.get_ref().as_str() {
                Some(v) if listed.contains(&v) => {
                    merged.insert(name.get_ref().clone(), value.get_ref().clone());
                    origin.insert(name.get_ref(), (values_src, value.span()));
                }
                found => {
                    let message = match found {
                        Some(v) => format!("`{v}` is not a value `{}` can take", name.get_ref()),
                        None => format!(
                            "expected a string, found {}",
                            article(value.get_ref().type_str())
                        ),
                    };
                    let help = found
                        .and_then(|v| did_you_mean(v, listed.iter().copied()))
                        .unwrap_or_else(|| {
                            format!(
                                "`{}` takes {}",
                                name.get_ref(),
                                listed
                                    .iter()
                                    .map(|c| format!("`\"{c}\"`"))
                                    .collect::<Vec<_>>()
                                    .join(" or ")
                            )
                        });
                    problems
                        .push(Diagnostic::error(values_src, value.span(), message).with_help(help));
                }
            }
            continue;
        }
        let Some(default) = merged.get(name.get_ref()) else {
            let known = defaults.keys().map(|k| k.get_ref().as_str());
            let help = did_you_mean(name.get_ref(), known).or_else(|| {
                Some(format!(
                    "the template's parameters are: {}",
                    defaults
                        .keys()
                        .map(|k| k.get_ref().as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            });
            problems.push(
                Diagnostic::error(
                    values_src,
                    name.span(),
                    format!("unknown template parameter `{}`", name.get_ref()),
                )
                .with_help_opt(help),
            );
            continue;
        };
        if let Some(message) = type_mismatch(default, value.get_ref()) {
            problems.push(
                Diagnostic::error(values_src, value.span(), message).with_help(format!(
                    "the template's default is `{default}`; give a value of the same kind"
                )),
            );
            continue;
        }
        merged.insert(name.get_ref().clone(), value.get_ref().clone());
        origin.insert(name.get_ref(), (values_src, value.span()));
    }
    // A value may name other parameters (`opens_at = "{at}"`: the opening
    // time is `at` unless given): fill those in before the text.
    let mut resolved = BTreeMap::new();
    for name in merged.keys() {
        resolve(
            name,
            &merged,
            &origin,
            &mut resolved,
            &mut Vec::new(),
            &mut problems,
        );
    }
    let failed: Vec<String> = resolved
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| k.clone())
        .collect();
    let merged: BTreeMap<String, toml::Value> = resolved
        .into_iter()
        .filter_map(|(k, v)| Some((k, v?)))
        .collect();
    let text = template.text();
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (start, end, name, format) in placeholders(text) {
        out.push_str(&text[rest..start]);
        rest = end;
        if let Some(v) = merged.get(name) {
            match render(v, format) {
                Ok(s) => out.push_str(&s),
                Err(message) => {
                    problems.push(Diagnostic::error(template, start..end, message));
                }
            }
        } else if !failed.iter().any(|f| f == name) {
            let help = did_you_mean(name, merged.keys().map(String::as_str)).or_else(|| {
                Some("declare it with a default in the template's `[params]` table".to_owned())
            });
            problems.push(
                Diagnostic::error(template, start..end, format!("unknown parameter `{name}`"))
                    .with_help_opt(help),
            );
        }
    }
    out.push_str(&text[rest..]);
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Fills in the parameters that `merged[name]` names, recursively, into
/// `resolved` (`None`: it could not be, and why was reported); a reference
/// to an unknown parameter, or one that comes back to `name`, is an error
/// where the value was written.
fn resolve(
    name: &str,
    merged: &BTreeMap<String, toml::Value>,
    origin: &BTreeMap<&str, (&Arc<SourceFile>, Range<usize>)>,
    resolved: &mut BTreeMap<String, Option<toml::Value>>,
    stack: &mut Vec<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<toml::Value> {
    if let Some(v) = resolved.get(name) {
        return v.clone();
    }
    let value = merged.get(name)?;
    let error = |message: String, help: Option<String>| {
        let (src, span) = origin.get(name).cloned()?;
        Some(Diagnostic::error(src, span, message).with_help_opt(help))
    };
    if stack.iter().any(|n| n == name) {
        let path = stack
            .iter()
            .skip_while(|n| *n != name)
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" → ");
        problems.extend(error(
            format!("parameter `{name}` refers to itself: {path} → `{name}`"),
            Some("give one of them a value of its own".to_owned()),
        ));
        resolved.insert(name.to_owned(), None);
        return None;
    }
    let toml::Value::String(text) = value else {
        resolved.insert(name.to_owned(), Some(value.clone()));
        return Some(value.clone());
    };
    let found = placeholders(text);
    if found.is_empty() {
        resolved.insert(name.to_owned(), Some(value.clone()));
        return Some(value.clone());
    }
    stack.push(name.to_owned());
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut ok = true;
    for (start, end, other, format) in found {
        out.push_str(&text[rest..start]);
        rest = end;
        if !merged.contains_key(other) {
            problems.extend(error(
                format!("unknown parameter `{other}` in the value of `{name}`"),
                did_you_mean(other, merged.keys().map(String::as_str)),
            ));
            ok = false;
            continue;
        }
        match resolve(other, merged, origin, resolved, stack, problems).map(|v| words(&v, format)) {
            Some(Ok(s)) => out.push_str(&s),
            Some(Err(message)) => {
                problems.extend(error(message, None));
                ok = false;
            }
            None => ok = false,
        }
    }
    stack.pop();
    out.push_str(&text[rest..]);
    let value = ok.then_some(toml::Value::String(out));
    // A name in a cycle was marked failed when the cycle closed; keep that.
    resolved
        .entry(name.to_owned())
        .or_insert_with(|| value.clone());
    resolved.get(name).cloned().flatten()
}

/// Finds `{name}` and `{name:format}` where `name` is `snake_case`: the
/// start, end, name and format of each.
fn placeholders(text: &str) -> Vec<(usize, usize, &str, Option<&str>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{'
            && let Some(len) = text[i + 1..].find('}')
        {
            let inner = &text[i + 1..i + 1 + len];
            let (name, format) = match inner.split_once(':') {
                Some((n, f)) => (n, Some(f)),
                None => (inner, None),
            };
            let snake = name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            let format_ok = format.is_none_or(|f| f.chars().all(|c| c.is_ascii_lowercase()));
            if snake && format_ok {
                out.push((i, i + len + 2, name, format));
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn type_mismatch(default: &toml::Value, value: &toml::Value) -> Option<String> {
    if default.type_str() != value.type_str() {
        return Some(format!(
            "expected {}, found {}",
            article(default.type_str()),
            article(value.type_str())
        ));
    }
    if let toml::Value::Integer(n) = value
        && !(0..=3660).contains(n)
    {
        return Some(format!(
            "`{n}` is out of range: a number of days, weeks or months from 0 to 3660"
        ));
    }
    None
}

fn article(t: &str) -> String {
    match t {
        "integer" => "a whole number".to_owned(),
        "string" => "a string".to_owned(),
        "datetime" => "a date".to_owned(),
        "boolean" => "true or false".to_owned(),
        other => format!("a {other}"),
    }
}

/// Renders a value for use inside a TOML basic string.
fn render(v: &toml::Value, format: Option<&str>) -> Result<String, String> {
    Ok(words(v, format)?
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n"))
}

/// Renders a value as text, in `format`.
fn words(v: &toml::Value, format: Option<&str>) -> Result<String, String> {
    Ok(match (v, format) {
        (toml::Value::Integer(n), Some("ordinal")) => ordinal(*n),
        (toml::Value::String(s), Some("fact")) => fact_phrase(s),
        (_, Some(f)) if f != "ordinal" && f != "fact" => {
            return Err(format!(
                "unknown placeholder format `{f}`; the formats are `ordinal` and `fact`"
            ));
        }
        (_, Some("ordinal")) => return Err("`ordinal` applies to whole numbers only".to_owned()),
        (_, Some(_)) => return Err("`fact` applies to the name of a fact only".to_owned()),
        (toml::Value::String(s), None) => s.clone(),
        (other, None) => other.to_string(),
    })
}

/// `1st`, `2nd`, `3rd`, `11th`, `90th`, `101st`.
pub(crate) fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The span of a `[[use]]` for naming the instantiated text.
pub(crate) fn use_name(template: &str, user: &Arc<SourceFile>, span: &Range<usize>) -> String {
    let (line, _) = user.line_col(span.start);
    format!("{template} (as used at {}:{line})", user.shown_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(src: &Arc<SourceFile>, table: &str) -> Params {
        #[derive(serde::Deserialize)]
        struct P {
            params: Params,
        }
        let _ = src;
        toml::from_str::<P>(table).unwrap().params
    }

    #[test]
    fn ordinals_follow_english() {
        let got: Vec<String> = [1, 2, 3, 4, 7, 10, 11, 12, 13, 21, 22, 90, 101, 111, 120]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "7th", "10th", "11th", "12th", "13th", "21st", "22nd",
                "90th", "101st", "111th", "120th"
            ]
        );
    }

    #[test]
    fn substitutes_values_over_defaults_and_escapes_strings() {
        let t = SourceFile::new(
            "t.toml",
            "a = \"{close_days:ordinal} day, {close_days} days at {at}\"\nb = { x = 1 }\n",
        );
        let d = params(
            &t,
            "[params]\nclose_days = 90\nat = \"close_of_business\"\n",
        );
        let u = SourceFile::new("u.toml", "");
        let v = params(&u, "[params]\nat = \"17:00 \\\"ET\\\"\"\n");
        let out = substitute(&t, &d, &u, &v).unwrap();
        assert_eq!(
            out,
            "a = \"90th day, 90 days at 17:00 \\\"ET\\\"\"\nb = { x = 1 }\n"
        );
    }

    #[test]
    fn unknown_and_mistyped_parameters_are_errors_at_the_value() {
        let t = SourceFile::new("t.toml", "a = \"{close_days} {nope}\"\n");
        let d = params(&t, "[params]\nclose_days = 90\n");
        let text = "[params]\nclose_day = 80\n";
        let u = SourceFile::new("u.toml", text);
        let v = params(&u, text);
        let errs = substitute(&t, &d, &u, &v).unwrap_err();
        assert_eq!(errs[0].message, "unknown template parameter `close_day`");
        assert_eq!(errs[0].help.as_deref(), Some("did you mean `close_days`?"));
        assert_eq!(errs[1].message, "unknown parameter `nope`");
        let text = "[params]\nclose_days = \"ninety\"\n";
        let u = SourceFile::new("u.toml", text);
        let v = params(&u, text);
        let errs = substitute(&t, &d, &u, &v).unwrap_err();
        assert_eq!(errs[0].message, "expected a whole number, found a string");
        assert_eq!(&text[errs[0].span.clone()], "\"ninety\"");
    }

    #[test]
    fn a_list_default_gives_the_first_value_and_refuses_others_at_the_value() {
        let t = SourceFile::new("t.toml", "a = \"anniversary({base}) of {base:fact}\"\n");
        let d = params(
            &t,
            "[params]\nbase = [\"prior_proxy_release\", \"prior_meeting\"]\n",
        );
        let none = SourceFile::new("u.toml", "");
        let out = substitute(&t, &d, &none, &Params::new()).unwrap();
        assert_eq!(
            out,
            "a = \"anniversary(prior_proxy_release) of the release of last year's proxy statement\"\n"
        );
        let text = "[params]\nbase = \"prior_meeting\"\n";
        let u = SourceFile::new("u.toml", text);
        let out = substitute(&t, &d, &u, &params(&u, text)).unwrap();
        assert_eq!(
            out,
            "a = \"anniversary(prior_meeting) of the prior annual meeting\"\n"
        );
        let text = "[params]\nbase = \"prior_meting\"\n";
        let u = SourceFile::new("u.toml", text);
        let errs = substitute(&t, &d, &u, &params(&u, text)).unwrap_err();
        assert_eq!(
            errs[0].message,
            "`prior_meting` is not a value `base` can take"
        );
        assert_eq!(
            errs[0].help.as_deref(),
            Some("did you mean `prior_meeting`?")
        );
        assert_eq!(&text[errs[0].span.clone()], "\"prior_meting\"");
        let text = "[params]\nbase = \"record_date\"\n";
        let u = SourceFile::new("u.toml", text);
        let errs = substitute(&t, &d, &u, &params(&u, text)).unwrap_err();
        assert_eq!(
            errs[0].help.as_deref(),
            Some("`base` takes `\"prior_proxy_release\"` or `\"prior_meeting\"`")
        );
        let text = "[params]\nbase = 7\n";
        let u = SourceFile::new("u.toml", text);
        let errs = substitute(&t, &d, &u, &params(&u, text)).unwrap_err();
        assert_eq!(errs[0].message, "expected a string, found a whole number");
    }

    #[test]
    fn a_list_default_must_hold_strings() {
        let text = "[params]\nbase = []\nother = [1, 2]\n";
        let t = SourceFile::new("t.toml", "a = \"{base}\"\n");
        let d = params(&t, text);
        let none = SourceFile::new("u.toml", "");
        let errs = substitute(&t, &d, &none, &Params::new()).unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert_eq!(
            errs[0].message,
            "a list of values must hold at least one string"
        );
        // `{base}` is then unknown: the problem is reported, not a guess.
        assert_eq!(errs[2].message, "unknown parameter `base`");
    }

    #[test]
    fn fact_format_names_a_fact_and_refuses_numbers() {
        let t = SourceFile::new("t.toml", "a = \"{n:fact}\"\nb = \"{n:words}\"\n");
        let d = params(&t, "[params]\nn = 90\n");
        let none = SourceFile::new("u.toml", "");
        let errs = substitute(&t, &d, &none, &Params::new()).unwrap_err();
        assert_eq!(errs[0].message, "`fact` applies to the name of a fact only");
        assert_eq!(
            errs[1].message,
            "unknown placeholder format `words`; the formats are `ordinal` and `fact`"
        );
    }

    #[test]
    fn a_value_may_name_another_parameter_and_the_specific_one_wins() {
        let t = SourceFile::new("t.toml", "o = \"{opens_at}\"\nc = \"{closes_at}\"\n");
        let d = params(
            &t,
            "[params]\nat = \"close_of_business\"\nopens_at = \"{at}\"\ncloses_at = \"{at}\"\n",
        );
        let none = SourceFile::new("u.toml", "");
        let out = substitute(&t, &d, &none, &Params::new()).unwrap();
        assert_eq!(
            out,
            "o = \"close_of_business\"\nc = \"close_of_business\"\n"
        );
        // `at` alone moves both; `opens_at` beside it moves only its bound.
        for (given, want) in [
            ("at = \"17:00\"", "o = \"17:00\"\nc = \"17:00\"\n"),
            (
                "at = \"17:00\"\nopens_at = \"08:00\"",
                "o = \"08:00\"\nc = \"17:00\"\n",
            ),
            (
                "closes_at = \"17:30 America/Chicago\"",
                "o = \"close_of_business\"\nc = \"17:30 America/Chicago\"\n",
            ),
        ] {
            let text = format!("[params]\n{given}\n");
            let u = SourceFile::new("u.toml", &text);
            let out = substitute(&t, &d, &u, &params(&u, &text)).unwrap();
            assert_eq!(out, want, "{given}");
        }
    }

    #[test]
    fn references_to_unknown_parameters_and_cycles_are_errors_at_the_value() {
        let t = SourceFile::new("t.toml", "o = \"{a}\"\n");
        let text = "[params]\na = \"{b} and {x}\"\nb = \"{c}\"\nc = \"{b}\"\n";
        let d = params(&t, text);
        let none = SourceFile::new("u.toml", "");
        let errs = substitute(&t, &d, &none, &Params::new()).unwrap_err();
        let messages: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages.contains(&"parameter `b` refers to itself: `b` → `c` → `b`"),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"unknown parameter `x` in the value of `a`"),
            "{messages:?}"
        );
        // Each problem once, however many values lead to it.
        assert_eq!(errs.len(), 2, "{messages:?}");
    }
}
