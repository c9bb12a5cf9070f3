//! `app.kiosk()`: the welcome screen's login, 是您本人吗？, 我办完了 and leaving kiosk mode.

use huiban_api::kiosk::{KioskConfig, PrinterState};
use huiban_api::{DeviceAuthorization, TokenRequest};
use serde::Serialize;

use super::Kiosk;
use super::visit::{self, LoginCode, LoginWait, Pending};
use crate::Error;
use crate::app::App;

/// What the kiosk window shows: the welcome screen, or a person's errands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct KioskView {
    /// Someone said it is her: her errands are open.
    pub in_use: bool,
    /// Her masked name (张*英), while in use.
    pub person: Option<String>,
    /// Seconds without a touch before 还在吗？.
    pub idle_seconds: u32,
    /// Seconds counted down after 还在吗？ before her session ends.
    pub countdown_seconds: u32,
    /// What is wrong with its receipt printer, in plain words (out of paper, not answering).
    pub printer_problem: Option<String>,
    /// It has an ID-card reader: 用身份证登录 is offered.
    pub card_reader: bool,
}

impl App {
    /// The kiosk (kiosk mode only; refused in plain words otherwise).
    pub fn kiosk(&self) -> KioskService<'_> {
        KioskService { app: self }
    }
}

/// The kiosk, as `app.kiosk()` offers it.
pub struct KioskService<'a> {
    pub(super) app: &'a App,
}

impl KioskService<'_> {
    pub(super) fn kiosk(&self) -> Result<&Kiosk, Error> {
        self.app
            .kiosk
            .as_deref()
            .ok_or_else(|| Error::plain("kiosk-out-of-order"))
    }

    /// What the kiosk window shows now, with the remote config as the last heartbeat heard it
    /// (asked of no one here: the window asks this often, and offline it must not wait).
    pub async fn status(&self) -> Result<KioskView, Error> {
        let kiosk = self.kiosk()?;
        let config = kiosk.config();
        let person = kiosk.person();
        let printer_problem = match kiosk.printer() {
            PrinterState::OutOfPaper => Some("kiosk-printer-out-of-paper"),
            PrinterState::Offline => Some("kiosk-printer-offline"),
            PrinterState::Ready | PrinterState::None => None,
        };
        Ok(KioskView {
            in_use: person.is_some(),
            person,
            idle_seconds: config.idle_seconds,
            countdown_seconds: config.countdown_seconds,
            printer_problem: printer_problem.map(|id| self.app.localizer().text(id, &[])),
            card_reader: self.app.has_card_reader(),
        })
    }

    /// The platform's config for this kiosk, kept for the window and for when it cannot be asked.
    pub async fn config(&self) -> Result<KioskConfig, Error> {
        let kiosk = self.kiosk()?;
        let token = kiosk.device.token(self.app.client()).await?;
        let config = self.app.client().kiosk_config(&token).await?;
        kiosk.keep_config(config.clone());
        Ok(config)
    }

    /// A new code for the next person to log in with (any login on its way is dropped).
    pub async fn login_code(&self) -> Result<LoginCode, Error> {
        Ok(LoginCode::of(&self.new_request().await?))
    }

    /// A new device request of this kiosk's, kept as the login on its way (any other dropped).
    pub(super) async fn new_request(&self) -> Result<DeviceAuthorization, Error> {
        let kiosk = self.kiosk()?;
        let token = kiosk.device.token(self.app.client()).await?;
        let answer = self
            .app
            .client()
            .device_authorization(&token)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-offline"))?;
        *kiosk.visit.lock().await = Some(Pending {
            device_code: answer.device_code.clone(),
            approved: None,
        });
        Ok(answer)
    }

    /// Whether she approved the code on her phone yet.
    pub async fn login_wait(&self) -> Result<LoginWait, Error> {
        let kiosk = self.kiosk()?;
        let mut visit = kiosk.visit.lock().await;
        let Some(pending) = visit.as_mut() else {
            return Ok(LoginWait::Expired);
        };
        if let Some(answer) = &pending.approved {
            return Ok(LoginWait::Approved {
                name: visit::masked_name(answer),
            });
        }
        let request = TokenRequest::DeviceCode {
            device_code: pending.device_code.clone(),
        };
        match self.app.client().token(&request).await {
            Ok(answer) => {
                let name = visit::masked_name(&answer);
                pending.approved = Some(answer);
                Ok(LoginWait::Approved { name })
            }
            Err(error) => match visit::wait_of(&error) {
                Some(LoginWait::Waiting) => Ok(LoginWait::Waiting),
                Some(ended) => {
                    *visit = None;
                    Ok(ended)
                }
                None => Err(Error::online_only(error, "kiosk-offline")),
            },
        }
    }

    /// 是您本人吗？: yes begins her login here; no ends it on the platform at once (and the next
    /// code is shown).
    pub async fn confirm(&self, it_is_her: bool) -> Result<KioskView, Error> {
        let kiosk = self.kiosk()?;
        let approved = kiosk
            .visit
            .lock()
            .await
            .take()
            .and_then(|pending| pending.approved);
        let Some(answer) = approved else {
            return Err(Error::plain("kiosk-login-gone"));
        };
        if it_is_her {
            let name = visit::masked_name(&answer);
            // Her submission key, for what she confirms and cannot be sent before she is done.
            if let (Some(store), Some(key)) = (self.app.store(), &answer.submission_key) {
                store.keep_submission_key(&answer.account_id, key)?;
            }
            self.app.session.begin(answer).await?;
            kiosk.set_person(Some(name));
            self.app.wake().notify_one();
            self.app.pull_now().notify_one();
        } else if let Err(error) = self.app.client().log_out(&answer.access_token).await {
            // Unrenewable and short: it ends by itself within minutes if the platform missed this.
            tracing::warn!(%error, "could not end a login the person said was not hers");
        }
        self.status().await
    }

    /// 我办完了 (or the countdown ran out): her login ends here and on the platform, and everything
    /// of hers leaves this kiosk but what she confirmed and is not sent yet.
    pub async fn finish(&self) -> Result<KioskView, Error> {
        let kiosk = self.kiosk()?;
        *kiosk.visit.lock().await = None;
        kiosk.keep_card(None);
        kiosk.keep_refusal(None);
        {
            let _held = self.app.pull_gate().hold().await;
            if let Err(error) = self.app.session.log_out(self.app.client()).await {
                tracing::warn!(error = %error, "her kiosk login could not be ended on the platform");
            }
            if let Some(store) = self.app.store() {
                store.forget_visitors_but_unsent()?;
            }
            self.app.preferences().forget();
        }
        kiosk.set_person(None);
        // Her call for staff, if she made one, ends with her visit.
        if let Err(error) = self.cancel_staff_call().await {
            tracing::warn!(%error, "the kiosk's call for staff was not ended on the platform");
        }
        self.status().await
    }

    /// Leaves kiosk mode with the staff PIN; wrong PINs are counted (five, then only a restart).
    pub fn leave(&self, pin: &str) -> Result<(), Error> {
        let kiosk = self.kiosk()?;
        let mut exit_pin = kiosk
            .exit_pin
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(exit_pin) = exit_pin.as_mut() else {
            return Err(Error::plain("kiosk-pin-spent"));
        };
        exit_pin
            .check(pin.trim())
            .map_err(|error| match error.id() {
                "staff-pin-wrong" => Error::with_args("kiosk-pin-wrong", error.args().to_vec()),
                _ => Error::plain("kiosk-pin-spent"),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{app_with_store, logged_in};

    /// A kiosk's app with a store, someone logged in.
    fn kiosk_app(dir: &tempfile::TempDir) -> App {
        let setup: crate::kiosk::KioskSetup = toml::from_str(
            "device = \"kiosk01\"\ndevice_password_file = \"/nowhere\"\nexit_pin = \"none\"\n",
        )
        .expect("setup");
        app_with_store(dir, logged_in("a"))
            .in_mode(crate::mode::Mode::Kiosk)
            .with_kiosk(Kiosk::new(&setup))
    }

    #[tokio::test]
    async fn a_printer_out_of_paper_is_told_in_plain_words() {
        let dir = tempfile::tempdir().expect("dir");
        let app = kiosk_app(&dir);
        assert_eq!(
            app.kiosk().status().await.expect("status").printer_problem,
            None
        );
        app.kiosk_here()
            .expect("kiosk")
            .note_printer(PrinterState::OutOfPaper);
        let words = app.kiosk().status().await.expect("status").printer_problem;
        assert!(
            words.as_deref().is_some_and(|w| w.contains("没纸")),
            "{words:?}"
        );
        assert_eq!(
            app.kiosk()
                .heartbeat(PrinterState::OutOfPaper)
                .expect("beat")
                .printer,
            PrinterState::OutOfPaper
        );
    }

    #[tokio::test]
    async fn the_heartbeat_tells_when_she_is_asked_whether_she_is_still_there() {
        use huiban_api::kiosk::KioskState;
        let dir = tempfile::tempdir().expect("dir");
        let app = kiosk_app(&dir);
        let state = || {
            app.kiosk()
                .heartbeat(PrinterState::Ready)
                .expect("beat")
                .state
        };
        // Nobody there: a warning shown by mistake is not told.
        app.kiosk().note_idle_warning(true).expect("noted");
        assert_eq!(state(), KioskState::Welcome);
        let kiosk = app.kiosk_here().expect("kiosk");
        kiosk.set_person(Some("张*英".to_owned()));
        assert_eq!(state(), KioskState::InUse);
        app.kiosk().note_idle_warning(true).expect("noted");
        assert_eq!(state(), KioskState::IdleWarning);
        app.kiosk().note_idle_warning(false).expect("noted");
        assert_eq!(state(), KioskState::InUse);
        // Her visit's end forgets the warning with her.
        app.kiosk().note_idle_warning(true).expect("noted");
        kiosk.set_person(None);
        kiosk.set_person(Some("王*明".to_owned()));
        assert_eq!(state(), KioskState::InUse);
    }
}
