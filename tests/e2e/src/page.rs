//! Finding elements as a user does, by role and accessible name, and measuring what is drawn.

use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, Locator};
use serde_json::Value;

/// How long to wait for something to appear.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// CSS selector of the elements that have `role`, implicitly or explicitly.
fn role_selector(role: &str) -> String {
    match role {
        "link" => "a[href], [role=link]".to_owned(),
        "button" => "button, [role=button]".to_owned(),
        "heading" => "h1, h2, h3, h4, h5, h6, [role=heading]".to_owned(),
        "alert" => "[role=alert]".to_owned(),
        "main" => "main, [role=main]".to_owned(),
        other => format!("[role={other}]"),
    }
}

/// Whether an error says the element left the page (it was redrawn).
fn is_stale(error: &CmdError) -> bool {
    matches!(
        error,
        CmdError::Standard(e) if e.error == fantoccini::error::ErrorStatus::StaleElementReference
    )
}

/// The elements matching `selector` now; none when the page was being redrawn as they were found.
async fn found_now(client: &Client, selector: &str) -> Result<Vec<Element>, CmdError> {
    match client.find_all(Locator::Css(selector)).await {
        Err(error) if is_stale(&error) => Ok(Vec::new()),
        found => found,
    }
}

/// The words of the first alert shown, once one is.
pub async fn text_of_alert(client: &Client) -> Result<String, Box<dyn std::error::Error>> {
    let alert = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css("[role=alert]"))
        .await?;
    Ok(alert.text().await?)
}

/// Waits for the element with `role` whose accessible name (aria-label or text) is `name`.
pub async fn by_role(client: &Client, role: &str, name: &str) -> Result<Element, CmdError> {
    let selector = role_selector(role);
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        for element in found_now(client, &selector).await? {
            // The page may redraw between finding and reading: a vanished element is passed over.
            let label = match element.attr("aria-label").await {
                Ok(Some(label)) => label,
                Ok(None) => match element.text().await {
                    Ok(text) => text,
                    Err(error) if is_stale(&error) => continue,
                    Err(error) => return Err(error),
                },
                Err(error) if is_stale(&error) => continue,
                Err(error) => return Err(error),
            };
            if label.split_whitespace().collect::<String>()
                == name.split_whitespace().collect::<String>()
            {
                return Ok(element);
            }
        }
        if std::time::Instant::now() > deadline {
            return Err(CmdError::WaitTimeout);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits for an element with `role` whose text contains `needle`, and returns its whole text.
pub async fn text_of_role_containing(
    client: &Client,
    role: &str,
    needle: &str,
) -> Result<String, CmdError> {
    let selector = role_selector(role);
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        for element in found_now(client, &selector).await? {
            let text = match element.text().await {
                Ok(text) => text,
                Err(error) if is_stale(&error) => continue,
                Err(error) => return Err(error),
            };
            if text.contains(needle) {
                return Ok(text);
            }
        }
        if std::time::Instant::now() > deadline {
            return Err(CmdError::WaitTimeout);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Heading of the first first-run screen.
pub const FIRST_RUN_HEADING: &str = "这样的字看得清楚吗？";
/// Heading of the home screen with nobody logged in (or her name not known yet).
pub const HOME_HEADING: &str = "您好，请选择要办的事";

/// Whether `text` is home's heading: the plain greeting, or hers by name (张秀英，您好).
pub fn is_home_heading(text: &str) -> bool {
    text == HOME_HEADING || text.ends_with("，您好")
}

/// Waits for home, greeting her by name or not.
pub async fn at_home(client: &Client) -> Result<(), CmdError> {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        if let Ok(heading) = client.find(Locator::Css("h1")).await {
            match heading.text().await {
                Ok(text) if is_home_heading(&text) => return Ok(()),
                Ok(_) => {}
                Err(error) if is_stale(&error) => {}
                Err(error) => return Err(error),
            }
        }
        if std::time::Instant::now() > deadline {
            return Err(CmdError::WaitTimeout);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Skips the first-run questions when they show (a fresh data directory), and waits for home.
pub async fn past_first_run(client: &Client) -> Result<(), CmdError> {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        if let Ok(heading) = client.find(Locator::Css("h1")).await {
            let text = match heading.text().await {
                Ok(text) => text,
                Err(error) if is_stale(&error) => continue,
                Err(error) => return Err(error),
            };
            if is_home_heading(&text) {
                return Ok(());
            }
            if text == FIRST_RUN_HEADING {
                by_role(client, "button", "跳过，以后再说")
                    .await?
                    .click()
                    .await?;
            }
        }
        if std::time::Instant::now() > deadline {
            return Err(CmdError::WaitTimeout);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// What a whole-page check found: how many elements it looked at and which failed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct PageCheck {
    /// Elements looked at.
    pub checked: usize,
    /// The elements that failed, described for a person.
    pub failures: Vec<String>,
}

async fn page_check(client: &Client, script: &str, minimum: f64) -> Result<PageCheck, CmdError> {
    let answer = client.execute(script, vec![minimum.into()]).await?;
    serde_json::from_value(answer.clone()).map_err(|_| CmdError::NotJson(answer.to_string()))
}

/// Visible text drawn below `minimum`:1 contrast, from the engine's computed colours.
pub async fn low_contrast_text(client: &Client, minimum: f64) -> Result<PageCheck, CmdError> {
    page_check(client, include_str!("scripts/low_contrast.js"), minimum).await
}

/// Visible links, buttons and choices smaller than `minimum` CSS px either way.
pub async fn small_targets(client: &Client, minimum: f64) -> Result<PageCheck, CmdError> {
    small_targets_among(client, "a[href], button, label", minimum).await
}

/// Visible elements matching `selector` smaller than `minimum` CSS px either way.
pub async fn small_targets_among(
    client: &Client,
    selector: &str,
    minimum: f64,
) -> Result<PageCheck, CmdError> {
    let answer = client
        .execute(
            include_str!("scripts/small_targets.js"),
            vec![minimum.into(), selector.into()],
        )
        .await?;
    serde_json::from_value(answer.clone()).map_err(|_| CmdError::NotJson(answer.to_string()))
}

/// Words drawn under something else or cut off by their box, each said in a line.
pub async fn hidden_words(client: &Client) -> Result<Vec<String>, CmdError> {
    let answer = client
        .execute(include_str!("scripts/hidden_words.js"), vec![])
        .await?;
    serde_json::from_value(answer.clone()).map_err(|_| CmdError::NotJson(answer.to_string()))
}

/// Whether the page scrolls sideways.
pub async fn scrolls_sideways(client: &Client) -> Result<bool, CmdError> {
    let answer = client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth;",
            vec![],
        )
        .await?;
    Ok(answer.as_bool().unwrap_or(true))
}

/// Runs a script that returns a number.
pub async fn number(client: &Client, script: &str) -> Result<f64, CmdError> {
    match client.execute(script, vec![]).await? {
        Value::Number(n) => n.as_f64().ok_or(CmdError::NotJson(n.to_string())),
        other => Err(CmdError::NotJson(other.to_string())),
    }
}

/// Computed font size of `<body>`, in CSS px.
pub async fn body_font_px(client: &Client) -> Result<f64, CmdError> {
    number(
        client,
        "return parseFloat(getComputedStyle(document.body).fontSize);",
    )
    .await
}

/// Width and height of the smallest element matching `selector`, by area, in CSS px.
pub async fn smallest_box(client: &Client, selector: &str) -> Result<(f64, f64), CmdError> {
    let script = format!(
        "const boxes = [...document.querySelectorAll({selector:?})].map(e => e.getBoundingClientRect());
         boxes.sort((a, b) => a.width * a.height - b.width * b.height);
         return boxes.length ? [boxes[0].width, boxes[0].height] : null;"
    );
    match client.execute(&script, vec![]).await? {
        Value::Array(pair) if pair.len() == 2 => Ok((
            pair[0].as_f64().unwrap_or(0.0),
            pair[1].as_f64().unwrap_or(0.0),
        )),
        other => Err(CmdError::NotJson(other.to_string())),
    }
}

/// Saves a PNG of the window under the artifacts directory and returns its path.
pub async fn screenshot(
    client: &Client,
    name: &str,
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    // Let the webview paint what the DOM already holds, or the PNG may show an older frame.
    client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await?;
    let png = client.screenshot().await?;
    let path = crate::artifacts_dir()?.join(format!("{name}.png"));
    std::fs::write(&path, png)?;
    Ok(path)
}
