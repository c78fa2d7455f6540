//! A byte format for [`CodeObject`]s, for the VM's compiled-code cache.
//!
//! ```text
//! code   := str name, str qualname, str filename, u32 flags, u32 argcount,
//!           u32 posonlyargcount, u32 kwonlyargcount, u32 first_line,
//!           u32 n, u64 instr * n, u32 n, location * n,
//!           u32 n, const * n, strs names, strs varnames, strs cellvars,
//!           strs freevars, u32 n, (u32 arg+1 or 0) * n,
//!           u32 n, (u32 start, u32 end, u32 target, u32 depth, u8 lasti) * n,
//!           u32 stacksize, u32 ncaches
//! const  := u8 tag, payload (see `Tag`)
//! str    := u32 byte length, UTF-8 bytes
//! ```
//! Integers are little-endian. [`decode`] checks every length against the
//! bytes that remain and bounds nesting, and returns `None` on anything
//! malformed: a corrupt cache file is recompiled, never trusted (the VM
//! also runs the bytecode verifier on what it loads).

use crate::code::{CodeObject, Constant, ExceptionEntry, Location};
use crate::opcode::Instr;

include!(concat!(env!("OUT_DIR"), "/bytecode_version.rs"));

/// Deepest nesting of constants (tuples, code objects) [`decode`] accepts.
const MAX_DEPTH: u32 = 2000;

#[repr(u8)]
enum Tag {
    None = 0,
    False = 1,
    True = 2,
    Ellipsis = 3,
    Int = 4,
    BigInt = 5,
    Float = 6,
    Complex = 7,
    Str = 8,
    Bytes = 9,
    Tuple = 10,
    FrozenSet = 11,
    Code = 12,
    Wtf8 = 13,
}

/// The bytes of a code object (and the code objects among its constants).
pub fn encode(code: &CodeObject) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(code.instructions.len() * 24 + 256));
    w.code(code);
    w.0
}

/// The code object [`encode`] made `bytes` from; `None` if they are not
/// exactly such an encoding.
pub fn decode(bytes: &[u8]) -> Option<CodeObject> {
    let mut r = Reader { b: bytes, depth: 0 };
    let code = r.code()?;
    if !r.b.is_empty() {
        return None;
    }
    Some(code)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }
    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.u8(Tag::None as u8),
            Constant::Bool(false) => self.u8(Tag::False as u8),
            Constant::Bool(true) => self.u8(Tag::True as u8),
            Constant::Ellipsis => self.u8(Tag::Ellipsis as u8),
            Constant::Int(i) => {
                self.u8(Tag::Int as u8);
                self.u64(*i as u64);
            }
            Constant::BigInt(s) => {
                self.u8(Tag::BigInt as u8);
                self.str(s);
            }
            Constant::Float(f) => {
                self.u8(Tag::Float as u8);
                self.u64(f.to_bits());
            }
            Constant::Complex { real, imag } => {
                self.u8(Tag::Complex as u8);
                self.u64(real.to_bits());
                self.u64(imag.to_bits());
            }
            Constant::Str(s) => {
                self.u8(Tag::Str as u8);
                self.str(s);
            }
            Constant::Bytes(b) => {
                self.u8(Tag::Bytes as u8);
                self.bytes(b);
            }
            Constant::Wtf8(b) => {
                self.u8(Tag::Wtf8 as u8);
                self.bytes(b);
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                let tag = if matches!(c, Constant::Tuple(_)) {
                    Tag::Tuple
                } else {
                    Tag::FrozenSet
                };
                self.u8(tag as u8);
                self.len(items.len());
                for i in items {
                    self.constant(i);
                }
            }
            Constant::Code(code) => {
                self.u8(Tag::Code as u8);
                self.code(code);
            }
        }
    }
    fn code(&mut self, c: &CodeObject) {
        self.str(&c.name);
        self.str(&c.qualname);
        self.str(&c.filename);
        for v in [
            c.flags,
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.first_line,
        ] {
            self.u32(v);
        }
        self.len(c.instructions.len());
        for i in &c.instructions {
            self.u64(i.0);
        }
        self.len(c.locations.len());
        for l in &c.locations {
            for v in [l.line, l.end_line, l.col, l.end_col] {
                self.u32(v);
            }
        }
        self.len(c.constants.len());
        for k in &c.constants {
            self.constant(k);
        }
        self.strs(&c.names);
        self.strs(&c.varnames);
        self.strs(&c.cellvars);
        self.strs(&c.freevars);
        self.len(c.cell2arg.len());
        for a in &c.cell2arg {
            self.u32(a.map_or(0, |a| a + 1));
        }
        self.len(c.exception_table.len());
        for e in &c.exception_table {
            for v in [e.start, e.end, e.target, e.depth] {
                self.u32(v);
            }
            self.u8(e.lasti as u8);
        }
        self.u32(c.stacksize);
        self.u32(c.ncaches);
    }
}

struct Reader<'a> {
    b: &'a [u8],
    depth: u32,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.b.len() < n {
            return None;
        }
        let (head, rest) = self.b.split_at(n);
        self.b = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A count of items that each take at least `min_size` bytes (so a
    /// corrupt count cannot make us reserve more than the input holds).
    fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        if n.checked_mul(min_size.max(1))? > self.b.len() {
            return None;
        }
        Some(n)
    }
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.u32()? as usize;
        Some(self.take(n)?.to_vec())
    }
    fn str(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?).ok()
    }
    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.count(4)?;
        (0..n).map(|_| self.str()).collect()
    }
    fn constant(&mut self) -> Option<Constant> {
        let tag = self.u8()?;
        Some(match tag {
            t if t == Tag::None as u8 => Constant::None,
            t if t == Tag::False as u8 => Constant::Bool(false),
            t if t == Tag::True as u8 => Constant::Bool(true),
            t if t == Tag::Ellipsis as u8 => Constant::Ellipsis,
            t if t == Tag::Int as u8 => Constant::Int(self.u64()? as i64),
            t if t == Tag::BigInt as u8 => Constant::BigInt(self.str()?),
            t if t == Tag::Float as u8 => Constant::Float(f64::from_bits(self.u64()?)),
            t if t == Tag::Complex as u8 => Constant::Complex {
                real: f64::from_bits(self.u64()?),
                imag: f64::from_bits(self.u64()?),
            },
            t if t == Tag::Str as u8 => Constant::Str(self.str()?),
            t if t == Tag::Bytes as u8 => Constant::Bytes(self.bytes()?),
            t if t == Tag::Wtf8 as u8 => Constant::Wtf8(self.bytes()?),
            t if t == Tag::Tuple as u8 || t == Tag::FrozenSet as u8 => {
                let items = self.nested(|r| {
                    let n = r.count(1)?;
                    (0..n).map(|_| r.constant()).collect::<Option<Vec<_>>>()
                })?;
                if t == Tag::Tuple as u8 {
                    Constant::Tuple(items)
                } else {
                    Constant::FrozenSet(items)
                }
            }
            t if t == Tag::Code as u8 => Constant::Code(Box::new(self.nested(|r| r.code())?)),
            _ => return None,
        })
    }
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }
    fn code(&mut self) -> Option<CodeObject> {
        let name = self.str()?;
        let qualname = self.str()?;
        let filename = self.str()?;
        let flags = self.u32()?;
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let first_line = self.u32()?;
        let n = self.count(8)?;
        let instructions = (0..n)
            .map(|_| self.u64().map(Instr))
            .collect::<Option<Vec<_>>>()?;
        let n = self.count(16)?;
        let locations = (0..n)
            .map(|_| {
                Some(Location {
                    line: self.u32()?,
                    end_line: self.u32()?,
                    col: self.u32()?,
                    end_col: self.u32()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let n = self.count(1)?;
        let constants = (0..n)
            .map(|_| self.constant())
            .collect::<Option<Vec<_>>>()?;
        let names = self.strs()?;
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let n = self.count(4)?;
        let cell2arg = (0..n)
            .map(|_| self.u32().map(|a| a.checked_sub(1)))
            .collect::<Option<Vec<_>>>()?;
        let n = self.count(17)?;
        let exception_table = (0..n)
            .map(|_| {
                Some(ExceptionEntry {
                    start: self.u32()?,
                    end: self.u32()?,
                    target: self.u32()?,
                    depth: self.u32()?,
                    lasti: match self.u8()? {
                        0 => false,
                        1 => true,
                        _ => return None,
                    },
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let stacksize = self.u32()?;
        let ncaches = self.u32()?;
        Some(CodeObject {
            name,
            qualname,
            filename,
            flags,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            first_line,
            instructions,
            locations,
            constants,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            exception_table,
            stacksize,
            ncaches,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mode;

    const SRC: &str = "
import sys
x = (1, 2.5, -3j, 'text', b'\\x00bytes', None, True, ..., 10**40, frozenset({1, 2}))
def f(a, /, b=2, *args, c, **kw):
    def g():
        return a + b
    try:
        return g()
    except (ValueError, TypeError) as e:
        raise RuntimeError from e
class C:
    def m(self):
        return super().m()
";

    #[test]
    fn round_trips() {
        let code = crate::compile(SRC, "t.py", Mode::Exec, 0).expect("compiles");
        let bytes = encode(&code);
        assert_eq!(decode(&bytes).as_ref(), Some(&code));
    }

    #[test]
    fn rejects_truncated_and_corrupt_input() {
        let code = crate::compile(SRC, "t.py", Mode::Exec, 0).expect("compiles");
        let bytes = encode(&code);
        for n in 0..bytes.len() {
            assert!(
                decode(&bytes[..n]).is_none(),
                "prefix of {n} bytes accepted"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        // Flipped bytes decode to something else or nothing, never panic.
        for i in (0..bytes.len()).step_by(7) {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            let _ = decode(&b);
        }
        // A huge count is refused without allocating.
        assert!(decode(&[0xff; 64]).is_none());
    }
}
