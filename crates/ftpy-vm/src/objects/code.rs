//! `code`: a compiled code object as the interpreter runs it.
//!
//! Built once from the compiler's `CodeObject`: constants become values,
//! names become interned strings, instructions become atomic words (the
//! interpreter may specialize them while other threads run them), and each
//! cached instruction gets an [`InlineCache`].
//!
//! # Inline caches
//! An entry is two data words guarded by a sequence counter (a seqlock):
//! readers take no lock and write nothing; a reader that races with a fill
//! sees a changed or odd counter and treats the entry as a miss. Fills are
//! rare (first execution, a new type at the site) and limited per entry:
//! after `MAX_FILLS` the entry is left as it is, so a polymorphic site
//! never makes threads write to a shared cache line in a loop.

use std::sync::atomic::{fence, AtomicU32, AtomicU64, Ordering};

use ftpy_compiler::{CodeObject, Constant, ExceptionEntry, Instr, Location};

use crate::error::PyResult;
use crate::gc::{Marker, RootedVec, Slot};
use crate::interp::{intern, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::{add_getset, add_methods, method};
use crate::thread::ThreadState;
use crate::value::Value;

/// Fills an inline cache entry accepts before it stops changing.
pub const MAX_FILLS: u32 = 32;

/// One inline cache entry. See the module doc.
#[repr(C)]
pub struct InlineCache {
    seq: AtomicU32,
    fills: AtomicU32,
    w0: AtomicU64,
    w1: AtomicU64,
}

impl InlineCache {
    const fn new() -> InlineCache {
        InlineCache {
            seq: AtomicU32::new(0),
            fills: AtomicU32::new(0),
            w0: AtomicU64::new(0),
            w1: AtomicU64::new(0),
        }
    }

    /// The two data words, if a consistent, filled snapshot was read.
    #[inline(always)]
    pub fn read(&self) -> Option<(u64, u64)> {
        let s1 = self.seq.load(Ordering::Acquire);
        if s1 & 1 != 0 || s1 == 0 {
            return None;
        }
        let a = self.w0.load(Ordering::Relaxed);
        let b = self.w1.load(Ordering::Relaxed);
        fence(Ordering::Acquire);
        let s2 = self.seq.load(Ordering::Relaxed);
        if s1 == s2 {
            Some((a, b))
        } else {
            None
        }
    }

    /// Whether the entry has been refilled as often as it ever will be (a
    /// polymorphic site): callers skip computing a fill.
    #[inline]
    pub fn exhausted(&self) -> bool {
        self.fills.load(Ordering::Relaxed) >= MAX_FILLS
    }

    /// Stores new data words (skipped if another thread is filling, or the
    /// entry has been refilled too often).
    #[cold]
    pub fn write(&self, a: u64, b: u64) {
        let s = self.seq.load(Ordering::Relaxed);
        if s & 1 != 0 {
            return;
        }
        if self.fills.load(Ordering::Relaxed) >= MAX_FILLS {
            return;
        }
        if self
            .seq
            .compare_exchange(s, s + 1, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            return;
        }
        self.fills.fetch_add(1, Ordering::Relaxed);
        fence(Ordering::Release);
        self.w0.store(a, Ordering::Relaxed);
        self.w1.store(b, Ordering::Relaxed);
        self.seq.store(s + 2, Ordering::Release);
    }
}

/// A runtime code object.
#[repr(C)]
pub struct CodeObj {
    pub header: Header,
    pub consts: Slot,
    pub names: Slot,
    pub varnames: Slot,
    pub cellvars: Slot,
    pub freevars: Slot,
    pub name: Slot,
    pub qualname: Slot,
    pub filename: Slot,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub first_line: u32,
    pub nlocals: u32,
    pub ncells: u32,
    pub nfree: u32,
    pub stacksize: u32,
    instrs: Box<[AtomicU64]>,
    caches: Box<[InlineCache]>,
    pub locations: Box<[Location]>,
    pub exc_table: Box<[ExceptionEntry]>,
    /// (cell index, argument index) for parameters captured by inner
    /// functions.
    pub cell2arg: Box<[(u32, u32)]>,
    /// Calls with exactly `argcount` positional arguments need no binding
    /// work: no `*args`, `**kwargs`, keyword-only parameters or cells.
    pub simple_args: bool,
}

// SAFETY: repr(C), Header first; trace visits every Slot; the boxes are
// Rust memory holding no values, freed by drop_native.
unsafe impl HeapObj for CodeObj {
    const KIND: Kind = Kind::Code;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.consts);
        m.slot(&self.names);
        m.slot(&self.varnames);
        m.slot(&self.cellvars);
        m.slot(&self.freevars);
        m.slot(&self.name);
        m.slot(&self.qualname);
        m.slot(&self.filename);
    }
    const NEEDS_DROP: bool = true;
    unsafe fn drop_native(this: *mut Self) {
        // SAFETY: called once by the sweeper; drops only the boxes.
        unsafe {
            std::ptr::drop_in_place(&mut (*this).instrs);
            std::ptr::drop_in_place(&mut (*this).caches);
            std::ptr::drop_in_place(&mut (*this).locations);
            std::ptr::drop_in_place(&mut (*this).exc_table);
            std::ptr::drop_in_place(&mut (*this).cell2arg);
        }
    }
}

impl CodeObj {
    /// Loads a compiled code object (and its nested ones).
    pub fn from_compiled(ts: &mut ThreadState, c: &CodeObject) -> PyResult<Gc<CodeObj>> {
        let mut consts = RootedVec::with_capacity(ts, c.constants.len());
        for k in &c.constants {
            let v = constant_value(ts, k)?;
            consts.push(v);
        }
        let consts = TupleObj::new(ts, &consts);
        let names = str_tuple(ts, &c.names);
        let varnames = str_tuple(ts, &c.varnames);
        let cellvars = str_tuple(ts, &c.cellvars);
        let freevars = str_tuple(ts, &c.freevars);
        let name = intern(ts, &c.name);
        let qualname = intern(ts, &c.qualname);
        let filename = intern(ts, &c.filename);
        let instrs: Box<[AtomicU64]> = c.instructions.iter().map(|i| AtomicU64::new(i.0)).collect();
        let caches: Box<[InlineCache]> = (0..c.ncaches).map(|_| InlineCache::new()).collect();
        let cell2arg: Box<[(u32, u32)]> = c
            .cell2arg
            .iter()
            .enumerate()
            .filter_map(|(ci, a)| a.map(|a| (ci as u32, a)))
            .collect();
        let code = CodeObj {
            header: Header::new(types().code, Kind::Code, 0),
            consts: Slot::new(consts.value()),
            names: Slot::new(names.value()),
            varnames: Slot::new(varnames.value()),
            cellvars: Slot::new(cellvars.value()),
            freevars: Slot::new(freevars.value()),
            name: Slot::new(name.value()),
            qualname: Slot::new(qualname.value()),
            filename: Slot::new(filename.value()),
            flags: c.flags,
            argcount: c.argcount,
            posonlyargcount: c.posonlyargcount,
            kwonlyargcount: c.kwonlyargcount,
            first_line: c.first_line,
            nlocals: c.varnames.len() as u32,
            ncells: c.cellvars.len() as u32,
            nfree: c.freevars.len() as u32,
            stacksize: c.stacksize,
            instrs,
            caches,
            locations: c.locations.clone().into_boxed_slice(),
            exc_table: c.exception_table.clone().into_boxed_slice(),
            cell2arg,
            simple_args: c.flags
                & (ftpy_compiler::code::flags::VARARGS | ftpy_compiler::code::flags::VARKEYWORDS)
                == 0
                && c.kwonlyargcount == 0
                && c.cellvars.is_empty()
                && c.freevars.is_empty(),
        };
        Ok(ts.alloc(code))
    }

    #[inline(always)]
    pub fn instrs(&self) -> &[AtomicU64] {
        &self.instrs
    }

    #[inline(always)]
    pub fn instr(&self, pc: usize) -> Instr {
        Instr(self.instrs[pc].load(Ordering::Relaxed))
    }

    /// Rewrites an instruction word (specialization); one atomic store.
    pub fn set_instr(&self, pc: usize, i: Instr) {
        self.instrs[pc].store(i.0, Ordering::Relaxed);
    }

    #[inline(always)]
    pub fn cache(&self, i: u32) -> &InlineCache {
        &self.caches[i as usize]
    }

    #[inline(always)]
    pub fn consts(&self) -> Gc<TupleObj> {
        // SAFETY: set at construction to a tuple.
        unsafe { self.consts.get_relaxed().downcast_unchecked() }
    }

    #[inline(always)]
    pub fn names(&self) -> Gc<TupleObj> {
        // SAFETY: set at construction to a tuple of str.
        unsafe { self.names.get_relaxed().downcast_unchecked() }
    }

    /// Name `i` of `co_names`.
    #[inline(always)]
    pub fn name_at(&self, i: u32) -> Gc<StrObj> {
        // SAFETY: the verifier checked the index; names are str.
        unsafe { self.names().items()[i as usize].downcast_unchecked() }
    }

    pub fn varname(&self, i: u32) -> Gc<StrObj> {
        // SAFETY: varnames is a tuple of str.
        let t: Gc<TupleObj> = unsafe { self.varnames.get().downcast_unchecked() };
        // SAFETY: str items.
        unsafe { t.items()[i as usize].downcast_unchecked() }
    }

    /// Name of `cellvars ++ freevars` slot `i`.
    pub fn deref_name(&self, i: u32) -> Gc<StrObj> {
        // SAFETY: tuples of str.
        unsafe {
            let cells: Gc<TupleObj> = self.cellvars.get().downcast_unchecked();
            if (i as usize) < cells.len() {
                return cells.items()[i as usize].downcast_unchecked();
            }
            let free: Gc<TupleObj> = self.freevars.get().downcast_unchecked();
            free.items()[i as usize - cells.len()].downcast_unchecked()
        }
    }

    pub fn name_str(&self) -> &'static str {
        crate::objects::str::as_str(self.name.get()).unwrap_or("?")
    }

    pub fn filename_str(&self) -> &'static str {
        crate::objects::str::as_str(self.filename.get()).unwrap_or("?")
    }

    /// Slots for locals, cells and free variables.
    #[inline(always)]
    pub fn nlocalsplus(&self) -> usize {
        (self.nlocals + self.ncells + self.nfree) as usize
    }

    /// Slots a frame of this code needs: locals plus the value stack.
    #[inline(always)]
    pub fn frame_slots(&self) -> usize {
        self.nlocalsplus() + self.stacksize as usize
    }

    /// The source line of instruction `pc` (0 if unknown).
    pub fn line_of(&self, pc: usize) -> u32 {
        self.locations.get(pc).map(|l| l.line).unwrap_or(0)
    }

    /// The exception handler covering instruction `pc`.
    #[inline]
    pub fn handler_for(&self, pc: u32) -> Option<&ExceptionEntry> {
        // The table is sorted by start and ranges do not overlap.
        let t = &self.exc_table;
        let i = t.partition_point(|e| e.end <= pc);
        t.get(i).filter(|e| e.start <= pc && pc < e.end)
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

fn str_tuple(ts: &mut ThreadState, names: &[String]) -> Gc<TupleObj> {
    let mut v = RootedVec::with_capacity(ts, names.len());
    for n in names {
        let s = intern(ts, n);
        v.push(s.value());
    }
    TupleObj::new(ts, &v)
}

/// The value of a compiler constant.
pub fn constant_value(ts: &mut ThreadState, k: &Constant) -> PyResult<Value> {
    Ok(match k {
        Constant::None => Value::NONE,
        Constant::Bool(b) => Value::from_bool(*b),
        Constant::Ellipsis => Value::ELLIPSIS,
        Constant::Int(i) => crate::objects::int::int_from_i64(ts, *i),
        Constant::BigInt(s) => match s.parse::<num_bigint::BigInt>() {
            Ok(b) => crate::objects::int::int_from_big(ts, b),
            Err(_) => return Err(ts.system_error(format!("bad int constant {s}"))),
        },
        Constant::Float(f) => Value::from_f64(*f),
        Constant::Complex { real, imag } => {
            crate::objects::complex::ComplexObj::new(ts, *real, *imag)
        }
        Constant::Str(s) => {
            // Identifier-like constants are interned, as CPython does.
            if s.len() < 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                intern(ts, s).value()
            } else {
                StrObj::new(ts, s)
            }
        }
        Constant::Wtf8(b) => StrObj::alloc_wtf8(ts, crate::interp::types().str, b).value(),
        Constant::Bytes(b) => crate::objects::bytes::BytesObj::new(ts, b),
        Constant::Tuple(items) => {
            let mut v = RootedVec::with_capacity(ts, items.len());
            for x in items {
                let val = constant_value(ts, x)?;
                v.push(val);
            }
            TupleObj::new(ts, &v).value()
        }
        Constant::FrozenSet(items) => {
            let s = crate::objects::set::SetObj::new(ts, types().frozenset);
            for x in items {
                let val = constant_value(ts, x)?;
                s.add(ts, val)?;
            }
            s.value()
        }
        Constant::Code(c) => CodeObj::from_compiled(ts, c)?.value(),
    })
}

// ---- Python-visible attributes ----------------------------------------------------

fn code_of(ts: &mut ThreadState, v: Value) -> PyResult<Gc<CodeObj>> {
    match v.downcast::<CodeObj>() {
        Some(c) => Ok(c),
        None => Err(ts.type_error("expected a code object")),
    }
}

macro_rules! code_getter {
    ($name:ident, |$c:ident, $ts:ident| $e:expr) => {
        fn $name($ts: &mut ThreadState, v: Value) -> PyResult<Value> {
            let $c = code_of($ts, v)?;
            Ok($e)
        }
    };
}

code_getter!(get_name, |c, ts| c.name.get());
code_getter!(get_qualname, |c, ts| c.qualname.get());
code_getter!(get_filename, |c, ts| c.filename.get());
code_getter!(get_consts, |c, ts| c.consts.get());
code_getter!(get_names, |c, ts| c.names.get());
code_getter!(get_varnames, |c, ts| c.varnames.get());
code_getter!(get_cellvars, |c, ts| c.cellvars.get());
code_getter!(get_freevars, |c, ts| c.freevars.get());
code_getter!(get_flags, |c, ts| Value::small_int_unchecked(
    c.flags as i64
));
code_getter!(get_argcount, |c, ts| Value::small_int_unchecked(
    c.argcount as i64
));
code_getter!(get_posonly, |c, ts| Value::small_int_unchecked(
    c.posonlyargcount as i64
));
code_getter!(get_kwonly, |c, ts| Value::small_int_unchecked(
    c.kwonlyargcount as i64
));
code_getter!(get_firstlineno, |c, ts| Value::small_int_unchecked(
    c.first_line as i64
));
code_getter!(get_nlocals, |c, ts| Value::small_int_unchecked(
    c.nlocals as i64
));
code_getter!(get_stacksize, |c, ts| Value::small_int_unchecked(
    c.stacksize as i64
));

/// `co_code`: ftpy's own instruction words (not CPython's bytecode), as
/// little-endian bytes, so code that only hashes or compares it works.
fn get_code_bytes(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = code_of(ts, v)?;
    let mut b = Vec::with_capacity(c.instrs().len() * 8);
    for w in c.instrs() {
        b.extend_from_slice(&w.load(std::sync::atomic::Ordering::Relaxed).to_le_bytes());
    }
    Ok(crate::objects::bytes::BytesObj::new(ts, &b))
}

impl CodeObj {
    /// A copy with other names, first line and flags (`code.replace`).
    fn copy_with(
        &self,
        ts: &mut ThreadState,
        name: Value,
        qualname: Value,
        filename: Value,
        first_line: u32,
        flags: u32,
    ) -> Gc<CodeObj> {
        let instrs: Box<[AtomicU64]> = self
            .instrs
            .iter()
            .map(|i| AtomicU64::new(i.load(Ordering::Relaxed)))
            .collect();
        let caches: Box<[InlineCache]> =
            (0..self.caches.len()).map(|_| InlineCache::new()).collect();
        let code = CodeObj {
            header: Header::new(types().code, Kind::Code, 0),
            consts: Slot::new(self.consts.get()),
            names: Slot::new(self.names.get()),
            varnames: Slot::new(self.varnames.get()),
            cellvars: Slot::new(self.cellvars.get()),
            freevars: Slot::new(self.freevars.get()),
            name: Slot::new(name),
            qualname: Slot::new(qualname),
            filename: Slot::new(filename),
            flags,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            first_line,
            nlocals: self.nlocals,
            ncells: self.ncells,
            nfree: self.nfree,
            stacksize: self.stacksize,
            instrs,
            caches,
            locations: self.locations.clone(),
            exc_table: self.exc_table.clone(),
            cell2arg: self.cell2arg.clone(),
            simple_args: self.simple_args,
        };
        ts.alloc(code)
    }
}

/// `code.replace(**changes)`. The fields that decide a frame's layout and
/// how the bytecode runs cannot change: of the flags, only
/// CO_ITERABLE_COROUTINE (what `types.coroutine` sets) and the
/// informational ones may.
fn code_replace(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    use ftpy_compiler::code::flags as cf;
    let c = code_of(ts, args[0])?;
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    if args.len() - nkw > 1 {
        return Err(ts.type_error(format!(
            "replace() takes no positional arguments ({} given)",
            args.len() - nkw - 1
        )));
    }
    let (mut name, mut qualname, mut filename) = (c.name.get(), c.qualname.get(), c.filename.get());
    let mut first_line = c.first_line;
    let mut flags = c.flags;
    if let Some(k) = kw {
        for (i, &kn) in k.items().iter().enumerate() {
            let v = args[args.len() - nkw + i];
            let key = crate::objects::str::as_str(kn).unwrap_or("");
            let need_str = |ts: &mut ThreadState, v: Value| -> PyResult<Value> {
                if v.downcast::<StrObj>().is_some() {
                    Ok(v)
                } else {
                    Err(ts.type_error(format!(
                        "replace() argument '{key}' must be str, not {}",
                        crate::objects::typeobj::type_name(v)
                    )))
                }
            };
            let need_int = |ts: &mut ThreadState, v: Value| -> PyResult<u32> {
                match crate::objects::int::to_i64(v) {
                    Some(n) if (0..=u32::MAX as i64).contains(&n) => Ok(n as u32),
                    Some(_) => Err(ts.overflow_error("Python int too large to convert to C int")),
                    None => Err(ts.type_error(format!(
                        "replace() argument '{key}' must be int, not {}",
                        crate::objects::typeobj::type_name(v)
                    ))),
                }
            };
            match key {
                "co_name" => name = need_str(ts, v)?,
                "co_qualname" => qualname = need_str(ts, v)?,
                "co_filename" => filename = need_str(ts, v)?,
                "co_firstlineno" => first_line = need_int(ts, v)?,
                "co_flags" => flags = need_int(ts, v)?,
                "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals"
                | "co_stacksize" | "co_code" | "co_consts" | "co_names" | "co_varnames"
                | "co_freevars" | "co_cellvars" | "co_linetable" | "co_exceptiontable" => {
                    return Err(ts.not_implemented_error(format!(
                        "code.replace() cannot change {key} in ftpy"
                    )));
                }
                _ => {
                    return Err(ts.type_error(format!(
                        "replace() got an unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
    }
    let fixed = cf::VARARGS | cf::VARKEYWORDS | cf::GENERATOR | cf::COROUTINE | cf::ASYNC_GENERATOR;
    if flags & fixed != c.flags & fixed {
        return Err(ts.not_implemented_error(
            "code.replace() cannot change how a code object is called in ftpy \
             (only CO_ITERABLE_COROUTINE and informational flags)",
        ));
    }
    Ok(c.copy_with(ts, name, qualname, filename, first_line, flags)
        .value())
}

fn code_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let c = code_of(ts, v)?;
    let s = format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name_str(),
        v.addr_unchecked(),
        c.filename_str(),
        c.first_line
    );
    Ok(StrObj::new(ts, &s))
}

fn co_lines(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let c = code_of(ts, args[0])?;
    let mut out = RootedVec::new(ts);
    let mut i = 0;
    let n = c.locations.len();
    while i < n {
        let line = c.locations[i].line;
        let mut j = i + 1;
        while j < n && c.locations[j].line == line {
            j += 1;
        }
        let l = if line == 0 {
            Value::NONE
        } else {
            Value::small_int_unchecked(line as i64)
        };
        let t = TupleObj::new(
            ts,
            &[
                Value::small_int_unchecked(2 * i as i64),
                Value::small_int_unchecked(2 * j as i64),
                l,
            ],
        );
        out.push(t.value());
        i = j;
    }
    let l = crate::objects::list::ListObj::new(ts, &out);
    crate::ops::iter(ts, l.value())
}

fn co_positions(
    ts: &mut ThreadState,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let c = code_of(ts, args[0])?;
    let mut out = RootedVec::new(ts);
    for loc in c.locations.iter() {
        let f = |x: u32| {
            if loc.line == 0 {
                Value::NONE
            } else {
                Value::small_int_unchecked(x as i64)
            }
        };
        let t = TupleObj::new(
            ts,
            &[f(loc.line), f(loc.end_line), f(loc.col), f(loc.end_col)],
        );
        out.push(t.value());
    }
    let l = crate::objects::list::ListObj::new(ts, &out);
    crate::ops::iter(ts, l.value())
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.code;
    ty.slots.repr.set(Some(code_repr));
    add_getset(ts, ty, "co_name", get_name, None);
    add_getset(ts, ty, "co_qualname", get_qualname, None);
    add_getset(ts, ty, "co_filename", get_filename, None);
    add_getset(ts, ty, "co_consts", get_consts, None);
    add_getset(ts, ty, "co_names", get_names, None);
    add_getset(ts, ty, "co_varnames", get_varnames, None);
    add_getset(ts, ty, "co_cellvars", get_cellvars, None);
    add_getset(ts, ty, "co_freevars", get_freevars, None);
    add_getset(ts, ty, "co_flags", get_flags, None);
    add_getset(ts, ty, "co_argcount", get_argcount, None);
    add_getset(ts, ty, "co_posonlyargcount", get_posonly, None);
    add_getset(ts, ty, "co_kwonlyargcount", get_kwonly, None);
    add_getset(ts, ty, "co_firstlineno", get_firstlineno, None);
    add_getset(ts, ty, "co_nlocals", get_nlocals, None);
    add_getset(ts, ty, "co_stacksize", get_stacksize, None);
    add_getset(ts, ty, "co_code", get_code_bytes, None);
    add_methods(
        ts,
        ty,
        &[
            method("co_lines", co_lines),
            method("co_positions", co_positions),
            method("replace", code_replace),
        ],
    );
}
