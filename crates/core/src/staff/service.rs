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
    /// Her name, while she is logged in.
    pub clerk_name: Option<String>,
    /// Her service centre, while she is logged in.
    pub centre: Option<String>,
    /// The screen is locked: her PIN or password opens it.
    pub locked: bool,
    /// A PIN is set and still usable (otherwise only the password opens the lock).
    pub pin_usable: bool,
    /// When the login ends, in plain words.
    pub ends_at_words: Option<String>,
    /// The last login ended because the working day was over (say so on the login form).
    pub day_over: bool,
    /// This computer has an ID-card reader (offer 读身份证).
    pub card_reader: bool,
    /// She is the centre's manager: her home offers the centre's figures (a manager does not act
    /// for residents; she approves consent by signature at a clerk's counter).
    pub manager: bool,
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
        let account = match who.role {
            Role::Staff | Role::Manager => self.own_account().await,
            _ => Err(Error::plain("staff-not-staff")),
        };
        let account = match account {
            Ok(account) => account,
            Err(error) => {
                let _ = self.app.session.log_out(self.app.client()).await;
                return Err(error);
            }
        };
        *self.day() = Some(StaffDay {
            username,
            account_id: who.account_id,
            name: account.name.unwrap_or_default(),
            centre: account.department.unwrap_or_default(),
            manager: who.role == Role::Manager,
            shift: Shift::began(now()),
            pin: None,
            calls_seen: std::collections::BTreeSet::new(),
        });
        self.status().await
    }

    /// The account just logged in, as the platform knows it (her name and centre).
    async fn own_account(&self) -> Result<huiban_api::Account, Error> {
        let token = self.app.session.token(self.app.client()).await?;
        Ok(self.app.client().me(&token.access_token).await?)
    }

    /// Where the clerk stands now; a login whose working day is over is ended here, and so is a login
    /// kept from before the app restarted (her day and PIN are held in memory only: she logs in again).
    pub async fn status(&self) -> Result<StaffStatus, Error> {
        let at = now();
        let over = self.day().as_ref().is_some_and(|day| day.shift.is_over(at));
        // Asked in its own statement, so that her day's lock is not held across the await below.
        let no_day = self.day().is_none();
        if no_day && self.app.session.is_logged_in().await? {
            self.end_login().await?;
        }
        if over {
            self.end_login().await?;
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
                clerk_name: Some(day.name.clone()),
                centre: Some(day.centre.clone()),
                locked: day.shift.is_locked(at),
                pin_usable: day.pin.as_ref().is_some_and(Pin::usable),
                ends_at_words: Some(dates::plain_time(
                    &day.shift.ends_at().to_rfc3339(),
                    self.app.localizer(),
                )),
                day_over: false,
                card_reader: self.app.has_card_reader(),
                manager: day.manager,
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

    /// She locks the screen before stepping away (锁屏): her PIN or password opens it again.
    pub fn lock(&self) -> Result<(), Error> {
        self.with_day(|day| {
            day.shift.lock();
            Ok(())
        })
    }

    /// Refuses unless a clerk is logged in and her screen is open: every act for a resident asks
    /// this first, so a locked or ended day does nothing.
    pub fn at_work(&self) -> Result<(), Error> {
        let at = now();
        match self.day().as_ref() {
            None => Err(Error::plain("staff-not-logged-in")),
            Some(day) if day.shift.is_over(at) => Err(Error::plain("staff-not-logged-in")),
            Some(day) if day.shift.is_locked(at) => Err(Error::plain("staff-locked")),
            Some(_) => Ok(()),
        }
    }

    /// Whether the one logged in is the centre's manager.
    pub fn is_manager(&self) -> bool {
        self.day().as_ref().is_some_and(|day| day.manager)
    }

    /// Sets the PIN that opens the lock today (4 to 6 digits).
    pub fn set_pin(&self, digits: &str) -> Result<(), Error> {
        let pin = Pin::set(digits)?;
        self.with_day(|day| {
            day.pin = Some(pin);
            Ok(())
        })
    }

    /// Opens the lock with her PIN.
    pub async fn unlock_with_pin(&self, digits: &str) -> Result<StaffStatus, Error> {
        self.with_day(|day| {
            let pin = day
                .pin
                .as_mut()
                .ok_or_else(|| Error::plain("staff-pin-none"))?;
            pin.check(digits)?;
            day.shift.unlocked(now());
            Ok(())
        })?;
        self.status().await
    }

    /// Opens the lock with her password, checked by the platform; a password of another account
    /// does not open it. The login the check makes on the platform is ended at once.
    pub async fn unlock_with_password(&self, password: &str) -> Result<StaffStatus, Error> {
        let username = self.with_day(|day| Ok(day.username.clone()))?;
        let request = TokenRequest::Password {
            username,
            password: password.to_owned(),
        };
        let answer = self.app.client().token(&request).await?;
        // Only the check was wanted: her own login goes on.
        if let Err(error) = self.app.client().log_out(&answer.access_token).await {
            tracing::warn!(%error, "the password check's login was not ended");
        }
        self.with_day(|day| {
            if answer.account_id != day.account_id {
                return Err(Error::plain("staff-not-staff"));
            }
            day.shift.unlocked(now());
            // A PIN spent by wrong tries is forgotten: she may set a new one.
            if day.pin.as_ref().is_some_and(|pin| !pin.usable()) {
                day.pin = None;
            }
            Ok(())
        })?;
        self.status().await
    }

    /// 下班退出: ends the clerk's login here and on the platform, and the session at the counter
    /// with it. While something she confirmed for a resident waits to be sent she is told first
    /// (better sent while she is here), unless `even_with_unsent`: then it waits on this computer
    /// and goes out under the next login of a clerk of her centre here, once the network is back.
    pub async fn log_out(&self, even_with_unsent: bool) -> Result<(), Error> {
        if let Err(error) = self.app.assisted().end().await {
            tracing::warn!(%error, "the assisted session was not ended on the platform");
        }
        if let Some(store) = self.app.store() {
            let waiting = crate::outbox::assisted_close::confirmed_waiting(store)?;
            if waiting > 0 && !even_with_unsent {
                return Err(Error::with_args(
                    "staff-unsent-waiting",
                    vec![("count", waiting.to_string())],
                ));
            }
        }
        self.end_login().await
    }

    /// Ends her login here and on the platform (her working day is over, or the app started
    /// again), and the session at the counter with it; what waits to be sent stays for the next
    /// login here.
    async fn end_login(&self) -> Result<(), Error> {
        if let Err(error) = self.app.assisted().end().await {
            tracing::warn!(%error, "the assisted session was not ended on the platform");
        }
        *self.day() = None;
        self.app.session.log_out(self.app.client()).await?;
        Ok(())
    }

    /// Runs `change` on her day, or refuses in plain words when nobody is logged in.
    pub(super) fn with_day<T>(
        &self,
        change: impl FnOnce(&mut StaffDay) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut day = self.day();
        let day = day
            .as_mut()
            .ok_or_else(|| Error::plain("staff-not-logged-in"))?;
        change(day)
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
            clerk_name: None,
            centre: None,
            locked: false,
            pin_usable: false,
            ends_at_words: None,
            day_over: false,
            card_reader: false,
            manager: false,
        }
    }
}
