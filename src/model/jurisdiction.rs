//! States of incorporation and listing exchanges: the names people write
//! ("Delaware", "DE", "delaware") and the one spelling govcal keeps (`DE`,
//! `nyse`). Company profiles and packs' `applies_to` both go through here, so
//! "Delaware" in a profile matches `DE` in a pack.

/// USPS code and name of every state, the District of Columbia and Puerto
/// Rico.
pub const STATES: [(&str, &str); 52] = [
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

/// Exchange code and name.
pub const EXCHANGES: [(&str, &str); 3] = [
    ("nyse", "the New York Stock Exchange"),
    ("nasdaq", "the Nasdaq Stock Market"),
    ("nyse_american", "NYSE American"),
];

fn fold(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Returns the USPS code for a state written as its code or its name, in
/// any case ("de", "Delaware", "new york").
pub fn state_code(text: &str) -> Option<&'static str> {
    let f = fold(text);
    STATES
        .iter()
        .find(|(code, name)| fold(code) == f || fold(name) == f)
        .map(|(code, _)| *code)
}

/// Returns a state's name from its USPS code ("Delaware").
pub fn state_name(code: &str) -> &str {
    STATES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| *n)
}

/// Returns the exchange code for "NYSE", "Nasdaq", "NYSE American" and the
/// like.
pub fn exchange_code(text: &str) -> Option<&'static str> {
    let f = fold(text);
    let f = match f.as_str() {
        "newyorkstockexchange" => "nyse".to_owned(),
        "nasdaqstockmarket" | "thenasdaqstockmarket" | "nasdaqgs" | "nasdaqgm" | "nasdaqcm" => {
            "nasdaq".to_owned()
        }
        "nysemkt" | "amex" => "nyseamerican".to_owned(),
        _ => f,
    };
    EXCHANGES
        .iter()
        .find(|(code, _)| fold(code) == f)
        .map(|(code, _)| *code)
}

/// Returns an exchange's name from its code.
pub fn exchange_name(code: &str) -> &str {
    EXCHANGES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| *n)
}

/// Every spelling a user could mean, for "did you mean" help.
pub fn state_spellings() -> impl Iterator<Item = &'static str> {
    STATES.iter().flat_map(|(c, n)| [*c, *n])
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
}
