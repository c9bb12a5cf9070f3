//! Everything a journey test uses, in one import: `use huiban_e2e::prelude::*;`.

pub use crate::answers::*;
pub use crate::app::*;
pub use crate::looks::*;
pub use crate::people::*;
pub use crate::waits::*;
