//! The centre's figures (决策分析) for its manager, in the staff window: the platform's counts made
//! into bar charts and tables with the same numbers, in plain words, and saved as a CSV table.

pub mod chart;
mod service;
pub mod table_file;
pub mod view;

pub use chart::{Bar, ChartView};
pub use service::FiguresService;
pub use view::{FiguresView, PeriodView, TableView};
