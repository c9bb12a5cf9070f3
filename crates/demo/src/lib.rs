//! The demo district, in one place: the service items older residents of one district need most
//! (with made-up but well-formed codes), their application forms, the demo people, and a complete
//! sample application. The reference platform seeds itself from it (`huiban-platform serve --demo`);
//! core's, the platform's and the end-to-end tests, the benchmarks and the UI's recorded fixtures use
//! it. It holds data only: no I/O, no server.

pub mod centres;
pub mod credit_code;
mod forms;
mod items;
mod large_catalog;
pub mod people;

pub use large_catalog::catalog_of_size;

use huiban_api::{
    CatalogItem, FormDefinition, HandlingChannel, NewApplication, QuestionKind, id_number,
};

use forms::form;
use items::{SPECS, build};

/// A complete application for the first demo item whose name contains `name_part`, answered as a
/// demo applicant whose ID number starts with the 17 digits `id_first17`; for demos, tests and benchmarks.
pub fn sample_application(name_part: &str, id_first17: &str) -> Option<NewApplication> {
    let item = catalog_items()
        .into_iter()
        .find(|i| i.name.contains(name_part))?;
    let form_ref = item.form.clone()?;
    let form = form_definitions()
        .into_iter()
        .find(|f| f.form_id == form_ref.form_id)?;
    let id = format!("{id_first17}{}", id_number::check_character(id_first17)?);
    let answers = form
        .questions
        .iter()
        .map(|q| {
            let value = match q.kind {
                QuestionKind::IdNumber => serde_json::json!(id),
                QuestionKind::Phone => serde_json::json!("13800000001"),
                QuestionKind::Address => {
                    serde_json::json!({"region": "110101", "detail": "和平里街道示例社区1号楼2单元301"})
                }
                QuestionKind::BankCard => serde_json::json!("6222020200112233446"),
                QuestionKind::YesNo => serde_json::json!(false),
                QuestionKind::Group => serde_json::json!([]),
                QuestionKind::Attachment | QuestionKind::Licence => {
                    serde_json::json!(people::demo_photo_name())
                }
                _ => serde_json::json!("张秀英"),
            };
            (q.id.clone(), value)
        })
        .collect();
    Some(NewApplication {
        impl_code: item.impl_code,
        form_id: form_ref.form_id,
        form_version: form_ref.version,
        answers,
        channel: HandlingChannel::Web,
    })
}

/// The demo catalog items, in a stable order with stable codes.
pub fn catalog_items() -> Vec<CatalogItem> {
    SPECS
        .iter()
        .enumerate()
        .map(|(index, spec)| build(index + 1, spec))
        .collect()
}

/// The application form of every demo item, one per item.
pub fn form_definitions() -> Vec<FormDefinition> {
    SPECS
        .iter()
        .enumerate()
        .map(|(index, spec)| form(index + 1, spec))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use huiban_api::CaseType;

    #[test]
    fn at_least_thirty_items_with_unique_well_formed_codes() {
        let items = catalog_items();
        assert!(items.len() >= 30, "only {} demo items", items.len());
        let codes: HashSet<_> = items.iter().map(|i| i.impl_code.clone()).collect();
        assert_eq!(codes.len(), items.len(), "impl_code must be unique");
        for item in &items {
            assert!(item.impl_code.len() <= 24, "{} too long", item.impl_code);
            assert_eq!(item.department.credit_code.len(), 18, "{}", item.name);
            assert!(!item.materials.is_empty(), "{} has no materials", item.name);
            assert!(item.legal_days >= item.promised_days, "{}", item.name);
        }
    }

    #[test]
    fn the_items_older_people_ask_for_are_there() {
        let names: HashSet<_> = catalog_items().into_iter().map(|i| i.name).collect();
        for name in [
            "高龄津贴申领",
            "老年人优待证办理",
            "医保异地就医备案",
            "居住证办理",
            "残疾人证办理",
            "最低生活保障申请",
            "户口迁移",
            "不动产登记信息查询",
            "殡葬补贴申领",
            "城乡居民基本养老保险待遇申领",
        ] {
            assert!(names.contains(name), "missing {name}");
        }
    }

    #[test]
    fn every_item_has_a_form_with_unique_question_ids() {
        let forms = form_definitions();
        for item in catalog_items() {
            let form_ref = item.form.expect("every demo item is online");
            let form = forms
                .iter()
                .find(|f| f.form_id == form_ref.form_id && f.version == form_ref.version)
                .expect("form exists");
            assert_eq!(form.title, item.name);
            let ids: HashSet<_> = form.questions.iter().map(|q| q.id.as_str()).collect();
            assert_eq!(ids.len(), form.questions.len(), "{}", item.name);
        }
    }

    #[test]
    fn on_the_spot_items_are_case_type_one() {
        for item in catalog_items() {
            assert_eq!(
                item.case_type == CaseType::OnTheSpot,
                item.promised_days == 0,
                "{}",
                item.name
            );
        }
    }
}
