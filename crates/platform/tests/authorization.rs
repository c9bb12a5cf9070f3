//! The authorization matrix: every route of `api/openapi.json` × every kind of caller × her own or
//! another person's object, over real HTTP, against what the platform must answer; every answer is
//! also checked against the contract (its status documented, its body in the documented shape). A route added to
//! the API without its row here fails the test, and so does a row whose route is gone.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;
#[path = "authorization/matrix.rs"]
mod matrix;

use std::collections::BTreeMap;

use common::contract::Contract;
use common::{TestPlatform, valid_id_number};
use huiban_api::Role;
use huiban_api::assisted::ASSISTED_SESSION_HEADER;
use huiban_api::relatives::RELATIVE_GRANT_HEADER;
use huiban_platform::store::NewAccount;
use serde_json::{Value, json};
use sha2::Digest;

use matrix::{CALLERS, FRESH_PER_CALLER, MATRIX, Who, gate};

/// One kind of caller's token and header.
struct Credentials {
    token: Option<String>,
    session: Option<String>,
    grant: Option<String>,
}

/// The objects the paths name: all 张秀英's, 赵敏's session for her, a call of her centre's kiosk,
/// 张秀英's call-back and her grant to her son 李明.
struct Objects {
    application_no: String,
    request_no: String,
    licence_no: String,
    message_id: String,
    sha256: String,
    upload_id: String,
    session_id: String,
    login_id: String,
    call_id: String,
    call_back_no: String,
    grant_id: String,
    impl_code: String,
    form_path: String,
    sample_application: Value,
    licence: Value,
}

const STAFF: &str = "s-demo-zhao";
const OTHER_STAFF: &str = "s-matrix-qian";

fn png(seed: &str) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(seed.as_bytes());
    bytes
}

/// A fresh login for an account, minted without SMS or password (those are tested elsewhere).
fn token_of(platform: &TestPlatform, account_id: &str, role: Role) -> String {
    huiban_platform::auth::issue(&platform.state(), account_id, role)
        .unwrap()
        .access_token
}

/// Opens a consented session of 赵敏 for a demo citizen; returns its id.
async fn open_session(platform: &TestPlatform, first17: &str, name: &str, phone: &str) -> String {
    let staff = token_of(platform, STAFF, Role::Staff);
    let started = platform
        .call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&staff),
            Some(json!({"id_number": valid_id_number(first17), "name": name})),
        )
        .await;
    assert_eq!(started.status.as_u16(), 201, "{}", started.body);
    let id = started.body["session_id"].as_str().unwrap().to_owned();
    let code = platform.last_code(phone);
    let consented = platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{id}/consent"),
            Some(&staff),
            Some(json!({"method": "sms_code", "code": code})),
        )
        .await;
    assert_eq!(consented.status.as_u16(), 200, "{}", consented.body);
    id
}

/// 亲友代办: the citizen with `helper_phone` asks to help the one with `phone`, who agrees; its id.
async fn granted(platform: &TestPlatform, helper_phone: &str, phone: &str) -> String {
    let helper = platform.citizen_login(helper_phone).await.access_token;
    let person = platform.citizen_login(phone).await.access_token;
    let asked = platform
        .call(
            "POST",
            "/api/v1/relatives",
            Some(&helper),
            Some(json!({"phone": phone, "kinship": "son"})),
        )
        .await;
    assert_eq!(asked.status.as_u16(), 201, "{}", asked.body);
    let grant = asked.body["grant_id"].as_str().unwrap().to_owned();
    let agreed = platform
        .call(
            "POST",
            &format!("/api/v1/me/relatives/{grant}/agree"),
            Some(&person),
            None,
        )
        .await;
    assert_eq!(agreed.status.as_u16(), 200, "{}", agreed.body);
    grant
}

/// A platform with 张秀英's objects, two open sessions, a second staff member, and two relatives'
/// grants (李明 helps 张秀英, 李建国 helps 王淑芬).
async fn prepared() -> (TestPlatform, Objects, BTreeMap<&'static str, String>) {
    let platform = TestPlatform::start().await;
    platform
        .store
        .create_account(
            &NewAccount {
                account_id: OTHER_STAFF.to_owned(),
                role: Role::Staff,
                phone: None,
                username: Some("staff-matrix".to_owned()),
                password_hash: None,
                name: Some("钱进".to_owned()),
                id_number: None,
                department: Some("东城区政务服务中心".to_owned()),
            },
            0,
        )
        .unwrap();
    let zhang = token_of(&platform, "c-demo-zhang", Role::Citizen);
    let logins = platform
        .call("GET", "/api/v1/me/logins", Some(&zhang), None)
        .await;
    let login_id = logins.body[0]["login_id"].as_str().unwrap().to_owned();
    let sample_application = platform.application_for("高龄津贴").await;
    let submitted = platform
        .submit(
            &zhang,
            &uuid::Uuid::new_v4().to_string(),
            &sample_application,
        )
        .await;
    let application_no = submitted.body["application_no"]
        .as_str()
        .unwrap()
        .to_owned();
    let request = platform
        .post_with_key(
            "/api/v1/requests",
            &zhang,
            &uuid::Uuid::new_v4().to_string(),
            &json!({"kind": "help", "description": "楼道的灯坏了很久，晚上看不见路。", "channel": "desktop"}),
        )
        .await;
    let request_no = request.body["request_no"].as_str().unwrap().to_owned();
    // 张秀英 (东城区) asks 赵敏's centre to call her back.
    let call_back = platform
        .post_with_key(
            "/api/v1/requests",
            &zhang,
            &uuid::Uuid::new_v4().to_string(),
            &json!({"kind": "help", "description": "请工作人员给我回电话。", "channel": "desktop", "call_back": true}),
        )
        .await;
    let call_back_no = call_back.body["request_no"].as_str().unwrap().to_owned();
    let licences = platform
        .call("GET", "/api/v1/licences", Some(&zhang), None)
        .await;
    let licence = licences.body[0].clone();
    let messages = platform
        .call("GET", "/api/v1/messages", Some(&zhang), None)
        .await;
    let message_id = messages.body["messages"][0]["message_id"].to_string();
    let photo = png("张秀英's photo");
    let sha256 = hex::encode(sha2::Sha256::digest(&photo));
    let uploaded = platform
        .http
        .post(format!("{}/api/v1/attachments", platform.base))
        .bearer_auth(&zhang)
        .body(photo)
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status().as_u16(), 201);
    let upload = platform
        .call(
            "POST",
            "/api/v1/uploads",
            Some(&zhang),
            Some(json!({"sha256": "a".repeat(64), "size": 100})),
        )
        .await;
    let upload_id = upload.body["upload_id"].as_str().unwrap().to_owned();
    let session_id = open_session(&platform, "11010119440315102", "张秀英", "13800000001").await;
    let other_session = open_session(&platform, "11010119381120024", "王淑芬", "13800000003").await;
    let catalog = platform
        .call("GET", "/api/v1/catalog/items", None, None)
        .await;
    let item = &catalog.body["items"][0];
    // The kiosk of 赵敏's centre asks for staff.
    let kiosk = token_of(&platform, "k-demo-hall-1", Role::KioskDevice);
    let call = platform
        .call("POST", "/api/v1/kiosk/calls", Some(&kiosk), None)
        .await;
    assert_eq!(call.status.as_u16(), 200, "{}", call.body);
    let grant_id = granted(&platform, "13800000004", "13800000001").await;
    let other_grant = granted(&platform, "13800000002", "13800000003").await;
    let objects = Objects {
        application_no,
        request_no,
        licence_no: licence["licence_no"].as_str().unwrap().to_owned(),
        message_id,
        sha256,
        upload_id,
        session_id: session_id.clone(),
        login_id,
        call_id: call.body["call_id"].as_str().unwrap().to_owned(),
        call_back_no,
        grant_id: grant_id.clone(),
        impl_code: item["impl_code"].as_str().unwrap().to_owned(),
        form_path: format!(
            "{}/versions/{}",
            sample_application["form_id"].as_str().unwrap(),
            sample_application["form_version"]
        ),
        sample_application,
        licence,
    };
    let sessions = BTreeMap::from([
        ("own", session_id),
        ("other", other_session),
        ("grant", grant_id),
        ("other grant", other_grant),
    ]);
    (platform, objects, sessions)
}

fn credentials(
    platform: &TestPlatform,
    who: Who,
    sessions: &BTreeMap<&'static str, String>,
) -> Credentials {
    let with = |account: &str, role: Role, session: Option<&str>| Credentials {
        token: Some(token_of(platform, account, role)),
        session: session.map(|s| sessions[s].clone()),
        grant: None,
    };
    let relative = |account: &str, grant: &str| Credentials {
        token: Some(token_of(platform, account, Role::Citizen)),
        session: None,
        grant: Some(sessions[grant].clone()),
    };
    match who {
        Who::Anonymous => Credentials {
            token: None,
            session: None,
            grant: None,
        },
        Who::Citizen => with("c-demo-zhang", Role::Citizen, None),
        Who::OtherCitizen => with("c-demo-li", Role::Citizen, None),
        Who::Staff => with(STAFF, Role::Staff, None),
        Who::OtherStaff => with(OTHER_STAFF, Role::Staff, None),
        Who::StaffActing => with(STAFF, Role::Staff, Some("own")),
        Who::StaffActingOther => with(STAFF, Role::Staff, Some("other")),
        Who::Officer => with("o-demo-minzheng", Role::Officer, None),
        Who::Kiosk => with("k-demo-hall-1", Role::KioskDevice, None),
        Who::Manager => with("m-demo-sun", Role::Manager, None),
        Who::Helper => with("c-demo-liming", Role::Citizen, None),
        Who::Relative => relative("c-demo-liming", "grant"),
        Who::RelativeOther => relative("c-demo-li", "other grant"),
    }
}

/// Sends `route` as `who` with a body that would be accepted from the right caller; the status and
/// the body of the answer.
async fn knock(
    platform: &TestPlatform,
    objects: &Objects,
    route: &str,
    who: &Credentials,
) -> (u16, Vec<u8>) {
    knock_with(platform, objects, route, who, None).await
}

/// [`knock`] with `replacement` as the JSON body instead of the right one.
async fn knock_with(
    platform: &TestPlatform,
    objects: &Objects,
    route: &str,
    who: &Credentials,
    replacement: Option<Value>,
) -> (u16, Vec<u8>) {
    let (method, template) = route.split_once(' ').unwrap();
    let path = template
        .replace("{application_no}", &objects.application_no)
        .replace("{request_no}", &objects.request_no)
        .replace("{licence_no}", &objects.licence_no)
        .replace("{message_id}", &objects.message_id)
        .replace("{sha256}", &objects.sha256)
        .replace("{upload_id}", &objects.upload_id)
        .replace("{session_id}", &objects.session_id)
        .replace("{login_id}", &objects.login_id)
        .replace("{call_id}", &objects.call_id)
        .replace("{call_back_no}", &objects.call_back_no)
        .replace("{grant_id}", &objects.grant_id)
        .replace("{impl_code}", &objects.impl_code)
        .replace("{form_id}/versions/{version}", &objects.form_path);
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = platform
        .http
        .request(method, format!("{}{path}", platform.base))
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string());
    if let Some(token) = &who.token {
        request = request.bearer_auth(token);
    }
    if let Some(session) = &who.session {
        request = request.header(ASSISTED_SESSION_HEADER, session);
    }
    if let Some(grant) = &who.grant {
        request = request.header(RELATIVE_GRANT_HEADER, grant);
    }
    let json_body = match replacement {
        Some(body) => Some(body),
        None => json_body(platform, objects, route).await,
    };
    request = match (route, json_body) {
        ("POST /api/v1/attachments", _) => request.body(png(&uuid::Uuid::new_v4().to_string())),
        ("PATCH /api/v1/uploads/{upload_id}", _) => request
            .header("upload-offset", "0")
            .header("content-type", "application/offset+octet-stream")
            .body(vec![0_u8; 10]),
        (_, Some(body)) => request.json(&body),
        (_, None) => request,
    };
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

/// The JSON body the right caller would send to `route`, if it takes one.
async fn json_body(platform: &TestPlatform, objects: &Objects, route: &str) -> Option<Value> {
    match route {
        "POST /api/v1/applications" => Some(objects.sample_application.clone()),
        "POST /api/v1/applications/{application_no}/evaluation"
        | "POST /api/v1/requests/{request_no}/evaluation" => Some(json!({"level": 1})),
        "POST /api/v1/applications/{application_no}/supplements" => {
            Some(json!({"answers": {}, "note": "已经补拍"}))
        }
        "POST /api/v1/applications/{application_no}/withdraw" => Some(json!({})),
        "POST /api/v1/relatives" => Some(json!({"phone": "13800000003", "kinship": "grandchild"})),
        "POST /api/v1/relatives/{grant_id}/code" => Some(json!({"code": "123456"})),
        "POST /api/v1/me/relatives/{grant_id}/help" => Some(json!({"about": "高龄津贴申领"})),
        "POST /api/v1/requests" => Some(
            json!({"kind": "consultation", "description": "请问高龄津贴什么时候发？", "channel": "desktop"}),
        ),
        "POST /api/v1/requests/{request_no}/follow-up" => {
            Some(json!({"resolved": true, "contacted": true}))
        }
        "POST /api/v1/licences/verify" => Some(objects.licence.clone()),
        "POST /api/v1/auth/sms-code" => Some(json!({"phone": "13800000009"})),
        "POST /api/v1/auth/token" => {
            Some(json!({"grant_type": "sms_code", "phone": "13800000009", "code": "000000"}))
        }
        "POST /api/v1/auth/device/approve" | "POST /api/v1/auth/device/lookup" => {
            // A kiosk waiting at this moment, so that a refusal is not just an unknown code.
            let kiosk = token_of(platform, "k-demo-hall-1", Role::KioskDevice);
            let grant = platform
                .call("POST", "/api/v1/auth/device", Some(&kiosk), None)
                .await;
            Some(json!({"user_code": grant.body["user_code"], "approve": true}))
                .filter(|_| route.ends_with("approve"))
                .or_else(|| Some(json!({"user_code": grant.body["user_code"]})))
        }
        "POST /api/v1/auth/device/sms" => {
            // The demo kiosk's own request; the code is wrong, so nobody is logged in by it.
            let kiosk = token_of(platform, "k-demo-hall-1", Role::KioskDevice);
            let grant = platform
                .call("POST", "/api/v1/auth/device", Some(&kiosk), None)
                .await;
            Some(
                json!({"user_code": grant.body["user_code"], "phone": "13800000009", "code": "000000"}),
            )
        }
        "POST /api/v1/auth/device/card-code" => Some(
            // 李建国's card: the code goes to his phone, and nobody is logged in by it.
            json!({"id_number": valid_id_number("11010119500801013"), "name": "李建国"}),
        ),
        "POST /api/v1/auth/device/card" => {
            // The demo kiosk's own request and 李建国's card; the code is wrong.
            let kiosk = token_of(platform, "k-demo-hall-1", Role::KioskDevice);
            let grant = platform
                .call("POST", "/api/v1/auth/device", Some(&kiosk), None)
                .await;
            Some(json!({
                "user_code": grant.body["user_code"],
                "id_number": valid_id_number("11010119500801013"),
                "code": "000000",
            }))
        }
        "POST /api/v1/uploads" => Some(json!({"sha256": "b".repeat(64), "size": 10})),
        "POST /api/v1/kiosk/heartbeat" => {
            Some(json!({"version": "0.1.0", "state": "welcome", "printer": "ready", "queue": 0}))
        }
        "POST /api/v1/assisted-sessions" => {
            Some(json!({"id_number": valid_id_number("11010119500801013"), "name": "李建国"}))
        }
        "POST /api/v1/assisted-sessions/{session_id}/consent" => {
            Some(json!({"method": "sms_code", "code": "000000"}))
        }
        "POST /api/v1/assisted-sessions/{session_id}/close" => {
            Some(json!({"pending": ["7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]}))
        }
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_answers_every_caller_as_the_matrix_says() {
    let contract = Contract::committed();
    let routes = contract.routes();
    let ruled: Vec<&str> = MATRIX.iter().map(|(route, _)| *route).collect();
    let unruled: Vec<&String> = routes
        .iter()
        .filter(|r| !ruled.contains(&r.as_str()))
        .collect();
    assert!(
        unruled.is_empty(),
        "routes without a row in the matrix: {unruled:?}"
    );
    let gone: Vec<&&str> = ruled
        .iter()
        .filter(|r| !routes.iter().any(|route| route == *r))
        .collect();
    assert!(
        gone.is_empty(),
        "rows for routes the API no longer has: {gone:?}"
    );

    let mut wrong = Vec::new();
    let mut broken = Vec::new();
    for (route, expected) in MATRIX {
        // Each row on a fresh platform: a row may withdraw, close or log out what the next needs.
        let mut prepared_once = Some(prepared().await);
        let mut seen = String::new();
        for who in CALLERS {
            let (platform, objects, sessions) = match prepared_once.take() {
                Some(ready) if !FRESH_PER_CALLER.contains(route) => {
                    prepared_once = Some(ready);
                    prepared_once.as_ref().unwrap()
                }
                _ => {
                    prepared_once = Some(prepared().await);
                    prepared_once.as_ref().unwrap()
                }
            };
            let credentials = credentials(platform, who, sessions);
            let (status, body) = knock(platform, objects, route, &credentials).await;
            seen.push(gate(status));
            // Every answer, refusals included, is one the contract documents, in its shape.
            if let Err(problem) = contract.check(route, status, &body) {
                broken.push(format!("{who:?}: {problem}"));
            }
        }
        if seen != *expected {
            wrong.push(format!("(\"{route}\", \"{seen}\"), // expected {expected}"));
        }
    }
    assert!(wrong.is_empty(), "rows that differ:\n{}", wrong.join("\n"));
    assert!(
        broken.is_empty(),
        "answers the contract does not document:\n{}",
        broken.join("\n")
    );
}

#[test]
fn a_concrete_path_finds_its_route_in_the_contract() {
    let contract = Contract::committed();
    assert_eq!(
        contract
            .route_of("GET", "/api/v1/applications/11010120260302000001?x=1")
            .as_deref(),
        Some("GET /api/v1/applications/{application_no}")
    );
    assert_eq!(
        contract.route_of("post", "/api/v1/applications").as_deref(),
        Some("POST /api/v1/applications")
    );
    assert_eq!(contract.route_of("GET", "/api/v1/nothing/here"), None);
}

/// Bodies the schema refuses, made from a body it takes: each required property left out, each
/// property given a value of another type or outside its enum, range or pattern.
fn refused_by_schema(contract: &Contract, schema: &Value, body: &Value) -> Vec<(String, Value)> {
    let mut refused = Vec::new();
    let Some(properties) = schema["properties"].as_object() else {
        return refused; // a choice of shapes (oneOf): its variants are checked by serde's tag
    };
    for required in schema["required"].as_array().into_iter().flatten() {
        let name = required.as_str().unwrap();
        let mut without = body.clone();
        without.as_object_mut().unwrap().remove(name);
        refused.push((format!("without {name}"), without));
    }
    for (name, property) in properties {
        let property = contract.resolved(property);
        let types: Vec<&str> = match &property["type"] {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let other_type = if types.contains(&"string") || property["enum"].is_array() {
            json!(12345)
        } else {
            json!("不是这种值")
        };
        let mut changed = vec![(format!("{name} of another type"), other_type)];
        if property["enum"].is_array() {
            changed.push((format!("{name} outside its enum"), json!("no_such_value")));
        }
        if let Some(maximum) = property["maximum"].as_i64() {
            changed.push((format!("{name} above its maximum"), json!(maximum + 1)));
        }
        if let Some(minimum) = property["minimum"].as_i64() {
            changed.push((format!("{name} below its minimum"), json!(minimum - 1)));
        }
        if property["pattern"].is_string() {
            changed.push((format!("{name} not matching its pattern"), json!(" ")));
        }
        for (what, value) in changed {
            let mut body = body.clone();
            body[name] = value;
            refused.push((what, body));
        }
    }
    refused
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_the_schema_refuses_is_refused_and_one_it_takes_is_not_refused_for_its_shape() {
    let contract = Contract::committed();
    let (platform, objects, sessions) = prepared().await;
    let mut wrong = Vec::new();
    let mut tried = 0;
    for (route, letters) in MATRIX {
        let Some(schema) = contract.request_schema(route) else {
            continue;
        };
        // As the first caller the route lets through.
        let who = CALLERS[letters.find('P').unwrap()];
        let body = json_body(&platform, &objects, route).await.unwrap();
        if !contract.valid(&schema, &body) {
            wrong.push(format!(
                "{route}: the right body is invalid by its own schema: {body}"
            ));
        }
        for (what, refused) in refused_by_schema(&contract, &schema, &body) {
            if contract.valid(&schema, &refused) {
                wrong.push(format!("{route} {what}: the schema takes it"));
            }
            tried += 1;
            let credentials = credentials(&platform, who, &sessions);
            let (status, answer) =
                knock_with(&platform, &objects, route, &credentials, Some(refused)).await;
            if !matches!(status, 400 | 413 | 422) {
                wrong.push(format!(
                    "{route} {what}: answered {status} {}",
                    String::from_utf8_lossy(&answer)
                ));
            }
        }
    }
    assert!(tried > 70, "only {tried} refused bodies were tried");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
