//! Values the unit tests of several modules build alike.

use huiban_api::{
    Answers, Application, CaseStatus, CaseStep, HandlingChannel, IntakeChannel, RequestKind,
    RequestStatus, RequestStep, ServiceRequest,
};

/// A case of 养老金领取 that went through `statuses` (the last is where it stands), each step with
/// the remark 材料齐全.
pub(crate) fn case(statuses: &[CaseStatus]) -> Application {
    Application {
        application_no: "110101202611260001".to_owned(),
        impl_code: "x".to_owned(),
        item_name: "养老金领取".to_owned(),
        department: "人社局".to_owned(),
        applicant_name: None,
        agent: None,
        channel: HandlingChannel::Web,
        status: *statuses.last().expect("a step"),
        result: None,
        submitted_at: "2026-11-26T09:30:00+08:00".to_owned(),
        withdrawable_until: Some("2026-11-26T09:40:00+08:00".to_owned()),
        promised_days: 5,
        promised_by: "2026-12-03".to_owned(),
        overdue_days: 2,
        finished_at: None,
        steps: statuses
            .iter()
            .map(|status| CaseStep {
                status: *status,
                at: "2026-11-26T09:30:00+08:00".to_owned(),
                actor: None,
                remark: Some("材料齐全".to_owned()),
            })
            .collect(),
        answers: Answers::new(),
        evaluation: None,
        supplement_questions: Vec::new(),
    }
}

/// An app on a fresh store in `dir` (its key in a mock keychain) with `session`, pointed at a
/// platform that is not there.
pub(crate) fn app_with_store(
    dir: &tempfile::TempDir,
    session: crate::session::Session,
) -> crate::App {
    let keys = crate::secrets::Keychain::in_store(
        keyring_core::mock::Store::new().expect("mock keychain"),
        "fixtures",
    );
    let (store, _) =
        crate::store::LocalStore::open(&dir.path().join("h.db"), &keys).expect("store");
    crate::App::new(crate::app::AppParts {
        client: crate::PlatformClient::new("http://127.0.0.1:9/".parse().expect("url"))
            .expect("client"),
        source: crate::UrlSource::Default,
        store: Some(std::sync::Arc::new(store)),
        store_notice: None,
        session,
    })
}

/// A session of the citizen `account_id` on a fixed access token.
pub(crate) fn logged_in(account_id: &str) -> crate::session::Session {
    crate::session::Session::with_access_token(
        "token",
        crate::session::LoggedIn {
            account_id: account_id.to_owned(),
            role: huiban_api::Role::Citizen,
        },
    )
}

/// A complaint (路灯坏了) that went through `statuses`.
pub(crate) fn request(statuses: &[RequestStatus]) -> ServiceRequest {
    ServiceRequest {
        request_no: "SQ20261126000001".to_owned(),
        kind: RequestKind::Complaint,
        description: "路灯坏了".to_owned(),
        location: None,
        photos: Vec::new(),
        channel: IntakeChannel::Desktop,
        status: *statuses.last().expect("a step"),
        department: None,
        submitted_at: "2026-11-26T09:00:00+08:00".to_owned(),
        reply: None,
        follow_up: None,
        evaluation: None,
        agent: None,
        call_back: false,
        steps: statuses
            .iter()
            .map(|status| RequestStep {
                status: *status,
                at: "2026-11-26T09:00:00+08:00".to_owned(),
                actor: None,
                remark: None,
            })
            .collect(),
    }
}

/// The demo catalog's item whose name holds `name_part` (the platform's demo data).
pub(crate) fn catalog_item(name_part: &str) -> huiban_api::CatalogItem {
    huiban_demo::catalog_items()
        .into_iter()
        .find(|item| item.name.contains(name_part))
        .expect("a demo item of that name")
}
