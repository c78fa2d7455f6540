//! `re.Match`: the result of a successful match (immutable once made).
//!
//! It keeps the subject object and the group spans; group text is sliced
//! out on demand, from the subject as it is then (as CPython, which
//! re-reads a mutable buffer on each `group()`).

use std::sync::OnceLock;

use super::pattern::{repr_cut, Pattern};
use super::{Found, Kw, Subject};
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, RootedVec, Slot};
use ftpy_vm::objects::dict::DictObj;
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::TypeObj;
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

pub(crate) struct MatchData {
    /// The subject, as given.
    string: Slot,
    /// The `re.Pattern`.
    pattern: Slot,
    pos: usize,
    endpos: usize,
    /// Group spans (see `Found`).
    marks: Vec<isize>,
    lastindex: isize,
}

// SAFETY: traces both slots; `marks` holds no values.
unsafe impl NativeData for MatchData {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.string);
        m.slot(&self.pattern);
    }
}

static MATCH_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

/// A new `re.Match` for `found`, a match of `pattern` over `subj`.
pub(crate) fn new_match(
    ts: &mut ThreadState,
    pattern: Value,
    subj: &Subject,
    pos: usize,
    endpos: usize,
    found: Found,
) -> Value {
    let Some(&ty) = MATCH_TYPE.get() else {
        return Value::NONE;
    };
    let data = MatchData {
        string: Slot::new(subj.obj),
        pattern: Slot::new(pattern),
        pos,
        endpos,
        marks: found.marks,
        lastindex: found.lastindex,
    };
    NativeObj::new(ts, ty, data).value()
}

fn mdata(ts: &mut ThreadState, v: Value) -> PyResult<&'static MatchData> {
    native::expect::<MatchData>(ts, v, "re.Match")
}

impl MatchData {
    fn ngroups(&self) -> usize {
        self.marks.len() / 2
    }

    fn pattern(&self) -> Option<&'static Pattern> {
        data_of::<Pattern>(self.pattern.get())
    }

    /// The group number `index` names (an int or a group name), or
    /// IndexError `no such group`.
    fn index(&self, ts: &mut ThreadState, index: Value) -> PyResult<usize> {
        let t = ftpy_vm::objects::typeobj::type_of(index);
        let i = if index.is_small_int() || index.is_bool() || t.slots.index.get().is_some() {
            ops::index_to_i64(ts, index)?
        } else {
            let gi = self
                .pattern()
                .map(|p| p.groupindex.get())
                .unwrap_or(Value::NULL);
            match gi.non_null().and_then(|g| g.downcast::<DictObj>()) {
                Some(d) => match d.get_item_opt(ts, index)? {
                    Some(n) if ftpy_vm::objects::int::is_int(n) => ops::index_to_i64(ts, n)?,
                    _ => -1,
                },
                None => -1,
            }
        };
        if i < 0 || i as usize >= self.ngroups() {
            return Err(ts.index_error("no such group"));
        }
        Ok(i as usize)
    }

    /// Group `g`'s text, or `default` when it did not take part.
    fn group(&self, ts: &mut ThreadState, g: usize, default: Value) -> PyResult<Value> {
        let (a, b) = (self.marks[2 * g], self.marks[2 * g + 1]);
        if a < 0 || b < 0 {
            return Ok(default);
        }
        let subj = Subject::new(ts, self.string.get())?;
        Ok(subj.slice(ts, a as usize, b as usize))
    }
}

fn m_group(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    ftpy_vm::builtins::args::no_kwargs(ts, "group", _kw)?;
    let Some((&v, rest)) = args.split_first() else {
        return Err(ts.type_error("descriptor 'group' of 're.Match' object needs an argument"));
    };
    let m = mdata(ts, v)?;
    match rest.len() {
        0 => m.group(ts, 0, Value::NONE),
        1 => {
            let g = m.index(ts, rest[0])?;
            m.group(ts, g, Value::NONE)
        }
        _ => {
            let mut out = RootedVec::new(ts);
            for &x in rest {
                let g = m.index(ts, x)?;
                let s = m.group(ts, g, Value::NONE)?;
                out.push(s);
            }
            Ok(TupleObj::new(ts, &out).value())
        }
    }
}

fn match_getitem(ts: &mut ThreadState, v: Value, key: Value) -> PyResult<Value> {
    let m = mdata(ts, v)?;
    let g = m.index(ts, key)?;
    m.group(ts, g, Value::NONE)
}

fn m_groups(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.groups($self, /, default=None)");
    let [v, default] = SIG.bind(ts, args, kw)?;
    let m = mdata(ts, v)?;
    let default = default.non_null().unwrap_or(Value::NONE);
    let mut out = RootedVec::new(ts);
    for g in 1..m.ngroups() {
        let s = m.group(ts, g, default)?;
        out.push(s);
    }
    Ok(TupleObj::new(ts, &out).value())
}

fn m_groupdict(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.groupdict($self, /, default=None)");
    let [v, default] = SIG.bind(ts, args, kw)?;
    let m = mdata(ts, v)?;
    let default = default.non_null().unwrap_or(Value::NONE);
    let d = DictObj::new(ts);
    let gi = m
        .pattern()
        .map(|p| p.groupindex.get())
        .unwrap_or(Value::NULL);
    if let Some(gd) = gi.non_null().and_then(|g| g.downcast::<DictObj>()) {
        let items = gd.items_rooted(ts);
        for kv in items.chunks(2) {
            let g = m.index(ts, kv[0])?;
            let s = m.group(ts, g, default)?;
            d.set_item(ts, kv[0], s)?;
        }
    }
    Ok(d.value())
}

fn span_of(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig) -> PyResult<(isize, isize)> {
    let [v, g] = sig.bind(ts, args, kw)?;
    let m = mdata(ts, v)?;
    let g = match g.non_null() {
        Some(g) => m.index(ts, g)?,
        None => 0,
    };
    Ok((m.marks[2 * g], m.marks[2 * g + 1]))
}

fn m_start(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.start($self, group=0, /)");
    let (a, _) = span_of(ts, args, kw, &SIG)?;
    Ok(Value::small_int_unchecked(a as i64))
}

fn m_end(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.end($self, group=0, /)");
    let (_, b) = span_of(ts, args, kw, &SIG)?;
    Ok(Value::small_int_unchecked(b as i64))
}

fn pair(ts: &mut ThreadState, a: isize, b: isize) -> Value {
    let (a, b) = (
        Value::small_int_unchecked(a as i64),
        Value::small_int_unchecked(b as i64),
    );
    TupleObj::new(ts, &[a, b]).value()
}

fn m_span(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.span($self, group=0, /)");
    let (a, b) = span_of(ts, args, kw, &SIG)?;
    Ok(pair(ts, a, b))
}

fn m_expand(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.expand($self, /, template)");
    let [v, template] = SIG.bind(ts, args, kw)?;
    let m = mdata(ts, v)?;
    let re = ftpy_vm::import::import_simple(ts, "re")?;
    let f = ops::getattr_str(ts, re, "_expand")?;
    ops::call(ts, f, &[m.pattern.get(), v, template], None)
}

fn m_copy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.__copy__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    Ok(v)
}

fn m_deepcopy(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Match.__deepcopy__($self, memo, /)");
    let [v, _memo] = SIG.bind(ts, args, kw)?;
    Ok(v)
}

fn get_string(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(mdata(ts, v)?.string.get())
}

fn get_re(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(mdata(ts, v)?.pattern.get())
}

fn get_pos(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(mdata(ts, v)?.pos as i64))
}

fn get_endpos(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(mdata(ts, v)?.endpos as i64))
}

fn get_lastindex(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = mdata(ts, v)?;
    Ok(if m.lastindex >= 0 {
        Value::small_int_unchecked(m.lastindex as i64)
    } else {
        Value::NONE
    })
}

fn get_lastgroup(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = mdata(ts, v)?;
    let ig = m
        .pattern()
        .map(|p| p.indexgroup.get())
        .unwrap_or(Value::NULL);
    if m.lastindex < 0 {
        return Ok(Value::NONE);
    }
    Ok(ig
        .non_null()
        .and_then(|t| t.downcast::<TupleObj>())
        .and_then(|t| t.get(m.lastindex as usize))
        .unwrap_or(Value::NONE))
}

fn get_regs(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = mdata(ts, v)?;
    let mut out = RootedVec::new(ts);
    for g in 0..m.ngroups() {
        let p = pair(ts, m.marks[2 * g], m.marks[2 * g + 1]);
        out.push(p);
    }
    Ok(TupleObj::new(ts, &out).value())
}

fn match_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = mdata(ts, v)?;
    let g0 = m.group(ts, 0, Value::NONE)?;
    let r = repr_cut(ts, g0, 50)?;
    let s = format!(
        "<re.Match object; span=({}, {}), match={r}>",
        m.marks[0], m.marks[1]
    );
    Ok(ftpy_vm::objects::str::new_str(ts, &s))
}

fn match_bool(_ts: &mut ThreadState, _v: Value) -> PyResult<bool> {
    Ok(true)
}

pub(super) fn init(ts: &mut ThreadState) -> PyResult<()> {
    let t = native::new_type::<MatchData>(ts, "Match", "re", None, false);
    t.slots.repr.set(Some(match_repr));
    t.slots.getitem.set(Some(match_getitem));
    t.slots.bool.set(Some(match_bool));
    add_methods(
        ts,
        t,
        &[
            method("group", m_group),
            method("groups", m_groups),
            method("groupdict", m_groupdict),
            method("start", m_start),
            method("end", m_end),
            method("span", m_span),
            method("expand", m_expand),
            method("__copy__", m_copy),
            method("__deepcopy__", m_deepcopy),
        ],
    );
    add_getset(ts, t, "string", get_string, None);
    add_getset(ts, t, "re", get_re, None);
    add_getset(ts, t, "pos", get_pos, None);
    add_getset(ts, t, "endpos", get_endpos, None);
    add_getset(ts, t, "lastindex", get_lastindex, None);
    add_getset(ts, t, "lastgroup", get_lastgroup, None);
    add_getset(ts, t, "regs", get_regs, None);
    ftpy_vm::objects::genericalias::add_class_getitem(ts, t);
    native::finish_type(ts, t);
    let _ = MATCH_TYPE.set(t);
    ftpy_vm::interp::add_global_root(t.value());
    Ok(())
}
