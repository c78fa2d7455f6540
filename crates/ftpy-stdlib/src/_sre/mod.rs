//! `_sre`: the regular expression engine under `re`.
//!
//! CPython's own `re` package (its parser and compiler, pure Python) turns
//! a pattern into SRE bytecode and calls [`compile`] with it; this module
//! runs that bytecode. The matching itself is `rustpython-sre_engine`, an
//! implementation of SRE's bytecode interpreter whose opcode set is the
//! one 3.11's `re._constants` emits (3.11 reports `MAGIC` 20220615; the
//! opcodes are unchanged since). What lives here is everything around the
//! engine: the `re.Pattern`, `re.Match` and `_sre.SRE_Scanner` types with
//! CPython 3.11's methods, results and messages.
//!
//! # Subjects
//! A pattern runs over a str (indexed by code point) or a bytes-like
//! object (by byte). An ASCII str and a bytes object are handed to the
//! engine as bytes, one character each; any other str as its generalized
//! UTF-8 text (the engine decodes lone surrogates like any code point).
//! Positions are always character indices. Immutable subjects (str, bytes)
//! are read in place; a mutable buffer (bytearray, memoryview, array) is
//! copied once per call, so another thread changing it cannot tear a
//! match.
//!
//! # The collector
//! The engine has no hook to poll for a pending collection. A match over a
//! long subject, or with a pattern that can backtrack (general repeats),
//! runs detached from the heap ([`ThreadState::allow_threads`]): it reads
//! only the pattern's code (Rust memory owned by the pattern object) and
//! the subject's text (inside an object the caller's stack keeps alive, or
//! a private copy), and touches no other heap object, so a collection can
//! proceed meanwhile. Short matches of simple patterns stay attached,
//! which is cheaper than detaching.
//!
//! # Bad code
//! `re` never hands over malformed code, but `_sre.compile` can be called
//! directly. The code is checked for opcodes and operands that stay in
//! range ([`validate`]); anything the engine still trips on is caught as
//! a panic and raised as `RuntimeError`.

mod matchobj;
mod pattern;
mod scanner;

use std::panic::{catch_unwind, AssertUnwindSafe};

use rustpython_sre_engine::{Request, State, StrDrive};
use rustpython_wtf8::Wtf8;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::type_name;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

/// The `MAGIC` that 3.11's `re._constants` checks.
const MAGIC: i64 = 20220615;
const CODESIZE: i64 = 4;
const MAXREPEAT: i64 = u32::MAX as i64;
const MAXGROUPS: i64 = i32::MAX as i64 / 2;

/// Subjects at least this long are matched detached from the heap.
const DETACH_LEN: usize = 256;

/// The text a pattern runs over, for one call (or one scanner).
pub(crate) struct Subject {
    /// The object given (str, bytes or another exporter).
    pub obj: Value,
    pub isbytes: bool,
    /// One byte per character (an ASCII str, or bytes).
    narrow: bool,
    /// A private copy of a mutable buffer's bytes.
    owned: Option<Vec<u8>>,
    /// The text: inside `obj` (immutable) or `owned`.
    ptr: *const u8,
    nbytes: usize,
    /// Length in characters.
    pub len: usize,
}

// SAFETY: `ptr` points at memory nobody writes: the text of an immutable
// str or bytes object that `obj` keeps alive (the holder roots or traces
// `obj`), or `owned`, whose heap buffer does not move while the Subject
// lives.
unsafe impl Send for Subject {}
// SAFETY: as above; the text is only read.
unsafe impl Sync for Subject {}

impl Subject {
    /// Reads `v` as a subject, or raises CPython's TypeError.
    pub(crate) fn new(ts: &mut ThreadState, v: Value) -> PyResult<Subject> {
        if let Some(s) = v.downcast::<StrObj>() {
            let s = s.obj();
            let b = s.as_wtf8();
            return Ok(Subject {
                obj: v,
                isbytes: false,
                narrow: s.is_ascii(),
                owned: None,
                ptr: b.as_ptr(),
                nbytes: b.len(),
                len: s.char_len(),
            });
        }
        if let Some(b) = v.downcast::<BytesObj>() {
            let b = b.obj().as_bytes();
            return Ok(Subject {
                obj: v,
                isbytes: true,
                narrow: true,
                owned: None,
                ptr: b.as_ptr(),
                nbytes: b.len(),
                len: b.len(),
            });
        }
        match ftpy_vm::objects::bytes::buffer_bytes(ts, v)? {
            Some(b) => {
                let owned = b.into_owned();
                Ok(Subject {
                    obj: v,
                    isbytes: true,
                    narrow: true,
                    ptr: owned.as_ptr(),
                    nbytes: owned.len(),
                    len: owned.len(),
                    owned: Some(owned),
                })
            }
            None => Err(ts.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                type_name(v)
            ))),
        }
    }

    /// The text (generalized UTF-8 for a str, raw bytes otherwise).
    pub(crate) fn text(&self) -> &[u8] {
        if let Some(o) = &self.owned {
            return o;
        }
        if self.nbytes == 0 {
            return &[];
        }
        // SAFETY: see the `Send` impl: `ptr..ptr+nbytes` is the immutable
        // text of `obj`, alive as long as `self` is reachable.
        unsafe { std::slice::from_raw_parts(self.ptr, self.nbytes) }
    }

    /// Characters `i..j` as a new str or bytes (CPython's `getslice`).
    pub(crate) fn slice(&self, ts: &mut ThreadState, i: usize, j: usize) -> Value {
        let j = j.max(i).min(self.len);
        let i = i.min(j);
        if self.isbytes {
            if i == 0
                && j == self.len
                && ftpy_vm::objects::typeobj::type_of(self.obj) == ftpy_vm::interp::types().bytes
            {
                return self.obj;
            }
            let b = self.text()[i..j].to_vec();
            return BytesObj::new(ts, &b);
        }
        let Some(s) = self.obj.downcast::<StrObj>() else {
            return Value::NONE;
        };
        let s = s.obj();
        if i == 0
            && j == self.len
            && ftpy_vm::objects::typeobj::type_of(self.obj) == ftpy_vm::interp::types().str
        {
            return self.obj;
        }
        if self.narrow {
            let t = self.text()[i..j].to_vec();
            return ftpy_vm::objects::str::new_str_wtf8(ts, &t);
        }
        let t = s.substr_wtf8(i, j).to_vec();
        ftpy_vm::objects::str::new_str_wtf8(ts, &t)
    }

    /// An empty str or bytes, as the subject's kind.
    pub(crate) fn empty(&self, ts: &mut ThreadState) -> Value {
        if self.isbytes {
            BytesObj::new(ts, b"")
        } else {
            ftpy_vm::objects::str::new_str(ts, "")
        }
    }

    /// Clamps `pos`/`endpos` (read by [`positions`]) as CPython's
    /// `state_init` does.
    pub(crate) fn bounds(&self, (pos, endpos): (Option<i64>, Option<i64>)) -> (usize, usize) {
        let clamp = |x: i64| -> usize { x.clamp(0, self.len as i64) as usize };
        (pos.map_or(0, clamp), endpos.map_or(self.len, clamp))
    }
}

/// The `pos`/`endpos` arguments as integers (None when not given),
/// converted before the subject is read, as CPython's argument parsing
/// does (an overflowing position is an OverflowError whatever the
/// subject).
pub(crate) fn positions(
    ts: &mut ThreadState,
    pos: Value,
    endpos: Value,
) -> PyResult<(Option<i64>, Option<i64>)> {
    let p = match pos.non_null() {
        Some(v) => Some(ops::index_to_i64(ts, v)?),
        None => None,
    };
    let e = match endpos.non_null() {
        Some(v) => Some(ops::index_to_i64(ts, v)?),
        None => None,
    };
    Ok((p, e))
}

/// How a pattern is applied at a position.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Anchored at the start (`match`).
    Match,
    /// Anchored at both ends (`fullmatch`).
    Full,
    /// The first match at or after the start (`search`).
    Search,
}

/// The groups of a successful match, as character positions: group `g`
/// spans `marks[2g]..marks[2g+1]`, -1 where it did not take part.
pub(crate) struct Found {
    pub marks: Vec<isize>,
    pub lastindex: isize,
}

impl Found {
    pub(crate) fn span(&self, g: usize) -> (isize, isize) {
        (self.marks[2 * g], self.marks[2 * g + 1])
    }
}

/// An engine state that may sit in a native object between calls (a
/// scanner keeps its cursor so that stepping through a long non-ASCII str
/// stays linear).
pub(crate) struct EngineState(pub State);

// SAFETY: the state's cursor points into the text of the subject it was
// last used with, which its holder keeps alive and never writes; a state
// is used by one thread at a time (taken out of its holder's lock).
unsafe impl Send for EngineState {}
// SAFETY: as above.
unsafe impl Sync for EngineState {}

fn exec<S: StrDrive>(
    s: S,
    code: &[u32],
    state: &mut State,
    start: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> bool {
    let req = Request {
        string: s,
        start,
        end,
        pattern_codes: code,
        match_all: mode == Mode::Full,
        must_advance,
    };
    state.reset(&req, start);
    match mode {
        Mode::Search => state.search(req),
        Mode::Match | Mode::Full => state.py_match(&req),
    }
}

/// Runs `code` over `subj[start..end]`. `groups` is the number of
/// capturing groups; `long` marks a pattern that may backtrack at length.
#[allow(clippy::too_many_arguments)]
pub(crate) fn run(
    ts: &mut ThreadState,
    code: &[u32],
    groups: usize,
    long: bool,
    subj: &Subject,
    state: &mut State,
    start: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<Option<Found>> {
    // `match` with pos past endpos still tries the empty string at pos.
    let (start, end) = if start > end {
        if mode == Mode::Search {
            return Ok(None);
        }
        (start, start)
    } else {
        (start, end)
    };
    let text = subj.text();
    let narrow = subj.narrow;
    let go = |state: &mut State| -> Result<bool, ()> {
        catch_unwind(AssertUnwindSafe(|| {
            if narrow {
                exec(text, code, state, start, end, mode, must_advance)
            } else {
                // SAFETY: the text is generalized UTF-8 (UTF-8 with lone
                // surrogates as 3-byte sequences), which the engine's
                // decoder reads code point by code point.
                let w: &Wtf8 = unsafe { Wtf8::from_bytes_unchecked(text) };
                exec(w, code, state, start, end, mode, must_advance)
            }
        }))
        .map_err(|_| ())
    };
    let r = if long || end - start >= DETACH_LEN {
        ts.allow_threads(|| go(state))
    } else {
        go(state)
    };
    let ok = match r {
        Ok(ok) => ok,
        Err(()) => return Err(ts.runtime_error("internal error in regular expression engine")),
    };
    if !ok {
        return Ok(None);
    }
    let mut marks = vec![-1isize; 2 * (groups + 1)];
    marks[0] = state.start as isize;
    marks[1] = state.cursor.position as isize;
    let raw = state.marks.raw();
    for g in 0..groups {
        let (a, b) = (raw.get(2 * g), raw.get(2 * g + 1));
        if let (Some(a), Some(b)) = (a, b) {
            if a.is_some() && b.is_some() {
                let (a, b) = (a.unpack(), b.unpack());
                if a > b {
                    return Err(ts.system_error(
                        "The span of capturing group is wrong, please report a bug for the re module.",
                    ));
                }
                marks[2 * g + 2] = a as isize;
                marks[2 * g + 3] = b as isize;
            }
        }
    }
    Ok(Some(Found {
        marks,
        lastindex: state.marks.last_index(),
    }))
}

// ---- validation -----------------------------------------------------------

/// Checks that `code` only holds known opcodes whose operands and skips
/// stay inside the code and whose group numbers exist (a lighter form of
/// CPython's `_validate`): raises `RuntimeError: invalid SRE code`.
/// Returns whether the code has general repeats (which can backtrack at
/// length: such patterns always run detached).
fn validate(ts: &mut ThreadState, code: &[u32], groups: usize) -> PyResult<bool> {
    match walk(code, groups) {
        Some(long) => Ok(long),
        None => Err(ts.runtime_error("invalid SRE code")),
    }
}

/// The code is a flat sequence of opcodes and their operands, except the
/// skip words between a BRANCH's alternatives: those positions are
/// recorded as the walk meets each alternative.
fn walk(code: &[u32], groups: usize) -> Option<bool> {
    use rustpython_sre_engine::SreOpcode as Op;
    let n = code.len();
    let mut branch_skips: Vec<usize> = Vec::new();
    let mut long = false;
    let mut i = 0usize;
    let skip_to = |i: usize, k: usize| -> Option<usize> {
        let s = *code.get(i + k)? as usize;
        let t = i + k + s;
        (s != 0 && t <= n).then_some(t)
    };
    while i < n {
        if let Some(p) = branch_skips.iter().position(|&p| p == i) {
            branch_skips.swap_remove(p);
            if code[i] != 0 {
                branch_skips.push(skip_to(i, 0)?);
            }
            i += 1;
            continue;
        }
        let op = Op::try_from(code[i]).ok()?;
        let arg = |k: usize| code.get(i + k).copied();
        let step = match op {
            Op::FAILURE
            | Op::SUCCESS
            | Op::ANY
            | Op::ANY_ALL
            | Op::MAX_UNTIL
            | Op::MIN_UNTIL
            | Op::NEGATE => 1,
            Op::AT
            | Op::CATEGORY
            | Op::LITERAL
            | Op::NOT_LITERAL
            | Op::LITERAL_IGNORE
            | Op::NOT_LITERAL_IGNORE
            | Op::LITERAL_LOC_IGNORE
            | Op::NOT_LITERAL_LOC_IGNORE
            | Op::LITERAL_UNI_IGNORE
            | Op::NOT_LITERAL_UNI_IGNORE => {
                arg(1)?;
                2
            }
            Op::GROUPREF
            | Op::GROUPREF_IGNORE
            | Op::GROUPREF_LOC_IGNORE
            | Op::GROUPREF_UNI_IGNORE => {
                if arg(1)? as usize >= groups {
                    return None;
                }
                2
            }
            Op::MARK => {
                if arg(1)? as usize >= 2 * groups {
                    return None;
                }
                2
            }
            Op::RANGE | Op::RANGE_UNI_IGNORE => {
                arg(2)?;
                3
            }
            Op::CHARSET => 9,
            Op::BIGCHARSET => 2 + 64 + (arg(1)? as usize) * 8,
            Op::INFO => 1 + arg(1)? as usize,
            Op::IN
            | Op::IN_IGNORE
            | Op::IN_UNI_IGNORE
            | Op::IN_LOC_IGNORE
            | Op::JUMP
            | Op::ATOMIC_GROUP => {
                skip_to(i, 1)?;
                2
            }
            Op::BRANCH => {
                branch_skips.push(skip_to(i, 1)?);
                2
            }
            Op::REPEAT
            | Op::REPEAT_ONE
            | Op::MIN_REPEAT_ONE
            | Op::POSSESSIVE_REPEAT
            | Op::POSSESSIVE_REPEAT_ONE => {
                skip_to(i, 1)?;
                if arg(2)? > arg(3)? {
                    return None;
                }
                long |= matches!(op, Op::REPEAT | Op::POSSESSIVE_REPEAT);
                4
            }
            Op::ASSERT | Op::ASSERT_NOT => {
                skip_to(i, 1)?;
                arg(2)?;
                3
            }
            Op::GROUPREF_EXISTS => {
                if arg(1)? as usize >= groups {
                    return None;
                }
                skip_to(i, 2)?;
                3
            }
            Op::SUBPATTERN => return None,
        };
        i += step;
    }
    (i == n && branch_skips.is_empty()).then_some(long)
}

// ---- module functions -------------------------------------------------------

fn f_compile(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("compile(pattern, flags, code, groups, groupindex, indexgroup)");
    let [pat, flags, code, groups, groupindex, indexgroup] = SIG.bind(ts, args, kw)?;
    pattern::compile(ts, pat, flags, code, groups, groupindex, indexgroup)
}

fn f_getcodesize(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getcodesize()");
    let [] = SIG.bind(ts, args, kw)?;
    Ok(Value::small_int_unchecked(CODESIZE))
}

fn char_arg(ts: &mut ThreadState, v: Value) -> PyResult<u32> {
    let i = ops::index_to_i64(ts, v)?;
    if !(i32::MIN as i64..=i32::MAX as i64).contains(&i) {
        return Err(ts.overflow_error(if i < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        }));
    }
    Ok(i as i32 as u32)
}

fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

fn f_ascii_iscased(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ascii_iscased(character, /)");
    let [c] = SIG.bind(ts, args, kw)?;
    let ch = char_arg(ts, c)?;
    Ok(Value::from_bool(
        ch < 128 && (ch as u8).is_ascii_alphabetic(),
    ))
}

fn f_unicode_iscased(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unicode_iscased(character, /)");
    let [c] = SIG.bind(ts, args, kw)?;
    let ch = char_arg(ts, c)?;
    let lo = rustpython_sre_engine::string::lower_unicode(ch);
    let up = rustpython_sre_engine::string::upper_unicode(ch);
    Ok(Value::from_bool(ch != lo || ch != up))
}

fn f_ascii_tolower(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("ascii_tolower(character, /)");
    let [c] = SIG.bind(ts, args, kw)?;
    let ch = char_arg(ts, c)?;
    Ok(Value::small_int_unchecked(lower_ascii(ch) as i32 as i64))
}

fn f_unicode_tolower(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unicode_tolower(character, /)");
    let [c] = SIG.bind(ts, args, kw)?;
    let ch = char_arg(ts, c)?;
    let lo = rustpython_sre_engine::string::lower_unicode(ch);
    Ok(Value::small_int_unchecked(lo as i32 as i64))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let _ = upper_ascii;
    m.add_function(ts, "compile", f_compile);
    m.add_function(ts, "getcodesize", f_getcodesize);
    m.add_function(ts, "ascii_iscased", f_ascii_iscased);
    m.add_function(ts, "unicode_iscased", f_unicode_iscased);
    m.add_function(ts, "ascii_tolower", f_ascii_tolower);
    m.add_function(ts, "unicode_tolower", f_unicode_tolower);
    m.set_attr(ts, "MAGIC", Value::small_int_unchecked(MAGIC));
    m.set_attr(ts, "CODESIZE", Value::small_int_unchecked(CODESIZE));
    m.set_attr(ts, "MAXREPEAT", Value::small_int_unchecked(MAXREPEAT));
    m.set_attr(ts, "MAXGROUPS", Value::small_int_unchecked(MAXGROUPS));
    let c =
        ftpy_vm::objects::str::new_str(ts, " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    m.set_attr(ts, "copyright", c);
    pattern::init(ts, m)?;
    matchobj::init(ts)?;
    scanner::init(ts)?;
    Ok(())
}
