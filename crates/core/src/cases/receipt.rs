//! 受理回执: the one-page receipt of a case, printed at the counter (or at home): the service, the
//! 办件编号 in large grouped digits (its QR beside it), when it was received, the promised date in
//! working days, how to follow it, and who filed it. Nothing else of the person is on it (no name,
//! no ID number): a receipt left on the counter tells nobody whose it is.

use huiban_api::Application;

use super::service::CasesService;
use crate::Error;
use crate::dates::{plain_date, plain_time};
use crate::i18n::Localizer;

/// A case's receipt, every line in plain words, for the receipt page and its print stylesheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct ReceiptView {
    /// The service: 高龄津贴申领.
    pub service: String,
    /// The department that handles it.
    pub department: String,
    /// The 办件编号 as the platform gives it (for the QR and to copy).
    pub number: String,
    /// The 办件编号 in groups of four, to read out and copy by hand: 1101 0120 2612 0100 0001.
    pub number_grouped: String,
    /// When it was received: 2026年12月1日 09:31.
    pub received: String,
    /// The promise: 10个工作日内办结，最晚2026年12月15日.
    pub promised: String,
    /// How to follow it, one way a line.
    pub follow: Vec<String>,
    /// Who filed it for her, when someone did: 东城区政务服务中心 赵敏.
    pub filed_by: Option<String>,
    /// Whether 存为PDF is offered: not on a kiosk, where a file would stay behind on the machine.
    pub can_save_pdf: bool,
}

/// The 办件编号 in groups of four characters.
pub fn grouped(number: &str) -> String {
    number
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The receipt of `case`.
pub fn receipt_of(case: &Application, localizer: &Localizer) -> ReceiptView {
    let filed_by = case
        .agent
        .as_ref()
        .map(|agent| format!("{} {}", super::views::agent_from(agent), agent.name));
    ReceiptView {
        service: case.item_name.clone(),
        department: case.department.clone(),
        number: case.application_no.clone(),
        number_grouped: grouped(&case.application_no),
        received: plain_time(&case.submitted_at, localizer),
        promised: localizer.text(
            "receipt-promised",
            &[
                ("days", case.promised_days.to_string().as_str()),
                ("date", plain_date(&case.promised_by, localizer).as_str()),
            ],
        ),
        follow: ["receipt-follow-app", "receipt-follow-phone"]
            .iter()
            .map(|id| localizer.text(id, &[]))
            .collect(),
        filed_by,
        can_save_pdf: true,
    }
}

/// Where the PDF of the receipt of `number` is saved: 惠办回执/回执-<number>.pdf in the documents
/// folder (the data folder without one); the folder is made. Refused for a number that is not one.
pub fn pdf_path(number: &str) -> Result<std::path::PathBuf, Error> {
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::plain("case-not-found"));
    }
    let dir = crate::documents::folder("惠办回执", "receipt-pdf-failed")?;
    Ok(dir.join(format!("回执-{number}.pdf")))
}

impl CasesService<'_> {
    /// The receipt of the case `application_no`: from the kept copy, pulled first when the case was
    /// only just sent.
    pub async fn receipt(&self, application_no: &str) -> Result<ReceiptView, Error> {
        let case = match self.kept(application_no).await {
            Ok(case) => case,
            Err(_) => {
                self.app.refresh_copies().await?;
                self.kept(application_no).await?
            }
        };
        Ok(ReceiptView {
            can_save_pdf: self.app.mode() != crate::mode::Mode::Kiosk,
            ..receipt_of(&case, self.app.localizer())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_receipt_says_what_where_when_and_by_whom_and_nothing_of_her() {
        let mut case = crate::fixtures::case(&[huiban_api::CaseStatus::Submitted]);
        case.application_no = "11010120261201000001".to_owned();
        case.promised_days = 10;
        case.promised_by = "2026-12-15".to_owned();
        // Filed before the platform named the centre apart: the relation says it.
        case.agent = Some(huiban_api::Agent {
            name: "赵敏".to_owned(),
            relation: "东城区政务服务中心工作人员".to_owned(),
            account_id: "s-demo-zhao".to_owned(),
            centre: None,
            kinship: None,
        });
        let receipt = receipt_of(&case, crate::i18n::spoken());
        assert_eq!(receipt.number_grouped, "1101 0120 2612 0100 0001");
        assert_eq!(receipt.promised, "10个工作日内办好，最晚2026年12月15日");
        assert_eq!(receipt.filed_by.as_deref(), Some("东城区政务服务中心 赵敏"));
        assert_eq!(receipt.follow.len(), 2);
        let printed = serde_json::to_string(&receipt).unwrap();
        if let Some(name) = case.applicant_name.as_deref() {
            assert!(!printed.contains(name), "no name on the receipt: {printed}");
        }
    }
}
