//! Answer of the liveness probe `GET /healthz`.

use serde::{Deserialize, Serialize};

/// Answer of `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `ok` when the server answers at all.
    pub status: String,
    /// The server's package version.
    pub version: String,
    /// Number of service items in the catalog.
    pub catalog_items: u64,
}
