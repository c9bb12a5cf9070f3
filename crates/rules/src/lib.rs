//! The rules every answer to a form must meet, in one place: the app checks each answer with them
//! as it is given, and the platform checks every submission and 补正 with the same code on arrival
//! (a tampered or outdated client cannot file what the app would refuse). No I/O; the plain
//! messages for each rule live with the app's localisation.

mod answer;
mod answers;
pub mod group;
mod id_number;
pub mod regions;

pub use answer::{
    ADDRESS_DETAIL_MIN, ADDRESS_MAX, LONG_TEXT_MAX, MONEY_MAX, Rule, TEXT_MAX, check_answer,
    is_blank, is_file_name,
};
pub use answers::{Problem, check_answers};
pub use id_number::{IdNumberProblem, birth_date, check_id_number};
