//! 老年人常办: the services older people use most, found in whatever catalog the platform sends by
//! the words their names carry, so that each is one press away at the top of 办事.

use huiban_api::CatalogItem;

/// Words naming the services older people use most, most used first.
const MOST_USED: [&str; 6] = [
    "高龄津贴",
    "养老保险待遇领取资格认证",
    "老年人优待证",
    "异地就医",
    "居家养老服务补贴",
    "健康体检",
];

/// The implementation codes of the catalog's items older people use most, in that order; the first
/// item named by each word, each item once.
pub fn shortcuts(items: &[CatalogItem]) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for words in MOST_USED {
        if let Some(item) = items
            .iter()
            .find(|item| item.name.contains(words) && !chosen.contains(&item.impl_code))
        {
            chosen.push(item.impl_code.clone());
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_catalog_offers_six_in_order() {
        let items = huiban_demo::catalog_items();
        let names: Vec<String> = shortcuts(&items)
            .iter()
            .filter_map(|code| items.iter().find(|i| &i.impl_code == code))
            .map(|i| i.name.clone())
            .collect();
        assert_eq!(
            names,
            [
                "高龄津贴申领",
                "养老保险待遇领取资格认证",
                "老年人优待证办理",
                "医保异地就医备案",
                "居家养老服务补贴申请",
                "65岁及以上老年人免费健康体检",
            ]
        );
    }

    #[test]
    fn a_catalog_without_them_offers_none() {
        assert!(shortcuts(&[]).is_empty());
        let mut items = huiban_demo::catalog_items();
        items.retain(|i| i.name.contains("户口"));
        assert!(shortcuts(&items).is_empty());
    }
}
