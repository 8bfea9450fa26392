//! "Did you mean" for the names of built-in packs.

use crate::diag::did_you_mean;
use crate::pack::load::{BUILTIN_PACKS, builtin_id};

/// "did you mean `bylaws/hemacare`?" for a name that is close to a built-in
/// pack's name, id or family, or to the last part of its name (`hemcare`).
pub fn suggest_builtin(name: &str) -> Option<String> {
    let names = BUILTIN_PACKS
        .iter()
        .map(|p| p.name)
        .chain(BUILTIN_PACKS.iter().filter_map(builtin_id))
        .chain(
            BUILTIN_PACKS
                .iter()
                .filter_map(|p| p.name.split('/').next()),
        );
    did_you_mean(name, names).or_else(|| {
        let limit = (name.chars().count() / 3).max(1);
        BUILTIN_PACKS
            .iter()
            .filter_map(|p| {
                let last = p.name.rsplit('/').next()?;
                let d = strsim::levenshtein(name, last);
                (d <= limit).then_some((d, p.name))
            })
            .min()
            .map(|(_, full)| format!("did you mean `{full}`?"))
    })
}
