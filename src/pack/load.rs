//! Reads rule packs: the ones built into the binary and users' own files.
//! Turns `toml` errors into [`Diagnostic`]s (we never print `toml`'s own
//! rendering) and hands the parsed file to validation.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, SourceFile, did_you_mean};
use crate::error::{Error, Result};
use crate::model::calendar::Calendar;
use crate::model::rule::RulePack;
use crate::pack::input::{self, FileKind};
use crate::pack::schema::{RawPack, RawUse};
use crate::pack::template;
use toml::Spanned;

/// A pack compiled into the binary: its name (path under `rules/` without
/// `.toml`), and its text.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinPack {
    /// `family/name`, e.g. `sec/regulation_14a`.
    pub name: &'static str,
    /// The TOML text.
    pub text: &'static str,
    /// The same without comments, notes and worked cases (`build.rs`): what
    /// `deadlines` and `batch` read. For a calendar, the text.
    pub lean: &'static str,
}

// `BUILTIN_PACKS` and `BUILTIN_CALENDAR_FILES`, written by `build.rs` from
// the files under `rules/`.
include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// Returns the holiday calendars built into the binary, by id.
///
/// # Panics
///
/// Never in practice: the files are fixed at compile time and the test
/// suite parses every one of them.
pub fn builtin_calendars() -> BTreeMap<String, Arc<Calendar>> {
    BUILTIN_CALENDARS.clone()
}

static BUILTIN_CALENDARS: std::sync::LazyLock<BTreeMap<String, Arc<Calendar>>> =
    std::sync::LazyLock::new(|| {
        use rayon::prelude::*;
        BUILTIN_CALENDAR_FILES
            .par_iter()
            .map(|f| {
                let cal = Calendar::parse_toml(f.lean).unwrap_or_else(|problems| {
                    panic!("built-in calendar {} is invalid: {problems:?}", f.name)
                });
                (cal.id().to_owned(), Arc::new(cal))
            })
            .collect()
    });

/// Converts a `toml` error into a diagnostic at its span.
pub(crate) fn toml_diagnostic(src: &Arc<SourceFile>, err: &toml::de::Error) -> Diagnostic {
    let span = err.span().unwrap_or(0..0);
    let message = err.message().trim().to_owned();
    // serde says "unknown field `x`, expected one of `a`, `b`" (or "unknown
    // variant"); keep the first clause as the message and offer the nearest
    // expected name as help.
    for (prefix, what, list_help) in [
        ("unknown field `", "unknown key", "known keys: "),
        ("unknown variant `", "unknown value", "expected one of: "),
    ] {
        let Some(rest) = message.strip_prefix(prefix) else {
            continue;
        };
        let name = rest.split('`').next().unwrap_or_default().to_owned();
        let expected: Vec<String> = rest
            .split("expected ")
            .nth(1)
            .map(|list| {
                list.split('`')
                    .enumerate()
                    .filter(|(i, _)| i % 2 == 1)
                    .map(|(_, s)| s.to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let help = did_you_mean(&name, expected.iter().map(String::as_str)).or_else(|| {
            (!expected.is_empty()).then(|| format!("{list_help}{}", expected.join(", ")))
        });
        return Diagnostic::error(src, span, format!("{what} `{name}`")).with_help_opt(help);
    }
    let first_line = message.lines().next().unwrap_or("invalid TOML").to_owned();
    Diagnostic::error(src, span, first_line)
}

/// Reads `src` as TOML into `T`, reporting problems all at once: every
/// syntax error, then every unknown key (each is set aside and the read
/// goes on, so one misspelt key does not hide the next). Another shape
/// error (a wrong type, a missing key) stops the read.
///
/// On success the unknown-key errors come back beside the value, so the
/// caller can go on to report its own checks with them.
///
/// # Errors
///
/// The syntax errors, or the unknown keys and the shape error that stopped
/// the read.
pub(crate) fn read_toml<T: serde::de::DeserializeOwned>(
    src: &Arc<SourceFile>,
) -> std::result::Result<(T, Vec<Diagnostic>), Vec<Diagnostic>> {
    read_parsed(src, parse_table(src)?)
}

/// Parses `src` as TOML, reporting every syntax error.
fn parse_table(
    src: &Arc<SourceFile>,
) -> std::result::Result<toml::Spanned<toml::de::DeTable<'_>>, Vec<Diagnostic>> {
    let (root, errors) = toml::de::DeTable::parse_recoverable(src.text());
    if errors.is_empty() {
        return Ok(root);
    }
    // Lines that end in a lone CR (a file saved on an old Mac) are one
    // problem, at the first CR, not one per line (#18).
    let mut lone_cr = false;
    let mut out = Vec::new();
    for e in &errors {
        let mut d = toml_diagnostic(src, e);
        if d.message
            .starts_with("carriage return must be followed by newline")
        {
            if std::mem::replace(&mut lone_cr, true) {
                continue;
            }
            let at = d.span.start.saturating_sub(1);
            if src.text().as_bytes().get(at) == Some(&b'\r') {
                d.span = at..at + 1;
            }
            d.message =
                "a line ends in a lone carriage return (CR), which TOML does not allow".into();
            d.help = Some("save the file with LF or CRLF line endings".into());
        }
        out.push(d);
    }
    Err(out)
}

/// Reads the parsed text of `src` into `T`, as [`read_toml`] does.
fn read_parsed<T: serde::de::DeserializeOwned>(
    src: &Arc<SourceFile>,
    root: toml::Spanned<toml::de::DeTable<'_>>,
) -> std::result::Result<(T, Vec<Diagnostic>), Vec<Diagnostic>> {
    // Most files read cleanly the first time: no copy of the parsed table
    // is kept for that. Only after an error is the text parsed again, to
    // report every unknown key, each removed in turn.
    if let Ok(value) = T::deserialize(toml::de::Deserializer::from(root)) {
        return Ok((value, Vec::new()));
    }
    let mut root = parse_table(src)?;
    let mut problems = Vec::new();
    loop {
        match T::deserialize(toml::de::Deserializer::from(root.clone())) {
            Ok(value) => return Ok((value, problems)),
            Err(e) => {
                let d = toml_diagnostic(src, &e);
                let unknown_key = d.message.starts_with("unknown key");
                problems.push(d);
                let removed = match e.span() {
                    Some(span) if unknown_key => remove_key(root.get_mut(), &span),
                    _ => false,
                };
                if !removed {
                    return Err(problems);
                }
            }
        }
    }
}

/// Removes the key whose span is `span` from `table` or a table inside it;
/// returns whether one was found.
fn remove_key(table: &mut toml::de::DeTable<'_>, span: &std::ops::Range<usize>) -> bool {
    let found = table
        .keys()
        .find(|k| k.span() == *span)
        .map(|k| k.get_ref().to_string());
    if let Some(key) = found {
        table.remove(key.as_str());
        return true;
    }
    table.iter_mut().any(|(_, v)| remove_in(v.get_mut(), span))
}

fn remove_in(value: &mut toml::de::DeValue<'_>, span: &std::ops::Range<usize>) -> bool {
    match value {
        toml::de::DeValue::Table(t) => remove_key(t, span),
        toml::de::DeValue::Array(items) => items.iter_mut().any(|v| remove_in(v.get_mut(), span)),
        _ => false,
    }
}

/// Parses and validates one pack's text.
///
/// # Errors
///
/// Every problem found in the file (warnings included), when any is an error.
/// On success, the warnings come back beside the pack.
pub fn parse_pack(
    src: &Arc<SourceFile>,
    calendars: &BTreeMap<String, Arc<Calendar>>,
) -> std::result::Result<(RulePack, Vec<Diagnostic>), Vec<Diagnostic>> {
    // A template read on its own is instantiated with its defaults. Its
    // placeholders may stand where only certain words are allowed
    // (`roll = "{roll}"`), so only `[params]` is read before substitution.
    // The text is parsed once, for `[params]` and then for the whole pack.
    let root = parse_table(src)?;
    if let Some(d) = crate::pack::kind::facts_file_as_pack(src, root.get_ref()) {
        return Err(vec![d]);
    }
    // Only a template has `[params]`; any other pack is read in one pass.
    let template = root.get_ref().keys().any(|k| k.get_ref() == "params");
    let head = if template {
        read_parsed::<Head>(src, parse_table(src)?)?.0
    } else {
        Head::default()
    };
    let (src, raw, mut problems) = if head.params.is_empty() {
        let (raw, problems) = read_parsed::<RawPack>(src, root)?;
        (Arc::clone(src), raw, problems)
    } else {
        if let Some(u) = head.uses.first() {
            return Err(vec![
                Diagnostic::error(src, u.span(), "a template cannot use another template")
                    .with_help("copy the rules you need into the template"),
            ]);
        }
        let text = template::substitute(src, &head.params, src, &template::Params::new())?;
        let inst = SourceFile::new(src.name(), text);
        let (raw, problems) = read_toml::<RawPack>(&inst)?;
        (inst, raw, problems)
    };
    let mut warnings = Vec::new();
    let mut imported: Vec<crate::model::rule::Rule> = Vec::new();
    let mut facts: Vec<crate::model::rule::FactDecl> = Vec::new();
    for u in &raw.uses {
        match instantiate(&src, u, raw.pack.id.get_ref(), calendars) {
            Ok((rules, f, w)) => {
                for r in rules {
                    if let Some(prev) = imported.iter().find(|p| p.id == r.id) {
                        problems.push(
                            Diagnostic::error(
                                &src,
                                u.span(),
                                format!(
                                    "rule `{}` is already made by `{}`",
                                    r.id,
                                    prev.source.shown_name()
                                ),
                            )
                            .with_help("give this `[[use]]` its own `id`"),
                        );
                    } else {
                        imported.push(r);
                    }
                }
                for f in f {
                    if !facts.iter().any(|g| g.name == f.name) {
                        facts.push(f);
                    }
                }
                warnings.extend(w);
            }
            Err(d) => problems.extend(d),
        }
    }
    match crate::pack::validate::validate(&src, &raw, calendars, &imported, &facts) {
        Ok((mut pack, w)) if problems.is_empty() => {
            warnings.extend(w);
            pack.model = !head.params.is_empty();
            Ok((pack, warnings))
        }
        Ok((_, w)) => {
            problems.extend(w);
            Err(sorted(problems))
        }
        Err(more) => {
            problems.extend(more);
            Err(sorted(problems))
        }
    }
}

/// What is read of a pack before its placeholders are filled in.
#[derive(serde::Deserialize, Default)]
struct Head {
    #[serde(default)]
    params: template::Params,
    #[serde(default, rename = "use")]
    uses: Vec<Spanned<toml::Value>>,
}

/// Reads a pack's `[params]` (and whether it has `[[use]]` tables) and
/// nothing else.
fn read_params(src: &Arc<SourceFile>) -> std::result::Result<Head, Vec<Diagnostic>> {
    read_toml(src).map(|(head, _)| head)
}

/// Orders diagnostics by file, then position.
fn sorted(mut list: Vec<Diagnostic>) -> Vec<Diagnostic> {
    list.sort_by(|a, b| (a.source.name(), a.span.start).cmp(&(b.source.name(), b.span.start)));
    list
}

/// Finds a template by built-in name or id, or as a path relative to the
/// file that uses it.
fn template_source(
    user: &Arc<SourceFile>,
    name: &Spanned<String>,
) -> std::result::Result<Arc<SourceFile>, Diagnostic> {
    let spec = name.get_ref();
    if is_path(spec) {
        let base = Path::new(user.name()).parent().unwrap_or(Path::new(""));
        let path = base.join(spec);
        return input::read_text(&path, FileKind::Pack).map_err(|e| match e {
            // Text that is not UTF-8: the problem is in the template.
            Error::Invalid { mut diagnostics } if !diagnostics.is_empty() => diagnostics.remove(0),
            Error::Read { source, .. } => Diagnostic::error(
                user,
                name.span(),
                format!("cannot read template `{}`: {source}", path.display()),
            ),
            other => Diagnostic::error(user, name.span(), format!("cannot read template: {other}")),
        });
    }
    match builtin_matches(spec).as_slice() {
        [one] => Ok(SourceFile::builtin(one.name, one.text)),
        [] => {
            let templates = BUILTIN_PACKS
                .iter()
                .filter(|p| p.name.contains("templates/"))
                .map(|p| p.name);
            Err(
                Diagnostic::error(user, name.span(), format!("unknown template `{spec}`"))
                    .with_help_opt(did_you_mean(spec, templates).or_else(|| {
                        Some(
                            "`govcal rules list` shows the templates under `bylaws/templates/`"
                                .to_owned(),
                        )
                    })),
            )
        }
        many => Err(Diagnostic::error(
            user,
            name.span(),
            format!("`{spec}` names {} packs; name one template", many.len()),
        )),
    }
}

type Instantiated = (
    Vec<crate::model::rule::Rule>,
    Vec<crate::model::rule::FactDecl>,
    Vec<Diagnostic>,
);

/// Instantiates one `[[use]]` of `user` (whose pack id is `pack_id`).
fn instantiate(
    user: &Arc<SourceFile>,
    u: &Spanned<RawUse>,
    pack_id: &str,
    calendars: &BTreeMap<String, Arc<Calendar>>,
) -> std::result::Result<Instantiated, Vec<Diagnostic>> {
    let span = u.span();
    let u = u.get_ref();
    let tsrc = template_source(user, &u.template).map_err(|d| vec![d])?;
    let traw = read_params(&tsrc)?;
    if !traw.uses.is_empty() {
        return Err(vec![Diagnostic::error(
            user,
            u.template.span(),
            format!(
                "`{}` uses templates itself and cannot be used as one",
                u.template.get_ref()
            ),
        )]);
    }
    let text = template::substitute(&tsrc, &traw.params, user, &u.params)?;
    let inst = SourceFile::new(template::use_name(tsrc.shown_name(), user, &span), text);
    let (mut iraw, unknown) = read_toml::<RawPack>(&inst)?;
    if !unknown.is_empty() {
        return Err(unknown);
    }
    iraw.pack.id = Spanned::new(iraw.pack.id.span(), pack_id.to_owned());
    let (tpack, template_warnings) =
        crate::pack::validate::validate(&inst, &iraw, calendars, &[], &[])?;
    // What the substituted text warns of (a zone that inverts its sign, an
    // empty citation) is the user's to see, once even where one parameter
    // fills two places; whether the rule has worked cases is decided below,
    // for these parameters.
    let mut warnings: Vec<Diagnostic> = Vec::new();
    for w in template_warnings {
        if !w.message.ends_with("has no worked cases")
            && !warnings.iter().any(|seen| seen.message == w.message)
        {
            warnings.push(w);
        }
    }
    let mut rules = tpack.rules;
    // The template's worked cases hold for its defaults only: keep them
    // for a rule whose arithmetic the parameters left as it was (a changed
    // citation or subject), drop them where a number or time changed.
    if !u.params.is_empty() {
        let defaults = template::substitute(&tsrc, &traw.params, user, &template::Params::new())?;
        let draw: RawPack =
            toml::from_str(&defaults).map_err(|e| vec![toml_diagnostic(&tsrc, &e)])?;
        let arithmetic = |raw: &RawPack, id: &str| {
            raw.rule
                .iter()
                .find(|x| x.id.get_ref() == id)
                .map(crate::pack::schema::RawRule::arithmetic)
        };
        for r in &mut rules {
            if arithmetic(&iraw, &r.id) != arithmetic(&draw, &r.id) {
                r.cases.clear();
            }
        }
    }
    if let Some(only) = &u.rule {
        let known: Vec<String> = rules.iter().map(|r| r.id.clone()).collect();
        rules.retain(|r| &r.id == only.get_ref());
        if rules.is_empty() {
            return Err(vec![
                Diagnostic::error(
                    user,
                    only.span(),
                    format!("template has no rule `{}`", only.get_ref()),
                )
                .with_help_opt(did_you_mean(
                    only.get_ref(),
                    known.iter().map(String::as_str),
                )),
            ]);
        }
    }
    let mut problems = Vec::new();
    if let Some(id) = &u.id {
        if rules.len() == 1 {
            rules[0].id.clone_from(id.get_ref());
        } else {
            problems.push(
                Diagnostic::error(
                    user,
                    id.span(),
                    format!(
                        "`id` renames one rule, but the template makes {}",
                        rules.len()
                    ),
                )
                .with_help("pick one with `rule = \"...\"`"),
            );
        }
    }
    if !u.case.is_empty() {
        if rules.len() == 1 {
            let mut known: std::collections::BTreeSet<String> = crate::model::facts::STANDARD_FACTS
                .iter()
                .map(|(n, _)| (*n).to_owned())
                .collect();
            known.extend(tpack.facts.iter().map(|f| f.name.clone()));
            for c in &u.case {
                let case = crate::pack::validate::case(user, c, &known, &mut problems);
                rules[0].cases.push(case);
            }
        } else {
            problems.push(
                Diagnostic::error(
                    user,
                    span.clone(),
                    format!(
                        "worked cases need one rule, but the template makes {}",
                        rules.len()
                    ),
                )
                .with_help("pick one with `rule = \"...\"`"),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    warnings.extend(rules.iter().filter(|r| r.cases.is_empty()).map(|r| {
        Diagnostic::warning(
            user,
            span.clone(),
            format!("rule `{}` has no worked cases for these parameters", r.id),
        )
        .with_help("add `[[use.case]]` tables with dates computed from the bylaw text")
    }));
    Ok((rules, tpack.facts, warnings))
}

/// Returns the built-in packs that `name` selects: a pack id
/// (`hemacare_bylaws`), a built-in name (`bylaws/hemacare`), or a family
/// (`sec`, `bylaws`).
pub fn builtin_matches(name: &str) -> Vec<&'static BuiltinPack> {
    let by_name: Vec<_> = BUILTIN_PACKS.iter().filter(|p| p.name == name).collect();
    if !by_name.is_empty() {
        return by_name;
    }
    let by_family: Vec<_> = BUILTIN_PACKS
        .iter()
        .filter(|p| p.name.split('/').next() == Some(name))
        .collect();
    if !by_family.is_empty() {
        return by_family;
    }
    BUILTIN_PACKS
        .iter()
        .filter(|p| builtin_id(p) == Some(name))
        .collect()
}

/// Whom a built-in pack governs, read from its `[pack]` table alone: for
/// telling a user which built-in pack covers a state or exchange they have
/// not loaded.
#[derive(Debug, Clone)]
pub struct BuiltinScope {
    /// The built-in name, `states/delaware`.
    pub name: &'static str,
    /// Where the source sits in the order of authority.
    pub level: crate::model::rule::Level,
    /// USPS codes of the states it governs.
    pub states: Vec<&'static str>,
    /// ISO codes of the countries it governs.
    pub countries: Vec<&'static str>,
    /// Codes of the exchanges it governs.
    pub exchanges: Vec<&'static str>,
    /// Codes of the Canadian provinces it governs, or `federal`.
    pub provinces: Vec<&'static str>,
    /// The legal forms it governs; empty: any.
    pub entities: Vec<crate::model::facts::Entity>,
    /// Whether it says a foreign private issuer is outside it.
    pub except_foreign_private_issuers: bool,
}

impl BuiltinScope {
    /// Whether the pack is for another place or form than the one
    /// `company`'s profile names: another state, country, province,
    /// exchange or legal form. A pack the profile cannot place (it names
    /// no state, say) or that excludes the company only as a foreign
    /// private issuer is not "elsewhere": its rules still say why they do
    /// not apply.
    pub fn elsewhere(&self, company: &crate::model::facts::Company) -> bool {
        if (!self.states.is_empty() && company.state.is_none() && !company.is_foreign())
            || (!self.countries.is_empty() && company.country.is_none())
            || (!self.exchanges.is_empty() && company.exchange.is_none())
        {
            return false;
        }
        let applies = crate::model::rule::AppliesTo {
            states: self.states.iter().map(|s| (*s).to_owned()).collect(),
            countries: self.countries.iter().map(|s| (*s).to_owned()).collect(),
            exchanges: self.exchanges.iter().map(|s| (*s).to_owned()).collect(),
            provinces: self.provinces.iter().map(|s| (*s).to_owned()).collect(),
            except_foreign_private_issuers: None,
            entities: self.entities.clone(),
            description: String::new(),
        };
        !applies.governs(company, false)
    }
}

/// Returns the scope of every built-in pack that says whom it governs
/// (`applies_to`), in [`BUILTIN_PACKS`] order.
pub fn builtin_scopes() -> &'static [BuiltinScope] {
    &BUILTIN_SCOPES
}

static BUILTIN_SCOPES: std::sync::LazyLock<Vec<BuiltinScope>> = std::sync::LazyLock::new(|| {
    use crate::model::jurisdiction::{country_code, exchange_code, state_code};
    #[derive(serde::Deserialize)]
    struct File {
        pack: Header,
    }
    #[derive(serde::Deserialize)]
    struct Header {
        #[serde(default)]
        level: crate::model::rule::Level,
        applies_to: Option<Scope>,
    }
    #[derive(serde::Deserialize)]
    struct Scope {
        #[serde(default)]
        states: Vec<String>,
        #[serde(default)]
        countries: Vec<String>,
        #[serde(default)]
        exchanges: Vec<String>,
        #[serde(default)]
        provinces: Vec<String>,
        #[serde(default)]
        entities: Vec<String>,
        except_foreign_private_issuers: Option<String>,
    }
    BUILTIN_PACKS
        .iter()
        .filter_map(|p| {
            // Only the `[pack]` table is read: from its header to the next
            // table. A template's placeholders stand only in rules, so its
            // `[pack]` table reads like any other.
            let start = p.lean.find("[pack]")?;
            let rest = &p.lean[start..];
            let end = rest[1..].find("\n[").map_or(rest.len(), |i| i + 1);
            let file: File = toml::from_str(&rest[..end]).ok()?;
            let scope = file.pack.applies_to?;
            Some(BuiltinScope {
                name: p.name,
                level: file.pack.level,
                states: scope.states.iter().filter_map(|s| state_code(s)).collect(),
                countries: scope
                    .countries
                    .iter()
                    .filter_map(|s| country_code(s))
                    .collect(),
                exchanges: scope
                    .exchanges
                    .iter()
                    .filter_map(|s| exchange_code(s))
                    .collect(),
                provinces: scope
                    .provinces
                    .iter()
                    .filter_map(|s| crate::model::rule::province_or_federal(s))
                    .collect(),
                entities: scope
                    .entities
                    .iter()
                    .filter_map(|s| crate::model::facts::Entity::parse(s))
                    .collect(),
                except_foreign_private_issuers: scope.except_foreign_private_issuers.is_some(),
            })
        })
        .collect()
});

/// Returns the `[pack] id` of a built-in pack, read without full parsing.
pub fn builtin_id(p: &BuiltinPack) -> Option<&'static str> {
    p.text.lines().find_map(|l| {
        let l = l.trim();
        l.strip_prefix("id = \"").and_then(|r| r.split('"').next())
    })
}

/// Reads a file of `kind` into a shared source, naming it as the user
/// typed it.
///
/// # Errors
///
/// As [`input::read_text`]: [`Error::Read`] if the file cannot be read,
/// [`Error::TooLarge`] past `kind`'s limit, [`Error::Invalid`] for text
/// that is not UTF-8, at its first bad byte.
pub fn load_source(path: &Path, kind: FileKind) -> Result<Arc<SourceFile>> {
    input::read_text(path, kind)
}

/// Returns whether `spec` names a file rather than a built-in pack.
pub fn is_path(spec: &str) -> bool {
    spec == "-"
        || Path::new(spec)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// Returns whether a TOML text is a holiday calendar (top-level `id` and
/// `[[holiday]]` tables) rather than a rule pack (a `[pack]` table).
fn is_calendar_file(text: &str) -> bool {
    match text.parse::<toml::Table>() {
        Ok(t) => {
            !t.contains_key("pack") && (t.contains_key("holiday") || t.contains_key("first_year"))
        }
        Err(_) => false,
    }
}

/// Collects the `.toml` files under `dir`, sorted, recursively.
fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<()> {
    let read = |e: std::io::Error| Error::Read {
        path: dir.to_owned(),
        source: e,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(read)?
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            toml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Loaded packs with their calendars and the warnings found while loading.
#[derive(Debug, Clone)]
pub struct Library {
    /// The packs, in the order asked for, each once.
    pub packs: Vec<RulePack>,
    /// Holiday calendars by id.
    pub calendars: BTreeMap<String, Arc<Calendar>>,
    /// Warnings (a rule without citation or cases).
    pub warnings: Vec<Diagnostic>,
}

impl Library {
    /// Loads the packs named by `specs`: built-in names, ids or families,
    /// or paths to `.toml` files (relative to `base` when given).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with every problem in every file, [`Error::Usage`]
    /// for a name that is neither a built-in pack nor a file, and
    /// [`Error::Read`] for an unreadable file.
    pub fn load(specs: &[String], base: Option<&Path>) -> Result<Library> {
        Library::load_parts(&[(specs, base)])
    }

    /// Loads the packs of several lists, each with the folder its relative
    /// paths are read from (a facts file's `rules` from the file's folder,
    /// `--rules` from the working directory), in order; a pack named twice
    /// is loaded once.
    ///
    /// # Errors
    ///
    /// As [`Library::load`].
    pub fn load_parts(parts: &[(&[String], Option<&Path>)]) -> Result<Library> {
        Library::load_parts_as(parts, false, None)
    }

    /// As [`Library::load_parts`], reading the lean copies of the built-in
    /// packs (no comments, notes or worked cases): for computing deadlines,
    /// which read none of those, about three times faster to load.
    ///
    /// # Errors
    ///
    /// As [`Library::load_parts`].
    pub fn load_parts_lean(
        parts: &[(&[String], Option<&Path>)],
        company: Option<&crate::model::facts::Company>,
    ) -> Result<Library> {
        Library::load_parts_as(parts, true, company)
    }

    /// With `company`, a built-in pack loaded with its family (not named on
    /// its own) that is for another place than the profile names
    /// ([`BuiltinScope::elsewhere`]) is not loaded: none of its rules could
    /// apply, and reading it is most of a query's time.
    fn load_parts_as(
        parts: &[(&[String], Option<&Path>)],
        lean: bool,
        company: Option<&crate::model::facts::Company>,
    ) -> Result<Library> {
        let mut calendars = builtin_calendars();
        let mut packs: Vec<RulePack> = Vec::new();
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        // Each source with whether it may be a calendar: a built-in pack is
        // not (`build.rs` puts the calendars in their own table, and a test
        // checks every built-in pack), so its text is not parsed twice.
        let mut sources: Vec<(Arc<SourceFile>, bool)> = Vec::new();
        // Packs named on their own rather than through their family.
        let mut requested: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        for (spec, base) in parts
            .iter()
            .flat_map(|(specs, base)| specs.iter().map(move |s| (s, *base)))
        {
            let path = match base {
                Some(b) if Path::new(spec).is_relative() && spec != "-" => b.join(spec),
                _ => Path::new(spec).to_owned(),
            };
            if path.is_dir() {
                let mut files = Vec::new();
                toml_files(&path, &mut files)?;
                for f in files {
                    let src = load_source(&f, FileKind::Pack)?;
                    requested.insert(src.name().to_owned());
                    sources.push((src, true));
                }
            } else if is_path(spec) {
                let src = load_source(&path, FileKind::Pack)?;
                requested.insert(src.name().to_owned());
                sources.push((src, true));
            } else {
                let found = builtin_matches(spec);
                if found.is_empty() {
                    let help = crate::pack::suggest::suggest_builtin(spec).or_else(|| {
                        Some("`govcal rules list` shows the built-in packs; a path must end in `.toml` or name a directory".to_owned())
                    });
                    return Err(Error::usage(format!("unknown rule pack `{spec}`"), help));
                }
                let by_family = BUILTIN_PACKS
                    .iter()
                    .any(|p| p.name.split('/').next() == Some(spec.as_str()));
                for p in found {
                    if by_family
                        && let Some(c) = company
                        && builtin_scopes()
                            .iter()
                            .any(|s| s.name == p.name && s.elsewhere(c))
                    {
                        continue;
                    }
                    let text = if lean { p.lean } else { p.text };
                    let src = SourceFile::builtin(p.name, text);
                    if !by_family {
                        requested.insert(src.name().to_owned());
                    }
                    sources.push((src, false));
                }
            }
        }
        // Calendars first, so that packs may name a calendar loaded beside them.
        let (calendar_sources, pack_sources): (Vec<_>, Vec<_>) = sources
            .into_iter()
            .partition(|(s, maybe)| *maybe && is_calendar_file(s.text()));
        for (src, _) in calendar_sources {
            match Calendar::parse_toml(src.text()) {
                Ok(cal) => {
                    if let Some(prev) = calendars.get(cal.id())
                        && **prev != cal
                        && !BUILTIN_CALENDAR_FILES.iter().any(|f| f.text == src.text())
                    {
                        problems.push(
                            Diagnostic::error(
                                &src,
                                0..0,
                                format!(
                                    "calendar id `{}` is already loaded with other dates",
                                    cal.id()
                                ),
                            )
                            .with_help("give your calendar its own `id`"),
                        );
                        continue;
                    }
                    calendars.insert(cal.id().to_owned(), Arc::new(cal));
                }
                Err(list) => problems.extend(list.into_iter().map(|p| {
                    Diagnostic::error(&src, p.span.unwrap_or(0..0), p.message).with_help_opt(p.help)
                })),
            }
        }
        // Packs are parsed on all cores (most of a single query's time is
        // reading the built-in packs), then merged in loading order.
        let parsed: Vec<_> = {
            use rayon::prelude::*;
            pack_sources
                .par_iter()
                .map(|(src, _)| parse_pack(src, &calendars))
                .collect()
        };
        for ((src, _), result) in pack_sources.into_iter().zip(parsed) {
            match result {
                Ok((pack, w)) => {
                    if let Some(prev) = packs.iter().find(|p| p.id == pack.id) {
                        if prev.source.text() != pack.source.text() {
                            problems.push(Diagnostic::error(
                                &src,
                                0..0,
                                format!(
                                    "pack id `{}` is already loaded from `{}`",
                                    pack.id,
                                    prev.source.name()
                                ),
                            ));
                        }
                        continue;
                    }
                    warnings.extend(w);
                    let mut pack = pack;
                    pack.requested = requested.contains(src.name());
                    packs.push(pack);
                }
                Err(d) => problems.extend(d),
            }
        }
        if problems.is_empty() {
            problems.extend(crate::pack::references::check_cycles(&packs));
        }
        if problems
            .iter()
            .any(|d| d.severity == crate::diag::Severity::Error)
        {
            return Err(Error::Invalid {
                diagnostics: problems,
            });
        }
        Ok(Library {
            packs,
            calendars,
            warnings,
        })
    }

    /// Returns every fact name the loaded packs know: the standard ones and
    /// those the packs declare.
    pub fn known_facts(&self) -> std::collections::BTreeSet<String> {
        let mut known: std::collections::BTreeSet<String> = crate::model::facts::STANDARD_FACTS
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .collect();
        for p in &self.packs {
            known.extend(p.facts.iter().map(|f| f.name.clone()));
        }
        known
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scopes are read from the packs' own `applies_to`: the MBCA pack
    /// covers the states it lists, each exchange pack its exchange.
    #[test]
    fn builtin_scopes_come_from_the_packs_applies_to() {
        let scope = |name: &str| {
            builtin_scopes()
                .iter()
                .find(|s| s.name == name)
                .unwrap_or_else(|| panic!("no scope for {name}"))
        };
        assert_eq!(scope("states/delaware").states, ["DE"]);
        assert_eq!(
            scope("states/delaware").level,
            crate::model::rule::Level::State
        );
        let mut mbca = scope("states/mbca").states.clone();
        mbca.sort_unstable();
        assert_eq!(mbca, ["AL", "IA", "ME", "MS", "WV"]);
        assert_eq!(scope("exchanges/nyse").exchanges, ["nyse"]);
        // The SEC's packs say only that a foreign private issuer is outside
        // them: no place.
        assert!(
            builtin_scopes()
                .iter()
                .filter(|s| s.name.starts_with("sec/"))
                .all(|s| s.states.is_empty() && s.countries.is_empty() && s.exchanges.is_empty())
        );
        assert_eq!(scope("countries/ontario_obca").provinces, ["ON"]);
        assert_eq!(scope("countries/canada_cbca").provinces, ["federal"]);
    }

    /// `Library::load` does not ask whether a built-in pack is a calendar.
    #[test]
    fn no_builtin_pack_is_a_calendar_file_and_every_calendar_is() {
        for p in BUILTIN_PACKS {
            assert!(!is_calendar_file(p.text), "{} reads as a calendar", p.name);
        }
        for c in BUILTIN_CALENDAR_FILES {
            assert!(is_calendar_file(c.text), "{} is not a calendar", c.name);
        }
    }

    /// The lean copy of each built-in calendar (what `deadlines` reads) is
    /// the same calendar as the file counsel reviews, and shorter.
    #[test]
    fn lean_calendars_are_the_full_calendars() {
        for c in BUILTIN_CALENDAR_FILES {
            let full = Calendar::parse_toml(c.text).expect("the full file parses");
            let lean = Calendar::parse_toml(c.lean).expect("the lean copy parses");
            assert_eq!(lean, full, "{}", c.name);
            assert!(
                c.lean.len() < c.text.len(),
                "{} has no comment to leave out",
                c.name
            );
        }
    }
}
