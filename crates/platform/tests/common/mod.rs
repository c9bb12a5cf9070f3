//! A platform served over real HTTP on an ephemeral port, with a manual clock and the demo data.
#![allow(dead_code, clippy::unwrap_used)] // Shared by several test binaries; a failed unwrap is a failed test.

pub mod contract;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use huiban_api::{ErrorBody, TokenResponse};
use huiban_platform::clock::ManualClock;
use huiban_platform::keys::KeyRing;
use huiban_platform::{AppState, Store, demo_accounts, demo_data, demo_licences};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Digest as _;
use tokio::sync::oneshot;

/// An ID number with the right check character for these 17 digits.
pub fn valid_id_number(first17: &str) -> String {
    format!(
        "{first17}{}",
        huiban_api::id_number::check_character(first17).unwrap()
    )
}

/// A running platform; stops when dropped.
pub struct TestPlatform {
    pub base: String,
    pub clock: ManualClock,
    pub store: Store,
    pub http: reqwest::Client,
    pub data_dir: std::path::PathBuf,
    stop: Option<oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for TestPlatform {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// An answer: status, headers and JSON body (Null when empty).
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The body as an application (a case), panicking with the body when it is not one.
    pub fn case(&self) -> huiban_api::Application {
        serde_json::from_value(self.body.clone()).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The body as the platform's error, checking its shape.
    pub fn error(&self) -> ErrorBody {
        let error: ErrorBody = serde_json::from_value(self.body.clone())
            .unwrap_or_else(|e| panic!("not an error body ({e}): {}", self.body));
        assert!(!error.message.is_empty() && !error.message_en.is_empty());
        error
    }

    /// Asserts the status and error code, returning the error.
    pub fn expect_error(&self, status: u16, code: &str) -> ErrorBody {
        assert_eq!(self.status.as_u16(), status, "{}", self.body);
        let error = self.error();
        assert_eq!(error.code, code, "{}", self.body);
        error
    }
}

impl TestPlatform {
    /// Starts a platform with the demo catalog and accounts, its clock at 2026-03-02 09:00 Beijing time.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap());
        demo_data::seed(&store).unwrap();
        demo_accounts::seed(&store, 0).unwrap();
        let keys =
            KeyRing::load_or_create(dir.path(), &store.catalog_departments().unwrap()).unwrap();
        let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
            .await
            .unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = AppState::new(store.clone())
            .keeping_sms_codes()
            .with_clock(Arc::new(clock.clone()))
            .with_keys(keys)
            .with_public_url(&base);
        demo_licences::seed(&state).unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(huiban_platform::serve(listener, state, async {
            let _ = stopped.await;
        }));
        Self {
            base,
            clock,
            store,
            http: reqwest::Client::new(),
            data_dir: dir.path().to_path_buf(),
            stop: Some(stop),
            _dir: dir,
        }
    }

    /// State sharing this platform's store and clock, as the officer CLI would have.
    pub fn state(&self) -> AppState {
        let keys =
            KeyRing::load_or_create(&self.data_dir, &self.store.catalog_departments().unwrap())
                .unwrap();
        AppState::new(self.store.clone())
            .keeping_sms_codes()
            .with_clock(Arc::new(self.clock.clone()))
            .with_keys(keys)
    }

    /// Serves `state` on another ephemeral port (e.g. with faults); returns its base URL.
    pub async fn serve_also(&self, state: AppState) -> String {
        let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
            .await
            .unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(huiban_platform::serve(
            listener,
            state,
            std::future::pending(),
        ));
        base
    }

    /// A complete, valid submission body for the first catalog item whose name contains `name_part`,
    /// answered as 张秀英 would (naming the photo every demo citizen uploaded).
    pub async fn application_for(&self, name_part: &str) -> Value {
        let page = self.call("GET", "/api/v1/catalog/items", None, None).await;
        let item = page.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|item| item["name"].as_str().unwrap().contains(name_part))
            .unwrap_or_else(|| panic!("no item {name_part}"))
            .clone();
        let mut body = serde_json::to_value(
            huiban_demo::sample_application(item["name"].as_str().unwrap(), "11010119440315102")
                .unwrap(),
        )
        .unwrap();
        body["channel"] = json!("3");
        assert_eq!(body["impl_code"], item["impl_code"]);
        body
    }

    /// Submits an application under a fresh Idempotency-Key; its 办件编号.
    pub async fn submitted(&self, token: &str, body: &Value) -> String {
        self.submitted_under(token, &uuid::Uuid::new_v4().to_string(), body)
            .await
    }

    /// Submits an application under Idempotency-Key `key`; its 办件编号.
    pub async fn submitted_under(&self, token: &str, key: &str, body: &Value) -> String {
        let answer = self.submit(token, key, body).await;
        assert_eq!(answer.status.as_u16(), 201, "{}", answer.body);
        answer.body["application_no"].as_str().unwrap().to_owned()
    }

    /// Posts an application with an Idempotency-Key.
    pub async fn submit(&self, token: &str, key: &str, body: &Value) -> Answer {
        self.post_with_key("/api/v1/applications", token, key, body)
            .await
    }

    /// Posts `body` to `path` with an Idempotency-Key.
    pub async fn post_with_key(&self, path: &str, token: &str, key: &str, body: &Value) -> Answer {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.unwrap();
        contract::CONTRACT.assert_answer("POST", path, status.as_u16(), &bytes);
        let body = serde_json::from_slice(&bytes).unwrap();
        Answer {
            status,
            headers,
            body,
        }
    }

    /// Sends a request with an optional bearer token and JSON body.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let verb = method;
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.answer(request, Some((verb, path))).await
    }

    /// Sends `request` and reads its answer; when `route` (method and path) is given, the answer
    /// is checked against the committed OpenAPI document.
    async fn answer(
        &self,
        request: reqwest::RequestBuilder,
        route: Option<(&str, &str)>,
    ) -> Answer {
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.unwrap();
        // Every answer a test sees through `call` is one the committed OpenAPI document describes.
        if let Some((verb, path)) = route {
            contract::CONTRACT.assert_answer(verb, path, status.as_u16(), &bytes);
        }
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&bytes)))
        };
        Answer {
            status,
            headers,
            body,
        }
    }

    /// A session the staff member with `staff` (a token) opened for 张秀英, open with the code she
    /// was texted; its id.
    pub async fn session_for_zhang(&self, staff: &str) -> String {
        self.opened_for_zhang(staff).await.0
    }

    /// A session the staff member with `staff` opened for 张秀英: its id and its delivery key.
    pub async fn opened_for_zhang(&self, staff: &str) -> (String, String) {
        let opened = self
            .call(
                "POST",
                "/api/v1/assisted-sessions",
                Some(staff),
                Some(json!({"id_number": valid_id_number("11010119440315102"), "name": "张秀英"})),
            )
            .await;
        let id = opened.body["session_id"].as_str().unwrap().to_owned();
        let delivery_key = opened.body["delivery_key"].as_str().unwrap().to_owned();
        let code = self.last_code("13800000001");
        let consented = self
            .call(
                "POST",
                &format!("/api/v1/assisted-sessions/{id}/consent"),
                Some(staff),
                Some(json!({"method": "sms_code", "code": code})),
            )
            .await;
        assert_eq!(consented.body["status"], "open", "{}", consented.body);
        assert!(
            consented.body.get("delivery_key").is_none(),
            "the key is given once"
        );
        (id, delivery_key)
    }

    /// A request with a staff token and an assisted-session header.
    pub async fn acting(
        &self,
        method: &str,
        path: &str,
        token: &str,
        session: &str,
        body: Option<serde_json::Value>,
    ) -> Answer {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token)
            .header("assisted-session", session)
            .header("Idempotency-Key", "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c");
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.answer(request, None).await
    }

    /// A request of a relative acting for the person who granted him (a `relative-grant` header,
    /// a fresh Idempotency-Key); the answer is checked against the committed OpenAPI document.
    pub async fn as_relative(
        &self,
        method: &str,
        path: &str,
        token: &str,
        grant: &str,
        body: Option<serde_json::Value>,
    ) -> Answer {
        let verb = method;
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token)
            .header("relative-grant", grant)
            .header("Idempotency-Key", uuid::Uuid::new_v4().to_string());
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.answer(request, Some((verb, path))).await
    }

    /// The times someone acted for the citizen with `token`, as she sees them.
    pub async fn acted_for_me(&self, token: &str) -> Vec<huiban_api::ActedForMe> {
        let seen = self
            .call("GET", "/api/v1/me/acted-for-me", Some(token), None)
            .await;
        serde_json::from_value(seen.body).unwrap()
    }

    /// Uploads a small PNG unique to `seed` (a drawn signature) as `token`; returns its SHA-256.
    pub async fn upload_png(&self, token: &str, seed: &str) -> String {
        let mut bytes =
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
                .to_vec();
        bytes.extend_from_slice(seed.as_bytes());
        let sha256 = hex::encode(sha2::Sha256::digest(&bytes));
        let answer = self
            .http
            .post(format!("{}/api/v1/attachments", self.base))
            .bearer_auth(token)
            .header("content-type", "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .unwrap();
        assert!(answer.status().is_success(), "{}", answer.status());
        sha256
    }

    /// The newest login code the SMS sink holds for `phone`.
    pub fn last_code(&self, phone: &str) -> String {
        let text = self
            .store
            .sent_sms()
            .unwrap()
            .into_iter()
            .rev()
            .find(|sms| sms.phone == phone)
            .expect("a message was sent")
            .text;
        text.chars().filter(char::is_ascii_digit).take(6).collect()
    }

    /// Logs a citizen in by SMS code.
    pub async fn citizen_login(&self, phone: &str) -> TokenResponse {
        let sent = self
            .call(
                "POST",
                "/api/v1/auth/sms-code",
                None,
                Some(json!({ "phone": phone })),
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
        let code = self.last_code(phone);
        let answer = self
            .call(
                "POST",
                "/api/v1/auth/token",
                None,
                Some(json!({ "grant_type": "sms_code", "phone": phone, "code": code })),
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        serde_json::from_value(answer.body).unwrap()
    }

    /// Logs in with a username and password.
    pub async fn password_login(&self, username: &str, password: &str) -> Answer {
        self.call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({ "grant_type": "password", "username": username, "password": password })),
        )
        .await
    }

    /// The demo kiosk's own device login: its access token.
    pub async fn kiosk_token(&self) -> String {
        self.password_login("kiosk01", "huiban-kiosk-01").await.body["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// 张秀英 logged in on the demo kiosk (she approved its code from her own app): its access token.
    pub async fn zhang_on_the_kiosk(&self) -> String {
        self.zhang_s_kiosk_login().await.access_token
    }

    /// 张秀英's login on the demo kiosk, as the kiosk's poll answered it.
    pub async fn zhang_s_kiosk_login(&self) -> TokenResponse {
        let kiosk = self.kiosk_token().await;
        let grant = self
            .call("POST", "/api/v1/auth/device", Some(&kiosk), None)
            .await
            .body;
        let zhang = self.citizen_login("13800000001").await.access_token;
        let approved = self
            .call(
                "POST",
                "/api/v1/auth/device/approve",
                Some(&zhang),
                Some(json!({"user_code": grant["user_code"], "approve": true})),
            )
            .await;
        assert_eq!(approved.status, StatusCode::NO_CONTENT, "{}", approved.body);
        let polled = self
            .call(
                "POST",
                "/api/v1/auth/token",
                None,
                Some(json!({
                    "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                    "device_code": grant["device_code"],
                })),
            )
            .await;
        assert_eq!(polled.status, StatusCode::OK, "{}", polled.body);
        serde_json::from_value(polled.body).unwrap()
    }

    /// Posts `body` to `path` with an Idempotency-Key and the kiosk grant `grant`.
    pub async fn post_granted(
        &self,
        path: &str,
        (token, grant): (&str, &str),
        key: &str,
        body: &Value,
    ) -> Answer {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .header(huiban_api::kiosk::KIOSK_GRANT_HEADER, grant)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        Answer {
            status,
            headers,
            body,
        }
    }

    /// 赵敏's (the demo clerk staff01) access token, logged in with her password.
    pub async fn clerk_token(&self) -> String {
        self.password_login("staff01", "huiban-staff-01").await.body["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// An access token of 钱进, a second clerk of the same centre (made for the test).
    pub fn second_clerk_token(&self) -> String {
        self.staff_token_made("s-test-qian", "钱进", "东城区政务服务中心")
    }

    /// An access token of a clerk `name` of `centre`, made for the test as `account_id`.
    pub fn staff_token_made(&self, account_id: &str, name: &str, centre: &str) -> String {
        self.store
            .create_account(
                &huiban_platform::store::NewAccount {
                    account_id: account_id.to_owned(),
                    role: huiban_api::Role::Staff,
                    phone: None,
                    username: Some(format!("user-{account_id}")),
                    password_hash: None,
                    name: Some(name.to_owned()),
                    id_number: None,
                    department: Some(centre.to_owned()),
                },
                0,
            )
            .unwrap();
        huiban_platform::auth::issue(&self.state(), account_id, huiban_api::Role::Staff)
            .unwrap()
            .access_token
    }
}
