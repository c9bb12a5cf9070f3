//! Provinces, cities and districts (GB/T 2260 statistical codes), shipped with the app so an
//! address is picked from a list offline, never spelled. Data: `data/regions.json`, see
//! `data/README.md`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The shipped tree: `[code, name, children?]` from province down to district.
const DATA: &str = include_str!("../data/regions.json");

/// One place a person can pick: a province, a city or a district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Region {
    /// Its statistical code (2 digits for a province, 4 for a city, 6 or more below).
    pub code: String,
    /// Its name in plain words.
    pub name: String,
    /// Whether it is the last step (a district, or a town of a city without districts).
    pub last: bool,
}

/// An address answer: the district picked from the list, and the street, building and door typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddressAnswer {
    /// Code of the picked district (a leaf of the tree).
    pub region: String,
    /// Street, community, building and door number.
    #[serde(default)]
    pub detail: String,
}

impl AddressAnswer {
    /// The answer held in `value`, if it has the shape of one.
    pub fn of(value: &Value) -> Option<Self> {
        serde_json::from_value(value.clone()).ok()
    }
}

#[derive(Deserialize)]
struct Node(String, String, #[serde(default)] Vec<Node>);

struct Entry {
    name: String,
    parent: Option<String>,
    children: Vec<String>,
}

struct Tree {
    provinces: Vec<String>,
    entries: HashMap<String, Entry>,
}

static TREE: LazyLock<Tree> = LazyLock::new(|| {
    // The data is compiled in and checked by the tests below; an unreadable copy gives no places.
    let nodes: Vec<Node> = serde_json::from_str(DATA).unwrap_or_default();
    let mut entries = HashMap::new();
    let provinces = nodes.iter().map(|n| n.0.clone()).collect();
    for node in nodes {
        add(&mut entries, node, None);
    }
    Tree { provinces, entries }
});

fn add(entries: &mut HashMap<String, Entry>, node: Node, parent: Option<String>) {
    let Node(code, name, children) = node;
    let entry = Entry {
        name,
        parent,
        children: children.iter().map(|c| c.0.clone()).collect(),
    };
    entries.insert(code.clone(), entry);
    for child in children {
        add(entries, child, Some(code.clone()));
    }
}

/// Names the data gives to a group of districts rather than to a place people name.
const BOOKKEEPING: [&str; 4] = [
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

/// The words shown for a place: the data's bookkeeping names ("市辖区", "省直辖县级行政区划") in
/// plain words.
fn shown_name(name: &str) -> &str {
    match name {
        "市辖区" => "市区",
        "省直辖县级行政区划" | "自治区直辖县级行政区划" => "直辖的县和市",
        other => other,
    }
}

fn region(tree: &Tree, code: &str) -> Option<Region> {
    let entry = tree.entries.get(code)?;
    Some(Region {
        code: code.to_owned(),
        name: shown_name(&entry.name).to_owned(),
        last: entry.children.is_empty(),
    })
}

/// The places to pick from under `code` (the provinces when `None`); a place with one part only
/// (北京市's "市辖区") is stepped through, so nobody is asked a question with one answer. Empty for
/// an unknown code or a district.
pub fn choices(code: Option<&str>) -> Vec<Region> {
    let tree = &*TREE;
    let mut codes = match code {
        None => &tree.provinces,
        Some(code) => match tree.entries.get(code) {
            Some(entry) => &entry.children,
            None => return Vec::new(),
        },
    };
    while let [only] = codes.as_slice() {
        match tree.entries.get(only) {
            Some(entry) if !entry.children.is_empty() => codes = &entry.children,
            _ => break,
        }
    }
    codes.iter().filter_map(|c| region(tree, c)).collect()
}

/// The places from the province down to `code`, leaving out a part that was stepped through;
/// `None` for an unknown code.
pub fn path(code: &str) -> Option<Vec<Region>> {
    let tree = &*TREE;
    let mut chain = vec![code.to_owned()];
    while let Some(parent) = tree.entries.get(chain.last()?)?.parent.clone() {
        chain.push(parent);
    }
    chain.reverse();
    let mut path = Vec::new();
    for (index, code) in chain.iter().enumerate() {
        let only_part = index > 0
            && index + 1 < chain.len()
            && tree
                .entries
                .get(&chain[index - 1])
                .is_some_and(|parent| parent.children.len() == 1);
        if !only_part {
            path.push(region(tree, code)?);
        }
    }
    Some(path)
}

/// Whether `code` is a place an address can end at (a district, or a town of a city without
/// districts).
pub fn is_last(code: &str) -> bool {
    TREE.entries
        .get(code)
        .is_some_and(|entry| entry.children.is_empty())
}

/// The address in words, e.g. "北京市东城区 和平里街道1号"; `None` when the district is unknown.
pub fn address_text(answer: &AddressAnswer) -> Option<String> {
    let places: String = path(&answer.region)?
        .iter()
        .filter_map(|r| TREE.entries.get(&r.code))
        .map(|entry| entry.name.as_str())
        .filter(|name| !BOOKKEEPING.contains(name))
        .collect();
    let detail = answer.detail.trim();
    Some(if detail.is_empty() {
        places
    } else {
        format!("{places} {detail}")
    })
}

/// The address written in words (as on an ID card: "北京市东城区和平里街道1号") read back into a
/// picked district and the street part; `None` unless it names a province, city and district of the
/// list in order.
pub fn parse_address(text: &str) -> Option<AddressAnswer> {
    let tree = &*TREE;
    let mut rest = text.trim();
    let mut level = &tree.provinces;
    loop {
        let (code, after) = named_at_start(tree, level, rest)?;
        rest = after;
        let entry = tree.entries.get(&code)?;
        if entry.children.is_empty() {
            return Some(AddressAnswer {
                region: code,
                detail: rest.trim().to_owned(),
            });
        }
        level = &entry.children;
    }
}

/// The place of `level` whose name `text` starts with, and the text after it; a bookkeeping group
/// (市辖区, 县) is looked through, as addresses never name it.
fn named_at_start<'a>(tree: &Tree, level: &[String], text: &'a str) -> Option<(String, &'a str)> {
    for code in level {
        let entry = tree.entries.get(code)?;
        if BOOKKEEPING.contains(&entry.name.as_str()) {
            if let Some(found) = named_at_start(tree, &entry.children, text) {
                return Some(found);
            }
        } else if let Some(after) = text.strip_prefix(entry.name.as_str()) {
            return Some((code.clone(), after));
        }
    }
    None
}

#[cfg(test)]
mod tests;
