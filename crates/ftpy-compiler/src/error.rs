//! Source positions: byte offsets (what the parser gives) to the line and
//! column numbers CPython reports, and [`CompileError`] construction.
//!
//! Two column conventions coexist, as in CPython:
//! - instruction [`Location`]s (`co_positions()`) count UTF-8 bytes from the
//!   start of the line, 0-based;
//! - a `SyntaxError`'s `offset` counts characters, 1-based.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as Python's tokenizer has it.

use ruff_text_size::{TextRange, TextSize};

use crate::code::Location;
use crate::{CompileError, ErrorKind};

/// Line index of one source text.
pub(crate) struct SourceMap<'a> {
    pub src: &'a str,
    pub filename: &'a str,
    /// Byte offset of the start of every line (line 1 starts at 0).
    line_starts: Vec<u32>,
    /// The line index [`SourceMap::line_col`] found last: the code
    /// generator asks about nearby offsets one after another, so checking
    /// this line (and the next) first skips most binary searches.
    last_line: std::cell::Cell<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(src: &'a str, filename: &'a str) -> SourceMap<'a> {
        let mut line_starts = vec![0];
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            src,
            filename,
            line_starts,
            last_line: std::cell::Cell::new(0),
        }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset).min(self.src.len() as u32);
        let starts = &self.line_starts;
        let within = |i: usize| {
            i < starts.len() && starts[i] <= off && starts.get(i + 1).is_none_or(|&e| off < e)
        };
        let hint = self.last_line.get();
        let line = if within(hint) {
            hint
        } else if within(hint + 1) {
            hint + 1
        } else {
            match starts.binary_search(&off) {
                Ok(i) => i,
                Err(i) => i - 1,
            }
        };
        self.last_line.set(line);
        (line as u32 + 1, off - starts[line])
    }

    /// The instruction location of a node's range.
    pub fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start());
        let (end_line, end_col) = self.line_col(range.end());
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: u32) -> Option<&'a str> {
        let idx = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(idx)? as usize;
        let end = self
            .line_starts
            .get(idx + 1)
            .map_or(self.src.len(), |&e| e as usize);
        let text = self.src.get(start..end)?;
        Some(text.trim_end_matches(['\n', '\r']))
    }

    /// 1-based character column of a byte column on a line.
    pub fn char_offset(&self, line: u32, byte_col: u32) -> u32 {
        let text = self.line_text(line).unwrap_or("");
        let mut n = 0u32;
        for (i, _) in text.char_indices() {
            if i >= byte_col as usize {
                break;
            }
            n += 1;
        }
        if byte_col as usize > text.len() {
            n += byte_col - text.len() as u32;
        }
        n + 1
    }

    /// An error spanning `range`.
    pub fn error(&self, kind: ErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        // CPython's NEWLINE token leaves the line break out: an error at
        // it is empty and on its own line (`if x` without a colon puts one
        // caret after `x`), not a span reaching into the next line.
        let range = match self
            .src
            .get(range.start().to_usize()..range.end().to_usize())
        {
            Some("\n" | "\r\n" | "\r") => TextRange::empty(range.start()),
            _ => range,
        };
        let (lineno, col) = self.line_col(range.start());
        let (end_lineno, end_col) = self.line_col(range.end());
        self.error_at(kind, msg, lineno, col, end_lineno, end_col)
    }

    /// An error at explicit positions (lines 1-based, byte columns 0-based).
    pub fn error_at(
        &self,
        kind: ErrorKind,
        msg: impl Into<String>,
        lineno: u32,
        col: u32,
        end_lineno: u32,
        end_col: u32,
    ) -> CompileError {
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            offset: self.char_offset(lineno, col),
            end_lineno,
            end_offset: self.char_offset(end_lineno, end_col) as i32,
            text: self.line_text(lineno).map(str::to_string),
            text_from_file: false,
        }
    }

    /// A `SyntaxError` spanning `range`.
    pub fn syntax_error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.error(ErrorKind::SyntaxError, msg, range)
    }

    /// The error for a program nested too deeply to compile.
    pub fn recursion_error(&self) -> CompileError {
        CompileError {
            kind: ErrorKind::RecursionError,
            msg: "maximum recursion depth exceeded during compilation".to_string(),
            filename: self.filename.to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
            text_from_file: false,
        }
    }
}
