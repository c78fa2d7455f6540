//! Unicode character properties Python exposes (`str.isprintable`, the
//! escaping in `repr`): printability from a table generated from CPython
//! 3.11's Unicode 14.0.0 database (unassigned code points are not
//! printable), the rest from Rust's tables and explicit ranges.

/// Whether `repr()` shows `c` as is (Python's `str.isprintable`): see
/// [`ftpy_compiler::printable`] (the tokenizer needs it too).
pub fn is_printable(c: char) -> bool {
    ftpy_compiler::printable::is_printable(c)
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
        assert!(!is_printable('\u{378}'));
        assert!(!is_printable('\u{14000}'));
    }
}

/// The zero of every block of Unicode decimal digits (category Nd, Unicode
/// 14 as CPython 3.11 has it); each block holds the ten digits in order.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a Unicode decimal digit (`unicodedata.decimal`), which
/// `int()`, `float()` and `str.isdecimal` accept.
pub fn decimal_value(c: char) -> Option<u32> {
    let n = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= n);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (n - zero < 10).then_some(n - zero)
}

/// `s` with its non-ASCII decimal digits replaced by ASCII ones and
/// Unicode spaces trimmed, as `int()` and `float()` read numbers.
pub fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    if t.is_ascii() {
        return std::borrow::Cow::Borrowed(t);
    }
    std::borrow::Cow::Owned(
        t.chars()
            .map(|c| match decimal_value(c) {
                Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
                _ => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod digit_tests {
    use super::*;

    #[test]
    fn decimal_digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{1D7D7}'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{2F}'), None);
        assert_eq!(ascii_digits(" \u{661}.\u{665} "), "1.5");
    }
}

/// Titlecase mappings that differ from the uppercase one (ligatures,
/// digraphs, Greek with ypogegrammeni, Armenian); Unicode 14 data.
const TITLE_SPECIAL: &[(u32, &str)] = &[
    (0xDF, "\u{53}\u{73}"),
    (0x1C4, "\u{1c5}"),
    (0x1C6, "\u{1c5}"),
    (0x1C7, "\u{1c8}"),
    (0x1C9, "\u{1c8}"),
    (0x1CA, "\u{1cb}"),
    (0x1CC, "\u{1cb}"),
    (0x1F1, "\u{1f2}"),
    (0x1F3, "\u{1f2}"),
    (0x587, "\u{535}\u{582}"),
    (0x1F80, "\u{1f88}"),
    (0x1F81, "\u{1f89}"),
    (0x1F82, "\u{1f8a}"),
    (0x1F83, "\u{1f8b}"),
    (0x1F84, "\u{1f8c}"),
    (0x1F85, "\u{1f8d}"),
    (0x1F86, "\u{1f8e}"),
    (0x1F87, "\u{1f8f}"),
    (0x1F90, "\u{1f98}"),
    (0x1F91, "\u{1f99}"),
    (0x1F92, "\u{1f9a}"),
    (0x1F93, "\u{1f9b}"),
    (0x1F94, "\u{1f9c}"),
    (0x1F95, "\u{1f9d}"),
    (0x1F96, "\u{1f9e}"),
    (0x1F97, "\u{1f9f}"),
    (0x1FA0, "\u{1fa8}"),
    (0x1FA1, "\u{1fa9}"),
    (0x1FA2, "\u{1faa}"),
    (0x1FA3, "\u{1fab}"),
    (0x1FA4, "\u{1fac}"),
    (0x1FA5, "\u{1fad}"),
    (0x1FA6, "\u{1fae}"),
    (0x1FA7, "\u{1faf}"),
    (0x1FB2, "\u{1fba}\u{345}"),
    (0x1FB3, "\u{1fbc}"),
    (0x1FB4, "\u{386}\u{345}"),
    (0x1FB7, "\u{391}\u{342}\u{345}"),
    (0x1FC2, "\u{1fca}\u{345}"),
    (0x1FC3, "\u{1fcc}"),
    (0x1FC4, "\u{389}\u{345}"),
    (0x1FC7, "\u{397}\u{342}\u{345}"),
    (0x1FF2, "\u{1ffa}\u{345}"),
    (0x1FF3, "\u{1ffc}"),
    (0x1FF4, "\u{38f}\u{345}"),
    (0x1FF7, "\u{3a9}\u{342}\u{345}"),
    (0xFB00, "\u{46}\u{66}"),
    (0xFB01, "\u{46}\u{69}"),
    (0xFB02, "\u{46}\u{6c}"),
    (0xFB03, "\u{46}\u{66}\u{69}"),
    (0xFB04, "\u{46}\u{66}\u{6c}"),
    (0xFB05, "\u{53}\u{74}"),
    (0xFB06, "\u{53}\u{74}"),
    (0xFB13, "\u{544}\u{576}"),
    (0xFB14, "\u{544}\u{565}"),
    (0xFB15, "\u{544}\u{56b}"),
    (0xFB16, "\u{54e}\u{576}"),
    (0xFB17, "\u{544}\u{56d}"),
];

/// Characters that are their own titlecase although their uppercase differs
/// (titlecase digraphs, Georgian Mkhedruli, Greek with prosgegrammeni).
const TITLE_SELF: &[(u32, u32)] = &[
    (0x1C5, 0x1C5),
    (0x1C8, 0x1C8),
    (0x1CB, 0x1CB),
    (0x1F2, 0x1F2),
    (0x10D0, 0x10FA),
    (0x10FD, 0x10FF),
    (0x1F88, 0x1F8F),
    (0x1F98, 0x1F9F),
    (0x1FA8, 0x1FAF),
    (0x1FBC, 0x1FBC),
    (0x1FCC, 0x1FCC),
    (0x1FFC, 0x1FFC),
];

/// Case foldings that differ from the lowercase mapping (besides the
/// Cherokee ranges `casefold` handles); Unicode 14 data.
const FOLD_SPECIAL: &[(u32, &str)] = &[
    (0xB5, "\u{3bc}"),
    (0xDF, "\u{73}\u{73}"),
    (0x149, "\u{2bc}\u{6e}"),
    (0x17F, "\u{73}"),
    (0x1F0, "\u{6a}\u{30c}"),
    (0x345, "\u{3b9}"),
    (0x390, "\u{3b9}\u{308}\u{301}"),
    (0x3B0, "\u{3c5}\u{308}\u{301}"),
    (0x3C2, "\u{3c3}"),
    (0x3D0, "\u{3b2}"),
    (0x3D1, "\u{3b8}"),
    (0x3D5, "\u{3c6}"),
    (0x3D6, "\u{3c0}"),
    (0x3F0, "\u{3ba}"),
    (0x3F1, "\u{3c1}"),
    (0x3F5, "\u{3b5}"),
    (0x587, "\u{565}\u{582}"),
    (0x13F8, "\u{13f0}"),
    (0x13F9, "\u{13f1}"),
    (0x13FA, "\u{13f2}"),
    (0x13FB, "\u{13f3}"),
    (0x13FC, "\u{13f4}"),
    (0x13FD, "\u{13f5}"),
    (0x1C80, "\u{432}"),
    (0x1C81, "\u{434}"),
    (0x1C82, "\u{43e}"),
    (0x1C83, "\u{441}"),
    (0x1C84, "\u{442}"),
    (0x1C85, "\u{442}"),
    (0x1C86, "\u{44a}"),
    (0x1C87, "\u{463}"),
    (0x1C88, "\u{a64b}"),
    (0x1E96, "\u{68}\u{331}"),
    (0x1E97, "\u{74}\u{308}"),
    (0x1E98, "\u{77}\u{30a}"),
    (0x1E99, "\u{79}\u{30a}"),
    (0x1E9A, "\u{61}\u{2be}"),
    (0x1E9B, "\u{1e61}"),
    (0x1E9E, "\u{73}\u{73}"),
    (0x1F50, "\u{3c5}\u{313}"),
    (0x1F52, "\u{3c5}\u{313}\u{300}"),
    (0x1F54, "\u{3c5}\u{313}\u{301}"),
    (0x1F56, "\u{3c5}\u{313}\u{342}"),
    (0x1F80, "\u{1f00}\u{3b9}"),
    (0x1F81, "\u{1f01}\u{3b9}"),
    (0x1F82, "\u{1f02}\u{3b9}"),
    (0x1F83, "\u{1f03}\u{3b9}"),
    (0x1F84, "\u{1f04}\u{3b9}"),
    (0x1F85, "\u{1f05}\u{3b9}"),
    (0x1F86, "\u{1f06}\u{3b9}"),
    (0x1F87, "\u{1f07}\u{3b9}"),
    (0x1F88, "\u{1f00}\u{3b9}"),
    (0x1F89, "\u{1f01}\u{3b9}"),
    (0x1F8A, "\u{1f02}\u{3b9}"),
    (0x1F8B, "\u{1f03}\u{3b9}"),
    (0x1F8C, "\u{1f04}\u{3b9}"),
    (0x1F8D, "\u{1f05}\u{3b9}"),
    (0x1F8E, "\u{1f06}\u{3b9}"),
    (0x1F8F, "\u{1f07}\u{3b9}"),
    (0x1F90, "\u{1f20}\u{3b9}"),
    (0x1F91, "\u{1f21}\u{3b9}"),
    (0x1F92, "\u{1f22}\u{3b9}"),
    (0x1F93, "\u{1f23}\u{3b9}"),
    (0x1F94, "\u{1f24}\u{3b9}"),
    (0x1F95, "\u{1f25}\u{3b9}"),
    (0x1F96, "\u{1f26}\u{3b9}"),
    (0x1F97, "\u{1f27}\u{3b9}"),
    (0x1F98, "\u{1f20}\u{3b9}"),
    (0x1F99, "\u{1f21}\u{3b9}"),
    (0x1F9A, "\u{1f22}\u{3b9}"),
    (0x1F9B, "\u{1f23}\u{3b9}"),
    (0x1F9C, "\u{1f24}\u{3b9}"),
    (0x1F9D, "\u{1f25}\u{3b9}"),
    (0x1F9E, "\u{1f26}\u{3b9}"),
    (0x1F9F, "\u{1f27}\u{3b9}"),
    (0x1FA0, "\u{1f60}\u{3b9}"),
    (0x1FA1, "\u{1f61}\u{3b9}"),
    (0x1FA2, "\u{1f62}\u{3b9}"),
    (0x1FA3, "\u{1f63}\u{3b9}"),
    (0x1FA4, "\u{1f64}\u{3b9}"),
    (0x1FA5, "\u{1f65}\u{3b9}"),
    (0x1FA6, "\u{1f66}\u{3b9}"),
    (0x1FA7, "\u{1f67}\u{3b9}"),
    (0x1FA8, "\u{1f60}\u{3b9}"),
    (0x1FA9, "\u{1f61}\u{3b9}"),
    (0x1FAA, "\u{1f62}\u{3b9}"),
    (0x1FAB, "\u{1f63}\u{3b9}"),
    (0x1FAC, "\u{1f64}\u{3b9}"),
    (0x1FAD, "\u{1f65}\u{3b9}"),
    (0x1FAE, "\u{1f66}\u{3b9}"),
    (0x1FAF, "\u{1f67}\u{3b9}"),
    (0x1FB2, "\u{1f70}\u{3b9}"),
    (0x1FB3, "\u{3b1}\u{3b9}"),
    (0x1FB4, "\u{3ac}\u{3b9}"),
    (0x1FB6, "\u{3b1}\u{342}"),
    (0x1FB7, "\u{3b1}\u{342}\u{3b9}"),
    (0x1FBC, "\u{3b1}\u{3b9}"),
    (0x1FBE, "\u{3b9}"),
    (0x1FC2, "\u{1f74}\u{3b9}"),
    (0x1FC3, "\u{3b7}\u{3b9}"),
    (0x1FC4, "\u{3ae}\u{3b9}"),
    (0x1FC6, "\u{3b7}\u{342}"),
    (0x1FC7, "\u{3b7}\u{342}\u{3b9}"),
    (0x1FCC, "\u{3b7}\u{3b9}"),
    (0x1FD2, "\u{3b9}\u{308}\u{300}"),
    (0x1FD3, "\u{3b9}\u{308}\u{301}"),
    (0x1FD6, "\u{3b9}\u{342}"),
    (0x1FD7, "\u{3b9}\u{308}\u{342}"),
    (0x1FE2, "\u{3c5}\u{308}\u{300}"),
    (0x1FE3, "\u{3c5}\u{308}\u{301}"),
    (0x1FE4, "\u{3c1}\u{313}"),
    (0x1FE6, "\u{3c5}\u{342}"),
    (0x1FE7, "\u{3c5}\u{308}\u{342}"),
    (0x1FF2, "\u{1f7c}\u{3b9}"),
    (0x1FF3, "\u{3c9}\u{3b9}"),
    (0x1FF4, "\u{3ce}\u{3b9}"),
    (0x1FF6, "\u{3c9}\u{342}"),
    (0x1FF7, "\u{3c9}\u{342}\u{3b9}"),
    (0x1FFC, "\u{3c9}\u{3b9}"),
    (0xFB00, "\u{66}\u{66}"),
    (0xFB01, "\u{66}\u{69}"),
    (0xFB02, "\u{66}\u{6c}"),
    (0xFB03, "\u{66}\u{66}\u{69}"),
    (0xFB04, "\u{66}\u{66}\u{6c}"),
    (0xFB05, "\u{73}\u{74}"),
    (0xFB06, "\u{73}\u{74}"),
    (0xFB13, "\u{574}\u{576}"),
    (0xFB14, "\u{574}\u{565}"),
    (0xFB15, "\u{574}\u{56b}"),
    (0xFB16, "\u{57e}\u{576}"),
    (0xFB17, "\u{574}\u{56d}"),
];

/// Appends the titlecase of `c` (`str.title`, `str.capitalize`).
pub fn push_title(out: &mut String, c: char) {
    let n = c as u32;
    if let Ok(i) = TITLE_SPECIAL.binary_search_by_key(&n, |&(k, _)| k) {
        out.push_str(TITLE_SPECIAL[i].1);
    } else if TITLE_SELF.iter().any(|&(a, b)| (a..=b).contains(&n)) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Appends the case folding of `c` (`str.casefold`).
pub fn push_casefold(out: &mut String, c: char) {
    let n = c as u32;
    if let Ok(i) = FOLD_SPECIAL.binary_search_by_key(&n, |&(k, _)| k) {
        out.push_str(FOLD_SPECIAL[i].1);
    } else if (0x13A0..=0x13F5).contains(&n) {
        out.push(c);
    } else if (0xAB70..=0xABBF).contains(&n) {
        out.push(char::from_u32(n - 0xAB70 + 0x13A0).unwrap_or(c));
    } else {
        out.extend(c.to_lowercase());
    }
}

// ---- generalized UTF-8 ------------------------------------------------------------
//
// A Python str is a sequence of code points, any of U+0000..U+10FFFF,
// including the lone surrogates U+D800..U+DFFF that UTF-8 cannot hold.
// ftpy stores text as *generalized UTF-8*: UTF-8, except that a surrogate
// code point is written as its own 3-byte sequence (ED A0..BF 80..BF).
// Two surrogates in a row stay two 3-byte sequences (they are two code
// points in Python, never one supplementary character), so this is not
// WTF-8 proper. The encoding keeps UTF-8's properties that the str
// methods rely on: self-synchronizing (a match of one encoded string
// inside another starts at a code point), and byte order is code point
// order. Text without surrogates is plain UTF-8 and can be seen as `&str`.

/// Whether `cp` is a surrogate code point.
#[inline(always)]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

/// Appends code point `cp` (any value up to U+10FFFF, surrogates too) in
/// generalized UTF-8.
#[inline]
pub fn push_cp(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// The number of bytes of the sequence that starts with `lead`.
#[inline(always)]
pub fn seq_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The code point whose sequence starts at byte `i` of valid generalized
/// UTF-8 `b`, and the sequence's length. Out-of-range reads (only on
/// invalid input) give U+FFFD rather than a panic.
#[inline]
pub fn cp_at(b: &[u8], i: usize) -> (u32, usize) {
    let lead = b[i];
    let n = seq_len(lead);
    let cont = |k: usize| b.get(i + k).map_or(0, |&c| (c & 0x3F) as u32);
    let cp = match n {
        1 => lead as u32,
        2 => ((lead & 0x1F) as u32) << 6 | cont(1),
        3 => ((lead & 0x0F) as u32) << 12 | cont(1) << 6 | cont(2),
        _ => ((lead & 0x07) as u32) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
    };
    (cp, n)
}

/// The code points of valid generalized UTF-8.
#[derive(Clone)]
pub struct CodePoints<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> CodePoints<'a> {
    pub fn new(b: &'a [u8]) -> Self {
        CodePoints { b, i: 0 }
    }

    /// The byte offset of the next code point.
    pub fn offset(&self) -> usize {
        self.i
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.i >= self.b.len() {
            return None;
        }
        let (cp, n) = cp_at(self.b, self.i);
        self.i += n;
        Some(cp)
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        if self.i >= self.b.len() {
            return None;
        }
        let mut j = self.b.len() - 1;
        while j > self.i && self.b[j] & 0xC0 == 0x80 {
            j -= 1;
        }
        let (cp, _) = cp_at(self.b, j);
        self.b = &self.b[..j];
        Some(cp)
    }
}

/// The code points of `b` (valid generalized UTF-8).
#[inline]
pub fn code_points(b: &[u8]) -> CodePoints<'_> {
    CodePoints::new(b)
}

/// The number of code points of valid generalized UTF-8.
#[inline]
pub fn cp_count(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c & 0xC0 != 0x80).count()
}

/// Checks that `b` is generalized UTF-8: `Some(has_surrogates)`, or `None`
/// when it is not.
pub fn check_wtf8(b: &[u8]) -> Option<bool> {
    let e = match std::str::from_utf8(b) {
        Ok(_) => return Some(false),
        Err(e) => e,
    };
    let mut i = e.valid_up_to();
    let mut surrogates = false;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            i += 1;
            continue;
        }
        let n = match c {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return None,
        };
        if i + n > b.len() || b[i + 1..i + n].iter().any(|&x| x & 0xC0 != 0x80) {
            return None;
        }
        let c1 = b[i + 1];
        let ok = match c {
            0xE0 => c1 >= 0xA0,
            0xF0 => c1 >= 0x90,
            0xF4 => c1 < 0x90,
            _ => true,
        };
        if !ok {
            return None;
        }
        if c == 0xED && c1 >= 0xA0 {
            surrogates = true;
        }
        i += n;
    }
    Some(surrogates)
}

/// `b` (generalized UTF-8) with every surrogate replaced by U+FFFD: the
/// same length, and valid UTF-8 (both sequences are 3 bytes).
pub fn replace_surrogates(b: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < b.len() {
        if b[i] == 0xED && i + 2 < b.len() && b[i + 1] >= 0xA0 {
            out.extend_from_slice(&[0xEF, 0xBF, 0xBD]);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
}

/// The `char` of a code point, `None` for a surrogate.
#[inline(always)]
pub fn as_char(cp: u32) -> Option<char> {
    char::from_u32(cp)
}

#[cfg(test)]
mod wtf8_tests {
    use super::*;

    #[test]
    fn round_trip_with_surrogates() {
        let mut b = Vec::new();
        for cp in [0x41, 0xE9, 0xD800, 0xDFFF, 0x20AC, 0x1F600, 0xDC80] {
            push_cp(&mut b, cp);
        }
        assert_eq!(check_wtf8(&b), Some(true));
        assert_eq!(
            code_points(&b).collect::<Vec<_>>(),
            [0x41, 0xE9, 0xD800, 0xDFFF, 0x20AC, 0x1F600, 0xDC80]
        );
        assert_eq!(
            code_points(&b).rev().collect::<Vec<_>>(),
            [0xDC80, 0x1F600, 0x20AC, 0xDFFF, 0xD800, 0xE9, 0x41]
        );
        assert_eq!(cp_count(&b), 7);
        let mut s = Vec::new();
        replace_surrogates(&b, &mut s);
        assert_eq!(s.len(), b.len());
        assert_eq!(
            std::str::from_utf8(&s).ok(),
            Some("Aé\u{fffd}\u{fffd}€😀\u{fffd}")
        );
        assert_eq!(check_wtf8("abc".as_bytes()), Some(false));
        assert_eq!(check_wtf8(&[0xFF]), None);
        assert_eq!(check_wtf8(&[0xE0, 0x80, 0x80]), None);
        assert_eq!(check_wtf8(&[0xED, 0xA0]), None);
    }
}
