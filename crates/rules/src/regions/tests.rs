use super::*;

fn names(regions: &[Region]) -> Vec<&str> {
    regions.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn the_shipped_data_holds_every_province_and_every_district() {
    let provinces = choices(None);
    assert_eq!(provinces.len(), 31);
    assert_eq!(provinces[0].name, "北京市");
    assert!(names(&provinces).contains(&"新疆维吾尔自治区"));
    let districts = TREE
        .entries
        .iter()
        .filter(|(_, e)| e.children.is_empty())
        .count();
    assert!(districts > 3000, "{districts} districts");
    for (code, entry) in &TREE.entries {
        if let Some(parent) = &entry.parent {
            assert!(code.starts_with(parent.as_str()), "{code} under {parent}");
        }
    }
}

#[test]
fn a_municipality_goes_straight_to_its_districts() {
    let beijing = choices(Some("11"));
    assert!(names(&beijing).contains(&"东城区"));
    assert!(beijing.iter().all(|r| r.last));
    assert_eq!(names(&path("110101").unwrap()), ["北京市", "东城区"]);
}

#[test]
fn a_province_asks_for_the_city_then_the_district() {
    let hebei = choices(Some("13"));
    assert!(names(&hebei).contains(&"石家庄市"));
    assert!(hebei.iter().all(|r| !r.last));
    let shijiazhuang = choices(Some("1301"));
    assert!(names(&shijiazhuang).contains(&"长安区"));
    assert_eq!(
        names(&path("130102").unwrap()),
        ["河北省", "石家庄市", "长安区"]
    );
}

#[test]
fn bookkeeping_groups_are_named_in_plain_words_and_left_out_of_the_address() {
    let chongqing = choices(Some("50"));
    assert_eq!(names(&chongqing), ["市区", "县"]);
    assert_eq!(names(&choices(Some("42"))).last(), Some(&"直辖的县和市"));
    let answer = AddressAnswer {
        region: "500103".into(),
        detail: " 解放碑街道1号 ".into(),
    };
    assert_eq!(
        address_text(&answer).as_deref(),
        Some("重庆市渝中区 解放碑街道1号")
    );
}

#[test]
fn a_city_without_districts_ends_at_its_towns() {
    let dongguan = choices(Some("4419"));
    assert!(names(&dongguan).contains(&"虎门镇"));
    assert!(is_last("441900121"));
    assert!(!is_last("4419"));
}

#[test]
fn unknown_codes_give_nothing() {
    assert!(choices(Some("99")).is_empty());
    assert!(choices(Some("110101")).is_empty());
    assert_eq!(path("999999"), None);
    assert!(!is_last("999999"));
    assert!(!is_last(""));
    let answer = AddressAnswer {
        region: "12345".into(),
        detail: "x".into(),
    };
    assert_eq!(address_text(&answer), None);
}

#[test]
fn an_address_reads_as_people_write_it() {
    let answer =
        AddressAnswer::of(&serde_json::json!({"region": "110101", "detail": "和平里街道1号楼"}))
            .unwrap();
    assert_eq!(
        address_text(&answer).as_deref(),
        Some("北京市东城区 和平里街道1号楼")
    );
    assert_eq!(AddressAnswer::of(&serde_json::json!("北京市")), None);
}

#[test]
fn an_address_in_words_is_read_back_into_the_list() {
    let read = |text: &str| parse_address(text).map(|a| (a.region, a.detail));
    assert_eq!(
        read("北京市东城区和平里街道示例社区1号"),
        Some(("110101".into(), "和平里街道示例社区1号".into()))
    );
    assert_eq!(
        read("河北省石家庄市长安区建设北大街3号"),
        Some(("130102".into(), "建设北大街3号".into()))
    );
    assert_eq!(
        read("重庆市城口县葛城街道1号"),
        Some(("500229".into(), "葛城街道1号".into()))
    );
    assert_eq!(
        read("广东省东莞市虎门镇连升路1号"),
        Some(("441900121".into(), "连升路1号".into()))
    );
    // Not down to a district, or not a place of the list: left for the person to pick.
    assert_eq!(read("北京市和平里街道1号"), None);
    assert_eq!(read("河北省某某市长安区1号"), None);
    assert_eq!(read("和平里街道1号"), None);
    assert_eq!(read(""), None);
}
