//! 居民身份证号码 (GB 11643-1999): the MOD 11-2 check character.

/// Weights of the first 17 characters.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder 0..=10.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The 18th character for the first 17 digits, or `None` if they are not 17 digits.
pub fn check_character(first17: &str) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (byte, weight) in first17.bytes().zip(WEIGHTS) {
        if !byte.is_ascii_digit() {
            return None;
        }
        sum += u32::from(byte - b'0') * weight;
    }
    CHECK.get(usize::try_from(sum % 11).ok()?).copied()
}

/// Whether an 18-character number has the right check character (a lowercase x counts as X).
pub fn has_valid_check(number: &str) -> bool {
    let number = number.trim();
    if number.len() != 18 || !number.is_ascii() {
        return false;
    }
    let (first17, last) = number.split_at(17);
    check_character(first17).is_some_and(|check| last.eq_ignore_ascii_case(&check.to_string()))
}

/// An ID number shown as its first three and last four characters: `110…1029`.
pub fn masked(number: &str) -> String {
    let chars: Vec<char> = number.trim().chars().collect();
    if chars.len() < 8 {
        return "…".to_owned();
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_example_checks() {
        // The example in GB 11643-1999, Appendix A.
        assert_eq!(check_character("11010519491231002"), Some('X'));
        assert!(has_valid_check("11010519491231002X"));
        assert!(has_valid_check("11010519491231002x"));
        assert!(!has_valid_check("110105194912310021"));
        assert!(!has_valid_check("1101051949123100"));
        assert!(!has_valid_check("1101051949123100AX"));
    }
}
