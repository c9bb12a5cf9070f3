//! `app.staff()`: the clerk's login, her screen lock and her working day.

use chrono::{DateTime, FixedOffset};
use huiban_api::{Role, TokenRequest};

use super::day::StaffDay;
use super::pin::Pin;
use super::shift::Shift;
use crate::app::App;
use crate::{Error, dates};

/// What the staff window shows: the login form, the lock screen, or the work.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct StaffStatus {
    /// A clerk is logged in.
    pub logged_in: bool,
    /// The screen is locked: her PIN or password opens it.
    pub locked: bool,
    /// A PIN is set and still usable (otherwise only the password opens the lock).
    pub pin_usable: bool,
    /// When the login ends, in plain words.
    pub ends_at_words: Option<String>,
    /// The last login ended because the working day was over (say so on the login form).
    pub day_over: bool,
}

impl App {
    /// The clerk's login, screen lock and working day (staff mode).
    pub fn staff(&self) -> StaffService<'_> {
        StaffService { app: self }
    }
}

/// The clerk's login, as `app.staff()` offers it.
pub struct StaffService<'a> {
    pub(crate) app: &'a App,
}

/// Now where the clerk is.
fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

impl StaffService<'_> {
    /// Logs in with the platform account `username` and `password`; an account that is not a
    /// service centre's staff is refused (and logged out at once).
    pub async fn log_in(&self, username: &str, password: &str) -> Result<StaffStatus, Error> {
        let username = username.trim().to_owned();
        let request = TokenRequest::Password {
            username: username.clone(),
            password: password.to_owned(),
        };
        let who = self.app.session.log_in(self.app.client(), &request).await?;
        if who.role != Role::Staff {
            let _ = self.app.session.log_out(self.app.client()).await;
            return Err(Error::plain("staff-not-staff"));
        }
        *self.day() = Some(StaffDay {
            username,
            account_id: who.account_id,
            shift: Shift::began(now()),
            pin: None,
        });
        self.status().await
    }

    /// Where the clerk stands now; a login whose working day is over is ended here.
    pub async fn status(&self) -> Result<StaffStatus, Error> {
        let at = now();
        let over = self.day().as_ref().is_some_and(|day| day.shift.is_over(at));
        if over {
            self.log_out().await?;
            return Ok(StaffStatus {
                day_over: true,
                ..StaffStatus::logged_out()
            });
        }
        let day = self.day();
        Ok(match day.as_ref() {
            None => StaffStatus::logged_out(),
            Some(day) => StaffStatus {
                logged_in: true,
                locked: day.shift.is_locked(at),
                pin_usable: day.pin.as_ref().is_some_and(Pin::usable),
                ends_at_words: Some(dates::plain_time(
                    &day.shift.ends_at().to_rfc3339(),
                    self.app.localizer(),
                )),
                day_over: false,
            },
        })
    }

    /// She touched the screen: the lock waits five more minutes (input on a locked screen does not
    /// open it).
    pub fn input(&self) {
        if let Some(day) = self.day().as_mut() {
            day.shift.input(now());
        }
    }

    /// Sets the PIN that opens the lock today (4 to 6 digits).
    pub fn set_pin(&self, digits: &str) -> Result<(), Error> {
        let pin = Pin::set(digits)?;
        let mut day = self.day();
        let day = day
            .as_mut()
            .ok_or_else(|| Error::plain("staff-not-logged-in"))?;
        day.pin = Some(pin);
        Ok(())
    }

    /// Opens the lock with her PIN.
    pub async fn unlock_with_pin(&self, digits: &str) -> Result<StaffStatus, Error> {
        {
            let mut day = self.day();
            let day = day
                .as_mut()
                .ok_or_else(|| Error::plain("staff-not-logged-in"))?;
            let pin = day
                .pin
                .as_mut()
                .ok_or_else(|| Error::plain("staff-pin-none"))?;
            pin.check(digits)?;
            day.shift.unlocked(now());
        }
        self.status().await
    }

    /// Opens the lock with her password, checked by the platform; a password of another account
    /// does not open it. The check makes a login on the platform that is not kept (it lapses there).
    pub async fn unlock_with_password(&self, password: &str) -> Result<StaffStatus, Error> {
        let username = self
            .day()
            .as_ref()
            .map(|day| day.username.clone())
            .ok_or_else(|| Error::plain("staff-not-logged-in"))?;
        let request = TokenRequest::Password {
            username,
            password: password.to_owned(),
        };
        let answer = self.app.client().token(&request).await?;
        {
            let mut day = self.day();
            let day = day
                .as_mut()
                .ok_or_else(|| Error::plain("staff-not-logged-in"))?;
            if answer.account_id != day.account_id {
                return Err(Error::plain("staff-not-staff"));
            }
            day.shift.unlocked(now());
            // A PIN spent by wrong tries is forgotten: she may set a new one.
            if day.pin.as_ref().is_some_and(|pin| !pin.usable()) {
                day.pin = None;
            }
        }
        self.status().await
    }

    /// Ends the clerk's login here and on the platform.
    pub async fn log_out(&self) -> Result<(), Error> {
        *self.day() = None;
        self.app.session.log_out(self.app.client()).await?;
        Ok(())
    }

    fn day(&self) -> std::sync::MutexGuard<'_, Option<StaffDay>> {
        self.app
            .staff_day
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl StaffStatus {
    fn logged_out() -> Self {
        Self {
            logged_in: false,
            locked: false,
            pin_usable: false,
            ends_at_words: None,
            day_over: false,
        }
    }
}
