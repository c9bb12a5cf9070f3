//! 请工作人员给我回电话, as the staff window shows it: the call-backs residents of her centre's
//! district asked for, with the phone to call; 已回电话 once she called (the resident reads who
//! called in her 诉求).

use huiban_api::CallBackAsked;
use serde::Serialize;

use super::StaffService;
use crate::{Error, dates};

/// A resident's call-back, as the staff window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CallBackView {
    /// The 诉求 it was filed as.
    pub request_no: String,
    /// 张秀英请您回电话（10点42分起）.
    pub said: String,
    /// The phone to dial, in groups: 138 0000 0001.
    pub phone: String,
    /// Her words, the page she was on among them.
    pub description: String,
}

impl StaffService<'_> {
    /// The open call-backs of her centre's district, oldest first (online only; refused while her
    /// screen is locked).
    pub async fn call_backs(&self) -> Result<Vec<CallBackView>, Error> {
        self.at_work()?;
        let token = self.app.session.token(self.app.client()).await?;
        let asked = self
            .app
            .client()
            .centre_call_backs(&token.access_token)
            .await
            .map_err(|error| Error::online_only(error, "call-backs-offline"))?;
        Ok(asked.iter().map(|a| self.call_back_view(a)).collect())
    }

    /// 已回电话: she called the resident of `request_no` back; what is still open.
    pub async fn call_back_called(&self, request_no: &str) -> Result<Vec<CallBackView>, Error> {
        self.at_work()?;
        let request_no = request_no.trim();
        if request_no.is_empty() || !request_no.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::plain("call-back-gone"));
        }
        let token = self.app.session.token(self.app.client()).await?;
        let open = self
            .app
            .client()
            .call_back_called(&token.access_token, request_no)
            .await
            .map_err(|error| Error::online_only(error, "call-backs-offline"))?;
        Ok(open.iter().map(|a| self.call_back_view(a)).collect())
    }

    fn call_back_view(&self, asked: &CallBackAsked) -> CallBackView {
        let localizer = self.app.localizer();
        let name = asked
            .name
            .clone()
            .unwrap_or_else(|| localizer.text("call-backs-someone", &[]));
        CallBackView {
            request_no: asked.request_no.clone(),
            said: localizer.text(
                "call-backs-one",
                &[
                    ("name", name.as_str()),
                    ("since", &dates::plain_time(&asked.asked_at, localizer)),
                ],
            ),
            phone: grouped_phone(&asked.phone),
            description: asked.description.clone(),
        }
    }
}

/// A mobile number in the groups people read it in (138 0000 0001); other numbers as they are.
pub fn grouped_phone(phone: &str) -> String {
    if phone.len() == 11 && phone.bytes().all(|b| b.is_ascii_digit()) {
        format!("{} {} {}", &phone[..3], &phone[3..7], &phone[7..])
    } else {
        phone.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mobile_number_is_shown_in_three_groups() {
        assert_eq!(grouped_phone("13800000001"), "138 0000 0001");
        assert_eq!(grouped_phone("010-64001101"), "010-64001101");
    }
}
