//! JSON Schemas of the two formats people type by hand, rule packs and
//! facts files, generated from the serde types that read them
//! (`pack::schema` and `pack::profile`), so that an editor speaking JSON
//! Schema (taplo, and VS Code's Even Better TOML, which uses it) completes
//! keys, explains them on hover and flags misspelt keys and values.
//!
//! The schemas check shape only: which keys a table takes, which values an
//! enumerated key takes, and that a worked case's dates are dates. The
//! expression language, fact and calendar names and references between
//! rules are `govcal check`'s business. Holiday calendars have no schema.
//!
//! Conventions, decided here:
//!
//! * **Draft 7.** taplo's validator reads draft 7 and older; newer keywords
//!   would be ignored.
//! * **Dates.** JSON has no date type; taplo hands a TOML date to the
//!   validator as its text, so a date is `{"type": "string", "format":
//!   "date"}`. The schema cannot tell `2025-06-12` from `"2025-06-12"`
//!   (govcal refuses the quoted form in a worked case's `opens`/`closes`).
//! * **No `null`.** TOML has none, so an optional key is one that is not
//!   `required`, never one that may be `null`.
//! * **Unknown keys** are refused in every table (`additionalProperties:
//!   false`), except where names are open: `facts` (packs declare their
//!   own) and template `params`.
//! * **Templates** put `"{name}"` placeholders where an enumerated value
//!   (`roll = "{roll}"`) is expected; the schema flags those, and only
//!   those, in a template.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use crate::model::facts::STANDARD_FACTS;
use crate::pack::schema::{RawPack, TomlDate};

/// Returns the JSON Schema of a rule pack, pretty-printed with a final
/// newline: what `govcal schema pack` prints and `rules/schema/pack.schema.json`
/// holds.
pub fn pack_schema() -> String {
    render::<RawPack>()
}

/// Returns the JSON Schema of a facts file (`[company]` and `[facts]`),
/// pretty-printed with a final newline: what `govcal schema facts` prints
/// and `rules/schema/facts.schema.json` holds.
pub fn facts_schema() -> String {
    render::<crate::pack::profile::RawProfile>()
}

fn render<T: JsonSchema>() -> String {
    let mut settings = SchemaSettings::draft07();
    // Before the draft-7 transforms, so that a field left as a bare `$ref`
    // beside its description is wrapped in `allOf` like any other.
    settings.transforms.insert(0, Box::new(NoNull));
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut text = serde_json::to_string_pretty(&schema)
        .expect("a schema built from serde_json values serializes");
    text.push('\n');
    text
}

/// Removes the `null` that schemars allows for an `Option` field: a TOML
/// key is either there with a value or not there.
#[derive(Clone, Copy)]
struct NoNull;

impl Transform for NoNull {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(obj) = schema.as_object_mut() {
            if let Some(Value::Array(types)) = obj.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    obj.insert("type".to_owned(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(alternatives)) = obj.get_mut(key) {
                    alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                    if let [only] = alternatives.as_slice() {
                        let only = only.clone();
                        obj.remove(key);
                        if let Value::Object(inner) = only {
                            for (k, v) in inner {
                                obj.entry(k).or_insert(v);
                            }
                        }
                    }
                }
            }
        }
        transform_subschemas(self, schema);
    }
}

impl JsonSchema for TomlDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
        })
    }
}

/// A fact's value: a TOML date or a date as filings write it.
fn fact_date(meaning: &str) -> Value {
    let description = format!(
        "{}{}: a bare TOML date (`2004-05-25`) or a date as filings write it (`\"May 25, 2004\"`).",
        meaning[..1].to_uppercase(),
        &meaning[1..]
    );
    serde_json::json!({ "type": "string", "description": description })
}

/// The schema of a `facts` table (in a facts file and in a worked case):
/// the standard facts by name, with their meanings, and any other name for
/// a fact a pack declares.
pub(crate) fn facts_table(_: &mut SchemaGenerator) -> Schema {
    let mut properties = Map::new();
    for (name, meaning) in STANDARD_FACTS {
        let schema = if name == "meeting_kind" {
            serde_json::json!({
                "description": "Whether the meeting is the annual meeting (the default) or a special meeting.",
                "type": "string",
                "enum": ["annual", "special"],
            })
        } else {
            fact_date(meaning)
        };
        properties.insert(name.to_owned(), schema);
    }
    json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": fact_date("a fact declared with `[[fact]]` by a loaded pack"),
    })
}

/// The schema of a template's `[params]`, its defaults: any names, each a
/// string, a whole number, a date, or a list of the strings the parameter
/// may take (the first being the default).
pub(crate) fn template_defaults(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "additionalProperties": {
            "description": "A parameter's default: text, a whole number of days (0 to 3660) or a date; or the list of strings the parameter may take, the first being the default. The template's text uses it as `{name}`, `{name:ordinal}` (\"90th\") or `{name:fact}` (a fact's name in words).",
            "type": ["string", "integer", "boolean", "array"],
            "items": { "type": "string" },
            "minItems": 1,
        },
    })
}

/// The schema of a `[[use]]`'s `params`, its values for a template's
/// parameters: any names, each a string, a whole number or a date.
pub(crate) fn template_params(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "additionalProperties": {
            "description": "A parameter's value: text, a whole number of days (0 to 3660) or a date, of the same kind as the template's default (one of its strings, when the default is a list).",
            "type": ["string", "integer", "boolean"],
        },
    })
}

/// How a date that falls on a weekend or holiday moves.
// The values `model::calendar::Roll` reads, with words for a person; only
// the schema is used. The tests below keep the two in step.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
#[allow(dead_code, reason = "a description of model::calendar::Roll's values")]
pub(crate) enum Roll {
    /// The date does not move, even off a weekend or holiday.
    None,
    /// A weekend or holiday moves to the next business day.
    Forward,
    /// A weekend or holiday moves to the business day before.
    Backward,
}

/// The kind of answer a rule gives.
// The values `model::rule::Status` reads; only the schema is used. The tests below
// keep the two in step.
#[derive(JsonSchema)]
#[schemars(rename_all = "snake_case")]
#[allow(dead_code, reason = "a description of model::rule::Status's values")]
pub(crate) enum Status {
    /// Every date is known.
    Computed,
    /// A fact the rule needs is missing, so the answer is given case by case.
    Conditional,
    /// The law gives no date; its words are given instead.
    Unspecified,
    /// The rule does not apply to the meeting.
    NotApplicable,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar;

    /// Asserts that the mirror `M` allows exactly the values `real`
    /// serializes to, in the same order.
    fn assert_mirrors<M: JsonSchema, R: serde::Serialize>(real: &[R]) {
        let schema = SchemaGenerator::new(SchemaSettings::draft07()).into_root_schema_for::<M>();
        let allowed: Vec<Value> = schema
            .get("oneOf")
            .and_then(Value::as_array)
            .expect("an enum with documented variants is a oneOf")
            .iter()
            .map(|a| a.get("const").cloned().expect("each variant is a const"))
            .collect();
        let real: Vec<Value> = real
            .iter()
            .map(|r| serde_json::to_value(r).unwrap())
            .collect();
        assert_eq!(allowed, real);
    }

    // Each `match` lists every variant, so that a new one does not compile
    // until it is added to the list beside it too.

    #[test]
    fn roll_mirror_has_exactly_the_values_roll_reads() {
        use calendar::Roll as R;
        let _ = |r: R| match r {
            R::None | R::Forward | R::Backward => (),
        };
        assert_mirrors::<Roll, _>(&[R::None, R::Forward, R::Backward]);
    }

    #[test]
    fn status_mirror_has_exactly_the_values_status_reads() {
        use crate::model::rule::Status as S;
        let _ = |s: S| match s {
            S::Computed | S::Conditional | S::Unspecified | S::NotApplicable => (),
        };
        assert_mirrors::<Status, _>(&[
            S::Computed,
            S::Conditional,
            S::Unspecified,
            S::NotApplicable,
        ]);
    }

    #[test]
    fn schemas_are_deterministic_and_end_in_a_newline() {
        assert_eq!(pack_schema(), pack_schema());
        assert!(pack_schema().ends_with("}\n"));
        assert!(facts_schema().ends_with("}\n"));
    }
}
