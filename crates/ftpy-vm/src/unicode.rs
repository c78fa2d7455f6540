//! Unicode character properties Python exposes (`str.isprintable`, the
//! escaping in `repr`). An approximation from Rust's tables plus explicit
//! ranges of the categories CPython treats as non-printable (Cc, Cf, Co,
//! Zl, Zp, Zs other than space); unassigned code points count as
//! printable except the noncharacters.

/// Ranges (inclusive) of format characters (Cf) and separators (Zs, Zl,
/// Zp) other than the ASCII space.
const NON_PRINTABLE: &[(u32, u32)] = &[
    (0x00A0, 0x00A0),
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x2064),
    (0x2066, 0x206F),
    (0x3000, 0x3000),
    (0xD800, 0xF8FF),
    (0xFDD0, 0xFDEF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xF0000, 0x10FFFF),
];

/// Whether `repr()` shows `c` as is (Python's `str.isprintable`).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x7f {
        return n >= 0x20;
    }
    if c.is_control() {
        return false;
    }
    if (n & 0xFFFE) == 0xFFFE {
        return false;
    }
    !NON_PRINTABLE.iter().any(|&(a, b)| n >= a && n <= b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable() {
        assert!(is_printable('a'));
        assert!(is_printable('é'));
        assert!(is_printable('中'));
        assert!(!is_printable('\n'));
        assert!(!is_printable('\u{a0}'));
        assert!(!is_printable('\u{200b}'));
        assert!(!is_printable('\u{7f}'));
        assert!(is_printable(' '));
    }
}
