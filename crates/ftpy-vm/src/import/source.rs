//! Reading Python source files: PEP 263 decoding, universal newlines.

use crate::error::PyResult;
use crate::thread::ThreadState;

/// Reads a source file as text (see [`decode_source`]).
pub fn read_source(ts: &mut ThreadState, path: &str) -> PyResult<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Err(super::os_error(ts, &e, path));
        }
    };
    decode_source(&bytes, path).map_err(|m| ts.syntax_error_msg(m))
}

/// Source bytes as text, as CPython's tokenizer reads them (PEP 263): a
/// UTF-8 BOM is skipped; a coding cookie on line 1 or 2 may name UTF-8,
/// Latin-1 or ASCII; otherwise the text must be UTF-8. The error is the
/// SyntaxError message CPython gives.
pub fn decode_source(bytes: &[u8], path: &str) -> Result<String, String> {
    let (b, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let cookie = coding_cookie(b);
    let enc = cookie
        .as_deref()
        .map(|c| c.to_ascii_lowercase().replace('_', "-"));
    match enc.as_deref() {
        None | Some("utf-8" | "utf8") => {}
        Some(e) if e.starts_with("utf-8-") => {}
        Some("latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1") if !bom => {
            return Ok(b.iter().map(|&c| c as char).collect());
        }
        Some("ascii" | "us-ascii") if !bom => {
            if let Some(i) = b.iter().position(|&c| c >= 0x80) {
                return Err(format!(
                    "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)",
                    b[i]
                ));
            }
        }
        Some(_) if bom => return Err("encoding problem: utf-8".to_string()),
        Some(_) => return Err(format!("unknown encoding: {}", cookie.unwrap_or_default())),
    }
    match std::str::from_utf8(b) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = b[..at].iter().filter(|&&c| c == b'\n').count() + 1;
            if cookie.is_some() {
                return Err(format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte",
                    b[at]
                ));
            }
            Err(format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                b[at]
            ))
        }
    }
}

/// The encoding named by a PEP 263 cookie on the first two lines.
fn coding_cookie(b: &[u8]) -> Option<String> {
    let mut lines = b.split(|&c| c == b'\n');
    for n in 0..2 {
        let line = lines.next()?;
        let text: String = line.iter().map(|&c| c as char).collect();
        let t = text.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            // Only a comment or blank first line lets line 2 declare it.
            if n == 0 && t.trim().is_empty() {
                continue;
            }
            return None;
        }
        if let Some(i) = t.find("coding") {
            let rest = &t[i + 6..];
            if let Some(r) = rest.strip_prefix([':', '=']) {
                let name: String = r
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Source text with universal newlines (`\r\n` and `\r` become `\n`),
/// as importlib's `decode_source` returns it.
pub fn universal_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Source bytes given to `compile()`, `exec()` or `eval()` as text. With a
/// coding cookie (or BOM) as [`decode_source`]. Without one the text is
/// UTF-8, checked as CPython's string tokenizer does: token by token, so
/// bytes in comments are not checked and an error gives the position of
/// the bad byte inside its string literal or name. The error is the
/// SyntaxError message and line number.
pub fn decode_string_source(bytes: &[u8]) -> Result<String, (String, usize)> {
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf");
    if has_bom || coding_cookie(bytes).is_some() {
        return decode_source(bytes, "<string>").map_err(|m| (m, 1));
    }
    let mut out = String::with_capacity(bytes.len());
    for (i, line) in bytes.split_inclusive(|&c| c == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(s) => out.push_str(s),
            Err(e) => {
                let bad = e.valid_up_to();
                let before = &line[..bad];
                // Inside a comment: not checked.
                let quotes = before.iter().filter(|&&c| c == b'"' || c == b'\'').count();
                if quotes % 2 == 0 && before.contains(&b'#') {
                    out.push_str(&String::from_utf8_lossy(line));
                    continue;
                }
                let start = if quotes % 2 == 1 {
                    before
                        .iter()
                        .rposition(|&c| c == b'"' || c == b'\'')
                        .map_or(0, |q| q + 1)
                } else {
                    before
                        .iter()
                        .rposition(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80))
                        .map_or(0, |p| p + 1)
                };
                // The token ends at the closing quote (or the end of the
                // name): a sequence cut short there is "unexpected end".
                let end = if quotes % 2 == 1 {
                    let q = line[start - 1];
                    line[bad..]
                        .iter()
                        .position(|&c| c == q)
                        .map_or(line.len(), |p| bad + p)
                } else {
                    line[bad..]
                        .iter()
                        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80))
                        .map_or(line.len(), |p| bad + p)
                };
                let e = match std::str::from_utf8(&line[start..end]) {
                    Err(e) => e,
                    Ok(_) => e,
                };
                let b = line[bad];
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0xc2..=0xf4).contains(&b) => "invalid continuation byte",
                    Some(_) => "invalid start byte",
                };
                return Err((
                    format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{b:02x} in position {}: {reason}",
                        bad - start
                    ),
                    i + 1,
                ));
            }
        }
    }
    Ok(out)
}
