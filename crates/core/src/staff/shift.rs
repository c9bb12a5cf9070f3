//! A clerk's working day on one computer: the screen locks after five minutes without input (her
//! PIN or password brings it back, nothing lost) and the login ends with the working day.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};

/// How long the screen stays open without input.
pub const IDLE_LOCK: Duration = Duration::minutes(5);
/// The longest a login lasts: a working day with its breaks.
pub const LONGEST_DAY: Duration = Duration::hours(10);

/// When the login began and when the clerk last touched the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    began: DateTime<FixedOffset>,
    last_input: DateTime<FixedOffset>,
    /// She locked the screen herself (锁屏) and has not opened it since.
    locked_by_hand: bool,
}

impl Shift {
    /// A day begun by logging in at `at`.
    pub fn began(at: DateTime<FixedOffset>) -> Self {
        Self {
            began: at,
            last_input: at,
            locked_by_hand: false,
        }
    }

    /// She touched the screen at `at`. Input on a locked screen does not open it.
    pub fn input(&mut self, at: DateTime<FixedOffset>) {
        if !self.is_locked(at) {
            self.last_input = self.last_input.max(at);
        }
    }

    /// Her PIN or password opened the screen at `at`.
    pub fn unlocked(&mut self, at: DateTime<FixedOffset>) {
        self.last_input = self.last_input.max(at);
        self.locked_by_hand = false;
    }

    /// She locked the screen herself before stepping away (锁屏).
    pub fn lock(&mut self) {
        self.locked_by_hand = true;
    }

    /// Whether the screen is locked at `now`: locked by hand, or five minutes or more without input.
    pub fn is_locked(&self, now: DateTime<FixedOffset>) -> bool {
        self.locked_by_hand || now - self.last_input >= IDLE_LOCK
    }

    /// When the login ends: ten hours after it began, or at midnight where she is, whichever is first.
    pub fn ends_at(&self) -> DateTime<FixedOffset> {
        let midnight = self
            .began
            .date_naive()
            .succ_opt()
            .map(|day| day.and_time(NaiveTime::MIN))
            .and_then(|next| next.and_local_timezone(*self.began.offset()).single());
        let longest = self.began + LONGEST_DAY;
        midnight.map_or(longest, |midnight| midnight.min(longest))
    }

    /// Whether the working day is over at `now`, so the login ends.
    pub fn is_over(&self, now: DateTime<FixedOffset>) -> bool {
        now >= self.ends_at()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn five_minutes_without_input_lock_the_screen_and_input_alone_does_not_open_it() {
        let mut shift = Shift::began(at("2026-11-30T09:00:00+08:00"));
        shift.input(at("2026-11-30T09:04:00+08:00"));
        assert!(!shift.is_locked(at("2026-11-30T09:08:59+08:00")));
        assert!(shift.is_locked(at("2026-11-30T09:09:00+08:00")));
        shift.input(at("2026-11-30T09:10:00+08:00"));
        assert!(
            shift.is_locked(at("2026-11-30T09:10:00+08:00")),
            "a touch on the lock screen is not her PIN"
        );
        shift.unlocked(at("2026-11-30T09:11:00+08:00"));
        assert!(!shift.is_locked(at("2026-11-30T09:12:00+08:00")));
    }

    #[test]
    fn a_screen_locked_by_hand_stays_locked_until_her_pin_or_password() {
        let mut shift = Shift::began(at("2026-11-30T09:00:00+08:00"));
        shift.lock();
        assert!(shift.is_locked(at("2026-11-30T09:00:01+08:00")));
        shift.input(at("2026-11-30T09:00:02+08:00"));
        assert!(shift.is_locked(at("2026-11-30T09:00:03+08:00")));
        shift.unlocked(at("2026-11-30T09:01:00+08:00"));
        assert!(!shift.is_locked(at("2026-11-30T09:01:01+08:00")));
    }

    #[test]
    fn input_from_the_past_does_not_move_the_lock_back() {
        let mut shift = Shift::began(at("2026-11-30T09:00:00+08:00"));
        shift.input(at("2026-11-30T09:04:00+08:00"));
        shift.input(at("2026-11-30T09:01:00+08:00"));
        assert!(!shift.is_locked(at("2026-11-30T09:08:30+08:00")));
    }

    #[test]
    fn the_login_ends_after_ten_hours_or_at_midnight() {
        let morning = Shift::began(at("2026-11-30T08:30:00+08:00"));
        assert_eq!(morning.ends_at(), at("2026-11-30T18:30:00+08:00"));
        assert!(!morning.is_over(at("2026-11-30T18:29:59+08:00")));
        assert!(morning.is_over(at("2026-11-30T18:30:00+08:00")));
        let evening = Shift::began(at("2026-11-30T19:00:00+08:00"));
        assert_eq!(evening.ends_at(), at("2026-12-01T00:00:00+08:00"));
    }
}
