//! The staff window's counter, as the suites drive it: the on-screen keypad, typing, and 赵敏's
//! login with her unlock PIN.

use crate::TestResult;
use crate::app::fresh_app_with_args;
use crate::driver::TauriDriver;
use crate::looks::check_drawn_page;
use crate::page::by_role;

/// A staff window (`--mode staff`) on a fresh data directory with nobody logged in (the staff
/// keychain entry forgotten), with `env` for the app: the staff keychain, the driver, the window
/// and the data directory.
pub async fn staff_window(
    platform_url: &str,
    env: &[(&str, &str)],
) -> Result<
    (
        huiban_core::secrets::Keychain,
        TauriDriver,
        fantoccini::Client,
        tempfile::TempDir,
    ),
    Box<dyn std::error::Error>,
> {
    let keychain = huiban_core::secrets::Keychain::system_for(huiban_core::mode::Mode::Staff)?;
    keychain.forget_login()?;
    let zone = midday_zone(chrono::Utc::now());
    let mut env = env.to_vec();
    env.push(("TZ", &zone));
    let (driver, client, data) =
        fresh_app_with_args(platform_url, &env, &["--mode", "staff"]).await?;
    Ok((keychain, driver, client, data))
}

/// A POSIX time zone in which it is about midday at `now`. A clerk's login ends at her local
/// midnight, so a staff window started a minute before midnight (as a CI run may) would log her
/// out in the middle of its test; in this zone her day has hours left.
pub fn midday_zone(now: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Timelike;
    let hours_east = 12 - i64::from(now.hour());
    // POSIX counts hours west of UTC: UTC+8 is written HUI-8.
    format!("HUI{}", -hours_east)
}

/// 为居民办理 from the clerk's home: the resident's ID number on the keypad, her name, and the
/// platform texts her a consent code; the code page is shown after.
pub async fn identify(client: &fantoccini::Client, id_number: &str, name: &str) -> TestResult {
    by_role(client, "link", "为居民办理").await?.click().await?;
    by_role(client, "heading", "居民的身份证号码是多少？").await?;
    check_drawn_page(client, 24.0).await?;
    press(client, id_number).await?;
    by_role(client, "button", "下一步").await?.click().await?;
    by_role(client, "heading", "居民叫什么名字？").await?;
    type_into(client, "input.text-input", name).await?;
    by_role(client, "button", "发验证码给居民")
        .await?
        .click()
        .await?;
    by_role(client, "heading", &format!("请{name}说出短信里的6位验证码")).await?;
    Ok(())
}

/// Presses `digits` on the on-screen keypad.
pub async fn press(client: &fantoccini::Client, digits: &str) -> TestResult {
    for digit in digits.chars() {
        by_role(client, "button", &digit.to_string())
            .await?
            .click()
            .await?;
    }
    Ok(())
}

/// Types `text` into the input whose CSS selector is `selector`.
pub async fn type_into(client: &fantoccini::Client, selector: &str, text: &str) -> TestResult {
    client
        .find(fantoccini::Locator::Css(selector))
        .await?
        .send_keys(text)
        .await?;
    Ok(())
}

/// Logs 赵敏 in through the staff window and sets her PIN (2468); she is on her home page after.
pub async fn log_in_as_the_clerk(client: &fantoccini::Client) -> TestResult {
    log_in_as(client, "staff01", "huiban-staff-01", "赵敏").await
}

/// Logs `username` (whose name is `name`) in through the staff window and sets her PIN (2468);
/// she is on her home page after.
pub async fn log_in_as(
    client: &fantoccini::Client,
    username: &str,
    password: &str,
    name: &str,
) -> TestResult {
    by_role(client, "heading", "工作人员登录").await?;
    type_into(client, "input[autocomplete=username]", username).await?;
    type_into(client, "input[type=password]", password).await?;
    by_role(client, "button", "登录").await?.click().await?;
    by_role(client, "heading", "请设一个解锁密码").await?;
    set_the_pin_of(client, name).await
}

/// Sets 2468 as 赵敏's PIN on the page that asks for it; she is on her home page after.
pub async fn set_the_pin(client: &fantoccini::Client) -> TestResult {
    set_the_pin_of(client, "赵敏").await
}

/// Sets 2468 as the PIN of the one called `name`; she is on her home page after.
async fn set_the_pin_of(client: &fantoccini::Client, name: &str) -> TestResult {
    press(client, "2468").await?;
    by_role(client, "button", "保存解锁密码")
        .await?
        .click()
        .await?;
    by_role(client, "heading", &format!("{name}，您好")).await?;
    Ok(())
}

/// Signs on the pad (the page's canvas) with the mouse: a few strokes across its middle.
pub async fn sign_on_the_pad(client: &fantoccini::Client) -> TestResult {
    use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
    let pad = client.find(fantoccini::Locator::Css("canvas")).await?;
    // Pointer actions do not scroll: the pad is brought into view first.
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&pad)?],
        )
        .await?;
    let step = |x: f64, y: f64| PointerAction::MoveBy {
        duration: Some(std::time::Duration::from_millis(50)),
        x,
        y,
    };
    let strokes = MouseActions::new("pen".to_owned())
        .then(PointerAction::MoveToElement {
            element: pad,
            duration: None,
            x: -150.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(step(50.0, -30.0))
        .then(step(50.0, 50.0))
        .then(step(60.0, -40.0))
        .then(step(60.0, 30.0))
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(strokes).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_midday_zone_puts_every_hour_of_the_day_at_noon() {
        for hour in 0..24 {
            let now = Utc.with_ymd_and_hms(2026, 12, 2, hour, 59, 30).unwrap();
            // The system's own reading of the zone, as the app's clock reads TZ.
            let local = std::process::Command::new("date")
                .env("TZ", midday_zone(now))
                .args(["-d", &format!("@{}", now.timestamp()), "+%H"])
                .output()
                .unwrap();
            assert_eq!(
                String::from_utf8_lossy(&local.stdout).trim(),
                "12",
                "at {hour}:59"
            );
        }
    }
}
