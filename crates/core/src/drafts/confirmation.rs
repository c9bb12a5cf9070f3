//! What the page after 确认提交 tells her once the platform has her application: by when it will
//! be done (a date, not a count of working days), until when she may still take it back, and that
//! news comes by SMS to her phone.

use chrono::{DateTime, FixedOffset, NaiveDate};
use huiban_api::{Application, CaseType, CatalogItem};
use serde::Serialize;

use crate::dates::plain_date;
use crate::i18n::Localizer;

/// The sentences under the 办件编号 on the page after sending.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct Confirmation {
    /// 最晚2026年12月16日办好（10个工作日内）: from the case as the platform promised it, else
    /// worked out from the item's working days; none for an item done on the spot.
    pub promised: Option<String>,
    /// 不想办了？10:42以前，可以点“看办理进度”把申请要回来。 while the platform still lets her.
    pub withdraw: Option<String>,
    /// 有了新进展，会发短信到 138****0001。 when her phone is known.
    pub sms: Option<String>,
}

/// The confirmation for an application now at the platform, from the `case` as pulled (when it
/// has been), the catalog `item` applied for, her masked phone, as of `now`.
pub fn confirmation(
    case: Option<&Application>,
    item: Option<&CatalogItem>,
    phone_masked: Option<&str>,
    now: DateTime<FixedOffset>,
    localizer: &Localizer,
) -> Confirmation {
    let promised = match (case, item) {
        (Some(case), _) if case.promised_days > 0 => Some(promised_words(
            case.promised_days,
            &case.promised_by,
            localizer,
        )),
        (None, Some(item)) if item.case_type != CaseType::OnTheSpot && item.promised_days > 0 => {
            let by = huiban_api::workdays::add_working_days(now.date_naive(), item.promised_days);
            Some(promised_words(item.promised_days, &day(by), localizer))
        }
        _ => None,
    };
    let withdraw = case
        .and_then(|case| case.withdrawable_until.as_deref())
        .and_then(|until| DateTime::parse_from_rfc3339(until).ok())
        .filter(|until| *until > now)
        .map(|until| {
            let clock = until.format("%H:%M").to_string();
            localizer.text("sent-withdraw", &[("clock", clock.as_str())])
        });
    let sms = phone_masked
        .filter(|phone| !phone.trim().is_empty())
        .map(|phone| localizer.text("sent-sms", &[("phone", phone)]));
    Confirmation {
        promised,
        withdraw,
        sms,
    }
}

/// 最晚{date}办好（{days}个工作日内）.
fn promised_words(days: u32, by: &str, localizer: &Localizer) -> String {
    localizer.text(
        "sent-promised",
        &[
            ("date", plain_date(by, localizer).as_str()),
            ("days", days.to_string().as_str()),
        ],
    )
}

/// A date as YYYY-MM-DD.
fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn at(rfc3339: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap()
    }

    fn case() -> Application {
        let mut case = crate::fixtures::case(&[huiban_api::CaseStatus::Submitted]);
        case.promised_days = 10;
        case.promised_by = "2026-12-10".to_owned();
        case.withdrawable_until = Some("2026-11-26T10:42:00+08:00".to_owned());
        case
    }

    #[test]
    fn it_says_by_when_until_when_she_may_take_it_back_and_where_the_sms_goes() {
        let zh = Localizer::new(Locale::ZhCn);
        let said = confirmation(
            Some(&case()),
            None,
            Some("138****0001"),
            at("2026-11-26T10:33:00+08:00"),
            &zh,
        );
        assert_eq!(
            said.promised.as_deref(),
            Some("最晚2026年12月10日办好（10个工作日内）")
        );
        assert_eq!(
            said.withdraw.as_deref(),
            Some("不想办了？10:42以前，可以点“看办理进度”，把申请要回来。")
        );
        assert_eq!(
            said.sms.as_deref(),
            Some("有了新进展，会发短信到 138****0001。")
        );
    }

    #[test]
    fn once_the_ten_minutes_are_over_it_no_longer_offers_to_take_it_back() {
        let zh = Localizer::new(Locale::ZhCn);
        let said = confirmation(
            Some(&case()),
            None,
            None,
            at("2026-11-26T10:43:00+08:00"),
            &zh,
        );
        assert_eq!(said.withdraw, None);
        assert_eq!(said.sms, None);
    }

    #[test]
    fn before_the_case_is_pulled_the_date_is_worked_out_from_the_items_working_days() {
        let zh = Localizer::new(Locale::ZhCn);
        let mut item = crate::fixtures::catalog_item("高龄津贴申领");
        item.case_type = CaseType::Promised;
        item.promised_days = 5;
        // Thursday 26 November 2026 + 5 working days = Thursday 3 December.
        let said = confirmation(
            None,
            Some(&item),
            None,
            at("2026-11-26T10:33:00+08:00"),
            &zh,
        );
        assert_eq!(
            said.promised.as_deref(),
            Some("最晚2026年12月3日办好（5个工作日内）")
        );
        item.case_type = CaseType::OnTheSpot;
        let said = confirmation(
            None,
            Some(&item),
            None,
            at("2026-11-26T10:33:00+08:00"),
            &zh,
        );
        assert_eq!(said.promised, None);
    }
}
