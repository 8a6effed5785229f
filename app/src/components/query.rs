//! Values in links: what the browser must not read as part of the URL is percent-encoded.

/// `s` as one query value: everything but unreserved characters (RFC 3986) is encoded.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_path_with_a_query_stays_one_value() {
        assert_eq!(super::encode("/admin/rates?type=STD&month=2027-01"), "/admin/rates%3Ftype%3DSTD%26month%3D2027-01");
        assert_eq!(super::encode("2026-12-02T10:00:00.000001Z|bookings.audit:1"), "2026-12-02T10:00:00.000001Z%7Cbookings.audit:1");
    }
}
