//! Checks of the page as drawn: text size, sideways scroll, contrast, hidden words and target sizes.

use crate::page::body_font_px;

/// Checks the page as drawn: body text size, no sideways scroll, contrast, no words hidden or cut
/// off, target sizes.
pub async fn check_drawn_page(
    client: &fantoccini::Client,
    body_at_least: f64,
) -> Result<(), Box<dyn std::error::Error>> {
    let body = body_font_px(client).await?;
    assert!(
        body >= body_at_least,
        "body text is {body}px, must be ≥ {body_at_least}px"
    );
    assert!(
        !crate::page::scrolls_sideways(client).await?,
        "the page scrolls sideways"
    );
    let contrast = crate::page::low_contrast_text(client, 7.0).await?;
    assert!(
        contrast.checked > 5,
        "too little text checked: {contrast:?}"
    );
    assert!(
        contrast.failures.is_empty(),
        "text below 7:1: {:#?}",
        contrast.failures
    );
    let hidden = crate::page::hidden_words(client).await?;
    assert!(hidden.is_empty(), "words hidden: {hidden:#?}");
    let targets = crate::page::small_targets(client, 44.0).await?;
    assert!(
        targets.failures.is_empty(),
        "targets below 44 px: {:#?}",
        targets.failures
    );
    let main_actions =
        crate::page::small_targets_among(client, ".primary, nav a, .choice", 60.0).await?;
    assert!(
        main_actions.failures.is_empty(),
        "main actions below 60 px: {:#?}",
        main_actions.failures
    );
    Ok(())
}
