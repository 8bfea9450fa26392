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

/// USPS code and name of every state, the District of Columbia and the
/// inhabited U.S. territories.
pub const STATES: [(&str, &str); 56] = [
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AS", "American Samoa"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("GU", "Guam"),
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
    ("MP", "Northern Mariana Islands"),
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
    ("VI", "U.S. Virgin Islands"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

/// Other names of states and territories.
const STATE_ALIASES: [(&str, &str); 6] = [
    ("Washington, D.C.", "DC"),
    ("Washington D.C.", "DC"),
    ("Commonwealth of Puerto Rico", "PR"),
    ("United States Virgin Islands", "VI"),
    ("Virgin Islands", "VI"),
    ("Commonwealth of the Northern Mariana Islands", "MP"),
];

/// Code and name of Canada's provinces and territories, the one country
/// whose subdivisions `state` takes (a corporation may be incorporated
/// under a province's act rather than the federal one).
pub const CANADIAN_PROVINCES: [(&str, &str); 13] = [
    ("AB", "Alberta"),
    ("BC", "British Columbia"),
    ("MB", "Manitoba"),
    ("NB", "New Brunswick"),
    ("NL", "Newfoundland and Labrador"),
    ("NS", "Nova Scotia"),
    ("NT", "Northwest Territories"),
    ("NU", "Nunavut"),
    ("ON", "Ontario"),
    ("PE", "Prince Edward Island"),
    ("QC", "Quebec"),
    ("SK", "Saskatchewan"),
    ("YT", "Yukon"),
];

/// ISO 3166-1 alpha-2 code and short English name of every country and
/// territory (from the ISO 3166 Maintenance Agency's list, as the Debian
/// `iso-codes` package carries it, with the names people write: "South
/// Korea", "British Virgin Islands").
pub const COUNTRIES: [(&str, &str); 249] = [
    ("AD", "Andorra"),
    ("AE", "United Arab Emirates"),
    ("AF", "Afghanistan"),
    ("AG", "Antigua and Barbuda"),
    ("AI", "Anguilla"),
    ("AL", "Albania"),
    ("AM", "Armenia"),
    ("AO", "Angola"),
    ("AQ", "Antarctica"),
    ("AR", "Argentina"),
    ("AS", "American Samoa"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("AW", "Aruba"),
    ("AX", "Åland Islands"),
    ("AZ", "Azerbaijan"),
    ("BA", "Bosnia and Herzegovina"),
    ("BB", "Barbados"),
    ("BD", "Bangladesh"),
    ("BE", "Belgium"),
    ("BF", "Burkina Faso"),
    ("BG", "Bulgaria"),
    ("BH", "Bahrain"),
    ("BI", "Burundi"),
    ("BJ", "Benin"),
    ("BL", "Saint Barthélemy"),
    ("BM", "Bermuda"),
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("BQ", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "Brazil"),
    ("BS", "Bahamas"),
    ("BT", "Bhutan"),
    ("BV", "Bouvet Island"),
    ("BW", "Botswana"),
    ("BY", "Belarus"),
    ("BZ", "Belize"),
    ("CA", "Canada"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CD", "Democratic Republic of the Congo"),
    ("CF", "Central African Republic"),
    ("CG", "Republic of the Congo"),
    ("CH", "Switzerland"),
    ("CI", "Côte d'Ivoire"),
    ("CK", "Cook Islands"),
    ("CL", "Chile"),
    ("CM", "Cameroon"),
    ("CN", "China"),
    ("CO", "Colombia"),
    ("CR", "Costa Rica"),
    ("CU", "Cuba"),
    ("CV", "Cabo Verde"),
    ("CW", "Curaçao"),
    ("CX", "Christmas Island"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DJ", "Djibouti"),
    ("DK", "Denmark"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("DZ", "Algeria"),
    ("EC", "Ecuador"),
    ("EE", "Estonia"),
    ("EG", "Egypt"),
    ("EH", "Western Sahara"),
    ("ER", "Eritrea"),
    ("ES", "Spain"),
    ("ET", "Ethiopia"),
    ("FI", "Finland"),
    ("FJ", "Fiji"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("FO", "Faroe Islands"),
    ("FR", "France"),
    ("GA", "Gabon"),
    ("GB", "United Kingdom"),
    ("GD", "Grenada"),
    ("GE", "Georgia"),
    ("GF", "French Guiana"),
    ("GG", "Guernsey"),
    ("GH", "Ghana"),
    ("GI", "Gibraltar"),
    ("GL", "Greenland"),
    ("GM", "Gambia"),
    ("GN", "Guinea"),
    ("GP", "Guadeloupe"),
    ("GQ", "Equatorial Guinea"),
    ("GR", "Greece"),
    ("GS", "South Georgia and the South Sandwich Islands"),
    ("GT", "Guatemala"),
    ("GU", "Guam"),
    ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"),
    ("HK", "Hong Kong"),
    ("HM", "Heard Island and McDonald Islands"),
    ("HN", "Honduras"),
    ("HR", "Croatia"),
    ("HT", "Haiti"),
    ("HU", "Hungary"),
    ("ID", "Indonesia"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IM", "Isle of Man"),
    ("IN", "India"),
    ("IO", "British Indian Ocean Territory"),
    ("IQ", "Iraq"),
    ("IR", "Iran"),
    ("IS", "Iceland"),
    ("IT", "Italy"),
    ("JE", "Jersey"),
    ("JM", "Jamaica"),
    ("JO", "Jordan"),
    ("JP", "Japan"),
    ("KE", "Kenya"),
    ("KG", "Kyrgyzstan"),
    ("KH", "Cambodia"),
    ("KI", "Kiribati"),
    ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("KW", "Kuwait"),
    ("KY", "Cayman Islands"),
    ("KZ", "Kazakhstan"),
    ("LA", "Laos"),
    ("LB", "Lebanon"),
    ("LC", "Saint Lucia"),
    ("LI", "Liechtenstein"),
    ("LK", "Sri Lanka"),
    ("LR", "Liberia"),
    ("LS", "Lesotho"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("LV", "Latvia"),
    ("LY", "Libya"),
    ("MA", "Morocco"),
    ("MC", "Monaco"),
    ("MD", "Moldova"),
    ("ME", "Montenegro"),
    ("MF", "Saint Martin"),
    ("MG", "Madagascar"),
    ("MH", "Marshall Islands"),
    ("MK", "North Macedonia"),
    ("ML", "Mali"),
    ("MM", "Myanmar"),
    ("MN", "Mongolia"),
    ("MO", "Macao"),
    ("MP", "Northern Mariana Islands"),
    ("MQ", "Martinique"),
    ("MR", "Mauritania"),
    ("MS", "Montserrat"),
    ("MT", "Malta"),
    ("MU", "Mauritius"),
    ("MV", "Maldives"),
    ("MW", "Malawi"),
    ("MX", "Mexico"),
    ("MY", "Malaysia"),
    ("MZ", "Mozambique"),
    ("NA", "Namibia"),
    ("NC", "New Caledonia"),
    ("NE", "Niger"),
    ("NF", "Norfolk Island"),
    ("NG", "Nigeria"),
    ("NI", "Nicaragua"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("NP", "Nepal"),
    ("NR", "Nauru"),
    ("NU", "Niue"),
    ("NZ", "New Zealand"),
    ("OM", "Oman"),
    ("PA", "Panama"),
    ("PE", "Peru"),
    ("PF", "French Polynesia"),
    ("PG", "Papua New Guinea"),
    ("PH", "Philippines"),
    ("PK", "Pakistan"),
    ("PL", "Poland"),
    ("PM", "Saint Pierre and Miquelon"),
    ("PN", "Pitcairn"),
    ("PR", "Puerto Rico"),
    ("PS", "Palestine"),
    ("PT", "Portugal"),
    ("PW", "Palau"),
    ("PY", "Paraguay"),
    ("QA", "Qatar"),
    ("RE", "Réunion"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russia"),
    ("RW", "Rwanda"),
    ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"),
    ("SC", "Seychelles"),
    ("SD", "Sudan"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "Slovenia"),
    ("SJ", "Svalbard and Jan Mayen"),
    ("SK", "Slovakia"),
    ("SL", "Sierra Leone"),
    ("SM", "San Marino"),
    ("SN", "Senegal"),
    ("SO", "Somalia"),
    ("SR", "Suriname"),
    ("SS", "South Sudan"),
    ("ST", "Sao Tome and Principe"),
    ("SV", "El Salvador"),
    ("SX", "Sint Maarten"),
    ("SY", "Syria"),
    ("SZ", "Eswatini"),
    ("TC", "Turks and Caicos Islands"),
    ("TD", "Chad"),
    ("TF", "French Southern Territories"),
    ("TG", "Togo"),
    ("TH", "Thailand"),
    ("TJ", "Tajikistan"),
    ("TK", "Tokelau"),
    ("TL", "Timor-Leste"),
    ("TM", "Turkmenistan"),
    ("TN", "Tunisia"),
    ("TO", "Tonga"),
    ("TR", "Turkey"),
    ("TT", "Trinidad and Tobago"),
    ("TV", "Tuvalu"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("UA", "Ukraine"),
    ("UG", "Uganda"),
    ("UM", "United States Minor Outlying Islands"),
    ("US", "United States"),
    ("UY", "Uruguay"),
    ("UZ", "Uzbekistan"),
    ("VA", "Holy See"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("VE", "Venezuela"),
    ("VG", "British Virgin Islands"),
    ("VI", "U.S. Virgin Islands"),
    ("VN", "Vietnam"),
    ("VU", "Vanuatu"),
    ("WF", "Wallis and Futuna"),
    ("WS", "Samoa"),
    ("YE", "Yemen"),
    ("YT", "Mayotte"),
    ("ZA", "South Africa"),
    ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
];

/// Other names of countries: ISO's formal short names ("Korea, Republic
/// of"), spellings without accents and common usage ("UK", "England and
/// Wales", "BVI", "Holland").
const COUNTRY_ALIASES: [(&str, &str); 54] = [
    ("Brunei Darussalam", "BN"),
    ("Bolivia, Plurinational State of", "BO"),
    ("Congo, The Democratic Republic of the", "CD"),
    ("Congo", "CG"),
    ("Falkland Islands (Malvinas)", "FK"),
    ("Micronesia, Federated States of", "FM"),
    ("Iran, Islamic Republic of", "IR"),
    ("Korea, Democratic People's Republic of", "KP"),
    ("Korea, Republic of", "KR"),
    ("Lao People's Democratic Republic", "LA"),
    ("Moldova, Republic of", "MD"),
    ("Saint Martin (French part)", "MF"),
    ("Palestine, State of", "PS"),
    ("Russian Federation", "RU"),
    ("Sint Maarten (Dutch part)", "SX"),
    ("Syrian Arab Republic", "SY"),
    ("Türkiye", "TR"),
    ("Taiwan, Province of China", "TW"),
    ("Tanzania, United Republic of", "TZ"),
    ("Holy See (Vatican City State)", "VA"),
    ("Venezuela, Bolivarian Republic of", "VE"),
    ("Virgin Islands, British", "VG"),
    ("Virgin Islands, U.S.", "VI"),
    ("Viet Nam", "VN"),
    ("United States of America", "US"),
    ("USA", "US"),
    ("UK", "GB"),
    ("Great Britain", "GB"),
    ("Britain", "GB"),
    ("England", "GB"),
    ("England and Wales", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("BVI", "VG"),
    ("Cayman", "KY"),
    ("Holland", "NL"),
    ("Republic of Ireland", "IE"),
    ("UAE", "AE"),
    ("Cape Verde", "CV"),
    ("Czech Republic", "CZ"),
    ("Swaziland", "SZ"),
    ("Burma", "MM"),
    ("Macedonia", "MK"),
    ("Cote d'Ivoire", "CI"),
    ("Ivory Coast", "CI"),
    ("Curacao", "CW"),
    ("Reunion", "RE"),
    ("Aland Islands", "AX"),
    ("Saint Barthelemy", "BL"),
    ("East Timor", "TL"),
    ("Vatican", "VA"),
    ("Macau", "MO"),
    ("Korea", "KR"),
];

/// The code of the United States in [`COUNTRIES`].
pub const UNITED_STATES: &str = "US";

/// Exchange code and name. `none` is a company whose shares are not listed;
/// the OTC Markets tiers are quotation systems rather than exchanges, but a
/// company names them in the same place.
pub const EXCHANGES: [(&str, &str); 9] = [
    ("nyse", "the New York Stock Exchange"),
    ("nasdaq", "the Nasdaq Stock Market"),
    ("nyse_american", "NYSE American"),
    ("nyse_arca", "NYSE Arca"),
    ("cboe", "the Cboe BZX Exchange"),
    ("otcqx", "the OTCQX Best Market"),
    ("otcqb", "the OTCQB Venture Market"),
    ("otc_pink", "the Pink Open Market"),
    ("none", "no exchange"),
];

/// Other names of exchanges, folded as [`fold`] does.
const EXCHANGE_ALIASES: [(&str, &str); 24] = [
    ("newyorkstockexchange", "nyse"),
    ("nasdaqstockmarket", "nasdaq"),
    ("thenasdaqstockmarket", "nasdaq"),
    ("nasdaqgs", "nasdaq"),
    ("nasdaqgm", "nasdaq"),
    ("nasdaqcm", "nasdaq"),
    ("nysemkt", "nyse_american"),
    ("nyseamex", "nyse_american"),
    ("amex", "nyse_american"),
    ("americanstockexchange", "nyse_american"),
    ("arca", "nyse_arca"),
    ("nysearcaex", "nyse_arca"),
    ("cboebzx", "cboe"),
    ("cboebzxexchange", "cboe"),
    ("bzx", "cboe"),
    ("bats", "cboe"),
    ("otcqxbestmarket", "otcqx"),
    ("otcqbventuremarket", "otcqb"),
    ("pink", "otc_pink"),
    ("otcpink", "otc_pink"),
    ("pinkopenmarket", "otc_pink"),
    ("pinksheets", "otc_pink"),
    ("unlisted", "none"),
    ("notlisted", "none"),
];

/// How users write each exchange, for "did you mean" help.
const EXCHANGE_SPELLINGS: [&str; 9] = [
    "NYSE",
    "Nasdaq",
    "NYSE American",
    "NYSE Arca",
    "Cboe",
    "OTCQX",
    "OTCQB",
    "Pink",
    "none",
];

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
