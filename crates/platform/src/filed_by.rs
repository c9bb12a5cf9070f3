//! Who filed a submission, and so through which channel it came: the person herself (the channel
//! her client names), the person logged in on a service hall's kiosk (自助终端), or a service
//! centre's staff member acting for her (窗口办理 for a case, 线下 for a 诉求, the clerk as 代理人).
//! The platform decides the last two, whatever the body says. A relative she granted files from his
//! own app (its channel), as 代理人 with relation 亲属.

use huiban_api::{Agent, HandlingChannel, IntakeChannel};

/// Who filed a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiledBy {
    /// The person, from her own app.
    Herself,
    /// The person, logged in on a kiosk in a service hall.
    Kiosk,
    /// A service centre's staff member acting for her in an assisted session.
    Staff(Agent),
    /// A relative she granted (亲友代办), from his own app.
    Relative(Agent),
}

impl FiledBy {
    /// The 代理人, when staff filed it.
    pub fn agent(&self) -> Option<Agent> {
        match self {
            Self::Staff(agent) | Self::Relative(agent) => Some(agent.clone()),
            Self::Herself | Self::Kiosk => None,
        }
    }

    /// The channel a case came through; `named` is what the client said.
    pub fn case_channel(&self, named: HandlingChannel) -> HandlingChannel {
        match self {
            Self::Herself | Self::Relative(_) => named,
            Self::Kiosk => HandlingChannel::Kiosk,
            Self::Staff(_) => HandlingChannel::Counter,
        }
    }

    /// The channel a 诉求 came through; `named` is what the client said.
    pub fn request_channel(&self, named: IntakeChannel) -> IntakeChannel {
        match self {
            Self::Herself | Self::Relative(_) => named,
            Self::Kiosk => IntakeChannel::Kiosk,
            Self::Staff(_) => IntakeChannel::Offline,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_her_own_app_chooses_the_channel() {
        let agent = Agent {
            name: "赵敏".to_owned(),
            relation: "东城区政务服务中心工作人员".to_owned(),
            account_id: "s-demo-zhao".to_owned(),
            centre: Some("东城区政务服务中心".to_owned()),
            kinship: None,
        };
        let cases: Vec<_> = [
            FiledBy::Herself,
            FiledBy::Kiosk,
            FiledBy::Staff(agent.clone()),
        ]
        .iter()
        .map(|by| {
            (
                by.case_channel(HandlingChannel::Web),
                by.request_channel(IntakeChannel::Desktop),
                by.agent(),
            )
        })
        .collect();
        assert_eq!(
            cases,
            [
                (HandlingChannel::Web, IntakeChannel::Desktop, None),
                (HandlingChannel::Kiosk, IntakeChannel::Kiosk, None),
                (
                    HandlingChannel::Counter,
                    IntakeChannel::Offline,
                    Some(agent)
                ),
            ]
        );
    }
}
