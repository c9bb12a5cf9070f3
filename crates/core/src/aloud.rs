//! How written words are said aloud: the numbers people say digit by digit (a case number, a phone,
//! an ID number, 12345, a year) are spelled out so the voice does not read 110101202611260001 as one
//! huge number, and a time is said as people say it (10点42分).

use crate::i18n::Locale;

/// Digits in a row from which a number is said digit by digit (phones, case and ID numbers, 12345).
const DIGIT_BY_DIGIT: usize = 5;

/// `text` as the read-aloud voice should be given it in `locale`.
pub fn said(text: &str, locale: Locale) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    while at < chars.len() {
        if chars[at].is_ascii_digit() {
            let end = number_end(&chars, at);
            out.push_str(&number_said(
                &chars[at..end],
                chars.get(end).copied(),
                locale,
            ));
            at = end;
        } else if chars[at] == '-' && joins_a_phone(&chars, at) {
            // 010-64001101: the dash of a phone is a pause, not 减.
            out.push(' ');
            at += 1;
        } else {
            out.push(chars[at]);
            at += 1;
        }
    }
    out
}

/// Whether the dash at `at` joins an area code to a phone number (010-64001101), not a range (3-5).
fn joins_a_phone(chars: &[char], at: usize) -> bool {
    let before = chars[..at]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = chars[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    before >= 2 && chars[at - before] == '0' && after >= DIGIT_BY_DIGIT
}

/// Where the number starting at `start` ends: digits and masked digits (`*`), with an ID number's
/// closing X.
fn number_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == '*') {
        end += 1;
    }
    let digits = chars[start..end]
        .iter()
        .filter(|c| c.is_ascii_digit())
        .count();
    if digits >= DIGIT_BY_DIGIT && matches!(chars.get(end), Some('X' | 'x')) {
        end += 1;
    }
    // A time (10:42) is one number.
    if end - start <= 2
        && chars.get(end) == Some(&':')
        && chars.get(end + 1).is_some_and(char::is_ascii_digit)
        && chars.get(end + 2).is_some_and(char::is_ascii_digit)
        && !chars.get(end + 3).is_some_and(char::is_ascii_digit)
    {
        end += 3;
    }
    end
}

/// How the number `number` (followed by `next`) is said.
fn number_said(number: &[char], next: Option<char>, locale: Locale) -> String {
    let written: String = number.iter().collect();
    if let Some((hours, minutes)) = written.split_once(':') {
        return match locale {
            Locale::ZhCn => format!("{hours}点{minutes}分"),
            Locale::EnUs => written,
        };
    }
    let digits = number.iter().filter(|c| c.is_ascii_digit()).count();
    let masked = number.contains(&'*');
    // Money is said as an amount (10000元 is 一万元), a year as its digits (二零二六年).
    let money = matches!(next, Some('元' | '¥'));
    let year = digits == 4 && next == Some('年') && locale == Locale::ZhCn;
    // An area code (010, 0571) is dialled, never counted.
    let dialled = digits >= 2 && number.first() == Some(&'0');
    if !year && !dialled && (money || (digits < DIGIT_BY_DIGIT && !masked)) {
        return written;
    }
    let spelled: Vec<String> = number.iter().map(|&c| digit_said(c, locale)).collect();
    format!(" {} ", spelled.join(" "))
}

/// One character of a number said on its own.
fn digit_said(c: char, locale: Locale) -> String {
    const ZH: [&str; 10] = ["零", "幺", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (locale, c) {
        (Locale::ZhCn, '*') => "星".to_owned(),
        (Locale::EnUs, '*') => "star".to_owned(),
        (Locale::ZhCn, digit @ '0'..='9') => ZH[usize::from(digit as u8 - b'0')].to_owned(),
        (_, 'x') => "X".to_owned(),
        (_, other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(text: &str) -> String {
        said(text, Locale::ZhCn)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_case_number_phone_and_hotline_are_said_digit_by_digit() {
        assert_eq!(
            zh("办件编号：110101202611260001"),
            "办件编号： 幺 幺 零 幺 零 幺 二 零 二 六 幺 幺 二 六 零 零 零 幺"
        );
        assert_eq!(zh("请打12345热线"), "请打 幺 二 三 四 五 热线");
        assert_eq!(
            zh("会发短信到 138****0001"),
            "会发短信到 幺 三 八 星 星 星 星 零 零 零 幺"
        );
    }

    #[test]
    fn a_centre_s_number_with_its_area_code_is_dialled_digit_by_digit() {
        assert_eq!(zh("010-64001101"), "零 幺 零 六 四 零 零 幺 幺 零 幺");
        assert_eq!(zh("3-5个工作日"), "3-5个工作日", "a range stays a range");
    }

    #[test]
    fn an_id_number_keeps_its_closing_x() {
        assert_eq!(
            zh("11010519440312002X"),
            "幺 幺 零 幺 零 五 幺 九 四 四 零 三 幺 二 零 零 二 X"
        );
    }

    #[test]
    fn amounts_counts_and_days_stay_numbers_and_a_year_is_its_digits() {
        assert_eq!(zh("每月300元"), "每月300元");
        assert_eq!(zh("共10000元"), "共10000元");
        assert_eq!(
            zh("最晚2026年12月10日办好（10个工作日内）"),
            "最晚 二 零 二 六 年12月10日办好（10个工作日内）"
        );
    }

    #[test]
    fn a_time_is_said_as_people_say_it() {
        assert_eq!(zh("10:42以前"), "10点42分以前");
        assert_eq!(said("before 10:42", Locale::EnUs), "before 10:42");
    }

    #[test]
    fn in_english_the_digits_are_spaced() {
        assert_eq!(
            said("call 12345", Locale::EnUs)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            "call 1 2 3 4 5"
        );
    }
}
