//! Struct sequences: the named tuples of native modules (`os.stat_result`,
//! `time.struct_time`, `sys.version_info`, `os.terminal_size` ...).
//!
//! A struct sequence type is a `tuple` subclass. Its first `n_sequence`
//! fields are the tuple's items; the rest ("extra" fields, such as
//! `st_atime_ns`) are reachable by name only and live in a hidden tuple
//! attribute. Some sequence fields may be unnamed (reachable by index
//! only). Field names are `field` descriptors holding an index, readonly
//! as in CPython. `repr` shows the sequence fields by name, as CPython's
//! does (which pairs index `i` with the `i`-th *named* field).

use crate::builtins::args::Sig;
use crate::error::PyResult;
use crate::gc::{Marker, RootedVec};
use crate::interp::types;
use crate::object::Gc;
use crate::objects::dict::DictObj;
use crate::objects::native::{self, NativeData, NativeObj};
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_of, TypeObj};
use crate::objects::{add_methods, method};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

type Kw = Option<Gc<TupleObj>>;

/// Where the extra fields are kept on an instance.
const EXTRAS: &str = "__ftpy_extras__";

/// A field descriptor: sequence index, or extra index past `n_sequence`.
struct Field {
    index: usize,
    n_sequence: usize,
}

// SAFETY: holds no values.
unsafe impl NativeData for Field {
    fn trace(&self, _m: &mut Marker) {}
}

static FIELD_TYPE: std::sync::OnceLock<Gc<TypeObj>> = std::sync::OnceLock::new();

fn field_get(ts: &mut ThreadState, d: Value, obj: Value, _ty: Value) -> PyResult<Value> {
    let f = native::expect::<Field>(ts, d, "member_descriptor")?;
    if obj.is_null() || obj.is_none() {
        return Ok(d);
    }
    let Some(t) = obj.downcast::<TupleObj>() else {
        return Err(ts.type_error("descriptor requires a struct sequence"));
    };
    if f.index < f.n_sequence {
        return Ok(t.get(f.index).unwrap_or(Value::NONE));
    }
    let extras = ops::getattr_str_opt(ts, obj, EXTRAS)?;
    let x = extras
        .and_then(|e| e.downcast::<TupleObj>())
        .and_then(|e| e.get(f.index - f.n_sequence));
    Ok(x.unwrap_or(Value::NONE))
}

fn field_set(ts: &mut ThreadState, _d: Value, _obj: Value, _v: Option<Value>) -> PyResult<()> {
    Err(ts.attribute_error_msg("readonly attribute"))
}

fn field_type(ts: &mut ThreadState) -> Gc<TypeObj> {
    if let Some(t) = FIELD_TYPE.get() {
        return *t;
    }
    let t = native::new_type::<Field>(ts, "member_descriptor", "builtins", None, false);
    t.slots.descr_get.set(Some(field_get));
    t.slots.descr_set.set(Some(field_set));
    native::finish_type(ts, t);
    crate::interp::add_global_root(t.value());
    *FIELD_TYPE.get_or_init(|| t)
}

/// The layout of one struct sequence type, read back from its class
/// attributes (so the type needs no native state of its own).
struct Shape {
    n_sequence: usize,
    n_fields: usize,
    /// Names by field index (None: unnamed).
    names: Vec<Option<String>>,
}

fn shape_of(ts: &mut ThreadState, cls: Value) -> PyResult<Shape> {
    let geti = |ts: &mut ThreadState, n: &str| -> PyResult<usize> {
        let v = ops::getattr_str(ts, cls, n)?;
        Ok(ops::index_to_i64(ts, v)?.max(0) as usize)
    };
    let n_sequence = geti(ts, "n_sequence_fields")?;
    let n_fields = geti(ts, "n_fields")?;
    let fields = ops::getattr_str(ts, cls, "__ftpy_fields__")?;
    let mut names = Vec::new();
    if let Some(t) = fields.downcast::<TupleObj>() {
        for &n in t.items() {
            names.push(crate::objects::str::as_str(n).map(|s| s.to_string()));
        }
    }
    Ok(Shape {
        n_sequence,
        n_fields,
        names,
    })
}

/// Makes a struct sequence type `module.name`. `fields` names every field
/// in order (None: unnamed); the first `n_sequence` are the tuple items.
pub fn new_type(
    ts: &mut ThreadState,
    module: &str,
    name: &str,
    fields: &[Option<&str>],
    n_sequence: usize,
    doc: &str,
) -> PyResult<Gc<TypeObj>> {
    let ft = field_type(ts);
    let ns = DictObj::new(ts);
    let m = StrObj::new(ts, module);
    ns.set_item_str(ts, "__module__", m);
    let d = StrObj::new(ts, doc);
    ns.set_item_str(ts, "__doc__", d);
    let n_unnamed = fields.iter().filter(|f| f.is_none()).count();
    for (k, v) in [
        ("n_sequence_fields", n_sequence),
        ("n_fields", fields.len()),
        ("n_unnamed_fields", n_unnamed),
    ] {
        ns.set_item_str(ts, k, Value::small_int_unchecked(v as i64));
    }
    let mut names = RootedVec::new(ts);
    let mut match_args = RootedVec::new(ts);
    for (i, f) in fields.iter().enumerate() {
        match f {
            Some(n) => {
                let s = StrObj::new(ts, n);
                names.push(s);
                if i < n_sequence {
                    match_args.push(s);
                }
                let fd = NativeObj::new(
                    ts,
                    ft,
                    Field {
                        index: i,
                        n_sequence,
                    },
                );
                ns.set_item_str(ts, n, fd.value());
            }
            None => names.push(Value::NONE),
        }
    }
    let t = TupleObj::new(ts, &names);
    ns.set_item_str(ts, "__ftpy_fields__", t.value());
    let ma = TupleObj::new(ts, &match_args);
    ns.set_item_str(ts, "__match_args__", ma.value());
    let newf =
        crate::objects::builtin::BuiltinObj::new_function(ts, "__new__", ss_new, Value::NONE);
    let sm = ops::call1(ts, types().staticmethod.value(), newf)?;
    ns.set_item_str(ts, "__new__", sm);
    let nm = StrObj::new(ts, name);
    let bases = TupleObj::new(ts, &[types().tuple.value()]);
    let ty = ops::call(
        ts,
        types().type_.value(),
        &[nm, bases.value(), ns.value()],
        None,
    )?;
    let Some(ty) = ty.downcast::<TypeObj>() else {
        return Err(ts.system_error("struct sequence type creation failed"));
    };
    add_methods(
        ts,
        ty,
        &[method("__repr__", ss_repr), method("__reduce__", ss_reduce)],
    );
    crate::objects::slots::update_slots(ty);
    ty.modified();
    Ok(ty)
}

/// An instance of struct sequence type `ty` from all its field values
/// (`values.len()` must be the type's `n_fields`; missing extras: None).
pub fn new(ts: &mut ThreadState, ty: Gc<TypeObj>, values: &[Value]) -> PyResult<Value> {
    let shape = shape_of(ts, ty.value())?;
    let nseq = shape.n_sequence.min(values.len());
    let obj = TupleObj::new_typed(ts, ty, &values[..nseq]);
    if shape.n_fields > shape.n_sequence {
        let mut extras = RootedVec::new(ts);
        for i in shape.n_sequence..shape.n_fields {
            extras.push(values.get(i).copied().unwrap_or(Value::NONE));
        }
        let e = TupleObj::new(ts, &extras);
        let name = crate::interp::intern(ts, EXTRAS);
        crate::objects::object::generic_setattr(ts, obj.value(), name, Some(e.value()))?;
    }
    Ok(obj.value())
}

/// `T(sequence, dict=None)`.
fn ss_new(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("structseq(cls, sequence, dict=None)");
    let [cls, seq, dict] = SIG.bind(ts, args, kw)?;
    let Some(cty) = cls.downcast::<TypeObj>() else {
        return Err(ts.type_error("structseq.__new__(X): X is not a type object"));
    };
    let shape = shape_of(ts, cls)?;
    // PySequence_Fast: a non-iterable is "not a sequence".
    let it = match ops::iter(ts, seq) {
        Ok(it) => it,
        Err(e) if e.matches(types().type_error) => {
            return Err(ts.type_error("constructor requires a sequence"))
        }
        Err(e) => return Err(e),
    };
    let items = ops::collect(ts, it)?;
    let n = items.len();
    let qual = format!("{}.{}", module_name(ts, cls)?, cty.name_str());
    if n < shape.n_sequence {
        let kind = if shape.n_sequence == shape.n_fields {
            ""
        } else {
            "an at least "
        };
        let msg = if kind.is_empty() {
            format!(
                "{qual}() takes a {}-sequence ({n}-sequence given)",
                shape.n_sequence
            )
        } else {
            format!(
                "{qual}() takes {kind}{}-sequence ({n}-sequence given)",
                shape.n_sequence
            )
        };
        return Err(ts.type_error(msg));
    }
    if n > shape.n_fields {
        let msg = if shape.n_sequence == shape.n_fields {
            format!(
                "{qual}() takes a {}-sequence ({n}-sequence given)",
                shape.n_sequence
            )
        } else {
            format!(
                "{qual}() takes an at most {}-sequence ({n}-sequence given)",
                shape.n_fields
            )
        };
        return Err(ts.type_error(msg));
    }
    let mut all = RootedVec::new(ts);
    all.extend_from_slice(&items);
    let d = dict.non_null().filter(|d| !d.is_none());
    for i in n..shape.n_fields {
        let mut v = Value::NONE;
        if let (Some(d), Some(Some(name))) = (d, shape.names.get(i)) {
            let key = StrObj::new(ts, name);
            if let Some(dd) = d.downcast::<DictObj>() {
                if let Some(x) = dd.get_item_opt(ts, key)? {
                    v = x;
                }
            }
        }
        all.push(v);
    }
    new(ts, cty, &all)
}

fn module_name(ts: &mut ThreadState, cls: Value) -> PyResult<String> {
    let m = ops::getattr_str(ts, cls, "__module__")?;
    ops::str_string(ts, m)
}

fn ss_repr(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let cls = type_of(v);
    let shape = shape_of(ts, cls.value())?;
    let named: Vec<&str> = shape.names.iter().filter_map(|n| n.as_deref()).collect();
    let Some(t) = v.downcast::<TupleObj>() else {
        return Err(ts.type_error("expected a struct sequence"));
    };
    let mut s = format!("{}.{}(", module_name(ts, cls.value())?, cls.name_str());
    for (i, &x) in t.items().iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let r = ops::repr_string(ts, x)?;
        s.push_str(named.get(i).copied().unwrap_or("?"));
        s.push('=');
        s.push_str(&r);
    }
    s.push(')');
    Ok(StrObj::new(ts, &s))
}

fn ss_reduce(ts: &mut ThreadState, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let v = args[0];
    let cls = type_of(v);
    let shape = shape_of(ts, cls.value())?;
    let Some(t) = v.downcast::<TupleObj>() else {
        return Err(ts.type_error("expected a struct sequence"));
    };
    let seq = TupleObj::new(ts, t.items());
    let d = DictObj::new(ts);
    let extras = ops::getattr_str_opt(ts, v, EXTRAS)?;
    if let Some(e) = extras.and_then(|e| e.downcast::<TupleObj>()) {
        for (k, &x) in e.items().iter().enumerate() {
            if let Some(Some(name)) = shape.names.get(shape.n_sequence + k) {
                d.set_item_str(ts, name, x);
            }
        }
    }
    let a = TupleObj::new(ts, &[seq.value(), d.value()]);
    Ok(TupleObj::new(ts, &[cls.value(), a.value()]).value())
}
