//! A room's or room type's `features` as a manager types them: one `key: value` a line, where
//! `yes`/`no` is a yes-or-no feature, a whole number a number and anything else text. Stored as
//! BSON of that type, so a search can ask for `balcony: true` or `wifi_mbps >= 300`.
use mongodb::bson::{Bson, Document};

/// At most this many features on one room or room type.
pub const MAX_FEATURES: usize = 40;
const MAX_KEY: usize = 40;
const MAX_VALUE: usize = 200;

/// Why a line of features was refused, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct InvalidFeatures {
    pub line: usize,
    pub message: String,
}

/// Reads the lines; blank lines are skipped, a key given twice is refused.
pub fn parse(text: &str) -> Result<Document, InvalidFeatures> {
    let mut features = Document::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let fail = |message: &str| Err(InvalidFeatures { line, message: message.to_owned() });
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let Some((key, value)) = raw.split_once(':') else { return fail("write it as key: value, such as view: sea") };
        let (key, value) = (key.trim(), value.trim());
        let key_ok = (1..=MAX_KEY).contains(&key.len())
            && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && key.as_bytes()[0].is_ascii_lowercase();
        if !key_ok {
            return fail("a key is 1 to 40 lower-case letters, digits or _, starting with a letter");
        }
        if value.is_empty() || value.chars().count() > MAX_VALUE {
            return fail("a value is 1 to 200 characters");
        }
        if features.contains_key(key) {
            return fail("this key is already given above");
        }
        if features.len() == MAX_FEATURES {
            return fail("at most 40 features");
        }
        features.insert(key, typed(value));
    }
    Ok(features)
}

fn typed(value: &str) -> Bson {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "true" => Bson::Boolean(true),
        "no" | "false" => Bson::Boolean(false),
        _ => match value.parse::<i64>() {
            Ok(n) => Bson::Int64(n),
            Err(_) => Bson::String(value.to_owned()),
        },
    }
}

/// The features as [`parse`] reads them back, one a line.
pub fn render(features: &Document) -> String {
    features.iter().map(|(k, v)| format!("{k}: {}", shown(v))).collect::<Vec<_>>().join("\n")
}

/// A value as a manager reads it, and its kind: `("yes", "yes/no")`, `("300", "number")`.
pub fn shown(value: &Bson) -> String {
    match value {
        Bson::Boolean(true) => "yes".into(),
        Bson::Boolean(false) => "no".into(),
        Bson::Int32(n) => n.to_string(),
        Bson::Int64(n) => n.to_string(),
        Bson::Double(n) => n.to_string(),
        Bson::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The kind of a value, as the editor labels it.
pub fn kind(value: &Bson) -> &'static str {
    match value {
        Bson::Boolean(_) => "yes/no",
        Bson::Int32(_) | Bson::Int64(_) | Bson::Double(_) => "number",
        _ => "text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mongodb::bson::doc;

    #[test]
    fn values_take_their_type() {
        let f = parse("view: sea\n\nbalcony: yes\nwifi_mbps: 300\nbutler: No\nfloor_note: 2nd wing").unwrap();
        assert_eq!(f, doc! { "view": "sea", "balcony": true, "wifi_mbps": 300_i64, "butler": false, "floor_note": "2nd wing" });
        assert_eq!(parse(&render(&f)).unwrap(), f);
    }

    #[test]
    fn bad_lines_are_named() {
        assert_eq!(parse("view: sea\nsea view").unwrap_err().line, 2);
        assert_eq!(parse("View: sea").unwrap_err().line, 1);
        assert_eq!(parse("view: sea\nview: city").unwrap_err().message, "this key is already given above");
        assert_eq!(parse("view:").unwrap_err().line, 1);
        let many: String = (0..41).map(|i| format!("k{i}: 1\n")).collect();
        assert_eq!(parse(&many).unwrap_err().line, 41);
    }
}
