//! Answering a form's questions one page at a time (typed, chosen, an address, a photo), and sending a 诉求.

use crate::page::{by_role, text_of_role_containing};
use crate::prelude::*;

/// Types `text` into the page's one answer box (a line or a text area) and presses 下一步.
pub async fn answer_typed(
    client: &fantoccini::Client,
    question: &str,
    text: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    again_if_redrawn(|| answer_typed_once(client, question, text))
        .await
        .map_err(|error| format!("answering {question:?}: {error}").into())
}

pub async fn answer_typed_once(
    client: &fantoccini::Client,
    question: &str,
    text: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "heading", question).await?;
    let input = client
        .find(fantoccini::Locator::Css("main .text-input"))
        .await?;
    input.clear().await?;
    input.send_keys(text).await?;
    by_role(client, "button", "下一步").await?.click().await?;
    Ok(())
}

/// Answers the address asked by `question`: presses each of `places` in turn (province, city,
/// district; 重新选地方 first when it was filled in), types `street`, then 下一步.
pub async fn answer_address(
    client: &fantoccini::Client,
    question: &str,
    places: &[&str],
    street: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "heading", question).await?;
    // A filled-in address (from the e-ID card) is chosen again, as a person changing it would.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let shown = main_text(client).await?;
        if shown.contains("重新选地方") {
            by_role(client, "button", "重新选地方")
                .await?
                .click()
                .await?;
            break;
        }
        if shown.contains("请选省份") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the address page never opened: {shown}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    for place in places {
        again_if_redrawn(|| async {
            by_role(client, "button", place).await?.click().await?;
            Ok(())
        })
        .await?;
    }
    answer_typed(client, question, street).await
}

/// Chooses the card whose words contain `choice` on the page asking `question`, then 下一步.
pub async fn answer_choice(
    client: &fantoccini::Client,
    question: &str,
    choice: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    again_if_redrawn(|| answer_choice_once(client, question, choice))
        .await
        .map_err(|error| format!("choosing {choice:?} for {question:?}: {error}").into())
}

pub async fn answer_choice_once(
    client: &fantoccini::Client,
    question: &str,
    choice: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "heading", question).await?;
    let xpath = format!("//main//label[contains(@class,'choice')][contains(., '{choice}')]");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let card = loop {
        match client.find(fantoccini::Locator::XPath(&xpath)).await {
            Ok(card) => break card,
            Err(_) if std::time::Instant::now() < deadline => {
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            }
            Err(error) => return Err(format!("no choice {choice:?}: {error}").into()),
        }
    };
    card.click().await?;
    by_role(client, "button", "下一步").await?.click().await?;
    Ok(())
}

/// Chooses a photo (the app's icon) in the page's file picker and waits until it is kept.
pub async fn attach_photo(client: &fantoccini::Client) -> Result<(), Box<dyn std::error::Error>> {
    let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../icons/128x128.png")
        .canonicalize()?;
    again_if_redrawn(|| async {
        client
            .find(fantoccini::Locator::Css("main input[type=file]"))
            .await?
            .send_keys(&photo.to_string_lossy())
            .await?;
        Ok(())
    })
    .await?;
    text_of_role_containing(client, "status", "文件已经选好").await?;
    Ok(())
}

/// From 有照片吗？ (none) through 核对 and 确认提交 to 诉求已经送到: the 诉求编号 shown.
pub async fn send_the_request_without_photo(
    client: &fantoccini::Client,
) -> Result<String, Box<dyn std::error::Error>> {
    by_role(client, "heading", "有照片吗？").await?;
    by_role(client, "button", "下一步").await?.click().await?;
    by_role(client, "heading", "请核对您填写的内容").await?;
    by_role(client, "button", "确认提交").await?.click().await?;
    text_of_role_containing(client, "heading", "诉求已经送到").await?;
    let number = client
        .execute(
            "return document.querySelector('.confirmation .number').getAttribute('aria-label');",
            vec![],
        )
        .await?;
    let number = number.as_str().ok_or("no request number")?.to_owned();
    assert!(number.starts_with("SQ"), "a 诉求编号: {number}");
    Ok(number)
}
