//! The app as the .deb installed it (`/usr/bin/huiban`), driven over WebDriver against the real
//! platform server over HTTP: its menu entry, icons, licence and declared needs, then home and
//! 关于惠办. `cargo xtask test install` installs the package, runs this and removes it.

use huiban_e2e::page::{by_role, past_first_run, screenshot};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

/// A field of the installed package's record, as dpkg keeps it.
fn package_field(field: &str) -> Result<String, Box<dyn std::error::Error>> {
    let out = std::process::Command::new("dpkg-query")
        .args(["-W", &format!("-f=${{{field}}}"), "huiban"])
        .output()?;
    if !out.status.success() {
        return Err(format!("dpkg-query: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn the_package_brings_its_menu_entry_icons_licence_and_what_it_needs() -> TestResult {
    let depends = package_field("Depends")?;
    for needed in ["libwebkit2gtk-4.1-0", "libgtk-3-0", "fonts-noto-cjk"] {
        assert!(depends.contains(needed), "Depends: {depends}");
    }
    // Speech is welcome but not needed: the app starts without it.
    let recommends = package_field("Recommends")?;
    assert!(
        recommends.contains("speech-dispatcher"),
        "Recommends: {recommends}"
    );
    assert!(!depends.contains("speech-dispatcher"), "Depends: {depends}");

    let entries: Vec<_> = std::fs::read_dir("/usr/share/applications")?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| std::fs::read_to_string(path).is_ok_and(|text| text.contains("Exec=huiban")))
        .collect();
    let [entry] = entries.as_slice() else {
        return Err(format!("one menu entry starts huiban: {entries:?}").into());
    };
    let text = std::fs::read_to_string(entry)?;
    assert!(text.lines().any(|line| line == "Name=惠办"), "{text}");
    let icon = text
        .lines()
        .find_map(|line| line.strip_prefix("Icon="))
        .ok_or("the entry names no icon")?;
    let icon_file =
        std::path::Path::new("/usr/share/icons/hicolor/128x128/apps").join(format!("{icon}.png"));
    assert!(icon_file.is_file(), "no icon at {}", icon_file.display());
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let path = std::path::Path::new("/usr/share/doc/huiban").join(licence);
        assert!(path.is_file(), "no {}", path.display());
    }
    Ok(())
}

#[tokio::test]
async fn the_installed_app_opens_home_against_the_platform() -> TestResult {
    let app = env_path("HUIBAN_E2E_APP");
    assert_eq!(
        app,
        std::path::Path::new("/usr/bin/huiban"),
        "the installed app"
    );
    let version = std::process::Command::new(&app).arg("--version").output()?;
    assert_eq!(
        String::from_utf8(version.stdout)?.trim(),
        format!("huiban {}", huiban_core::about::VERSION)
    );
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", "高龄津贴申领").await?;
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "link", "关于惠办").await?.click().await?;
        by_role(&client, "button", "复制诊断信息").await?;
        let about = main_text(&client).await?;
        assert!(
            about.contains(&format!("版本：{}", huiban_core::about::VERSION)),
            "{about}"
        );
        screenshot(&client, "installed-about").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}
