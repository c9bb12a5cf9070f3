//! `ui_fixtures`: the answers the browser harness (`ui/tests/browser/harness.mjs`) replays instead of
//! re-implementing core in JavaScript are recorded here from core itself, over the platform's demo
//! data. The test fails while a committed fixture differs from what core makes now; write them anew
//! with `HUIBAN_WRITE_FIXTURES=1 cargo test -p huiban-core --test ui_fixtures`.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use std::path::PathBuf;

use huiban_core::catalog::{CatalogCopy, CatalogView};
use huiban_core::{Locale, Localizer};

/// Where the harness reads its fixtures.
fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/tests/browser/fixtures")
        .join(name)
}

/// Compares `value` with the committed fixture `name` (writing it first when asked to).
fn recorded(name: &str, value: &impl serde::Serialize) {
    let fresh = serde_json::to_string_pretty(value).unwrap() + "\n";
    let path = fixture_path(name);
    if std::env::var_os("HUIBAN_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/tests/browser/fixtures/{name} is not what core makes now; write it anew with\n  \
         HUIBAN_WRITE_FIXTURES=1 cargo test -p huiban-core --test ui_fixtures"
    );
}

#[test]
fn the_catalog_the_harness_shows_is_what_core_makes_of_the_demo_items() {
    let shown = ["高龄津贴申领", "医保异地就医备案", "居民身份证换领"];
    let items = huiban_demo::catalog_items()
        .into_iter()
        .filter(|item| shown.contains(&item.name.as_str()))
        .collect();
    let view = CatalogView::of(
        CatalogCopy::new(items, false),
        &Localizer::new(Locale::ZhCn),
    );
    assert_eq!(view.items.len(), shown.len(), "every item is a demo item");
    recorded("catalog.json", &view);
}
