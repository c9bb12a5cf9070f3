//! Over 50 ID numbers: valid ones from many regions and years, wrong check characters, impossible
//! and future birth dates, unknown regions, wrong shapes, and lowercase x.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A number with the right check character for these 17 digits.
fn valid(first17: &str) -> String {
    format!("{first17}{}", check_character(first17).unwrap())
}

/// The same number with a wrong check character.
fn wrong_check(first17: &str) -> String {
    let right = check_character(first17).unwrap();
    let wrong = if right == '0' { '1' } else { '0' };
    format!("{first17}{wrong}")
}

const REGIONS: &[&str] = &[
    "110101", "110105", "120101", "130102", "140105", "150102", "210102", "220102", "230102",
    "310101", "320102", "330102", "340102", "350102", "360102", "370102", "410102", "420102",
    "430102", "440103", "450102", "460105", "500101", "510104", "520102", "530102", "540102",
    "610102", "620102", "630102", "640104", "650102",
];

#[test]
fn valid_numbers_from_every_province_and_many_years_pass() {
    for (n, region) in REGIONS.iter().enumerate() {
        let year = 1925 + (n as i32 * 3) % 95;
        let first17 = format!(
            "{region}{year:04}{:02}{:02}{:03}",
            1 + n % 12,
            1 + n % 28,
            100 + n
        );
        let number = valid(&first17);
        assert_eq!(check_id_number(&number, today()), Ok(()), "{number}");
    }
}

#[test]
fn residence_permits_of_hong_kong_macao_and_taiwan_pass() {
    for region in ["810000", "820000", "830000"] {
        let number = valid(&format!("{region}19600101123"));
        assert_eq!(check_id_number(&number, today()), Ok(()), "{number}");
    }
}

#[test]
fn a_wrong_check_character_is_caught() {
    for region in &REGIONS[..12] {
        let number = wrong_check(&format!("{region}19440315102"));
        assert_eq!(
            check_id_number(&number, today()),
            Err(IdNumberProblem::CheckCharacter),
            "{number}"
        );
    }
}

#[test]
fn impossible_and_future_birth_dates_are_caught() {
    for date in [
        "19440230", "19441301", "19440000", "19450229", "20990101", "20261126", "18991231",
        "19440431", "19001301",
    ] {
        let number = valid(&format!("110101{date}102"));
        assert_eq!(
            check_id_number(&number, today()),
            Err(IdNumberProblem::BirthDate),
            "{number}"
        );
    }
    // 29 February in a leap year, and today, are real.
    assert_eq!(
        check_id_number(&valid("11010119440229102"), today()),
        Ok(())
    );
    assert_eq!(
        check_id_number(&valid("11010120261125102"), today()),
        Ok(())
    );
}

#[test]
fn unknown_regions_are_caught() {
    for region in [
        "000000", "990101", "100101", "110001", "110100", "660101", "720101",
    ] {
        let number = valid(&format!("{region}19440315102"));
        assert_eq!(
            check_id_number(&number, today()),
            Err(IdNumberProblem::Region),
            "{number}"
        );
    }
}

#[test]
fn wrong_shapes_are_caught() {
    for number in [
        "",
        "11010119440315102",
        "1101011944031510211",
        "11010119440315102Y",
        "1101011944031510X2",
        "ABCDEFGHIJKLMNOPQR",
        "１１０１０１１９４４０３１５１０２",
        "11010119440315 102",
    ] {
        assert_eq!(
            check_id_number(number, today()),
            Err(IdNumberProblem::Shape),
            "{number:?}"
        );
    }
}

#[test]
fn lowercase_x_and_surrounding_spaces_are_accepted() {
    assert_eq!(check_id_number("11010519491231002X", today()), Ok(()));
    assert_eq!(check_id_number("11010519491231002x", today()), Ok(()));
    assert_eq!(check_id_number("  11010519491231002x ", today()), Ok(()));
}

#[test]
fn a_good_number_gives_its_birth_date_and_a_bad_one_none() {
    assert_eq!(
        birth_date(" 11010519491231002X", today()),
        NaiveDate::from_ymd_opt(1949, 12, 31)
    );
    assert_eq!(birth_date("11010519491231002Y", today()), None);
}
