//! 谁帮我办过: every time someone acted for her (a clerk at a service centre, or a relative she
//! agreed to, 亲友代办), when, who, how she agreed, and what was done, in plain words. Asked of the platform each time
//! (online only): the trail is the platform's audit, not a copy that could be stale.

use huiban_api::{ActedForMe, ActionOnBehalf};

use crate::Error;
use crate::app::App;
use crate::dates::plain_time;
use crate::i18n::Localizer;

/// One session in which someone acted for her, as 谁帮我办过 shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct ActedForMeView {
    /// The platform's session id (a list key).
    pub session_id: String,
    /// When it began: 2026年12月1日 09:30.
    pub when: String,
    /// Who acted: 东城区政务服务中心 赵敏.
    pub who: String,
    /// The centre of whoever acted, to whom a report of this session goes: 东城区政务服务中心.
    pub centre: String,
    /// How she agreed: 您用短信验证码同意了.
    pub how: String,
    /// Whether it is still going on.
    pub open: bool,
    /// Whether it can be reported as one she does not recognise (a clerk's session; a relative's
    /// grant she ends in 谁能帮我办 instead).
    pub reportable: bool,
    /// What was done, in plain words, each once, in the order first done: 替您申请了办事.
    pub did: Vec<String>,
}

/// What an audited action did for her, by its route: the tail of its Fluent ids (`acted-did-…` as
/// she reads it, `served-did-…` as the clerk's day does).
pub(crate) fn deed_of(action: &str) -> &'static str {
    let (method, route) = action.split_once(' ').unwrap_or(("", action));
    match (method, route) {
        ("POST", "/api/v1/applications") => "apply",
        ("POST", route) if route.ends_with("/supplements") => "supplement",
        ("POST", route) if route.ends_with("/withdraw") => "withdraw",
        ("POST", "/api/v1/requests") => "request",
        ("POST" | "PATCH", route)
            if route.contains("/uploads") || route.contains("/attachments") =>
        {
            "upload"
        }
        ("GET", route) if route.starts_with("/api/v1/applications") => "see-cases",
        ("GET", route) if route.starts_with("/api/v1/requests") => "see-requests",
        ("GET", route) if route.starts_with("/api/v1/licences") => "see-licences",
        ("GET", "/api/v1/me") => "see-account",
        ("GET", route) if route.contains("/uploads") || route.contains("/attachments") => {
            "see-files"
        }
        _ => "other",
    }
}

/// What was done in `actions`, in the words of the Fluent ids `<prefix>-<deed>`, each deed once in
/// the order first done; with `submitted_only`, what was only looked at is left out.
pub(crate) fn deeds_in(
    actions: &[ActionOnBehalf],
    prefix: &str,
    submitted_only: bool,
    localizer: &Localizer,
) -> Vec<String> {
    let mut did: Vec<String> = Vec::new();
    for action in actions {
        let deed = deed_of(&action.action);
        if submitted_only && deed.starts_with("see-") {
            continue;
        }
        let words = localizer.text(&format!("{prefix}-{deed}"), &[]);
        if !did.contains(&words) {
            did.push(words);
        }
    }
    did
}

/// The view of one session of the platform's trail.
pub fn view_of(acted: &ActedForMe, localizer: &Localizer) -> ActedForMeView {
    let session = &acted.session;
    let did = deeds_in(&acted.actions, "acted-did", false, localizer);
    if let Some(kinship) = session.kinship {
        let kinship = crate::relatives::kinship_name(kinship, localizer);
        return ActedForMeView {
            session_id: session.session_id.clone(),
            when: plain_time(&session.created_at, localizer),
            who: localizer.text(
                "relatives-who-hers",
                &[
                    ("kinship", kinship.as_str()),
                    ("name", session.staff_name.as_str()),
                ],
            ),
            centre: String::new(),
            how: localizer.text("acted-how-relative", &[]),
            open: session.status == huiban_api::SessionStatus::Open,
            reportable: false,
            did,
        };
    }
    let how = match (session.consent_method.as_deref(), &session.approved_by) {
        (Some("signature"), Some(manager)) => localizer.text(
            "acted-how-signature-approved",
            &[("manager", manager.as_str())],
        ),
        (Some("signature"), None) => localizer.text("acted-how-signature", &[]),
        _ => localizer.text("acted-how-code", &[]),
    };
    ActedForMeView {
        session_id: session.session_id.clone(),
        when: plain_time(&session.created_at, localizer),
        who: localizer.text(
            "acted-who",
            &[
                ("centre", session.staff_department.as_str()),
                ("name", session.staff_name.as_str()),
            ],
        ),
        centre: session.staff_department.clone(),
        how,
        open: session.status == huiban_api::SessionStatus::Open,
        reportable: true,
        did,
    }
}

impl App {
    /// 谁帮我办过: the sessions in which someone acted for the person logged in, newest first.
    pub async fn acted_for_me(&self) -> Result<Vec<ActedForMeView>, Error> {
        let token = self.session().token().await?;
        let trail = self
            .client()
            .acted_for_me(&token.access_token)
            .await
            .map_err(|error| Error::online_only(error, "acted-needs-network"))?;
        Ok(trail
            .iter()
            .filter(|acted| acted.session.consent_method.is_some())
            .map(|acted| view_of(acted, self.localizer()))
            .collect())
    }

    /// 这次不是我同意的: reports the session `session_id` of 谁帮我办过 as one she does not
    /// recognise; the platform files her 投诉 to the clerk's centre. Answers its number.
    pub async fn report_acted_for_me(&self, session_id: &str) -> Result<String, Error> {
        let token = self.session().token().await?;
        let filed = self
            .client()
            .report_acted_for_me(&token.access_token, session_id)
            .await
            .map_err(|error| Error::online_only(error, "acted-report-needs-network"))?;
        Ok(filed.request_no)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use huiban_api::{ActionOnBehalf, AssistedSession, SessionStatus};

    fn action(what: &str) -> ActionOnBehalf {
        ActionOnBehalf {
            at: "2026-12-01T09:31:00+08:00".to_owned(),
            actor_name: "赵敏".to_owned(),
            action: what.to_owned(),
            subject: None,
        }
    }

    #[test]
    fn a_session_reads_as_when_who_how_and_what_was_done_each_once() {
        let acted = ActedForMe {
            session: AssistedSession {
                session_id: "as-1".to_owned(),
                status: SessionStatus::Closed,
                resident_name: "张秀英".to_owned(),
                resident_phone_masked: Some("138****0001".to_owned()),
                resident_id_number_masked: Some("110…1029".to_owned()),
                staff_name: "赵敏".to_owned(),
                staff_department: "东城区政务服务中心".to_owned(),
                consent_method: Some("sms_code".to_owned()),
                approved_by: None,
                created_at: "2026-12-01T09:30:00+08:00".to_owned(),
                closed_at: Some("2026-12-01T09:50:00+08:00".to_owned()),
                delivery_key: None,
                kinship: None,
            },
            actions: vec![
                action("GET /api/v1/me"),
                action("GET /api/v1/applications"),
                action("POST /api/v1/applications"),
                action("GET /api/v1/applications/{application_no}"),
                action("POST /api/v1/applications/{application_no}/supplements"),
            ],
        };
        let view = view_of(&acted, crate::i18n::spoken());
        assert_eq!(view.when, "2026年12月1日 09:30");
        assert_eq!(view.who, "东城区政务服务中心 赵敏");
        assert_eq!(view.how, "您用短信验证码同意了");
        assert!(!view.open);
        assert_eq!(
            view.did,
            [
                "看了您的姓名和手机号码",
                "看了您办的事",
                "替您申请了办事",
                "替您补交了材料"
            ]
        );
    }

    #[test]
    fn a_signature_names_the_manager_who_saw_her_sign() {
        let mut acted = ActedForMe {
            session: AssistedSession {
                session_id: "as-2".to_owned(),
                status: SessionStatus::Open,
                resident_name: "王淑芬".to_owned(),
                resident_phone_masked: None,
                resident_id_number_masked: None,
                staff_name: "赵敏".to_owned(),
                staff_department: "东城区政务服务中心".to_owned(),
                consent_method: Some("signature".to_owned()),
                approved_by: Some("孙丽".to_owned()),
                created_at: "2026-12-01T10:00:00+08:00".to_owned(),
                closed_at: None,
                delivery_key: None,
                kinship: None,
            },
            actions: Vec::new(),
        };
        let view = view_of(&acted, crate::i18n::spoken());
        assert_eq!(view.how, "您签名同意了，服务中心负责人孙丽在场确认");
        acted.session.approved_by = None;
        let older = view_of(&acted, crate::i18n::spoken());
        assert_eq!(older.how, "您签名同意了");
    }
}
