//! Waiting and pressing again as a person would: until the page shows something, until the platform holds it.

use crate::page::{by_role, text_of_role_containing};

/// Opens the home tile `area` until its page shows an element with `role` containing `needle`:
/// what was pulled in the background may arrive a little after the app starts.
pub async fn open_area_until(
    client: &fantoccini::Client,
    area: &str,
    role: &str,
    needle: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        by_role(client, "link", area).await?.click().await?;
        by_role(client, "heading", area).await?;
        if text_of_role_containing(client, role, needle).await.is_ok() {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("{area} never showed {needle:?}").into());
        }
        client.back().await?;
    }
}

/// Text of the queue's status region once it contains `needle`.
pub async fn queue_status_containing(
    client: &fantoccini::Client,
    needle: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let text = by_role(client, "status", "申请发送情况")
            .await?
            .text()
            .await?;
        if text.contains(needle) {
            return Ok(text);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the queue status never said {needle:?}; last {text:?}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}

/// Clicks the element at `xpath`, looking again if the page was redrawn under it.
pub async fn click_xpath(
    client: &fantoccini::Client,
    xpath: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    again_if_redrawn(|| async {
        client
            .find(fantoccini::Locator::XPath(xpath))
            .await?
            .click()
            .await?;
        Ok(())
    })
    .await
}

/// Waits until `arrived` says the platform holds what the app sent by itself.
pub async fn until_the_platform_has<F, Fut>(
    what: &str,
    mut arrived: F,
) -> Result<(), Box<dyn std::error::Error>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<bool, Box<dyn std::error::Error>>>,
{
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !arrived().await? {
        assert!(
            std::time::Instant::now() < deadline,
            "the platform never got {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    Ok(())
}

/// Runs `attempt` again (up to three more times) when the page was redrawn under it, as a person
/// would look again and redo what they were doing.
pub async fn again_if_redrawn<F, Fut>(mut attempt: F) -> Result<(), Box<dyn std::error::Error>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), Box<dyn std::error::Error>>>,
{
    let mut tries = 0;
    loop {
        match attempt().await {
            Err(error) if tries < 3 && error.to_string().contains("Stale element") => tries += 1,
            outcome => return outcome,
        }
    }
}

/// Presses the element with `role` and `name` until the page shows `needle`, as a person presses
/// again when a redraw swallowed the first press.
pub async fn click_until_shown(
    client: &fantoccini::Client,
    role: &str,
    name: &str,
    needle: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    for _ in 0..4 {
        again_if_redrawn(|| async {
            by_role(client, role, name).await?.click().await?;
            Ok(())
        })
        .await?;
        for _ in 0..20 {
            if main_text(client).await?.contains(needle) {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
    }
    Err(format!("pressing {name:?} never showed {needle:?}").into())
}

/// The text of `main` as drawn.
pub async fn main_text(client: &fantoccini::Client) -> Result<String, Box<dyn std::error::Error>> {
    let text = client
        .execute("return document.querySelector('main').innerText;", vec![])
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

/// Presses 刷新 (on 进度 or 诉求) until the page says `needle`.
pub async fn refresh_progress_until(
    client: &fantoccini::Client,
    needle: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !main_text(client).await?.contains(needle) {
        assert!(
            std::time::Instant::now() < deadline,
            "进度 never showed {needle:?}"
        );
        by_role(client, "button", "刷新").await?.click().await?;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    Ok(())
}

/// Waits (up to 20 s) until the text of `main` contains `needle`: what the app learns in the
/// background (a case pulled after sending) shows a moment later.
pub async fn wait_for_main_text(
    client: &fantoccini::Client,
    needle: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = main_text(client).await?;
        if text.contains(needle) {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("main never said {needle:?}: {text}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}
