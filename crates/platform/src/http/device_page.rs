//! The page a kiosk's QR code opens on a person's phone (`/device`, RFC 8628's verification URI):
//! she logs in with her phone number and the code texted to her, then answers
//! 在 东城区政务服务中心 一层大厅1号自助机 上登录？ 是 / 否. One question a page, plain HTML forms (no
//! script), large type. Between the code and the answer her login is held in a cookie for this
//! page only; it ends once she has answered, so the phone keeps no login of hers.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use cookie::{Cookie, SameSite};
use huiban_api::{DeviceRequest, Role, TokenRequest};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;

use super::blocking::blocking;
use super::error::ApiError;
use crate::auth::{self, DEVICE_PAGE};
use crate::state::AppState;
use crate::store::mask_phone;

/// The cookie holding her login between the code and her answer.
const LOGIN_COOKIE: &str = "huiban-device-login";

/// The page's routes, to merge into the platform's router.
pub fn routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route(DEVICE_PAGE, get(start))
        .route("/device/code", post(send_code))
        .route("/device/login", post(log_in))
        .route("/device/answer", post(answer))
}

/// `?user_code=` as the QR code fills it in.
#[derive(Debug, Deserialize)]
pub struct Start {
    user_code: Option<String>,
}

/// Her phone number, for the code.
#[derive(Debug, Deserialize)]
pub struct PhoneForm {
    user_code: String,
    phone: String,
}

/// The code texted to her.
#[derive(Debug, Deserialize)]
pub struct CodeForm {
    user_code: String,
    phone: String,
    code: String,
}

/// 是 or 否.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    user_code: String,
    approve: String,
}

/// Which kiosk shows `user_code`, or the plain words why none does.
async fn kiosk_of(state: &AppState, user_code: &str) -> Result<DeviceRequest, String> {
    let (state, code) = (state.clone(), user_code.to_owned());
    blocking(move || auth::device_asking(&state, &code))
        .await
        .map_err(|error| error.message().to_owned())
}

async fn start(State(state): State<AppState>, Query(query): Query<Start>) -> Markup {
    let Some(user_code) = query.user_code.filter(|code| !code.trim().is_empty()) else {
        return code_page(None, "");
    };
    match kiosk_of(&state, &user_code).await {
        Ok(kiosk) => phone_page(&user_code, &kiosk, None, ""),
        Err(problem) => code_page(Some(&problem), &user_code),
    }
}

async fn send_code(State(state): State<AppState>, Form(form): Form<PhoneForm>) -> Markup {
    let kiosk = match kiosk_of(&state, &form.user_code).await {
        Ok(kiosk) => kiosk,
        Err(problem) => return code_page(Some(&problem), &form.user_code),
    };
    let phone: String = form.phone.chars().filter(char::is_ascii_digit).collect();
    let sent = {
        let (state, phone) = (state.clone(), phone.clone());
        blocking(move || auth::send_login_code(&state, &phone)).await
    };
    match sent {
        Ok(_) => sms_page(&form.user_code, &phone, None),
        Err(error) => phone_page(&form.user_code, &kiosk, Some(error.message()), &form.phone),
    }
}

async fn log_in(State(state): State<AppState>, Form(form): Form<CodeForm>) -> Response {
    let kiosk = match kiosk_of(&state, &form.user_code).await {
        Ok(kiosk) => kiosk,
        Err(problem) => return code_page(Some(&problem), &form.user_code).into_response(),
    };
    let request = TokenRequest::SmsCode {
        phone: form.phone.clone(),
        code: form.code.chars().filter(char::is_ascii_digit).collect(),
    };
    let granted = {
        let state = state.clone();
        blocking(move || auth::grant(&state, &request)).await
    };
    match granted {
        Ok(login) => {
            let cookie = Cookie::build((LOGIN_COOKIE, login.access_token))
                .path("/device")
                .http_only(true)
                .same_site(SameSite::Strict)
                .max_age(cookie::time::Duration::minutes(10))
                .build();
            (
                [(SET_COOKIE, cookie.to_string())],
                question_page(&form.user_code, &kiosk, None),
            )
                .into_response()
        }
        Err(error) => sms_page(&form.user_code, &form.phone, Some(error.message())).into_response(),
    }
}

async fn answer(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<AnswerForm>,
) -> Response {
    let token = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .flatten()
        .find(|cookie| cookie.name() == LOGIN_COOKIE)
        .map(|cookie| cookie.value().to_owned());
    let approve = form.approve == "yes";
    let answered = {
        let (state, user_code) = (state.clone(), form.user_code.clone());
        blocking(move || -> Result<(), ApiError> {
            let owner = auth::authenticate(&state, token.as_deref().unwrap_or(""))?;
            if owner.role != Role::Citizen {
                return Err(auth::AuthError::Unauthorized.into());
            }
            let answered = auth::answer_device(&state, &owner.account_id, &user_code, approve);
            // The login made on this page served this answer only.
            let now_ms = state.clock.now().timestamp_millis();
            state.store.revoke_token_family(&owner.family_id, now_ms)?;
            Ok(answered?)
        })
        .await
    };
    let gone = Cookie::build((LOGIN_COOKIE, ""))
        .path("/device")
        .max_age(cookie::time::Duration::ZERO)
        .build();
    let page = match answered {
        Ok(()) => done_page(approve),
        Err(error) => code_page(Some(error.message()), &form.user_code),
    };
    ([(SET_COOKIE, gone.to_string())], page).into_response()
}

/// The page frame: large type, high contrast, one question.
fn frame(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · 惠办" }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                header { "惠办 · 自助机登录" }
                main { (body) }
            }
        }
    }
}

const STYLE: &str = "body{margin:0;font-family:'Noto Sans CJK SC','PingFang SC',sans-serif;\
font-size:24px;line-height:1.5;color:#1a1a1a;background:#fff}header{background:#8f1d17;color:#fff;\
padding:12px 16px;font-weight:700}main{padding:16px;max-width:40em}h1{font-size:32px;margin:16px 0}\
label{display:block;font-weight:700;margin:16px 0 8px}input{font-size:28px;width:100%;\
box-sizing:border-box;min-height:60px;padding:8px;border:2px solid #595959;border-radius:8px}\
button{font-size:26px;min-height:60px;width:100%;margin:16px 0 0;border-radius:8px;\
border:2px solid #0b3d91;background:#0b3d91;color:#fff;font-weight:700}\
button.secondary{background:#fff;color:#0b3d91}.problem{border-left:8px solid #8f1d17;\
padding:8px 16px;color:#8f1d17;font-weight:700}.kiosk{font-weight:700}\
:focus-visible{outline:4px solid #000;outline-offset:2px}";

/// The problem above a field, named by it.
fn problem_box(problem: Option<&str>) -> Markup {
    html! {
        @if let Some(problem) = problem {
            p class="problem" id="problem" role="alert" { (problem) }
        }
    }
}

fn code_page(problem: Option<&str>, typed: &str) -> Markup {
    frame(
        "自助机上的号码",
        html! {
            h1 { "自助机屏幕上的号码是多少？" }
            p { "自助机屏幕上有8个英文字母，例如 BCDF-GHJK。" }
            (problem_box(problem))
            form method="get" action=(DEVICE_PAGE) {
                label for="user_code" { "自助机上的号码" }
                input id="user_code" name="user_code" value=(typed) autocomplete="off"
                    autocapitalize="characters" aria-invalid=[problem.map(|_| "true")]
                    aria-describedby=[problem.map(|_| "problem")];
                button type="submit" { "下一步" }
            }
        },
    )
}

fn kiosk_words(kiosk: &DeviceRequest) -> Markup {
    html! { span class="kiosk" { (kiosk.place) " " (kiosk.kiosk_name) } }
}

fn phone_page(
    user_code: &str,
    kiosk: &DeviceRequest,
    problem: Option<&str>,
    typed: &str,
) -> Markup {
    frame(
        "您的手机号",
        html! {
            h1 { "请先用手机号登录" }
            p { (kiosk_words(kiosk)) " 想用您的身份登录。先确认是您本人。" }
            (problem_box(problem))
            form method="post" action="/device/code" {
                input type="hidden" name="user_code" value=(user_code);
                label for="phone" { "您的手机号" }
                input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel"
                    value=(typed) aria-invalid=[problem.map(|_| "true")]
                    aria-describedby=[problem.map(|_| "problem")];
                button type="submit" { "发送验证码" }
            }
        },
    )
}

fn sms_page(user_code: &str, phone: &str, problem: Option<&str>) -> Markup {
    frame(
        "短信验证码",
        html! {
            h1 { "请输入短信验证码" }
            p { "验证码已经发到 " (mask_phone(phone)) "，是6位数字。" }
            (problem_box(problem))
            form method="post" action="/device/login" {
                input type="hidden" name="user_code" value=(user_code);
                input type="hidden" name="phone" value=(phone);
                label for="code" { "短信验证码" }
                input id="code" name="code" inputmode="numeric" autocomplete="one-time-code"
                    aria-invalid=[problem.map(|_| "true")]
                    aria-describedby=[problem.map(|_| "problem")];
                button type="submit" { "登录" }
            }
        },
    )
}

fn question_page(user_code: &str, kiosk: &DeviceRequest, problem: Option<&str>) -> Markup {
    frame(
        "在自助机上登录？",
        html! {
            h1 { "在 " (kiosk_words(kiosk)) " 上登录？" }
            p { "同意后，自助机上会显示您的名字（中间的字会隐藏），请您在自助机上再确认一次。\
                 用完请在自助机上按“我办完了”；15分钟后它也会自己退出。" }
            (problem_box(problem))
            form method="post" action="/device/answer" {
                input type="hidden" name="user_code" value=(user_code);
                button type="submit" name="approve" value="yes" { "是，登录" }
                button class="secondary" type="submit" name="approve" value="no" { "否，不登录" }
            }
        },
    )
}

fn done_page(approved: bool) -> Markup {
    let (title, words) = if approved {
        (
            "好了，请回到自助机前继续",
            "自助机上会显示您的名字，请按“是我本人”。这个网页可以关掉了。",
        )
    } else {
        (
            "已经拒绝了",
            "这台自助机不会用您的身份登录。这个网页可以关掉了。",
        )
    };
    frame(
        title,
        html! {
            h1 { (title) }
            p { (words) }
        },
    )
}
