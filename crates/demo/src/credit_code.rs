//! 统一社会信用代码 (GB 32100-2015) check characters, for generating well-formed demo departments.

/// Characters allowed in a unified social credit code, in the order of their values.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of the first 17 characters (3^i mod 31).
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// Weights of the first 8 digits of an organisation code (GB 11714).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Builds an 18-character credit code for a government body from its region and an 8-digit serial.
///
/// Returns `None` when `region` is not 6 digits or `serial` has more than 8 digits.
pub fn for_government_body(region: &str, serial: u32) -> Option<String> {
    if region.len() != 6 || !region.bytes().all(|b| b.is_ascii_digit()) || serial > 99_999_999 {
        return None;
    }
    let org_digits = format!("{serial:08}");
    let org_sum: u32 = org_digits
        .bytes()
        .zip(ORG_WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let org_check = match 11 - org_sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10)?,
    };
    // 1 = 机构编制 (registration authority), 1 = 机关 (organisation category).
    let first17 = format!("11{region}{org_digits}{org_check}");
    let check = check_character(&first17)?;
    Some(format!("{first17}{check}"))
}

/// Computes the 18th character of a credit code from its first 17.
pub fn check_character(first17: &str) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (byte, weight) in first17.bytes().zip(WEIGHTS) {
        let value = ALPHABET.iter().position(|&a| a == byte)?;
        sum += u32::try_from(value).ok()? * weight;
    }
    let index = (31 - sum % 31) % 31;
    ALPHABET
        .get(usize::try_from(index).ok()?)
        .map(|&b| char::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_published_code_checks() {
        // A widely published sample code from the GB 32100 explanatory material.
        assert_eq!(check_character("91350100M000100Y4"), Some('3'));
    }

    #[test]
    fn generated_codes_are_18_characters_and_self_consistent() {
        let code = for_government_body("110101", 12_345_678).unwrap();
        assert_eq!(code.len(), 18);
        assert!(code.starts_with("11110101"));
        assert_eq!(check_character(&code[..17]), code.chars().last());
    }

    #[test]
    fn bad_input_is_refused() {
        assert_eq!(for_government_body("1101", 1), None);
        assert_eq!(for_government_body("11010a", 1), None);
        assert_eq!(for_government_body("110101", 100_000_000), None);
        assert_eq!(check_character("91350100M000100Y"), None);
        assert_eq!(check_character("91350100M000100YI"), None);
    }
}
