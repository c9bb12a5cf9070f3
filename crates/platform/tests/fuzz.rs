//! Fuzzing the platform's JSON bodies on stable Rust with proptest: arbitrary JSON, and valid bodies
//! with one part replaced by arbitrary JSON, sent to every route that takes a body, through the real
//! router and a real SQLite file. Nothing may panic or answer 5xx, and every refusal is the
//! platform's JSON error. CI runs the default number of cases (seconds); run longer by hand with
//! `PROPTEST_CASES=20000 cargo test -p huiban-platform --test fuzz`.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use std::sync::LazyLock;

use axum::body::Body;
use axum::http::{Request, header};
use huiban_api::{ErrorBody, Role};
use huiban_platform::{AppState, Store, demo_accounts, demo_data};
use proptest::prelude::*;
use serde_json::{Value, json};
use tower::ServiceExt;

/// Routes that take a JSON body, with a path naming an object of the citizen where they need one.
const ROUTES: &[&str] = &[
    "/api/v1/applications",
    "/api/v1/applications/11010120260302000001/evaluation",
    "/api/v1/applications/11010120260302000001/supplements",
    "/api/v1/applications/11010120260302000001/withdraw",
    "/api/v1/requests",
    "/api/v1/requests/SQ20260302000001/evaluation",
    "/api/v1/requests/SQ20260302000001/follow-up",
    "/api/v1/uploads",
    "/api/v1/auth/sms-code",
    "/api/v1/auth/token",
    "/api/v1/auth/device/approve",
    "/api/v1/licences/verify",
    "/api/v1/assisted-sessions",
];

/// One platform for all cases: its data dir, state and a citizen's and a staff member's tokens.
struct Fixture {
    _dir: tempfile::TempDir,
    state: AppState,
    runtime: tokio::runtime::Runtime,
    citizen: String,
    staff: String,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    demo_data::seed(&store).unwrap();
    demo_accounts::seed(&store, 0).unwrap();
    let state = AppState::new(store);
    let token = |account: &str, role| {
        huiban_platform::auth::issue(&state, account, role)
            .unwrap()
            .access_token
    };
    let citizen = token("c-demo-zhang", Role::Citizen);
    let staff = token("s-demo-zhao", Role::Staff);
    Fixture {
        _dir: dir,
        runtime: tokio::runtime::Runtime::new().unwrap(),
        citizen,
        staff,
        state,
    }
});

/// Any JSON value, nested a few levels, with strings that look like what the platform reads.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        "[0-9a-f]{64}".prop_map(Value::String),
        "1[3-9][0-9]{9}".prop_map(Value::String),
        prop::sample::select(vec![
            "sms_code",
            "help",
            "desktop",
            "3",
            "signature",
            "password"
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "answers",
                    "note",
                    "level",
                    "reason",
                    "kind",
                    "description",
                    "channel",
                    "photos",
                    "sha256",
                    "size",
                    "phone",
                    "code",
                    "grant_type",
                    "user_code",
                    "approve",
                    "id_number",
                    "name",
                    "impl_code",
                    "form_id",
                    "form_version",
                    "resolved",
                    "contacted",
                    "signature",
                    "x",
                ])
                .prop_map(str::to_owned),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid body for each route, to mutate.
fn valid_bodies() -> Vec<Value> {
    let application = serde_json::to_value(
        huiban_demo::sample_application("高龄津贴", "11010119440315102").unwrap(),
    )
    .unwrap();
    vec![
        application,
        json!({"level": 1}),
        json!({"answers": {}, "note": "补"}),
        json!({"reason": "不办了"}),
        json!({"kind": "help", "description": "路灯坏了", "channel": "desktop"}),
        json!({"level": 4, "reason": "太慢"}),
        json!({"resolved": true, "contacted": false}),
        json!({"sha256": "a".repeat(64), "size": 10}),
        json!({"phone": "13800000009"}),
        json!({"grant_type": "sms_code", "phone": "13800000009", "code": "123456"}),
        json!({"user_code": "ABCD-EFGH", "approve": true}),
        json!({"licence_no": "x"}),
        json!({"id_number": "110101194403151029", "name": "张秀英"}),
    ]
}

/// `value` with the part at `path` (indices into objects' keys and arrays) replaced by `part`.
fn replace_at(value: &mut Value, path: &[usize], part: Value) {
    let Some((first, rest)) = path.split_first() else {
        *value = part;
        return;
    };
    let child = match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(first % map.len()).unwrap().clone();
            map.get_mut(&key)
        }
        Value::Array(items) if !items.is_empty() => {
            let index = first % items.len();
            items.get_mut(index)
        }
        _ => None,
    };
    match child {
        Some(child) => replace_at(child, rest, part),
        None => *value = part,
    }
}

/// Sends `body` to `path` as `token` (staff for sessions) and checks the answer.
fn send_and_check(path: &str, body: Vec<u8>) -> Result<(), TestCaseError> {
    let fixture = &*FIXTURE;
    let token = if path.starts_with("/api/v1/assisted-sessions") {
        &fixture.staff
    } else {
        &fixture.citizen
    };
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .body(Body::from(body))
        .unwrap();
    let router = huiban_platform::http::router(fixture.state.clone());
    let (status, bytes) = fixture.runtime.block_on(async move {
        let response = router.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, bytes)
    });
    prop_assert!(
        !status.is_server_error(),
        "{path} answered {status}: {}",
        String::from_utf8_lossy(&bytes)
    );
    if status.is_client_error() {
        let error: Result<ErrorBody, _> = serde_json::from_slice(&bytes);
        prop_assert!(
            error.is_ok(),
            "{path} refused with {status} but not the platform's error: {}",
            String::from_utf8_lossy(&bytes)
        );
    }
    Ok(())
}

/// Cases per property: few in CI, as many as `PROPTEST_CASES` says by hand.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(96);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn no_json_body_makes_a_route_panic_or_fail(route in 0..ROUTES.len(), body in any_json()) {
        send_and_check(ROUTES[route], serde_json::to_vec(&body).unwrap())?;
    }

    #[test]
    fn no_valid_body_with_one_part_replaced_makes_a_route_panic_or_fail(
        route in 0..ROUTES.len(),
        path in prop::collection::vec(any::<usize>(), 0..4),
        part in any_json(),
    ) {
        let mut body = valid_bodies()[route].clone();
        replace_at(&mut body, &path, part);
        send_and_check(ROUTES[route], serde_json::to_vec(&body).unwrap())?;
    }

    #[test]
    fn no_bytes_make_a_route_panic_or_fail(
        route in 0..ROUTES.len(),
        bytes in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        send_and_check(ROUTES[route], bytes)?;
    }
}
