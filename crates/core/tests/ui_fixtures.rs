//! `ui_fixtures`: the answers the browser harness (`ui/tests/browser/harness.mjs`) replays instead of
//! re-implementing core in JavaScript are recorded here from core itself, over the platform's demo
//! data. The test fails while a committed fixture differs from what core makes now; write them anew
//! with `HUIBAN_WRITE_FIXTURES=1 cargo test -p huiban-core --test ui_fixtures`.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use std::path::PathBuf;

use huiban_core::catalog::{CatalogCopy, CatalogView};

/// Where the harness reads its fixtures.
fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/tests/browser/fixtures")
        .join(name)
}

/// Compares `value` with the committed fixture `name` (writing it first when asked to).
fn recorded(name: &str, value: &impl serde::Serialize) {
    let fresh = serde_json::to_string_pretty(value).unwrap() + "\n";
    let path = fixture_path(name);
    if std::env::var_os("HUIBAN_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/tests/browser/fixtures/{name} is not what core makes now; write it anew with\n  \
         HUIBAN_WRITE_FIXTURES=1 cargo test -p huiban-core --test ui_fixtures"
    );
}

#[test]
fn the_catalog_the_harness_shows_is_what_core_makes_of_the_demo_items() {
    let shown = ["高龄津贴申领", "医保异地就医备案", "居民身份证换领"];
    let items = huiban_demo::catalog_items()
        .into_iter()
        .filter(|item| shown.contains(&item.name.as_str()))
        .collect();
    let view = CatalogView::of(CatalogCopy::new(items, false), huiban_core::i18n::spoken());
    assert_eq!(view.items.len(), shown.len(), "every item is a demo item");
    recorded("catalog.json", &view);
}

/// The harness's draft (`fixtures/draft.json`): the answers its question pages open with, and what
/// completes them for 核对.
#[derive(serde::Deserialize)]
struct DraftFixture {
    answers: huiban_api::Answers,
    to_complete: huiban_api::Answers,
}

/// Reads the committed fixture `name`.
fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&std::fs::read_to_string(fixture_path(name)).unwrap()).unwrap()
}

/// The day the recorded answers are judged on (a fixed day, so the recording does not age).
fn recording_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// The places the address pages of the harness walk: the list's top, a province with cities, and the
/// district the draft lives in.
const PLACES_ASKED: &[Option<&str>] = &[None, Some("11"), Some("13"), Some("110101")];
/// The places the address pages show as picked.
const PLACES_SHOWN: &[&str] = &["110101", "13"];

#[test]
fn the_form_answers_the_harness_replays_are_what_core_makes_of_them() {
    use huiban_core::drafts::CheckPage;
    use huiban_core::forms::{group_list, review};
    use huiban_core::regions;
    use serde_json::{Value, json};

    let form: huiban_api::FormDefinition = fixture("form.json");
    let draft: DraftFixture = fixture("draft.json");
    let zh = huiban_core::i18n::spoken();
    let mut complete = draft.answers.clone();
    complete.extend(draft.to_complete);
    let check = CheckPage {
        form_title: form.title.clone(),
        review: review(&form, &complete, recording_day(), zh),
        form_updated: None,
    };
    assert!(
        check.review.problems.is_empty(),
        "{:?}",
        check.review.problems
    );

    // 核对 with the answers the question pages open with: what is not filled in yet.
    let unfinished = CheckPage {
        form_title: form.title.clone(),
        review: review(&form, &draft.answers, recording_day(), zh),
        form_updated: None,
    };
    assert!(!unfinished.review.problems.is_empty());

    let family = form.questions.iter().find(|q| q.id == "family").unwrap();
    let group_items: Vec<Value> = [draft.answers["family"].clone(), json!([])]
        .into_iter()
        .map(|value| {
            let items = group_list::summaries(family, Some(&value), recording_day(), zh);
            json!({ "group_id": family.id, "value": value, "items": items })
        })
        .collect();
    let choices: Vec<Value> = PLACES_ASKED
        .iter()
        .map(|code| json!({ "code": code, "choices": regions::choices(*code) }))
        .collect();
    let paths: Vec<Value> = PLACES_SHOWN
        .iter()
        .map(|code| json!({ "code": code, "path": regions::path(code).unwrap() }))
        .collect();
    recorded(
        "form-answers.json",
        &json!({
            "review": [
                { "answers": complete, "page": check },
                { "answers": draft.answers, "page": unfinished },
            ],
            "group_items": group_items,
            "regions": choices,
            "region_path": paths,
        }),
    );
}

/// What the platform said, as the harness's 进度 and 诉求 pages are to show it
/// (`fixtures/platform-copies.json`): the moment they are looked at, an application still waiting
/// here, the cases newest first, a request not filed yet, and the filed requests.
#[derive(serde::Deserialize)]
struct PlatformCopies {
    now: String,
    waiting_application: WaitingApplication,
    cases: Vec<huiban_api::Application>,
    unfiled_request: huiban_api::NewRequest,
    requests: Vec<huiban_api::ServiceRequest>,
}

/// An application kept in the outbox: its client id and the demo item it applies for.
#[derive(serde::Deserialize)]
struct WaitingApplication {
    client_id: String,
    item_name: String,
}

/// One entry of a list page with the page it opens (none for what is not on the platform yet).
#[derive(serde::Serialize)]
struct Listed<S, D> {
    summary: S,
    detail: Option<D>,
    /// A case's 受理回执 (none for a 诉求, or a case not sent yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    receipt: Option<huiban_core::cases::ReceiptView>,
}

#[test]
fn the_cases_and_requests_the_harness_shows_are_what_core_makes_of_the_platform_copies() {
    use huiban_core::cases::{CaseDetail, CaseSummary, HereOfCase};
    use huiban_core::requests::{HereOfRequest, RequestDetail, RequestSummary};
    use huiban_core::store::{OutboxKind, OutboxRow, OutboxState};

    let copies: PlatformCopies = fixture("platform-copies.json");
    let zh = huiban_core::i18n::spoken();
    let now = chrono::DateTime::parse_from_rfc3339(&copies.now).unwrap();
    let catalog = huiban_demo::catalog_items();
    let waiting =
        huiban_demo::sample_application(&copies.waiting_application.item_name, "11010119440315102")
            .unwrap();
    let row = OutboxRow {
        client_id: copies.waiting_application.client_id.clone(),
        kind: OutboxKind::Application,
        body: serde_json::to_string(&waiting).unwrap(),
        state: OutboxState::Queued,
        attempts: 0,
        next_attempt_ms: 0,
        last_error: None,
        case_number: None,
        assisted_session: None,
        relative_grant: None,
    };
    let newest_first = copies
        .cases
        .windows(2)
        .all(|pair| pair[0].submitted_at >= pair[1].submitted_at);
    assert!(newest_first, "the 进度 list shows the cases newest first");
    let mut cases = vec![Listed::<_, CaseDetail> {
        summary: CaseSummary::not_yet_pulled(&row, &waiting, &catalog, zh),
        detail: None,
        receipt: None,
    }];
    cases.extend(copies.cases.into_iter().map(|case| Listed {
        summary: CaseSummary::of_case(&case, &HereOfCase::default(), zh),
        receipt: Some(huiban_core::cases::receipt::receipt_of(&case, zh)),
        detail: Some(CaseDetail::of(case, HereOfCase::default(), now, zh)),
    }));
    // 进度's order: what waits for her first (as CasesService::list sorts it).
    cases.sort_by_key(|listed| listed.summary.rank());
    recorded("cases.json", &cases);

    let mut requests = vec![Listed::<_, RequestDetail> {
        summary: RequestSummary::unfiled(copies.unfiled_request, zh),
        detail: None,
        receipt: None,
    }];
    requests.extend(copies.requests.into_iter().map(|request| Listed {
        receipt: None,
        summary: RequestSummary::of_request(request.clone(), false, zh),
        detail: Some(RequestDetail::of(request, &HereOfRequest::default(), zh)),
    }));
    recorded("requests.json", &requests);

    // Home for 张秀英 with these cases and requests and the harness's draft not finished.
    let form: huiban_api::FormDefinition = fixture("form.json");
    let draft: DraftFixture = fixture("draft.json");
    let begun = huiban_core::store::Draft {
        draft_id: "D1".to_owned(),
        // The harness's draft is of the catalog's first item, as shown.
        impl_code: catalog
            .iter()
            .find(|item| item.name == "高龄津贴申领")
            .unwrap()
            .impl_code
            .clone(),
        form_id: form.form_id.clone(),
        form_version: form.version,
        answers: draft.answers,
        set_aside: huiban_api::Answers::new(),
    };
    let unfinished = vec![huiban_core::drafts::Unfinished::of(
        &begun,
        &catalog,
        Some(&form),
        zh,
    )];
    let case_list: Vec<_> = cases.into_iter().map(|listed| listed.summary).collect();
    let request_list: Vec<_> = requests.into_iter().map(|listed| listed.summary).collect();
    let home =
        huiban_core::home::HomeView::of(Some("张秀英"), &case_list, &request_list, &unfinished, zh);
    recorded(
        "home.json",
        &serde_json::json!({ "home": home, "unfinished": unfinished }),
    );
}

/// What the page after sending shows (`fixtures/sent.json`): core's confirmation of an application
/// the platform has just taken, and the QR codes of its 办件编号 and of a licence, drawn by core.
#[test]
fn the_confirmation_and_the_qr_codes_the_harness_shows_are_cores() {
    let copies: PlatformCopies = fixture("platform-copies.json");
    let zh = huiban_core::i18n::spoken();
    let now = chrono::DateTime::parse_from_rfc3339(&copies.now).unwrap();
    let mut case = copies.cases[0].clone();
    // Taken a minute ago: nine minutes left to take it back.
    case.submitted_at = (now - chrono::Duration::minutes(1)).to_rfc3339();
    case.withdrawable_until = Some((now + chrono::Duration::minutes(9)).to_rfc3339());
    let confirmation =
        huiban_core::drafts::confirmation(Some(&case), None, Some("138****0001"), now, zh);
    assert!(confirmation.promised.is_some() && confirmation.withdraw.is_some());
    let case_number = "110101202611260001";
    recorded(
        "sent.json",
        &serde_json::json!({
            "case_number": case_number,
            "confirmation": confirmation,
            "case_number_qr": huiban_core::qr::svg_of(case_number).unwrap(),
            "licence_qr": huiban_core::qr::svg_of("HUIBAN-LICENCE:DEMO-LICENCE-1:demo-key-1:demo-seal").unwrap(),
        }),
    );
}

/// The centre's figures the manager's page shows (`fixtures/figures.json`): what core makes of a
/// platform answer for a busy day and month (`fixtures/centre-figures.json`).
#[test]
fn the_figures_the_harness_shows_are_what_core_makes_of_the_platforms_counts() {
    let counted: huiban_api::CentreFigures = fixture("centre-figures.json");
    let view = huiban_core::figures::view::view_of(&counted, huiban_core::i18n::spoken());
    assert_eq!(view.periods.len(), 2);
    recorded("figures.json", &view);
}

#[test]
fn the_kiosk_s_login_code_the_harness_shows_is_core_s_view_of_the_platform_s_answer() {
    let answer = huiban_api::DeviceAuthorization {
        device_code: "never shown".to_owned(),
        user_code: "BCDF-GHJK".to_owned(),
        verification_uri: "https://zwfw.example.gov.cn/device".to_owned(),
        verification_uri_complete: "https://zwfw.example.gov.cn/device?user_code=BCDFGHJK"
            .to_owned(),
        expires_in: 600,
        interval: 5,
    };
    recorded(
        "kiosk-login-code.json",
        &huiban_core::kiosk::visit::LoginCode::of(&answer),
    );
}

/// 求助 as the harness shows it (`fixtures/help.json`): the numbers, the call-back logged out,
/// ready to ask, and asked on the recording day; her centre logged out (her district asked), logged
/// in (her account's 东城区), and picked here for each district; the districts to pick from;
/// 请家人帮忙 with her son helping her, before and after she texted him.
#[test]
fn the_help_page_the_harness_shows_is_cores() {
    use huiban_api::{GrantState, Kinship, RelativeGrant, Relatives};
    use huiban_core::help::{
        self, CallBack, CentreHelp, DistrictChoice, DistrictFrom, DistrictPage, FamilyHelp,
        HelpPage,
    };
    use huiban_core::outbox::relative_help::QueuedHelp;
    use huiban_core::store::{OutboxKind, OutboxRow, OutboxState};
    let zh = huiban_core::i18n::spoken();
    let centres = huiban_demo::centres::service_centres();
    let page = |centre: CentreHelp, call_back: CallBack| HelpPage {
        numbers: help::numbers(zh),
        centre,
        call_back,
        family: FamilyHelp::NotHere,
    };
    let son = Relatives {
        helped_by: vec![RelativeGrant {
            grant_id: "rg-demo-liming".to_owned(),
            state: GrantState::Granted,
            kinship: Kinship::Son,
            helper_name: "李明".to_owned(),
            helper_phone_masked: Some("138****0004".to_owned()),
            person_name: "张秀英".to_owned(),
            person_phone_masked: Some("138****0001".to_owned()),
            asked_at: "2026-12-01T09:00:00+08:00".to_owned(),
            answered_at: Some("2026-12-01T09:05:00+08:00".to_owned()),
            expires_at: Some("2027-12-01T09:05:00+08:00".to_owned()),
            ended_at: None,
        }],
        helping: Vec::new(),
    };
    let texted = QueuedHelp {
        grant_id: "rg-demo-liming".to_owned(),
        about: Some("高龄津贴申领".to_owned()),
        asked_ms: 1,
    };
    let texted_row = OutboxRow {
        client_id: "help-demo".to_owned(),
        kind: OutboxKind::RelativeHelp,
        body: serde_json::to_string(&texted).unwrap(),
        state: OutboxState::Sent,
        attempts: 1,
        next_attempt_ms: 1,
        last_error: None,
        case_number: Some("rg-demo-liming".to_owned()),
        assisted_session: None,
        relative_grant: None,
    };
    let ours = help::centre_help(&centres, Some(("110101", DistrictFrom::Account)), zh);
    let picked: serde_json::Map<String, serde_json::Value> = centres
        .iter()
        .map(|c| {
            let centre =
                help::centre_help(&centres, Some((&c.district_code, DistrictFrom::Picked)), zh);
            (
                c.district_code.clone(),
                serde_json::to_value(centre).unwrap(),
            )
        })
        .collect();
    let districts = DistrictPage {
        choices: centres
            .iter()
            .map(|c| DistrictChoice {
                code: c.district_code.clone(),
                name: c.district_name.clone(),
            })
            .collect(),
        chosen: None,
    };
    recorded(
        "help.json",
        &serde_json::json!({
            "logged_out": page(CentreHelp::PickDistrict, CallBack::LogInFirst),
            "logged_in": page(ours, help::can_ask("138****0001", zh)),
            "asked": help::asked(recording_day(), "138****0001", zh),
            "picked": picked,
            "districts": districts,
            "family": help::family_help(Some(&son), &[], 0, zh),
            "family_texted": help::family_help(Some(&son), &[(texted, texted_row)], 0, zh),
            "family_nobody": help::family_help(Some(&Relatives::default()), &[], 0, zh),
        }),
    );
}

/// 亲友代办 as the harness shows it (`fixtures/relatives.json`): 张秀英's 谁能帮我办 with her son's
/// ask, and after she agreed; 李明's side (whom he helps, and what his ask looks like before she
/// answers); the switch at the top for himself and while he acts for her; the kinships he picks
/// from; and his grant as a row of her 谁帮我办过.
#[test]
fn the_relatives_pages_the_harness_shows_are_cores() {
    use huiban_api::{
        ActedForMe, ActionOnBehalf, AssistedSession, GrantState, Kinship, RelativeGrant, Relatives,
        SessionStatus,
    };
    use huiban_core::relatives::{ActingSwitch, RelativesPage, kinship_choices};
    let zh = huiban_core::i18n::spoken();
    let grant = |state: GrantState, person_name: &str| RelativeGrant {
        grant_id: "rg-demo-liming".to_owned(),
        state,
        kinship: Kinship::Son,
        helper_name: "李明".to_owned(),
        helper_phone_masked: Some("138****0004".to_owned()),
        person_name: person_name.to_owned(),
        person_phone_masked: Some("138****0001".to_owned()),
        asked_at: "2026-11-30T09:00:00+08:00".to_owned(),
        answered_at: (state == GrantState::Granted).then(|| "2026-11-30T09:05:00+08:00".to_owned()),
        expires_at: (state == GrantState::Granted).then(|| "2027-11-30T09:05:00+08:00".to_owned()),
        ended_at: None,
    };
    let page = |helped_by: Vec<RelativeGrant>, helping: Vec<RelativeGrant>| {
        RelativesPage::of(&Relatives { helped_by, helping }, zh)
    };
    let granted = grant(GrantState::Granted, "张秀英");
    let acted = ActedForMe {
        session: AssistedSession {
            session_id: "rg-demo-liming".to_owned(),
            status: SessionStatus::Open,
            resident_name: "张秀英".to_owned(),
            resident_phone_masked: Some("138****0001".to_owned()),
            resident_id_number_masked: None,
            staff_name: "李明".to_owned(),
            staff_department: String::new(),
            consent_method: Some("relative".to_owned()),
            approved_by: None,
            created_at: "2026-11-30T09:05:00+08:00".to_owned(),
            closed_at: None,
            delivery_key: None,
            kinship: Some(Kinship::Son),
        },
        actions: vec![ActionOnBehalf {
            at: "2026-11-30T09:20:00+08:00".to_owned(),
            actor_name: "李明".to_owned(),
            action: "POST /api/v1/applications".to_owned(),
            subject: None,
        }],
    };
    recorded(
        "relatives.json",
        &serde_json::json!({
            "asked": page(vec![grant(GrantState::Asked, "张秀英")], Vec::new()),
            "agreed": page(vec![granted.clone()], Vec::new()),
            "none": page(Vec::new(), Vec::new()),
            "helping": page(Vec::new(), vec![granted.clone()]),
            "his_ended": page(Vec::new(), vec![grant(GrantState::Ended, "张秀英")]).with_not_sent(
                &[("rg-demo-liming".to_owned(), vec!["高龄津贴申领".to_owned()])],
                zh,
            ),
            "his_ask": page(Vec::new(), vec![grant(GrantState::Asked, "138****0001")]).helping[0],
            "switch_himself": ActingSwitch::of(std::slice::from_ref(&granted), None, zh),
            "switch_acting": ActingSwitch::of(std::slice::from_ref(&granted), Some("rg-demo-liming"), zh),
            "kinships": kinship_choices(zh),
            "acted": huiban_core::assisted::acted_for_me::view_of(&acted, zh),
        }),
    );
}
