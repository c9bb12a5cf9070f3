//! A catalog item's plain words: how long it takes (承诺件 → 需要15个工作日办好) and what it costs.

use huiban_api::{CaseType, CatalogItem};

use crate::glossary::plain_words;
use crate::i18n::Localizer;

/// 承诺件 and 即办件 in plain words: 需要N个工作日办好, or 当场就能办好.
pub fn duration_words(item: &CatalogItem, localizer: &Localizer) -> String {
    if item.case_type == CaseType::OnTheSpot || item.promised_days == 0 {
        plain_words(localizer, "即办件", &[]).unwrap_or_else(|| "即办件".to_owned())
    } else {
        let days = item.promised_days.to_string();
        plain_words(localizer, "承诺件", &[("days", &days)]).unwrap_or_else(|| "承诺件".to_owned())
    }
}

/// 不收费, or the fee in yuan with what it is for: 收费80元（不动产登记费）.
pub fn fee_words(item: &CatalogItem, localizer: &Localizer) -> String {
    match &item.fee {
        None => localizer.text("catalog-fee-free", &[]),
        Some(fee) => localizer.text(
            "catalog-fee",
            &[
                ("yuan", &yuan(fee.amount_fen)),
                ("description", &fee.description),
            ],
        ),
    }
}

/// Yuan from fen, without trailing zeros: 2000 → "20", 150 → "1.5", 1 → "0.01".
pub fn yuan(fen: u64) -> String {
    let whole = fen / 100;
    match fen % 100 {
        0 => whole.to_string(),
        cents if cents % 10 == 0 => format!("{whole}.{}", cents / 10),
        cents => format!("{whole}.{cents:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use huiban_api::Fee;

    fn item(case_type: CaseType, promised_days: u32, fee: Option<Fee>) -> CatalogItem {
        let mut item = crate::fixtures::catalog_item("高龄津贴申领");
        item.case_type = case_type;
        item.promised_days = promised_days;
        item.fee = fee;
        item
    }

    #[test]
    fn says_how_many_working_days_a_promised_item_takes() {
        let zh = Localizer::new(Locale::ZhCn);
        let promised = item(CaseType::Promised, 15, None);
        assert_eq!(duration_words(&promised, &zh), "需要15个工作日办好");
    }

    #[test]
    fn says_on_the_spot_items_are_done_on_the_spot() {
        let zh = Localizer::new(Locale::ZhCn);
        assert_eq!(
            duration_words(&item(CaseType::OnTheSpot, 0, None), &zh),
            "当场就能办好"
        );
        assert_eq!(
            duration_words(&item(CaseType::Promised, 0, None), &zh),
            "当场就能办好"
        );
    }

    #[test]
    fn writes_yuan_without_trailing_zeros() {
        assert_eq!(yuan(2000), "20");
        assert_eq!(yuan(150), "1.5");
        assert_eq!(yuan(1), "0.01");
        assert_eq!(yuan(8005), "80.05");
    }

    #[test]
    fn says_whether_an_item_costs_anything() {
        let zh = Localizer::new(Locale::ZhCn);
        assert_eq!(fee_words(&item(CaseType::Promised, 5, None), &zh), "不收费");
        let fee = Fee {
            amount_fen: 8000,
            description: "不动产登记费".to_owned(),
        };
        assert_eq!(
            fee_words(&item(CaseType::Promised, 5, Some(fee)), &zh),
            "收费80元（不动产登记费）"
        );
    }
}
