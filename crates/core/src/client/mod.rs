//! HTTP client for the government-services platform API.

mod assisted;
mod call_backs;
mod figures;
mod kiosk;
mod kiosk_calls;
mod on_behalf;
mod pages;
mod relatives;

pub use relatives::GrantAnswer;
mod service_centres;
mod uploads;

use std::time::Duration;

use huiban_api::{
    API_PREFIX, Account, Application, CatalogItem, CatalogPage, DepartmentKey, DeviceApproval,
    DeviceLookup, DeviceRequest, ErrorBody, EvaluationRequest, FollowUp, FormDefinition, Health,
    Licence, LoginSummary, MessagePage, NewApplication, NewRequest, ServiceRequest, SmsCodeRequest,
    SmsCodeSent, SupplementRequest, TokenRequest, TokenResponse, WithdrawRequest,
};
use reqwest::{StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// How long to wait for a connection before calling the platform unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one request may take in all.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// Most pages of one list followed before the platform is taken to be going round in circles.
const MAX_PAGES: usize = 1000;

/// What can go wrong talking to the platform.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The platform could not be reached (network down, server stopped, timeout).
    #[error("platform unreachable: {0}")]
    Unreachable(#[source] reqwest::Error),
    /// The platform answered with an error body.
    #[error("platform answered {status}: {}", body.message_en)]
    Platform {
        /// HTTP status of the answer.
        status: StatusCode,
        /// The platform's error body.
        body: ErrorBody,
        /// Seconds the platform asked to wait (`Retry-After`), when it did.
        retry_after: Option<u64>,
    },
    /// The platform's answer was not what the contract says.
    #[error("platform answer is malformed: {0}")]
    Malformed(String),
    /// The HTTP client could not be built.
    #[error("cannot build the HTTP client: {0}")]
    Setup(#[source] reqwest::Error),
}

impl ClientError {
    /// The Fluent message id that explains this error to the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Unreachable(_) => "error-platform-unreachable",
            Self::Platform { .. } => "error-platform-answered",
            Self::Malformed(_) => "error-platform-malformed",
            Self::Setup(_) => "error-unknown",
        }
    }

    /// Whether the platform answered with `status`.
    pub fn answered(&self, status: StatusCode) -> bool {
        matches!(self, Self::Platform { status: got, .. } if *got == status)
    }
}

/// A client of one platform, cheap to clone.
#[derive(Debug, Clone)]
pub struct PlatformClient {
    http: reqwest::Client,
    base: Url,
    /// The assisted session a clerk acts in: sent in the `assisted-session` header of every request
    /// made with a token, so the platform answers about the resident she acts for.
    assisted_session: Option<String>,
    /// The delivery key of that session (or of the session being closed), when this computer
    /// sends what was confirmed in it: sent in the `assisted-delivery` header.
    delivery_key: Option<DeliveryKey>,
    /// The grant of the one submission a kiosk files for a visitor after her visit: sent in the
    /// `kiosk-grant` header.
    kiosk_grant: Option<DeliveryKey>,
    /// The SHA-256 of the file that grant was made for, when it is a file's: sent in the
    /// `kiosk-grant-file` header.
    kiosk_grant_file: Option<String>,
    /// The relative grant a citizen acts in for the person who agreed to it (亲友代办): sent in
    /// the `relative-grant` header.
    relative_grant: Option<String>,
}

/// A session's delivery key, or a kiosk's grant; never written to a log.
#[derive(Clone)]
struct DeliveryKey(String);

impl std::fmt::Debug for DeliveryKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("DeliveryKey(..)")
    }
}

impl PlatformClient {
    /// A client of the platform at `base` (e.g. `http://127.0.0.1:8470`).
    pub fn new(base: Url) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("huiban/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(ClientError::Setup)?;
        Ok(Self {
            http,
            base,
            assisted_session: None,
            delivery_key: None,
            kiosk_grant: None,
            kiosk_grant_file: None,
            relative_grant: None,
        })
    }

    /// The platform's base address.
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// Asks the platform whether it is up.
    pub async fn health(&self) -> Result<Health, ClientError> {
        self.get_json("/healthz").await
    }

    /// Fetches the whole service catalog.
    pub async fn catalog_items(&self) -> Result<Vec<CatalogItem>, ClientError> {
        let page: CatalogPage = self
            .get_json(&format!("{API_PREFIX}/catalog/items"))
            .await?;
        Ok(page.items)
    }

    /// Fetches the catalog unless it still has the ETag `known` (then `None`).
    pub async fn catalog_if_changed(
        &self,
        known: Option<&str>,
    ) -> Result<Option<(CatalogPage, Option<String>)>, ClientError> {
        let url = self
            .base
            .join(&format!("{API_PREFIX}/catalog/items"))
            .map_err(|error| ClientError::Malformed(error.to_string()))?;
        let mut request = self.http.get(url);
        if let Some(etag) = known {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        let response = request.send().await.map_err(ClientError::Unreachable)?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let etag = response
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Some((decode_answer(response).await?, etag)))
    }

    /// Asks the platform to text a login code to `phone`.
    pub async fn request_sms_code(&self, phone: &str) -> Result<SmsCodeSent, ClientError> {
        let body = SmsCodeRequest {
            phone: phone.to_owned(),
        };
        let path = format!("{API_PREFIX}/auth/sms-code");
        self.send_json(reqwest::Method::POST, &path, None, None, Some(&body))
            .await
    }

    /// Exchanges a grant (SMS code, refresh token, …) for tokens.
    pub async fn token(&self, request: &TokenRequest) -> Result<TokenResponse, ClientError> {
        let path = format!("{API_PREFIX}/auth/token");
        self.send_json(reqwest::Method::POST, &path, None, None, Some(request))
            .await
    }

    /// Ends the login the access token belongs to (its refresh tokens too).
    pub async fn log_out(&self, access_token: &str) -> Result<(), ClientError> {
        self.post_without_body(&format!("{API_PREFIX}/auth/logout"), access_token)
            .await
    }

    /// Tells the platform the person has read a message.
    pub async fn mark_message_read(
        &self,
        access_token: &str,
        message_id: i64,
    ) -> Result<(), ClientError> {
        self.post_without_body(
            &format!("{API_PREFIX}/messages/{message_id}/read"),
            access_token,
        )
        .await
    }

    /// A POST of `body` as JSON with the caller's token, decoding the JSON answer.
    async fn post_as<B: Serialize, T: DeserializeOwned>(
        &self,
        access_token: &str,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        self.post(access_token, None, path, body).await
    }

    /// A POST of `body` as the caller under `idempotency_key`, decoding the answer.
    async fn post_once<B: Serialize, T: DeserializeOwned>(
        &self,
        access_token: &str,
        idempotency_key: &str,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        self.post(access_token, Some(idempotency_key), path, body)
            .await
    }

    /// A POST of `body` as the caller, under `idempotency_key` when given, decoding the answer.
    async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        access_token: &str,
        idempotency_key: Option<&str>,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        self.send_json(
            reqwest::Method::POST,
            path,
            Some(access_token),
            idempotency_key,
            Some(body),
        )
        .await
    }

    /// A POST of `body` as the caller whose success answer has no body (204).
    async fn post_answered_empty<B: Serialize>(
        &self,
        access_token: &str,
        path: &str,
        body: &B,
    ) -> Result<(), ClientError> {
        let request = self
            .as_caller(self.http.post(self.url(path)?), access_token)
            .json(body);
        answered_empty(request).await
    }

    /// A GET as the caller, decoding the JSON answer.
    async fn get_as<T: DeserializeOwned>(
        &self,
        access_token: &str,
        path: &str,
    ) -> Result<T, ClientError> {
        self.send_json::<T, ()>(reqwest::Method::GET, path, Some(access_token), None, None)
            .await
    }

    /// A POST with no body as the caller, decoding the JSON answer.
    async fn post_for<T: DeserializeOwned>(
        &self,
        access_token: &str,
        path: &str,
    ) -> Result<T, ClientError> {
        self.send_json::<T, ()>(reqwest::Method::POST, path, Some(access_token), None, None)
            .await
    }

    /// A POST with no body whose success answer has none either (204).
    async fn post_without_body(&self, path: &str, access_token: &str) -> Result<(), ClientError> {
        answered_empty(self.as_caller(self.http.post(self.url(path)?), access_token)).await
    }

    /// Submits an application under `idempotency_key`; a replay answers with the same case.
    pub async fn submit_application(
        &self,
        access_token: &str,
        idempotency_key: &str,
        application: &NewApplication,
    ) -> Result<Application, ClientError> {
        let path = format!("{API_PREFIX}/applications");
        self.send_json(
            reqwest::Method::POST,
            &path,
            Some(access_token),
            Some(idempotency_key),
            Some(application),
        )
        .await
    }

    /// 好差评 of a finished case under `idempotency_key` (sent again, it is given once); answers
    /// with the case as it now stands.
    pub async fn evaluate(
        &self,
        access_token: &str,
        idempotency_key: &str,
        application_no: &str,
        evaluation: &EvaluationRequest,
    ) -> Result<Application, ClientError> {
        let path = format!("{API_PREFIX}/applications/{application_no}/evaluation");
        self.post_once(access_token, idempotency_key, &path, evaluation)
            .await
    }

    /// 补正 under `idempotency_key`: answers what the department asked for (sent again, it is
    /// answered once); answers with the case, back in 审查.
    pub async fn supplement(
        &self,
        access_token: &str,
        idempotency_key: &str,
        application_no: &str,
        supplement: &SupplementRequest,
    ) -> Result<Application, ClientError> {
        let path = format!("{API_PREFIX}/applications/{application_no}/supplements");
        self.post_once(access_token, idempotency_key, &path, supplement)
            .await
    }

    /// 撤回: withdraws a case within 10 minutes of submission; answers with the withdrawn case.
    pub async fn withdraw(
        &self,
        access_token: &str,
        application_no: &str,
        request: &WithdrawRequest,
    ) -> Result<Application, ClientError> {
        let path = format!("{API_PREFIX}/applications/{application_no}/withdraw");
        self.post_as(access_token, &path, request).await
    }

    /// Files a request (诉求) under `idempotency_key`; filed again, it is the same request.
    pub async fn submit_request(
        &self,
        access_token: &str,
        idempotency_key: &str,
        request: &NewRequest,
    ) -> Result<ServiceRequest, ClientError> {
        let path = format!("{API_PREFIX}/requests");
        self.send_json(
            reqwest::Method::POST,
            &path,
            Some(access_token),
            Some(idempotency_key),
            Some(request),
        )
        .await
    }

    /// The caller's requests, newest first.
    pub async fn requests(&self, access_token: &str) -> Result<Vec<ServiceRequest>, ClientError> {
        self.every_page(access_token, &format!("{API_PREFIX}/requests"))
            .await
    }

    /// 回访 under `idempotency_key`: the person's answers about how a request went.
    pub async fn request_follow_up(
        &self,
        access_token: &str,
        idempotency_key: &str,
        request_no: &str,
        answers: &FollowUp,
    ) -> Result<ServiceRequest, ClientError> {
        let path = format!("{API_PREFIX}/requests/{request_no}/follow-up");
        self.post_once(access_token, idempotency_key, &path, answers)
            .await
    }

    /// 评价 of a request at the end of its loop, under `idempotency_key`.
    pub async fn request_evaluate(
        &self,
        access_token: &str,
        idempotency_key: &str,
        request_no: &str,
        evaluation: &EvaluationRequest,
    ) -> Result<ServiceRequest, ClientError> {
        let path = format!("{API_PREFIX}/requests/{request_no}/evaluation");
        self.post_once(access_token, idempotency_key, &path, evaluation)
            .await
    }

    /// One published version of a form.
    pub async fn form(&self, form_id: &str, version: u32) -> Result<FormDefinition, ClientError> {
        self.get_json(&format!("{API_PREFIX}/forms/{form_id}/versions/{version}"))
            .await
    }

    /// The caller's cases, newest first.
    pub async fn applications(&self, access_token: &str) -> Result<Vec<Application>, ClientError> {
        self.every_page(access_token, &format!("{API_PREFIX}/applications"))
            .await
    }

    /// The caller's inbox after `cursor`, at most `limit` messages.
    pub async fn messages_after(
        &self,
        access_token: &str,
        cursor: i64,
        limit: u32,
    ) -> Result<MessagePage, ClientError> {
        let path = format!("{API_PREFIX}/messages?cursor={cursor}&limit={limit}");
        self.get_as(access_token, &path).await
    }

    /// The caller's own account: name and phone, to fill forms with.
    pub async fn me(&self, access_token: &str) -> Result<Account, ClientError> {
        let path = format!("{API_PREFIX}/me");
        self.get_as(access_token, &path).await
    }

    /// The caller's electronic licences.
    pub async fn licences(&self, access_token: &str) -> Result<Vec<Licence>, ClientError> {
        self.every_page(access_token, &format!("{API_PREFIX}/licences"))
            .await
    }

    /// Where the caller is logged in now, newest first.
    pub async fn logins(&self, access_token: &str) -> Result<Vec<LoginSummary>, ClientError> {
        let path = format!("{API_PREFIX}/me/logins");
        self.get_as(access_token, &path).await
    }

    /// Ends one of the caller's logins: its tokens stop working at once.
    pub async fn end_login(&self, access_token: &str, login_id: &str) -> Result<(), ClientError> {
        self.post_without_body(
            &format!("{API_PREFIX}/me/logins/{login_id}/end"),
            access_token,
        )
        .await
    }

    /// Which kiosk shows `user_code`, and where it stands, before the caller answers it.
    pub async fn kiosk_asking(
        &self,
        access_token: &str,
        user_code: &str,
    ) -> Result<DeviceRequest, ClientError> {
        let path = format!("{API_PREFIX}/auth/device/lookup");
        let lookup = DeviceLookup {
            user_code: user_code.to_owned(),
        };
        self.post_as(access_token, &path, &lookup).await
    }

    /// Lets the kiosk showing `user_code` log in as the caller (`approve`), or refuses it.
    pub async fn answer_kiosk(
        &self,
        access_token: &str,
        user_code: &str,
        approve: bool,
    ) -> Result<(), ClientError> {
        let path = format!("{API_PREFIX}/auth/device/approve");
        let answer = DeviceApproval {
            user_code: user_code.to_owned(),
            approve,
        };
        self.post_answered_empty(access_token, &path, &answer).await
    }

    /// Every issuing department's public key, for checking licence seals offline.
    pub async fn department_keys(&self) -> Result<Vec<DepartmentKey>, ClientError> {
        self.get_json(&format!("{API_PREFIX}/licences/keys")).await
    }

    fn url(&self, path: &str) -> Result<Url, ClientError> {
        self.base
            .join(path)
            .map_err(|error| ClientError::Malformed(format!("bad path {path}: {error}")))
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        self.send_json::<T, ()>(reqwest::Method::GET, path, None, None, None)
            .await
    }

    async fn send_json<T: DeserializeOwned, B: Serialize>(
        &self,
        method: reqwest::Method,
        path: &str,
        access_token: Option<&str>,
        idempotency_key: Option<&str>,
        body: Option<&B>,
    ) -> Result<T, ClientError> {
        let url = self.url(path)?;
        let mut request = self.http.request(method, url);
        if let Some(token) = access_token {
            request = self.as_caller(request, token);
        }
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(ClientError::Unreachable)?;
        decode_answer(response).await
    }
}

/// The decoded body of a successful answer, or the platform's error with its `Retry-After`.
/// Sends `request`, whose success answer has no body; a refusal is the platform's error.
async fn answered_empty(request: reqwest::RequestBuilder) -> Result<(), ClientError> {
    let response = request.send().await.map_err(ClientError::Unreachable)?;
    if response.status().is_success() {
        return Ok(());
    }
    decode_answer::<serde_json::Value>(response)
        .await
        .map(|_| ())
}

async fn decode_answer<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, ClientError> {
    let status = response.status();
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let bytes = response.bytes().await.map_err(ClientError::Unreachable)?;
    if !status.is_success() {
        return Err(match serde_json::from_slice::<ErrorBody>(&bytes) {
            Ok(body) => ClientError::Platform {
                status,
                body,
                retry_after,
            },
            Err(_) => ClientError::Malformed(format!("{status} without an error body")),
        });
    }
    serde_json::from_slice(&bytes).map_err(|error| ClientError::Malformed(error.to_string()))
}
