//! 请家人帮忙: a person asks a relative who helps her (a grant she agreed to, still running) to get
//! in touch; he is texted what she was doing. At most [`TEXTS_PER_DAY`] a grant a day, so that a
//! button pressed again and again does not flood his phone.

use chrono::Duration;
use huiban_api::{GrantState, RelativeGrant};

use crate::relatives::{self, GrantError};
use crate::state::AppState;

/// Texts one grant may send in a day.
pub const TEXTS_PER_DAY: i64 = 3;
/// Most characters of what she was doing sent on.
const MOST_ABOUT: usize = 60;

/// What she was doing, fit for a text: one line, no control characters, at most [`MOST_ABOUT`]
/// characters; nothing when empty.
fn about_line(about: Option<&str>) -> Option<String> {
    let line: String = about?
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let line: String = line.chars().take(MOST_ABOUT).collect();
    (!line.is_empty()).then_some(line)
}

/// `person` asks the relative of `grant_id` (who helps her now) for help: he is texted, naming
/// `about` (the service or page she was on) when there is one.
pub fn ask(
    state: &AppState,
    person: &str,
    grant_id: &str,
    about: Option<&str>,
) -> Result<RelativeGrant, GrantError> {
    let record = relatives::of_person(state, person, grant_id)?;
    let now = state.clock.now().timestamp_millis();
    if relatives::state_of(&record, now) != GrantState::Granted {
        return Err(GrantError::NotActive);
    }
    let since = now - Duration::days(1).num_milliseconds();
    if !state
        .store
        .take_relative_help_text(grant_id, since, TEXTS_PER_DAY, now)?
    {
        return Err(GrantError::TooManyHelpTexts);
    }
    let name = relatives::name_of(state, person)?;
    let doing = match about_line(about) {
        Some(about) => format!("在惠办上办“{about}”时遇到了困难"),
        None => "在惠办上办事遇到了困难".to_owned(),
    };
    let text = format!(
        "【惠办】{name}请您帮忙：{doing}。请尽快和{name}联系，也可以在惠办里点最上面的“{name}”替其办理。"
    );
    relatives::tell(state, &record.helper_account_id, &text)?;
    relatives::render(state, &record, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_she_was_doing_is_one_short_line() {
        assert_eq!(about_line(None), None);
        assert_eq!(about_line(Some(" \n ")), None);
        assert_eq!(
            about_line(Some("高龄津贴申领\n（钱发到哪张银行卡）")).as_deref(),
            Some("高龄津贴申领 （钱发到哪张银行卡）")
        );
        let long = "办".repeat(100);
        assert_eq!(about_line(Some(&long)).map(|l| l.chars().count()), Some(60));
    }
}
