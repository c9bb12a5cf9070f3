//! The resident a clerk acts for, as the clerk types or reads her: an ID number checked before it is
//! sent, her name, and the ID number shown masked everywhere after (`huiban_api::id_number::masked`).

use crate::Error;

/// An ID number as the keypad gives it, checked: 18 characters, digits with X (or x) last, and the
/// check character right. Answers it upper-cased, or a plain error that says what is wrong.
pub fn checked_id_number(typed: &str) -> Result<String, Error> {
    let number: String = typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let length = number.chars().count();
    if length != 18 {
        return Err(Error::with_args(
            "assisted-id-number-length",
            vec![("count", length.to_string())],
        ));
    }
    if !huiban_api::id_number::has_valid_check(&number) {
        return Err(Error::plain("assisted-id-number-check"));
    }
    Ok(number)
}

/// The resident's name as typed, or the plain error that it is missing.
pub fn checked_name(typed: &str) -> Result<String, Error> {
    let name = typed.trim();
    if name.is_empty() {
        return Err(Error::plain("assisted-name-blank"));
    }
    Ok(name.chars().take(50).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_number_is_checked_before_it_is_sent() {
        assert_eq!(
            checked_id_number(" 11010119500101101x ").unwrap(),
            "11010119500101101X"
        );
        let short = checked_id_number("1101011944").unwrap_err();
        assert_eq!(short.id(), "assisted-id-number-length");
        assert_eq!(short.args(), [("count", "10".to_owned())]);
        assert_eq!(
            checked_id_number("110101194403151021").unwrap_err().id(),
            "assisted-id-number-check"
        );
    }

    #[test]
    fn a_name_is_needed_and_the_id_number_is_shown_masked() {
        assert_eq!(checked_name("  张秀英 ").unwrap(), "张秀英");
        assert_eq!(checked_name(" ").unwrap_err().id(), "assisted-name-blank");
        assert_eq!(
            huiban_api::id_number::masked("110101194403151029"),
            "110…1029"
        );
        assert_eq!(huiban_api::id_number::masked("123"), "…");
    }
}
