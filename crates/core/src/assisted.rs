//! Acting for a resident at a service centre's counter (代办): the clerk identifies her (ID number on
//! the keypad and her name, or her ID card on a reader), the resident consents (the code the platform
//! texted to her phone), and only then does anything of hers show; 结束办理 ends it.

pub mod acted_for_me;
pub mod acting;
pub(crate) mod acting_for;
pub mod card_reader;
pub mod resident;
mod served_today;
mod service;
mod signature;

pub use acted_for_me::ActedForMeView;
pub use card_reader::{CardReader, IdCard, SimulatedReader};
pub use served_today::ServedTodayView;
pub use service::{AssistedService, AssistedView};
