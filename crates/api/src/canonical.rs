//! Canonical JSON: the exact bytes that signatures and request hashes are computed over.
//!
//! The form: UTF-8 JSON with no insignificant white space, object keys sorted by their UTF-8 bytes at
//! every depth, strings escaped as `serde_json` escapes them, numbers as `serde_json` prints them.

use serde_json::Value;

/// The value with every object's keys sorted.
pub fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), sorted(&map[k])))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// The canonical bytes of a value.
pub fn to_bytes(value: &Value) -> Vec<u8> {
    // Sorting first and writing compactly is the whole canonical form; writing a Value cannot fail.
    serde_json::to_vec(&sorted(value)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_order_and_spacing_do_not_matter() {
        let a: Value =
            serde_json::from_str(r#"{"b": 1, "a": {"y": "二", "x": [{"q": 1, "p": 2}]}}"#).unwrap();
        let b: Value =
            serde_json::from_str(r#"{"a":{"x":[{"p":2,"q":1}],"y":"二"},"b":1}"#).unwrap();
        assert_eq!(to_bytes(&a), to_bytes(&b));
        assert_eq!(
            String::from_utf8(to_bytes(&b)).unwrap(),
            r#"{"a":{"x":[{"p":2,"q":1}],"y":"二"},"b":1}"#
        );
    }
}
