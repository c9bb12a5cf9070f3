//! 居民身份证号码 (GB 11643-1999): 18 characters, a real birth date, a plausible region and the
//! MOD 11-2 check character (a lowercase x is accepted as X).

use chrono::NaiveDate;
use huiban_api::id_number::check_character;

/// What is wrong with an ID number, most basic first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdNumberProblem {
    /// Not 17 digits followed by a digit or X.
    Shape,
    /// The first two digits name no province.
    Region,
    /// The birth date does not exist, is in the future or before 1900.
    BirthDate,
    /// The last character does not match.
    CheckCharacter,
}

/// First two digits of the provinces, autonomous regions, municipalities and the residence permits
/// of Hong Kong, Macao and Taiwan residents (GB/T 2260).
const PROVINCES: &[&str] = &[
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
    "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
    "81", "82", "83",
];

/// Checks an ID number as of `today`.
pub fn check_id_number(number: &str, today: NaiveDate) -> Result<(), IdNumberProblem> {
    let number = number.trim();
    let bytes = number.as_bytes();
    let shape = bytes.len() == 18
        && bytes[..17].iter().all(u8::is_ascii_digit)
        && (bytes[17].is_ascii_digit() || bytes[17] == b'X' || bytes[17] == b'x');
    if !shape {
        return Err(IdNumberProblem::Shape);
    }
    let province = &number[..2];
    if !PROVINCES.contains(&province) {
        return Err(IdNumberProblem::Region);
    }
    // Residence permits (81, 82, 83) carry 0000 after the province; others name a city and district.
    let permit = matches!(province, "81" | "82" | "83");
    if !permit && (&number[2..4] == "00" || &number[4..6] == "00") {
        return Err(IdNumberProblem::Region);
    }
    let born = NaiveDate::parse_from_str(&number[6..14], "%Y%m%d")
        .map_err(|_| IdNumberProblem::BirthDate)?;
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).ok_or(IdNumberProblem::BirthDate)?;
    if born > today || born < earliest {
        return Err(IdNumberProblem::BirthDate);
    }
    match check_character(&number[..17]) {
        Some(check) if bytes[17].eq_ignore_ascii_case(&(check as u8)) => Ok(()),
        _ => Err(IdNumberProblem::CheckCharacter),
    }
}

/// The date of birth an ID number gives, when the number is good as of `today`.
pub fn birth_date(number: &str, today: NaiveDate) -> Option<NaiveDate> {
    check_id_number(number, today).ok()?;
    NaiveDate::parse_from_str(&number.trim()[6..14], "%Y%m%d").ok()
}

#[cfg(test)]
mod tests;
