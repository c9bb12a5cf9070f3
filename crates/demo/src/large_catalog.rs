//! A catalog as large as a province's, for measuring search: the demo items again and again, each
//! copy named for one of Beijing's sixteen districts and numbered by round.

use huiban_api::CatalogItem;

/// The districts the copies are named for.
const DISTRICTS: &[&str] = &[
    "东城区",
    "西城区",
    "朝阳区",
    "海淀区",
    "丰台区",
    "石景山区",
    "门头沟区",
    "房山区",
    "通州区",
    "顺义区",
    "昌平区",
    "大兴区",
    "怀柔区",
    "平谷区",
    "密云区",
    "延庆区",
];

/// `size` distinct items made of the demo catalog: `东城区高龄津贴申领（0）` and so on.
pub fn catalog_of_size(size: usize) -> Vec<CatalogItem> {
    let demo = crate::catalog_items();
    (0..size)
        .map(|n| {
            let mut item = demo[n % demo.len()].clone();
            let district = DISTRICTS[(n / demo.len()) % DISTRICTS.len()];
            item.name = format!(
                "{district}{}（{}）",
                item.name,
                n / (demo.len() * DISTRICTS.len())
            );
            item.impl_code = format!("{n:024}");
            item
        })
        .collect()
}
