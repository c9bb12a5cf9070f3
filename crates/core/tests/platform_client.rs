//! The API client against the real reference platform, served over HTTP on an ephemeral port.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use huiban_core::{ClientError, PlatformClient};
use huiban_platform::Store;
use reqwest::Url;
use tokio::sync::oneshot;

struct RunningPlatform {
    url: Url,
    stop: Option<oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for RunningPlatform {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn start_platform() -> RunningPlatform {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .upsert_catalog_items(&huiban_demo::catalog_items())
        .unwrap();
    let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(huiban_platform::serve(
        listener,
        huiban_platform::AppState::new(store).keeping_sms_codes(),
        async {
            let _ = stopped.await;
        },
    ));
    RunningPlatform {
        url,
        stop: Some(stop),
        _dir: dir,
    }
}

#[tokio::test]
async fn fetches_the_demo_catalog_over_http() {
    let platform = start_platform().await;
    let client = PlatformClient::new(platform.url.clone()).unwrap();
    let health = client.health().await.unwrap();
    assert_eq!(health.status, "ok");
    let items = client.catalog_items().await.unwrap();
    assert_eq!(items.len() as u64, health.catalog_items);
    assert!(items.iter().any(|item| item.name == "殡葬补贴申领"));
}

#[tokio::test]
async fn a_platform_that_is_not_there_is_reported_as_unreachable() {
    // A port the OS just handed out and nobody listens on any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client =
        PlatformClient::new(Url::parse(&format!("http://127.0.0.1:{port}")).unwrap()).unwrap();
    let error = client.catalog_items().await.unwrap_err();
    assert!(matches!(error, ClientError::Unreachable(_)), "{error:?}");
    assert_eq!(error.message_id(), "error-platform-unreachable");
}

/// Serves one canned HTTP answer to every connection: a stand-in for a misbehaving platform.
async fn canned_server(status_line: &'static str, body: &'static str) -> Url {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = [0u8; 4096];
            let _ = socket.read(&mut buffer).await;
            let answer = format!(
                "HTTP/1.1 {status_line}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(answer.as_bytes()).await;
        }
    });
    url
}

#[tokio::test]
async fn a_platform_error_body_is_kept_for_the_user() {
    let url = canned_server(
        "503 Service Unavailable",
        r#"{"code":"maintenance","message":"系统维护中，请明天再来。","message_en":"Down for maintenance."}"#,
    )
    .await;
    let error = PlatformClient::new(url)
        .unwrap()
        .catalog_items()
        .await
        .unwrap_err();
    match &error {
        ClientError::Platform { status, body, .. } => {
            assert_eq!(status.as_u16(), 503);
            assert_eq!(body.code, "maintenance");
            assert_eq!(body.message, "系统维护中，请明天再来。");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.message_id(), "error-platform-answered");
}

#[tokio::test]
async fn an_answer_outside_the_contract_is_malformed() {
    let answers = [
        ("200 OK", r#"{"items": "not a list"}"#),
        ("500 Internal Server Error", "<html>oops</html>"),
    ];
    for (status_line, body) in answers {
        let url = canned_server(status_line, body).await;
        let client = PlatformClient::new(url).unwrap();
        let error = client.catalog_items().await.unwrap_err();
        assert!(
            matches!(error, ClientError::Malformed(_)),
            "{status_line}: {error:?}"
        );
    }
}
