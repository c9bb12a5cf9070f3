//! The page a kiosk's QR code opens on a person's phone: her phone number, the code texted to her,
//! then 在…上登录？ 是 / 否. The kiosk's poll then answers with her masked name (or refused), and the
//! login made on the page ends with her answer.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use reqwest::StatusCode;
use reqwest::header::{COOKIE, SET_COOKIE};
use serde_json::{Value, json};

const ZHANG: &str = "13800000001";

/// The kiosk's codes: what its QR code opens, and the device code it polls with.
async fn kiosk_asks(platform: &TestPlatform) -> (String, String) {
    let kiosk = platform.kiosk_token().await;
    let grant = platform
        .call("POST", "/api/v1/auth/device", Some(&kiosk), None)
        .await
        .body;
    (
        grant["verification_uri_complete"]
            .as_str()
            .unwrap()
            .to_owned(),
        grant["device_code"].as_str().unwrap().to_owned(),
    )
}

async fn poll(platform: &TestPlatform, device_code: &str) -> (StatusCode, Value) {
    let answer = platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({
                "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                "device_code": device_code,
            })),
        )
        .await;
    (answer.status, answer.body)
}

async fn page(response: reqwest::Response) -> (StatusCode, String) {
    (response.status(), response.text().await.unwrap())
}

/// Posts `form` to the page at `path` (with `cookie`, when given).
async fn post(
    platform: &TestPlatform,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> reqwest::Response {
    let mut request = platform
        .http
        .post(format!("{}{path}", platform.base))
        .form(form);
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.unwrap()
}

/// Her answer on the page after logging in with her phone: the login cookie it set.
async fn logged_in_on_the_page(platform: &TestPlatform, user_code: &str) -> String {
    let (status, html) = page(
        post(
            platform,
            "/device/code",
            &[("user_code", user_code), ("phone", ZHANG)],
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("请输入短信验证码") && html.contains("138****0001"),
        "{html}"
    );

    let wrong = post(
        platform,
        "/device/login",
        &[
            ("user_code", user_code),
            ("phone", ZHANG),
            ("code", "000000"),
        ],
        None,
    )
    .await;
    assert!(wrong.headers().get(SET_COOKIE).is_none());
    let (_, html) = page(wrong).await;
    assert!(
        html.contains("role=\"alert\"") && html.contains("验证码"),
        "{html}"
    );

    // A wrong try spends the code's tries one by one; a new code serves the right one.
    platform.clock.advance(chrono::Duration::minutes(2));
    post(
        platform,
        "/device/code",
        &[("user_code", user_code), ("phone", ZHANG)],
        None,
    )
    .await;
    let code = platform.last_code(ZHANG);
    let right = post(
        platform,
        "/device/login",
        &[("user_code", user_code), ("phone", ZHANG), ("code", &code)],
        None,
    )
    .await;
    let cookie = right
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let (_, html) = page(right).await;
    assert!(
        html.contains("东城区政务服务中心") && html.contains("上登录？"),
        "{html}"
    );
    cookie.split(';').next().unwrap().to_owned()
}

fn user_code_of(link: &str) -> String {
    link.split("user_code=").nth(1).unwrap().to_owned()
}

#[tokio::test]
async fn she_approves_a_kiosk_from_the_page_its_qr_code_opens() {
    let platform = TestPlatform::start().await;
    let (link, device_code) = kiosk_asks(&platform).await;
    assert!(
        link.starts_with(&format!("{}/device?user_code=", platform.base)),
        "the QR code opens the platform's page: {link}"
    );
    let (status, html) = page(platform.http.get(&link).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<html lang=\"zh-CN\">") && html.contains("一层大厅"),
        "{html}"
    );
    assert!(
        html.contains("<label for=\"phone\">"),
        "the field has its label: {html}"
    );

    // A phone number that is none is refused in plain words, and what she typed stays.
    let user_code = user_code_of(&link);
    let (_, html) = page(
        post(
            &platform,
            "/device/code",
            &[("user_code", &user_code), ("phone", "12345")],
            None,
        )
        .await,
    )
    .await;
    assert!(
        html.contains("手机号码不对") && html.contains("value=\"12345\""),
        "{html}"
    );

    let cookie = logged_in_on_the_page(&platform, &user_code).await;
    assert_eq!(
        poll(&platform, &device_code).await.1["code"],
        "authorization_pending"
    );
    let (_, html) = page(
        post(
            &platform,
            "/device/answer",
            &[("user_code", &user_code), ("approve", "yes")],
            Some(&cookie),
        )
        .await,
    )
    .await;
    assert!(html.contains("请回到自助机前"), "{html}");

    platform.clock.advance(chrono::Duration::seconds(10));
    let (status, login) = poll(&platform, &device_code).await;
    assert_eq!(status, StatusCode::OK, "{login}");
    assert_eq!(login["approved_by"], "张*英");

    // The page's own login ended with her answer: its cookie serves nothing more.
    let (_, html) = page(
        post(
            &platform,
            "/device/answer",
            &[("user_code", &user_code), ("approve", "yes")],
            Some(&cookie),
        )
        .await,
    )
    .await;
    assert!(html.contains("role=\"alert\""), "{html}");
    platform.clock.advance(chrono::Duration::minutes(2));
    let zhang = platform.citizen_login(ZHANG).await.access_token;
    let logins = platform
        .call("GET", "/api/v1/me/logins", Some(&zhang), None)
        .await;
    let kinds: Vec<&str> = logins
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|kind| **kind == "app").count(),
        1,
        "{}",
        logins.body
    );
}

#[tokio::test]
async fn she_refuses_a_kiosk_and_a_page_without_her_login_answers_nothing() {
    let platform = TestPlatform::start().await;
    let (link, device_code) = kiosk_asks(&platform).await;
    let user_code = user_code_of(&link);

    // Without logging in on the page, no answer counts.
    let (_, html) = page(
        post(
            &platform,
            "/device/answer",
            &[("user_code", &user_code), ("approve", "yes")],
            None,
        )
        .await,
    )
    .await;
    assert!(html.contains("role=\"alert\""), "{html}");
    assert_eq!(
        poll(&platform, &device_code).await.1["code"],
        "authorization_pending"
    );

    let cookie = logged_in_on_the_page(&platform, &user_code).await;
    let (_, html) = page(
        post(
            &platform,
            "/device/answer",
            &[("user_code", &user_code), ("approve", "no")],
            Some(&cookie),
        )
        .await,
    )
    .await;
    assert!(html.contains("已经拒绝了"), "{html}");
    platform.clock.advance(chrono::Duration::seconds(10));
    assert_eq!(
        poll(&platform, &device_code).await.1["code"],
        "access_denied"
    );

    // A code that is no kiosk's is named in plain words, the typed code kept.
    let (_, html) = page(
        platform
            .http
            .get(format!("{}/device?user_code=ZZZZZZZZ", platform.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        html.contains("8个字母") && html.contains("value=\"ZZZZZZZZ\""),
        "{html}"
    );
}

/// The page's authorization rows: its answer counts only with a citizen's login made on it; a
/// clerk's, an officer's, a manager's or a kiosk's token in its cookie answers nothing.
#[tokio::test]
async fn only_a_citizen_s_login_answers_a_kiosk_on_the_page() {
    let platform = TestPlatform::start().await;
    let (link, device_code) = kiosk_asks(&platform).await;
    let user_code = user_code_of(&link);
    let mut tokens = vec![platform.clerk_token().await, platform.kiosk_token().await];
    for (user, password) in [
        ("officer01", "huiban-officer-01"),
        ("manager01", "huiban-manager-01"),
    ] {
        let login = platform.password_login(user, password).await;
        assert_eq!(login.status, StatusCode::OK, "{}", login.body);
        tokens.push(login.body["access_token"].as_str().unwrap().to_owned());
    }
    for token in tokens {
        let cookie = format!("huiban-device-login={token}");
        let (_, html) = page(
            post(
                &platform,
                "/device/answer",
                &[("user_code", &user_code), ("approve", "yes")],
                Some(&cookie),
            )
            .await,
        )
        .await;
        assert!(html.contains("role=\"alert\""), "{html}");
    }
    platform.clock.advance(chrono::Duration::seconds(10));
    assert_eq!(
        poll(&platform, &device_code).await.1["code"],
        "authorization_pending"
    );
}
