//! 亲友代办 over HTTP: 李明 asks to help his mother 张秀英 by her phone; she agrees in her Huiban
//! (or reads him the texted code); he files for her as 代理人 (亲属, 儿子) within limits; she is
//! texted for each submission, sees his acts in 谁帮我办过, and ends it; a year later it runs out.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{ActedForMe, Application, GrantState, Kinship, RelativeGrant, Relatives};
use serde_json::json;

const ZHANG: &str = "13800000001";
const LIMING: &str = "13800000004";

async fn ask(platform: &TestPlatform, token: &str, phone: &str) -> RelativeGrant {
    let asked = platform
        .call(
            "POST",
            "/api/v1/relatives",
            Some(token),
            Some(json!({"phone": phone, "kinship": "son"})),
        )
        .await;
    assert_eq!(asked.status.as_u16(), 201, "{}", asked.body);
    serde_json::from_value(asked.body).unwrap()
}

async fn relatives(platform: &TestPlatform, token: &str) -> Relatives {
    let listed = platform
        .call("GET", "/api/v1/me/relatives", Some(token), None)
        .await;
    assert_eq!(listed.status.as_u16(), 200, "{}", listed.body);
    serde_json::from_value(listed.body).unwrap()
}

async fn answer(
    platform: &TestPlatform,
    token: &str,
    grant: &str,
    what: &str,
) -> (u16, serde_json::Value) {
    let answered = platform
        .call(
            "POST",
            &format!("/api/v1/me/relatives/{grant}/{what}"),
            Some(token),
            None,
        )
        .await;
    (answered.status.as_u16(), answered.body)
}

fn texts_to(platform: &TestPlatform, phone: &str) -> Vec<String> {
    platform
        .store
        .sent_sms()
        .unwrap()
        .into_iter()
        .filter(|sms| sms.phone == phone)
        .map(|sms| sms.text)
        .collect()
}

/// An application filed by the relative with `token` in `grant` under Idempotency-Key `key`.
async fn file_for_her(
    platform: &TestPlatform,
    token: &str,
    grant: &str,
    key: &str,
    application: &serde_json::Value,
) -> Application {
    let filed = platform
        .http
        .post(format!("{}/api/v1/applications", platform.base))
        .bearer_auth(token)
        .header("relative-grant", grant)
        .header("Idempotency-Key", key)
        .json(application)
        .send()
        .await
        .unwrap();
    assert_eq!(filed.status().as_u16(), 201);
    filed.json().await.unwrap()
}

/// 李明 logged in, 张秀英 logged in, and a grant she agreed to.
async fn granted(platform: &TestPlatform) -> (String, String, String) {
    let liming = platform.citizen_login(LIMING).await.access_token;
    let zhang = platform.citizen_login(ZHANG).await.access_token;
    let grant = ask(platform, &liming, ZHANG).await.grant_id;
    let (status, body) = answer(platform, &zhang, &grant, "agree").await;
    assert_eq!(status, 200, "{body}");
    (liming, zhang, grant)
}

#[tokio::test]
async fn he_asks_she_agrees_he_files_for_her_within_limits_and_she_ends_it() {
    let platform = TestPlatform::start().await;
    let liming = platform.citizen_login(LIMING).await.access_token;
    let zhang = platform.citizen_login(ZHANG).await.access_token;
    // Before he asks, she filed a complaint about a neighbour: not his to read.
    let complaint = platform
        .post_with_key(
            "/api/v1/requests",
            &zhang,
            &uuid::Uuid::new_v4().to_string(),
            &json!({"kind": "complaint", "description": "楼上邻居夜里很吵。", "channel": "desktop"}),
        )
        .await;
    assert_eq!(complaint.status.as_u16(), 201, "{}", complaint.body);

    let asked = ask(&platform, &liming, ZHANG).await;
    assert_eq!(asked.state, GrantState::Asked);
    assert_eq!(asked.kinship, Kinship::Son);
    // Until she agrees he sees the phone he typed, not whose it is.
    assert_eq!(asked.person_name, "138****0001");
    let told = texts_to(&platform, ZHANG);
    assert!(
        told.last().unwrap().contains("您的儿子 李明想帮您"),
        "{told:?}"
    );
    // Asking again answers the same grant (and texts her no more).
    assert_eq!(
        ask(&platform, &liming, ZHANG).await.grant_id,
        asked.grant_id
    );
    assert_eq!(texts_to(&platform, ZHANG).len(), told.len());

    let hers = relatives(&platform, &zhang).await;
    assert_eq!(hers.helped_by.len(), 1);
    assert_eq!(hers.helped_by[0].helper_name, "李明");
    assert_eq!(hers.helped_by[0].state, GrantState::Asked);

    // Not before she agrees.
    let early = platform
        .as_relative(
            "GET",
            "/api/v1/applications",
            &liming,
            &asked.grant_id,
            None,
        )
        .await;
    assert_eq!(early.expect_error(403, "grant_not_active").field, None);

    let (status, body) = answer(&platform, &zhang, &asked.grant_id, "agree").await;
    assert_eq!(status, 200, "{body}");
    let agreed: RelativeGrant = serde_json::from_value(body).unwrap();
    assert_eq!(agreed.state, GrantState::Granted);
    assert!(agreed.expires_at.unwrap().starts_with("2027-03-02"));
    assert!(
        texts_to(&platform, LIMING)
            .last()
            .unwrap()
            .contains("张秀英同意")
    );
    assert_eq!(
        relatives(&platform, &liming).await.helping[0].person_name,
        "张秀英"
    );

    // He files 高龄津贴申领 for her: her case, him as 代理人 (亲属, 儿子), from his own app.
    let application = platform.application_for("高龄津贴").await;
    let key = uuid::Uuid::new_v4().to_string();
    let case = file_for_her(&platform, &liming, &asked.grant_id, &key, &application).await;
    let agent = case.agent.clone().unwrap();
    assert_eq!(
        (agent.name.as_str(), agent.relation.as_str()),
        ("李明", "亲属")
    );
    assert_eq!(agent.kinship, Some(Kinship::Son));
    assert_eq!(agent.centre, None);
    let her_cases = platform
        .call("GET", "/api/v1/applications", Some(&zhang), None)
        .await;
    assert!(her_cases.body.to_string().contains(&case.application_no));
    let his_own = platform
        .call("GET", "/api/v1/applications", Some(&liming), None)
        .await;
    assert!(!his_own.body.to_string().contains(&case.application_no));
    // She is texted once for the submission, also when his app sends it again.
    let submission_texts = |platform: &TestPlatform| {
        texts_to(platform, ZHANG)
            .into_iter()
            .filter(|text| text.contains("替您提交了"))
            .count()
    };
    assert_eq!(submission_texts(&platform), 1);
    let again = file_for_her(&platform, &liming, &asked.grant_id, &key, &application).await;
    assert_eq!(again.application_no, case.application_no);
    assert_eq!(submission_texts(&platform), 1);
    assert!(
        texts_to(&platform, ZHANG)
            .iter()
            .any(|text| text.contains("您的儿子 李明替您提交了“"))
    );

    // The limits: her complaints are not listed to him, nor may he file one, evaluate, read her
    // messages, see her logins or relatives, or see who acted for her.
    let requests = platform
        .as_relative("GET", "/api/v1/requests", &liming, &asked.grant_id, None)
        .await;
    assert_eq!(requests.status.as_u16(), 200);
    assert!(!requests.body.to_string().contains("楼上邻居"));
    let complaint_for_her = platform
        .as_relative(
            "POST",
            "/api/v1/requests",
            &liming,
            &asked.grant_id,
            Some(json!({"kind": "complaint", "description": "替她投诉", "channel": "desktop"})),
        )
        .await;
    complaint_for_her.expect_error(403, "only_the_resident");
    let evaluation = platform
        .as_relative(
            "POST",
            &format!("/api/v1/applications/{}/evaluation", case.application_no),
            &liming,
            &asked.grant_id,
            Some(json!({"level": 1})),
        )
        .await;
    evaluation.expect_error(403, "only_the_resident");
    for path in [
        "/api/v1/messages",
        "/api/v1/me/logins",
        "/api/v1/me/relatives",
        "/api/v1/me/acted-for-me",
    ] {
        let refused = platform
            .as_relative("GET", path, &liming, &asked.grant_id, None)
            .await;
        refused.expect_error(403, "only_the_resident");
    }

    // 谁帮我办过: his grant, with what he did.
    let acted: Vec<ActedForMe> = platform.acted_for_me(&zhang).await;
    let row = acted
        .iter()
        .find(|row| row.session.session_id == asked.grant_id)
        .unwrap();
    assert_eq!(row.session.staff_name, "李明");
    assert_eq!(row.session.kinship, Some(Kinship::Son));
    assert!(
        row.actions
            .iter()
            .any(|action| action.action == "POST /api/v1/applications"
                && action.actor_name == "李明"),
        "{:?}",
        row.actions
    );

    // She ends it: his next attempt is refused in plain words, and he is told.
    let (status, body) = answer(&platform, &zhang, &asked.grant_id, "end").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["state"], "ended");
    let refused = platform
        .as_relative(
            "GET",
            "/api/v1/applications",
            &liming,
            &asked.grant_id,
            None,
        )
        .await;
    let error = refused.expect_error(403, "grant_not_active");
    assert!(error.message.contains("结束了授权"), "{}", error.message);
    assert!(
        texts_to(&platform, LIMING)
            .last()
            .unwrap()
            .contains("结束了让您代办的授权")
    );
    assert_eq!(
        answer(&platform, &zhang, &asked.grant_id, "end").await.0,
        409
    );
}

#[tokio::test]
async fn a_grant_runs_out_after_a_year() {
    let platform = TestPlatform::start().await;
    let (_, _, grant) = granted(&platform).await;
    platform.clock.advance(Duration::days(364));
    // Logins do not last a year: log in again.
    let liming = platform.citizen_login(LIMING).await.access_token;
    let within = platform
        .as_relative("GET", "/api/v1/applications", &liming, &grant, None)
        .await;
    assert_eq!(within.status.as_u16(), 200);
    platform.clock.advance(Duration::days(2));
    let liming = platform.citizen_login(LIMING).await.access_token;
    let zhang = platform.citizen_login(ZHANG).await.access_token;
    let after = platform
        .as_relative("GET", "/api/v1/applications", &liming, &grant, None)
        .await;
    after.expect_error(403, "grant_not_active");
    assert_eq!(
        relatives(&platform, &zhang).await.helped_by[0].state,
        GrantState::Expired
    );
    // An expired grant cannot be ended; he may ask again.
    assert_eq!(answer(&platform, &zhang, &grant, "end").await.0, 409);
    assert_ne!(ask(&platform, &liming, ZHANG).await.grant_id, grant);
}

#[tokio::test]
async fn she_refuses_and_he_is_not_told_it_was_her() {
    let platform = TestPlatform::start().await;
    let liming = platform.citizen_login(LIMING).await.access_token;
    let zhang = platform.citizen_login(ZHANG).await.access_token;
    let grant = ask(&platform, &liming, ZHANG).await.grant_id;
    let (status, body) = answer(&platform, &zhang, &grant, "refuse").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["state"], "refused");
    // He sees it ended, as an ask of a phone that matches nobody would look once given up.
    let his = relatives(&platform, &liming).await;
    assert_eq!(his.helping[0].state, GrantState::Ended);
    assert_eq!(his.helping[0].person_name, "138****0001");
    platform
        .as_relative("GET", "/api/v1/applications", &liming, &grant, None)
        .await
        .expect_error(403, "grant_not_active");
    assert_eq!(answer(&platform, &zhang, &grant, "agree").await.0, 409);
}

#[tokio::test]
async fn the_code_she_reads_out_grants_it_and_a_phone_of_nobody_never_opens() {
    let platform = TestPlatform::start().await;
    let liming = platform.citizen_login(LIMING).await.access_token;
    let grant = ask(&platform, &liming, ZHANG).await.grant_id;
    let code = platform.last_code(ZHANG);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let by_code = |code: String| {
        let platform = &platform;
        let liming = liming.clone();
        let grant = grant.clone();
        async move {
            platform
                .call(
                    "POST",
                    &format!("/api/v1/relatives/{grant}/code"),
                    Some(&liming),
                    Some(json!({ "code": code })),
                )
                .await
        }
    };
    by_code(wrong.to_owned())
        .await
        .expect_error(400, "invalid_consent_code");
    let agreed = by_code(code.clone()).await;
    assert_eq!(agreed.status.as_u16(), 200, "{}", agreed.body);
    assert_eq!(agreed.body["state"], "granted");
    assert_eq!(agreed.body["person_name"], "张秀英");

    // A phone with no account: the same answer, no text, and no code is ever right.
    let nobody = ask(&platform, &liming, "13900000009").await;
    assert_eq!(nobody.state, GrantState::Asked);
    assert!(texts_to(&platform, "13900000009").is_empty());
    let tried = platform
        .call(
            "POST",
            &format!("/api/v1/relatives/{}/code", nobody.grant_id),
            Some(&liming),
            Some(json!({ "code": "123456" })),
        )
        .await;
    tried.expect_error(400, "invalid_consent_code");
    for _ in 0..4 {
        platform
            .call(
                "POST",
                &format!("/api/v1/relatives/{}/code", nobody.grant_id),
                Some(&liming),
                Some(json!({ "code": "123456" })),
            )
            .await;
    }
    platform
        .call(
            "POST",
            &format!("/api/v1/relatives/{}/code", nobody.grant_id),
            Some(&liming),
            Some(json!({ "code": "123456" })),
        )
        .await
        .expect_error(400, "consent_code_expired");
}

#[tokio::test]
async fn another_person_neither_answers_nor_uses_a_grant_not_theirs() {
    let platform = TestPlatform::start().await;
    let (_liming, _zhang, grant) = granted(&platform).await;
    let li = platform.citizen_login("13800000002").await.access_token;
    for what in ["agree", "refuse", "end"] {
        assert_eq!(answer(&platform, &li, &grant, what).await.0, 404, "{what}");
    }
    platform
        .as_relative("GET", "/api/v1/applications", &li, &grant, None)
        .await
        .expect_error(403, "grant_not_active");
    let code = platform
        .call(
            "POST",
            &format!("/api/v1/relatives/{grant}/code"),
            Some(&li),
            Some(json!({"code": "123456"})),
        )
        .await;
    code.expect_error(404, "grant_not_found");
}

#[tokio::test]
async fn bad_phones_and_too_many_asks_are_refused_in_plain_words() {
    let platform = TestPlatform::start().await;
    let liming = platform.citizen_login(LIMING).await.access_token;
    for (phone, code) in [("1380000", "invalid_phone"), (LIMING, "own_phone")] {
        let refused = platform
            .call(
                "POST",
                "/api/v1/relatives",
                Some(&liming),
                Some(json!({"phone": phone, "kinship": "son"})),
            )
            .await;
        let error = refused.expect_error(422, code);
        assert_eq!(error.field.as_deref(), Some("phone"));
    }
    for n in 0..5 {
        ask(&platform, &liming, &format!("1390000000{n}")).await;
    }
    platform
        .call(
            "POST",
            "/api/v1/relatives",
            Some(&liming),
            Some(json!({"phone": "13900000099", "kinship": "daughter"})),
        )
        .await
        .expect_error(429, "too_many_relative_asks");
}

#[tokio::test]
async fn she_asks_her_son_for_help_he_is_texted_once_a_tap_and_not_without_end() {
    let platform = TestPlatform::start().await;
    let (_, zhang, grant) = granted(&platform).await;
    let path = format!("/api/v1/me/relatives/{grant}/help");
    let before = texts_to(&platform, LIMING).len();
    let key = uuid::Uuid::new_v4().to_string();
    let about = json!({"about": "高龄津贴申领（钱发到哪张银行卡）"});
    let asked = platform.post_with_key(&path, &zhang, &key, &about).await;
    assert_eq!(asked.status.as_u16(), 200, "{}", asked.body);
    let told = texts_to(&platform, LIMING);
    assert_eq!(told.len(), before + 1);
    assert!(
        told.last()
            .unwrap()
            .contains("张秀英请您帮忙：在惠办上办“高龄津贴申领（钱发到哪张银行卡）”时遇到了困难"),
        "{told:?}"
    );
    // The same tap sent again (its answer was lost) texts him no more.
    let again = platform.post_with_key(&path, &zhang, &key, &about).await;
    assert_eq!(again.status.as_u16(), 200, "{}", again.body);
    assert_eq!(texts_to(&platform, LIMING).len(), before + 1);

    // Three a day, then she is told to phone him.
    for _ in 0..2 {
        let more = platform
            .post_with_key(&path, &zhang, &uuid::Uuid::new_v4().to_string(), &json!({}))
            .await;
        assert_eq!(more.status.as_u16(), 200, "{}", more.body);
    }
    let flood = platform
        .post_with_key(&path, &zhang, &uuid::Uuid::new_v4().to_string(), &json!({}))
        .await;
    assert_eq!(flood.status.as_u16(), 429, "{}", flood.body);
    assert!(flood.body["message"].as_str().unwrap().contains("打电话"));
    assert_eq!(texts_to(&platform, LIMING).len(), before + 3);
    platform.clock.advance(Duration::hours(25));
    let zhang = platform.citizen_login(ZHANG).await.access_token;
    let liming = platform.citizen_login(LIMING).await.access_token;
    let next_day = platform
        .post_with_key(&path, &zhang, &uuid::Uuid::new_v4().to_string(), &json!({}))
        .await;
    assert_eq!(next_day.status.as_u16(), 200, "{}", next_day.body);

    // He cannot text himself in her name, acting for her or not.
    let his = platform
        .post_with_key(
            &path,
            &liming,
            &uuid::Uuid::new_v4().to_string(),
            &json!({}),
        )
        .await;
    assert_eq!(his.status.as_u16(), 404, "{}", his.body);
    let acting = platform
        .as_relative("POST", &path, &liming, &grant, Some(json!({})))
        .await;
    assert_eq!(acting.status.as_u16(), 403, "{}", acting.body);

    // Once she ended it, he is not hers to text.
    let (status, body) = answer(&platform, &zhang, &grant, "end").await;
    assert_eq!(status, 200, "{body}");
    let ended = platform
        .post_with_key(&path, &zhang, &uuid::Uuid::new_v4().to_string(), &json!({}))
        .await;
    assert_eq!(ended.status.as_u16(), 409, "{}", ended.body);
    assert_eq!(ended.body["code"], "grant_not_active");
}
