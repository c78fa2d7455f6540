//! `re.Pattern`: a compiled regular expression (immutable once made).

use std::sync::OnceLock;

use ftpy_compiler::CompareOp;
use rustpython_sre_engine::State;

use super::{matchobj, run, scanner, validate, Found, Kw, Mode, Subject};
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::list::ListObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, TypeObj};
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

pub(crate) struct Pattern {
    pub code: Vec<u32>,
    /// The source pattern (str, bytes or None).
    pub pattern: Slot,
    pub flags: u32,
    /// Number of capturing groups.
    pub groups: usize,
    /// name -> group number (a dict), NULL when there are no names.
    pub groupindex: Slot,
    /// group number -> name or None (a tuple), NULL when empty.
    pub indexgroup: Slot,
    /// -1: the pattern is None (any subject); 0: str; 1: bytes.
    pub isbytes: i8,
    /// Has general repeats (see `validate`).
    pub long: bool,
}

// SAFETY: traces its three slots; `code` holds no values.
unsafe impl NativeData for Pattern {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.pattern);
        m.slot(&self.groupindex);
        m.slot(&self.indexgroup);
    }
}

static PATTERN_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

fn pat(ts: &mut ThreadState, v: Value) -> PyResult<&'static Pattern> {
    native::expect::<Pattern>(ts, v, "re.Pattern")
}

impl Pattern {
    /// Reads a subject for this pattern, checking str/bytes agreement.
    pub(crate) fn subject(&self, ts: &mut ThreadState, v: Value) -> PyResult<Subject> {
        let s = Subject::new(ts, v)?;
        if self.isbytes == 0 && s.isbytes {
            return Err(ts.type_error("cannot use a string pattern on a bytes-like object"));
        }
        if self.isbytes == 1 && !s.isbytes {
            return Err(ts.type_error("cannot use a bytes pattern on a string-like object"));
        }
        Ok(s)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn exec(
        &self,
        ts: &mut ThreadState,
        subj: &Subject,
        state: &mut State,
        start: usize,
        end: usize,
        mode: Mode,
        must_advance: bool,
    ) -> PyResult<Option<Found>> {
        run(
            ts,
            &self.code,
            self.groups,
            self.long,
            subj,
            state,
            start,
            end,
            mode,
            must_advance,
        )
    }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub(super) fn compile(
    ts: &mut ThreadState,
    pattern: Value,
    flags: Value,
    code: Value,
    groups: Value,
    groupindex: Value,
    indexgroup: Value,
) -> PyResult<Value> {
    let flags = ops::index_to_i64(ts, flags)?;
    let Some(list) = code.downcast::<ListObj>() else {
        return Err(ts.type_error(format!(
            "compile() argument 'code' must be list, not {}",
            type_name(code)
        )));
    };
    let groups = ops::index_to_i64(ts, groups)?;
    if groupindex.downcast::<DictObj>().is_none() {
        return Err(ts.type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            type_name(groupindex)
        )));
    }
    let Some(ig) = indexgroup.downcast::<TupleObj>() else {
        return Err(ts.type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            type_name(indexgroup)
        )));
    };
    let items = ops::collect(ts, list.value())?;
    let mut words = Vec::with_capacity(items.len());
    for &w in items.iter() {
        let x = match ftpy_vm::objects::int::is_int(w) {
            true => ops::index_to_i64(ts, w).ok(),
            false => {
                return Err(ts.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(w)
                )))
            }
        };
        match x {
            Some(x) if (0..=u32::MAX as i64).contains(&x) => words.push(x as u32),
            _ => return Err(ts.overflow_error("regular expression code size limit exceeded")),
        }
    }
    let isbytes = if pattern.is_none() {
        -1
    } else if pattern.downcast::<StrObj>().is_some() {
        0
    } else if ftpy_vm::objects::bytes::buffer_bytes(ts, pattern)?.is_some() {
        1
    } else {
        return Err(ts.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            type_name(pattern)
        )));
    };
    let groups = groups.max(0) as usize;
    let long = validate(ts, &words, groups)?;
    let gi = match groupindex.downcast::<DictObj>() {
        Some(d) if !d.is_empty() => groupindex,
        _ => Value::NULL,
    };
    let ig = if ig.is_empty() {
        Value::NULL
    } else {
        indexgroup
    };
    let ty = *PATTERN_TYPE
        .get()
        .ok_or_else(|| ts.runtime_error("_sre is not initialized"))?;
    let data = Pattern {
        code: words,
        pattern: Slot::new(pattern),
        flags: flags as u32,
        groups,
        groupindex: Slot::new(gi),
        indexgroup: Slot::new(ig),
        isbytes,
        long,
    };
    Ok(NativeObj::new(ts, ty, data).value())
}

// ---- matching methods --------------------------------------------------------

fn one(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig, mode: Mode) -> PyResult<Value> {
    let [v, string, pos, endpos] = sig.bind(ts, args, kw)?;
    let p = pat(ts, v)?;
    let positions = super::positions(ts, pos, endpos)?;
    let subj = p.subject(ts, string)?;
    let (start, end) = subj.bounds(positions);
    let mut state = State::default();
    match p.exec(ts, &subj, &mut state, start, end, mode, false)? {
        Some(f) => Ok(matchobj::new_match(ts, v, &subj, start, end, f)),
        None => Ok(Value::NONE),
    }
}

fn m_match(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.match($self, /, string, pos=0, endpos=sys.maxsize)");
    one(ts, args, kw, &SIG, Mode::Match)
}

fn m_fullmatch(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.fullmatch($self, /, string, pos=0, endpos=sys.maxsize)");
    one(ts, args, kw, &SIG, Mode::Full)
}

fn m_search(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.search($self, /, string, pos=0, endpos=sys.maxsize)");
    one(ts, args, kw, &SIG, Mode::Search)
}

/// Group `g` of a match for findall/split: `empty` (or None when
/// `empty` is NULL) if it did not take part.
fn group_slice(ts: &mut ThreadState, subj: &Subject, f: &Found, g: usize, empty: Value) -> Value {
    let (a, b) = f.span(g);
    if a < 0 || b < 0 {
        return if empty.is_null() { Value::NONE } else { empty };
    }
    subj.slice(ts, a as usize, b as usize)
}

fn m_findall(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.findall($self, /, string, pos=0, endpos=sys.maxsize)");
    let [v, string, pos, endpos] = SIG.bind(ts, args, kw)?;
    let p = pat(ts, v)?;
    let positions = super::positions(ts, pos, endpos)?;
    let subj = p.subject(ts, string)?;
    let (mut start, end) = subj.bounds(positions);
    let mut state = State::default();
    let mut out = RootedVec::new(ts);
    let mut must_advance = false;
    let empty = subj.empty(ts);
    while start <= end {
        let Some(f) = p.exec(
            ts,
            &subj,
            &mut state,
            start,
            end,
            Mode::Search,
            must_advance,
        )?
        else {
            break;
        };
        let item = match p.groups {
            0 => group_slice(ts, &subj, &f, 0, empty),
            1 => group_slice(ts, &subj, &f, 1, empty),
            n => {
                let mut t = RootedVec::new(ts);
                for g in 1..=n {
                    let x = group_slice(ts, &subj, &f, g, empty);
                    t.push(x);
                }
                TupleObj::new(ts, &t).value()
            }
        };
        out.push(item);
        let (b, e) = f.span(0);
        must_advance = b == e;
        start = e as usize;
    }
    Ok(ListObj::new(ts, &out).value())
}

fn m_finditer(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.finditer($self, /, string, pos=0, endpos=sys.maxsize)");
    let [v, string, pos, endpos] = SIG.bind(ts, args, kw)?;
    let sc = scanner::new_scanner(ts, v, string, pos, endpos)?;
    let search = ops::getattr_str(ts, sc, "search")?;
    Ok(ftpy_vm::objects::iterators::callable_iter(
        ts,
        search,
        Value::NONE,
    ))
}

fn m_scanner(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.scanner($self, /, string, pos=0, endpos=sys.maxsize)");
    let [v, string, pos, endpos] = SIG.bind(ts, args, kw)?;
    scanner::new_scanner(ts, v, string, pos, endpos)
}

fn m_split(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.split($self, /, string, maxsplit=0)");
    let [v, string, maxsplit] = SIG.bind(ts, args, kw)?;
    let p = pat(ts, v)?;
    let maxsplit = match maxsplit.non_null() {
        Some(m) => ops::index_to_i64(ts, m)?,
        None => 0,
    };
    let subj = p.subject(ts, string)?;
    let end = subj.len;
    let mut state = State::default();
    let mut out = RootedVec::new(ts);
    let (mut n, mut last, mut start, mut must_advance) = (0i64, 0usize, 0usize, false);
    while maxsplit == 0 || n < maxsplit {
        let Some(f) = p.exec(
            ts,
            &subj,
            &mut state,
            start,
            end,
            Mode::Search,
            must_advance,
        )?
        else {
            break;
        };
        let (b, e) = f.span(0);
        let piece = subj.slice(ts, last, b as usize);
        out.push(piece);
        for g in 1..=p.groups {
            let x = group_slice(ts, &subj, &f, g, Value::NULL);
            out.push(x);
        }
        n += 1;
        must_advance = b == e;
        last = e as usize;
        start = e as usize;
    }
    let tail = subj.slice(ts, last, end);
    out.push(tail);
    Ok(ListObj::new(ts, &out).value())
}

/// What `sub` puts in place of each match.
enum Filter {
    Call(Value),
    Literal(Value),
}

fn has_backslash(ts: &mut ThreadState, v: Value) -> PyResult<Option<bool>> {
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(Some(s.obj().as_wtf8().contains(&b'\\')));
    }
    Ok(ftpy_vm::objects::bytes::buffer_bytes(ts, v)?.map(|b| b.contains(&b'\\')))
}

fn subx(
    ts: &mut ThreadState,
    v: Value,
    repl: Value,
    string: Value,
    count: Value,
    subn: bool,
) -> PyResult<Value> {
    let p = pat(ts, v)?;
    let count = match count.non_null() {
        Some(c) => ops::index_to_i64(ts, c)?,
        None => 0,
    };
    let filter = if ops::callable(repl) {
        Filter::Call(repl)
    } else if has_backslash(ts, repl)? == Some(false) {
        Filter::Literal(repl)
    } else {
        // A template with group references: `re._subx` parses it.
        let re = ftpy_vm::import::import_simple(ts, "re")?;
        let f = ops::getattr_str(ts, re, "_subx")?;
        let filt = ops::call2(ts, f, v, repl)?;
        if ops::callable(filt) {
            Filter::Call(filt)
        } else {
            Filter::Literal(filt)
        }
    };
    let keep = match filter {
        Filter::Call(f) | Filter::Literal(f) => f,
    };
    let subj = p.subject(ts, string)?;
    let end = subj.len;
    let mut state = State::default();
    let mut out = RootedVec::new(ts);
    let (mut n, mut i, mut start, mut must_advance) = (0i64, 0usize, 0usize, false);
    while count == 0 || n < count {
        let Some(f) = p.exec(
            ts,
            &subj,
            &mut state,
            start,
            end,
            Mode::Search,
            must_advance,
        )?
        else {
            break;
        };
        let (b, e) = f.span(0);
        let (b, e) = (b as usize, e as usize);
        if i < b {
            let piece = subj.slice(ts, i, b);
            out.push(piece);
        }
        let item = match filter {
            Filter::Call(func) => {
                let m = matchobj::new_match(ts, v, &subj, 0, end, f);
                ops::call1(ts, func, m)?
            }
            Filter::Literal(l) => l,
        };
        if !item.is_none() {
            out.push(item);
        }
        i = e;
        n += 1;
        must_advance = b == e;
        start = e;
    }
    if i < end {
        let piece = subj.slice(ts, i, end);
        out.push(piece);
    }
    let joiner = subj.empty(ts);
    let result = if out.is_empty() {
        joiner
    } else {
        let list = ListObj::new(ts, &out).value();
        let join = ops::getattr_str(ts, joiner, "join")?;
        ops::call1(ts, join, list)?
    };
    let _ = keep;
    if subn {
        let nv = Value::small_int_unchecked(n);
        Ok(TupleObj::new(ts, &[result, nv]).value())
    } else {
        Ok(result)
    }
}

fn m_sub(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.sub($self, /, repl, string, count=0)");
    let [v, repl, string, count] = SIG.bind(ts, args, kw)?;
    subx(ts, v, repl, string, count, false)
}

fn m_subn(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.subn($self, /, repl, string, count=0)");
    let [v, repl, string, count] = SIG.bind(ts, args, kw)?;
    subx(ts, v, repl, string, count, true)
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.__copy__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(v)
}

fn m_deepcopy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Pattern.__deepcopy__($self, memo, /)");
    let [v, _memo] = SIG.bind(ts, args, kw)?;
    Ok(v)
}

// ---- attributes and slots ----------------------------------------------------------

fn get_pattern(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(pat(ts, v)?.pattern.get())
}

fn get_flags(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(pat(ts, v)?.flags as i64))
}

fn get_groups(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(pat(ts, v)?.groups as i64))
}

/// A copy of the name -> number dict (CPython returns a read-only proxy;
/// ftpy has no mappingproxy type yet, and a copy keeps the pattern's own
/// table unchangeable all the same).
fn get_groupindex(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let p = pat(ts, v)?;
    let d = DictObj::new(ts);
    if let Some(gi) = p
        .groupindex
        .get()
        .non_null()
        .and_then(|g| g.downcast::<DictObj>())
    {
        d.update_from_dict(ts, gi)?;
    }
    Ok(d.value())
}

const FLAG_NAMES: [(&str, u32); 9] = [
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

/// `repr` of `v` cut to `n` code points (CPython's `%.<n>R`).
pub(crate) fn repr_cut(ts: &mut ThreadState, v: Value, n: usize) -> PyResult<String> {
    let r = ops::repr_string(ts, v)?;
    Ok(match r.char_indices().nth(n) {
        Some((k, _)) => r[..k].to_string(),
        None => r,
    })
}

fn pattern_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let p = pat(ts, v)?;
    let src = repr_cut(ts, p.pattern.get(), 200)?;
    let mut flags = p.flags;
    if p.isbytes == 0 && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut names = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    let s = if names.is_empty() {
        format!("re.compile({src})")
    } else {
        format!("re.compile({src}, {})", names.join("|"))
    };
    Ok(ftpy_vm::objects::str::new_str(ts, &s))
}

fn pattern_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (Some(x), Some(y)) = (data_of::<Pattern>(a), data_of::<Pattern>(b)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let eq = a == b
        || (x.flags == y.flags
            && x.isbytes == y.isbytes
            && x.code == y.code
            && ops::eq(ts, x.pattern.get(), y.pattern.get())?);
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn pattern_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let p = pat(ts, v)?;
    let mut h = ops::hash(ts, p.pattern.get())?;
    let bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    h ^= ftpy_vm::hash::hash_bytes(&bytes);
    h ^= p.flags as i64;
    h ^= p.isbytes as i64;
    h ^= p.code.len() as i64;
    Ok(if h == -1 { -2 } else { h })
}

pub(super) fn init(ts: &mut ThreadState, _m: Gc<ModuleObj>) -> PyResult<()> {
    let t = native::new_type::<Pattern>(ts, "Pattern", "re", None, false);
    t.slots.repr.set(Some(pattern_repr));
    t.slots.richcompare.set(Some(pattern_richcompare));
    t.slots.hash.set(Some(pattern_hash));
    add_methods(
        ts,
        t,
        &[
            method("match", m_match),
            method("fullmatch", m_fullmatch),
            method("search", m_search),
            method("findall", m_findall),
            method("finditer", m_finditer),
            method("scanner", m_scanner),
            method("split", m_split),
            method("sub", m_sub),
            method("subn", m_subn),
            method("__copy__", m_copy),
            method("__deepcopy__", m_deepcopy),
        ],
    );
    add_getset(ts, t, "pattern", get_pattern, None);
    add_getset(ts, t, "flags", get_flags, None);
    add_getset(ts, t, "groups", get_groups, None);
    add_getset(ts, t, "groupindex", get_groupindex, None);
    ftpy_vm::objects::genericalias::add_class_getitem(ts, t);
    native::finish_type(ts, t);
    let _ = PATTERN_TYPE.set(t);
    ftpy_vm::interp::add_global_root(t.value());
    Ok(())
}
