//! 请工作人员给我回电话 at the centre, on the wire: the staff of a centre list their district's
//! open call-backs and mark one called.

use huiban_api::{API_PREFIX, CallBackAsked, CallBacks};

use super::{ClientError, PlatformClient};

impl PlatformClient {
    /// The open call-backs of the staff member's centre's district, oldest first.
    pub async fn centre_call_backs(
        &self,
        access_token: &str,
    ) -> Result<Vec<CallBackAsked>, ClientError> {
        let path = format!("{API_PREFIX}/centre/call-backs");
        let answer: CallBacks = self.get_as(access_token, &path).await?;
        Ok(answer.call_backs)
    }

    /// 已回电话: the staff member called the resident of `request_no` back; what is still open.
    pub async fn call_back_called(
        &self,
        access_token: &str,
        request_no: &str,
    ) -> Result<Vec<CallBackAsked>, ClientError> {
        let path = format!("{API_PREFIX}/centre/call-backs/{request_no}/called");
        let answer: CallBacks = self.post_for(access_token, &path).await?;
        Ok(answer.call_backs)
    }
}
