//! HTTP client for the government-services platform API.

use std::time::Duration;

use huiban_api::{API_PREFIX, CatalogItem, CatalogPage, ErrorBody, Health};
use reqwest::{StatusCode, Url};
use serde::de::DeserializeOwned;

/// How long to wait for a connection before calling the platform unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one request may take in all.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

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
}

/// A client of one platform, cheap to clone.
#[derive(Debug, Clone)]
pub struct PlatformClient {
    http: reqwest::Client,
    base: Url,
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
        Ok(Self { http, base })
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

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        let url = self
            .base
            .join(path)
            .map_err(|error| ClientError::Malformed(format!("bad path {path}: {error}")))?;
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(ClientError::Unreachable)?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(ClientError::Unreachable)?;
        if !status.is_success() {
            return Err(match serde_json::from_slice::<ErrorBody>(&bytes) {
                Ok(body) => ClientError::Platform { status, body },
                Err(_) => ClientError::Malformed(format!("{status} without an error body")),
            });
        }
        serde_json::from_slice(&bytes).map_err(|error| ClientError::Malformed(error.to_string()))
    }
}
