//! Between dunder methods and native slots.
//!
//! Two directions:
//! - A built-in type's native slots are exposed as `wrapper_descriptor`s in
//!   its dict (`int.__add__`, `object.__init__` ...), so Python code can
//!   find and call them ([`expose_slots`]).
//! - A class statement (or a later `C.__op__ = f`) recomputes the class's
//!   slots from its MRO ([`update_slots`]): a dunder that resolves to a
//!   built-in wrapper of the same slot keeps the native function; one that
//!   resolves to anything else installs a dispatcher (`slot_*` here) that
//!   looks the dunder up and calls it.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::interp::{names, types};
use crate::object::Gc;
use crate::objects::builtin::BuiltinObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{tflags, type_name, type_of, TypeObj, NB_BINARY};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// Which slot a wrapper descriptor calls.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SlotId {
    Repr,
    Str,
    Hash,
    Compare(CompareOp),
    Getattribute,
    Setattr,
    Delattr,
    Call,
    Iter,
    Next,
    Len,
    Getitem,
    Setitem,
    Delitem,
    Contains,
    Bool,
    Get,
    Set,
    Delete,
    New,
    Init,
    Nb(u8),
    RNb(u8),
    INb(u8),
    Neg,
    Pos,
    Invert,
    Abs,
    Int,
    Float,
    Index,
}

impl SlotId {
    pub fn to_u32(self) -> u32 {
        use SlotId::*;
        match self {
            Repr => 1,
            Str => 2,
            Hash => 3,
            Compare(op) => 10 + op as u32,
            Getattribute => 20,
            Setattr => 21,
            Delattr => 22,
            Call => 23,
            Iter => 24,
            Next => 25,
            Len => 26,
            Getitem => 27,
            Setitem => 28,
            Delitem => 29,
            Contains => 30,
            Bool => 31,
            Get => 32,
            Set => 33,
            Delete => 34,
            New => 35,
            Init => 36,
            Neg => 37,
            Pos => 38,
            Invert => 39,
            Abs => 40,
            Int => 41,
            Float => 42,
            Index => 43,
            Nb(i) => 100 + i as u32,
            RNb(i) => 200 + i as u32,
            INb(i) => 300 + i as u32,
        }
    }

    pub fn from_u32(v: u32) -> Option<SlotId> {
        use SlotId::*;
        Some(match v {
            1 => Repr,
            2 => Str,
            3 => Hash,
            10..=15 => Compare(CompareOp::from_u32(v - 10)?),
            20 => Getattribute,
            21 => Setattr,
            22 => Delattr,
            23 => Call,
            24 => Iter,
            25 => Next,
            26 => Len,
            27 => Getitem,
            28 => Setitem,
            29 => Delitem,
            30 => Contains,
            31 => Bool,
            32 => Get,
            33 => Set,
            34 => Delete,
            35 => New,
            36 => Init,
            37 => Neg,
            38 => Pos,
            39 => Invert,
            40 => Abs,
            41 => Int,
            42 => Float,
            43 => Index,
            100..=112 => Nb((v - 100) as u8),
            200..=212 => RNb((v - 200) as u8),
            300..=312 => INb((v - 300) as u8),
            _ => return None,
        })
    }
}

/// The dunder names of the binary operators, by `BinaryOp` index:
/// (forward, reflected, in-place).
pub const NB_NAMES: [(&str, &str, &str); NB_BINARY] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

const COMPARE_NAMES: [(&str, CompareOp); 6] = [
    ("__lt__", CompareOp::Lt),
    ("__le__", CompareOp::Le),
    ("__eq__", CompareOp::Eq),
    ("__ne__", CompareOp::Ne),
    ("__gt__", CompareOp::Gt),
    ("__ge__", CompareOp::Ge),
];

fn slot_is_set(ty: Gc<TypeObj>, id: SlotId) -> bool {
    let s = &ty.slots;
    use SlotId::*;
    match id {
        Repr => s.repr.raw() != 0,
        Str => s.str.raw() != 0,
        Hash => s.hash.raw() != 0,
        Compare(_) => s.richcompare.raw() != 0,
        Getattribute => s.getattro.raw() != 0,
        Setattr | Delattr => s.setattro.raw() != 0,
        Call => s.call.raw() != 0,
        Iter => s.iter.raw() != 0,
        Next => s.next.raw() != 0,
        Len => s.len.raw() != 0,
        Getitem => s.getitem.raw() != 0,
        Setitem | Delitem => s.setitem.raw() != 0,
        Contains => s.contains.raw() != 0,
        Bool => s.bool.raw() != 0,
        Get => s.descr_get.raw() != 0,
        Set | Delete => s.descr_set.raw() != 0,
        New => s.new.raw() != 0,
        Init => s.init.raw() != 0,
        Nb(i) | RNb(i) => s.nb[i as usize].raw() != 0,
        INb(i) => s.nb_inplace[i as usize].raw() != 0,
        Neg => s.neg.raw() != 0,
        Pos => s.pos.raw() != 0,
        Invert => s.invert.raw() != 0,
        Abs => s.abs.raw() != 0,
        Int => s.int.raw() != 0,
        Float => s.float.raw() != 0,
        Index => s.index.raw() != 0,
    }
}

fn all_slot_ids() -> Vec<(SlotId, &'static str)> {
    use SlotId::*;
    let mut v = vec![
        (Repr, "__repr__"),
        (Str, "__str__"),
        (Hash, "__hash__"),
        (Getattribute, "__getattribute__"),
        (Setattr, "__setattr__"),
        (Delattr, "__delattr__"),
        (Call, "__call__"),
        (Iter, "__iter__"),
        (Next, "__next__"),
        (Len, "__len__"),
        (Getitem, "__getitem__"),
        (Setitem, "__setitem__"),
        (Delitem, "__delitem__"),
        (Contains, "__contains__"),
        (Bool, "__bool__"),
        (Get, "__get__"),
        (Set, "__set__"),
        (Delete, "__delete__"),
        (New, "__new__"),
        (Init, "__init__"),
        (Neg, "__neg__"),
        (Pos, "__pos__"),
        (Invert, "__invert__"),
        (Abs, "__abs__"),
        (Int, "__int__"),
        (Float, "__float__"),
        (Index, "__index__"),
    ];
    for (n, op) in COMPARE_NAMES {
        v.push((Compare(op), n));
    }
    for (i, (f, r, ip)) in NB_NAMES.iter().enumerate() {
        if i == BinaryOp::MatMul as usize {
            continue;
        }
        v.push((Nb(i as u8), f));
        v.push((RNb(i as u8), r));
        v.push((INb(i as u8), ip));
    }
    v
}

/// Puts a wrapper in a built-in type's dict for every slot it defines
/// itself (not inherited), unless the dict already has that name.
pub fn expose_slots(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    let base = ty.base.get().downcast::<TypeObj>();
    let dict = ty.dict();
    for (id, name) in all_slot_ids() {
        if !slot_is_set(ty, id) {
            continue;
        }
        // Inherited unchanged from the base? Then the base's wrapper serves.
        if let Some(b) = base {
            if slot_is_set(b, id) && same_slot(ty, b, id) {
                continue;
            }
        }
        if dict.get_str_text(name).is_some() {
            continue;
        }
        // Only expose in-place operators where the type really has them.
        let w = BuiltinObj::new_wrapper(ts, name, id, ty);
        dict.set_item_str(ts, name, w);
    }
    // `__hash__ = None` for built-ins that are unhashable.
    if ty.slots.hash.raw() == hash_not_implemented as *const () as usize {
        dict.set_item_str(ts, "__hash__", Value::NONE);
    }
}

fn same_slot(a: Gc<TypeObj>, b: Gc<TypeObj>, id: SlotId) -> bool {
    let (x, y) = (&a.slots, &b.slots);
    use SlotId::*;
    match id {
        Repr => x.repr.raw() == y.repr.raw(),
        Str => x.str.raw() == y.str.raw(),
        Hash => x.hash.raw() == y.hash.raw(),
        Compare(_) => x.richcompare.raw() == y.richcompare.raw(),
        Getattribute => x.getattro.raw() == y.getattro.raw(),
        Setattr | Delattr => x.setattro.raw() == y.setattro.raw(),
        Call => x.call.raw() == y.call.raw(),
        Iter => x.iter.raw() == y.iter.raw(),
        Next => x.next.raw() == y.next.raw(),
        Len => x.len.raw() == y.len.raw(),
        Getitem => x.getitem.raw() == y.getitem.raw(),
        Setitem | Delitem => x.setitem.raw() == y.setitem.raw(),
        Contains => x.contains.raw() == y.contains.raw(),
        Bool => x.bool.raw() == y.bool.raw(),
        Get => x.descr_get.raw() == y.descr_get.raw(),
        Set | Delete => x.descr_set.raw() == y.descr_set.raw(),
        New => x.new.raw() == y.new.raw(),
        Init => x.init.raw() == y.init.raw(),
        Nb(i) | RNb(i) => x.nb[i as usize].raw() == y.nb[i as usize].raw(),
        INb(i) => x.nb_inplace[i as usize].raw() == y.nb_inplace[i as usize].raw(),
        Neg => x.neg.raw() == y.neg.raw(),
        Pos => x.pos.raw() == y.pos.raw(),
        Invert => x.invert.raw() == y.invert.raw(),
        Abs => x.abs.raw() == y.abs.raw(),
        Int => x.int.raw() == y.int.raw(),
        Float => x.float.raw() == y.float.raw(),
        Index => x.index.raw() == y.index.raw(),
    }
}

/// Calls the slot `id` of `owner` (what a wrapper descriptor does).
pub fn call_wrapper(
    ts: &mut ThreadState,
    owner: Gc<TypeObj>,
    id: SlotId,
    name: &str,
    args: &[Value],
    kwnames: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    use SlotId::*;
    let nkw = kwnames.map(|k| k.len()).unwrap_or(0);
    if nkw > 0 && !matches!(id, Call | New | Init) {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    let Some(&this) = args.first() else {
        return Err(ts.type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            owner.name_str()
        )));
    };
    if id != New && !owner.instance_check(this) {
        return Err(ts.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            owner.name_str(),
            type_name(this)
        )));
    }
    let rest = &args[1..];
    let want = |ts: &mut ThreadState, n: usize| -> PyResult<()> {
        if rest.len() != n {
            Err(ts.type_error(format!(
                "expected {n} argument{}, got {}",
                if n == 1 { "" } else { "s" },
                rest.len()
            )))
        } else {
            Ok(())
        }
    };
    let s = &owner.slots;
    macro_rules! get {
        ($f:ident) => {
            match s.$f.get() {
                Some(f) => f,
                None => {
                    return Err(ts.type_error(format!("'{}' has no slot {name}", owner.name_str())))
                }
            }
        };
    }
    match id {
        Repr => {
            want(ts, 0)?;
            get!(repr)(ts, this)
        }
        Str => {
            want(ts, 0)?;
            get!(str)(ts, this)
        }
        Hash => {
            want(ts, 0)?;
            let h = get!(hash)(ts, this)?;
            Ok(crate::objects::int::int_from_i64(ts, h))
        }
        Compare(op) => {
            want(ts, 1)?;
            get!(richcompare)(ts, this, rest[0], op)
        }
        Getattribute => {
            want(ts, 1)?;
            let n = crate::objects::str::expect_str(ts, rest[0], "attribute name")?;
            match get!(getattro)(ts, this, n)? {
                Some(v) => Ok(v),
                None => Err(ts.attribute_error(this, n)),
            }
        }
        Setattr => {
            want(ts, 2)?;
            let n = crate::objects::str::expect_str(ts, rest[0], "attribute name")?;
            get!(setattro)(ts, this, n, Some(rest[1]))?;
            Ok(Value::NONE)
        }
        Delattr => {
            want(ts, 1)?;
            let n = crate::objects::str::expect_str(ts, rest[0], "attribute name")?;
            get!(setattro)(ts, this, n, None)?;
            Ok(Value::NONE)
        }
        Call => get!(call)(ts, this, rest, kwnames),
        Iter => {
            want(ts, 0)?;
            get!(iter)(ts, this)
        }
        Next => {
            want(ts, 0)?;
            match get!(next)(ts, this)? {
                Some(v) => Ok(v),
                None => Err(ts.stop_iteration(Value::NONE)),
            }
        }
        Len => {
            want(ts, 0)?;
            let n = get!(len)(ts, this)?;
            Ok(crate::objects::int::int_from_i64(ts, n as i64))
        }
        Getitem => {
            want(ts, 1)?;
            get!(getitem)(ts, this, rest[0])
        }
        Setitem => {
            want(ts, 2)?;
            get!(setitem)(ts, this, rest[0], Some(rest[1]))?;
            Ok(Value::NONE)
        }
        Delitem => {
            want(ts, 1)?;
            get!(setitem)(ts, this, rest[0], None)?;
            Ok(Value::NONE)
        }
        Contains => {
            want(ts, 1)?;
            Ok(Value::from_bool(get!(contains)(ts, this, rest[0])?))
        }
        Bool => {
            want(ts, 0)?;
            Ok(Value::from_bool(get!(bool)(ts, this)?))
        }
        Get => {
            if rest.is_empty() || rest.len() > 2 {
                return Err(ts.type_error("expected 1 or 2 arguments"));
            }
            let obj = if rest[0].is_none() {
                Value::NULL
            } else {
                rest[0]
            };
            let tyv = if rest.len() == 2 {
                rest[1]
            } else {
                type_of(rest[0]).value()
            };
            get!(descr_get)(ts, this, obj, tyv)
        }
        Set => {
            want(ts, 2)?;
            get!(descr_set)(ts, this, rest[0], Some(rest[1]))?;
            Ok(Value::NONE)
        }
        Delete => {
            want(ts, 1)?;
            get!(descr_set)(ts, this, rest[0], None)?;
            Ok(Value::NONE)
        }
        New => {
            // __new__(cls, *args): `this` is the class.
            let Some(cls) = this.downcast::<TypeObj>() else {
                return Err(ts.type_error(format!(
                    "{}.__new__(X): X is not a type object ({})",
                    owner.name_str(),
                    type_name(this)
                )));
            };
            if !cls.is_subtype(owner) {
                return Err(ts.type_error(format!(
                    "{}.__new__({}): {} is not a subtype of {}",
                    owner.name_str(),
                    cls.name_str(),
                    cls.name_str(),
                    owner.name_str()
                )));
            }
            get!(new)(ts, cls, rest, kwnames)
        }
        Init => {
            get!(init)(ts, this, rest, kwnames)?;
            Ok(Value::NONE)
        }
        // __pow__ and __rpow__ take an optional modulus: three-argument
        // pow() is defined for ints only.
        Nb(i) | RNb(i) if i == BinaryOp::Power as u8 && rest.len() == 2 && !rest[1].is_none() => {
            let (base, exp) = if matches!(id, Nb(_)) {
                (this, rest[0])
            } else {
                (rest[0], this)
            };
            let int = crate::objects::int::is_int;
            if int(base) && int(exp) && int(rest[1]) {
                crate::objects::int::int_pow_mod(ts, base, exp, rest[1])
            } else {
                Ok(Value::NOT_IMPLEMENTED)
            }
        }
        Nb(i) => {
            if !(rest.len() == 1 || (i == BinaryOp::Power as u8 && rest.len() == 2)) {
                want(ts, 1)?;
            }
            match s.nb[i as usize].get() {
                Some(f) => f(ts, this, rest[0]),
                None => Ok(Value::NOT_IMPLEMENTED),
            }
        }
        RNb(i) => {
            if !(rest.len() == 1 || (i == BinaryOp::Power as u8 && rest.len() == 2)) {
                want(ts, 1)?;
            }
            match s.nb[i as usize].get() {
                Some(f) => f(ts, rest[0], this),
                None => Ok(Value::NOT_IMPLEMENTED),
            }
        }
        INb(i) => {
            want(ts, 1)?;
            match s.nb_inplace[i as usize].get() {
                Some(f) => f(ts, this, rest[0]),
                None => Ok(Value::NOT_IMPLEMENTED),
            }
        }
        Neg => {
            want(ts, 0)?;
            get!(neg)(ts, this)
        }
        Pos => {
            want(ts, 0)?;
            get!(pos)(ts, this)
        }
        Invert => {
            want(ts, 0)?;
            get!(invert)(ts, this)
        }
        Abs => {
            want(ts, 0)?;
            get!(abs)(ts, this)
        }
        Int => {
            want(ts, 0)?;
            get!(int)(ts, this)
        }
        Float => {
            want(ts, 0)?;
            get!(float)(ts, this)
        }
        Index => {
            want(ts, 0)?;
            get!(index)(ts, this)
        }
    }
}

/// `__hash__` of unhashable built-ins (list, dict, set).
pub fn hash_not_implemented(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    Err(ts.type_error(format!("unhashable type: '{}'", type_name(v))))
}

// ---- recomputing a class's slots --------------------------------------------

/// What an MRO lookup of a dunder found, for slot computation.
enum Found {
    Missing,
    /// A wrapper of slot `id` owned by this built-in type.
    Wrapper(Gc<TypeObj>, #[allow(dead_code)] SlotId),
    /// `__hash__ = None` and the like.
    NoneValue,
    Other,
}

fn find(ty: Gc<TypeObj>, name: &str) -> Found {
    let n = names().get(name);
    match ty.lookup(n) {
        None => Found::Missing,
        Some(v) if v.is_none() => Found::NoneValue,
        Some(v) => match v.downcast::<BuiltinObj>() {
            Some(b) => match b.wrapper_slot() {
                Some((owner, id)) => Found::Wrapper(owner, id),
                None => Found::Other,
            },
            None => Found::Other,
        },
    }
}

macro_rules! inherit_or {
    ($ty:expr, $field:ident, $name:expr, $dispatch:expr) => {{
        let v = match find($ty, $name) {
            Found::Missing | Found::NoneValue => None,
            Found::Wrapper(owner, _) => owner.slots.$field.get(),
            Found::Other => Some($dispatch),
        };
        $ty.slots.$field.set(v);
    }};
}

/// Recomputes every slot of a heap type from its MRO (class creation,
/// and after a dunder is assigned on it or a base).
pub fn update_slots(ty: Gc<TypeObj>) {
    inherit_or!(
        ty,
        repr,
        "__repr__",
        slot_repr as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        str,
        "__str__",
        slot_str as crate::objects::typeobj::UnaryFn
    );
    // __hash__: None means unhashable; a class that defines __eq__ but not
    // __hash__ gets __hash__ = None at creation (typeobj_init does that).
    match find(ty, "__hash__") {
        Found::NoneValue => ty.slots.hash.set(Some(hash_not_implemented)),
        Found::Missing => ty.slots.hash.set(None),
        Found::Wrapper(owner, _) => ty.slots.hash.set(owner.slots.hash.get()),
        Found::Other => ty.slots.hash.set(Some(slot_hash)),
    }
    // Rich comparison: native only if every comparison dunder is native
    // and from one owner.
    let mut cmp_native: Option<Gc<TypeObj>> = None;
    let mut cmp_python = false;
    for (n, _) in COMPARE_NAMES {
        match find(ty, n) {
            Found::Other => cmp_python = true,
            Found::Wrapper(owner, _)
                if (cmp_native.is_none() || owner.is_subtype(cmp_native.unwrap_or(owner))) =>
            {
                cmp_native = Some(owner);
            }
            _ => {}
        }
    }
    ty.slots.richcompare.set(if cmp_python {
        Some(slot_richcompare)
    } else {
        cmp_native.and_then(|o| o.slots.richcompare.get())
    });
    // Attribute access.
    let ga = find(ty, "__getattribute__");
    let has_getattr = !matches!(find(ty, "__getattr__"), Found::Missing);
    ty.slots.getattro.set(match ga {
        Found::Other => Some(slot_getattro),
        _ if has_getattr => Some(slot_getattro),
        Found::Wrapper(owner, _) => owner.slots.getattro.get(),
        _ => Some(crate::objects::object::generic_getattr),
    });
    let sa = find(ty, "__setattr__");
    let da = find(ty, "__delattr__");
    ty.slots.setattro.set(match (&sa, &da) {
        (Found::Other, _) | (_, Found::Other) => Some(slot_setattro),
        (Found::Wrapper(owner, _), _) => owner.slots.setattro.get(),
        _ => Some(crate::objects::object::generic_setattr),
    });
    inherit_or!(
        ty,
        call,
        "__call__",
        slot_call as crate::objects::typeobj::CallFn
    );
    inherit_or!(
        ty,
        iter,
        "__iter__",
        slot_iter as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        next,
        "__next__",
        slot_next as crate::objects::typeobj::NextFn
    );
    inherit_or!(
        ty,
        len,
        "__len__",
        slot_len as crate::objects::typeobj::LenFn
    );
    inherit_or!(
        ty,
        getitem,
        "__getitem__",
        slot_getitem as crate::objects::typeobj::BinaryFn
    );
    let si = find(ty, "__setitem__");
    let di = find(ty, "__delitem__");
    ty.slots.setitem.set(match (&si, &di) {
        (Found::Other, _) | (_, Found::Other) => Some(slot_setitem),
        (Found::Wrapper(o, _), _) | (_, Found::Wrapper(o, _)) => o.slots.setitem.get(),
        _ => None,
    });
    inherit_or!(
        ty,
        contains,
        "__contains__",
        slot_contains as crate::objects::typeobj::ContainsFn
    );
    // Truth: __bool__, else __len__.
    match find(ty, "__bool__") {
        Found::Other => ty.slots.bool.set(Some(slot_bool)),
        Found::Wrapper(o, _) => ty.slots.bool.set(o.slots.bool.get()),
        _ => ty.slots.bool.set(None),
    }
    inherit_or!(
        ty,
        descr_get,
        "__get__",
        slot_descr_get as crate::objects::typeobj::DescrGetFn
    );
    let ds = find(ty, "__set__");
    let dd = find(ty, "__delete__");
    ty.slots.descr_set.set(match (&ds, &dd) {
        (Found::Other, _) | (_, Found::Other) => Some(slot_descr_set),
        (Found::Wrapper(o, _), _) | (_, Found::Wrapper(o, _)) => o.slots.descr_set.get(),
        _ => None,
    });
    match find(ty, "__new__") {
        Found::Other => ty.slots.new.set(Some(slot_new)),
        Found::Wrapper(o, _) => ty.slots.new.set(o.slots.new.get()),
        _ => ty.slots.new.set(None),
    }
    inherit_or!(
        ty,
        init,
        "__init__",
        slot_init as crate::objects::typeobj::InitFn
    );
    for (i, (f, r, ip)) in NB_NAMES.iter().enumerate() {
        let a = find(ty, f);
        let b = find(ty, r);
        let v = match (&a, &b) {
            (Found::Other, _) | (_, Found::Other) => Some(slot_nb_dispatch(i)),
            (Found::Wrapper(o, _), _) | (_, Found::Wrapper(o, _)) => o.slots.nb[i].get(),
            _ => None,
        };
        ty.slots.nb[i].set(v);
        let c = find(ty, ip);
        ty.slots.nb_inplace[i].set(match c {
            Found::Other => Some(slot_inb_dispatch(i)),
            Found::Wrapper(o, _) => o.slots.nb_inplace[i].get(),
            _ => None,
        });
    }
    inherit_or!(
        ty,
        neg,
        "__neg__",
        slot_neg as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        pos,
        "__pos__",
        slot_pos as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        invert,
        "__invert__",
        slot_invert as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        abs,
        "__abs__",
        slot_abs as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        int,
        "__int__",
        slot_int as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        float,
        "__float__",
        slot_float as crate::objects::typeobj::UnaryFn
    );
    inherit_or!(
        ty,
        index,
        "__index__",
        slot_index as crate::objects::typeobj::UnaryFn
    );
    if !matches!(find(ty, "__del__"), Found::Missing) {
        ty.set_flag(tflags::HAS_DEL);
    }
}

// ---- dispatchers: call the dunder found on the type ------------------------

/// Looks up `name` on `type(obj)` and calls it bound to `obj`.
pub fn call_dunder(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    let Some(f) = ty.lookup(name) else {
        return Ok(None);
    };
    ops::call_unbound(ts, f, obj, args, None).map(Some)
}

fn dunder_or_err(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    args: &[Value],
) -> PyResult<Value> {
    match call_dunder(ts, obj, name, args)? {
        Some(v) => Ok(v),
        None => Err(ts.attribute_error(obj, name)),
    }
}

fn slot_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let r = dunder_or_err(ts, v, names().__repr__, &[])?;
    if r.downcast::<StrObj>().is_none() {
        return Err(ts.type_error(format!(
            "__repr__ returned non-string (type {})",
            type_name(r)
        )));
    }
    Ok(r)
}

fn slot_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let r = dunder_or_err(ts, v, names().__str__, &[])?;
    if r.downcast::<StrObj>().is_none() {
        return Err(ts.type_error(format!(
            "__str__ returned non-string (type {})",
            type_name(r)
        )));
    }
    Ok(r)
}

fn slot_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let r = dunder_or_err(ts, v, names().__hash__, &[])?;
    if !crate::objects::int::is_int(r) {
        return Err(ts.type_error("__hash__ method should return an integer"));
    }
    Ok(crate::objects::int::hash_int(r))
}

fn slot_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let n = match op {
        CompareOp::Lt => names().__lt__,
        CompareOp::Le => names().__le__,
        CompareOp::Eq => names().__eq__,
        CompareOp::Ne => names().__ne__,
        CompareOp::Gt => names().__gt__,
        CompareOp::Ge => names().__ge__,
    };
    match call_dunder(ts, a, n, &[b])? {
        Some(v) => Ok(v),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// `__getattribute__` overridden and/or `__getattr__` defined.
fn slot_getattro(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    let ga = ty.lookup(names().__getattribute__);
    let first = match ga {
        Some(f) if !is_object_getattribute(f) => {
            match ops::call_unbound(ts, f, obj, &[name.value()], None) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(types().attribute_error) => Err(e),
                Err(e) => return Err(e),
            }
        }
        _ => crate::objects::object::generic_getattr(ts, obj, name),
    };
    match first {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) | Err(_) => {
            let Some(hook) = ty.lookup(names().__getattr__) else {
                return first;
            };
            ops::call_unbound(ts, hook, obj, &[name.value()], None).map(Some)
        }
    }
}

fn is_object_getattribute(f: Value) -> bool {
    match f.downcast::<BuiltinObj>() {
        Some(b) => {
            matches!(b.wrapper_slot(), Some((o, SlotId::Getattribute)) if o == types().object)
        }
        None => false,
    }
}

fn slot_setattro(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    match v {
        Some(v) => dunder_or_err(ts, obj, names().__setattr__, &[name.value(), v]).map(|_| ()),
        None => dunder_or_err(ts, obj, names().__delattr__, &[name.value()]).map(|_| ()),
    }
}

fn slot_call(
    ts: &mut ThreadState,
    obj: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let ty = type_of(obj);
    let Some(f) = ty.lookup(names().__call__) else {
        return Err(ts.type_error(format!("'{}' object is not callable", type_name(obj))));
    };
    ops::call_unbound(ts, f, obj, args, kw)
}

fn slot_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let r = dunder_or_err(ts, v, names().__iter__, &[])?;
    if type_of(r).slots.next.get().is_none() {
        return Err(ts.type_error(format!(
            "iter() returned non-iterator of type '{}'",
            type_name(r)
        )));
    }
    Ok(r)
}

fn slot_next(ts: &mut ThreadState, v: Value) -> PyResult<Option<Value>> {
    match dunder_or_err(ts, v, names().__next__, &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types().stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_len(ts: &mut ThreadState, v: Value) -> PyResult<usize> {
    let r = dunder_or_err(ts, v, names().__len__, &[])?;
    let n = ops::index(ts, r)?;
    if crate::objects::int::to_i64_saturating(n) < 0 {
        return Err(ts.value_error("__len__() should return >= 0"));
    }
    match crate::objects::int::to_i64(n) {
        Some(n) => Ok(n as usize),
        None => Err(ts.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn slot_getitem(ts: &mut ThreadState, obj: Value, key: Value) -> PyResult<Value> {
    dunder_or_err(ts, obj, names().__getitem__, &[key])
}

fn slot_setitem(ts: &mut ThreadState, obj: Value, key: Value, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(v) => dunder_or_err(ts, obj, names().__setitem__, &[key, v]).map(|_| ()),
        None => dunder_or_err(ts, obj, names().__delitem__, &[key]).map(|_| ()),
    }
}

fn slot_contains(ts: &mut ThreadState, obj: Value, item: Value) -> PyResult<bool> {
    let r = dunder_or_err(ts, obj, names().__contains__, &[item])?;
    ops::truthy(ts, r)
}

fn slot_bool(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    let r = dunder_or_err(ts, v, names().__bool__, &[])?;
    match r.as_bool() {
        Some(b) => Ok(b),
        None => Err(ts.type_error(format!(
            "__bool__ should return bool, returned {}",
            type_name(r)
        ))),
    }
}

fn slot_descr_get(ts: &mut ThreadState, d: Value, obj: Value, ty: Value) -> PyResult<Value> {
    let o = if obj.is_null() { Value::NONE } else { obj };
    dunder_or_err(ts, d, names().__get__, &[o, ty])
}

fn slot_descr_set(ts: &mut ThreadState, d: Value, obj: Value, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(v) => dunder_or_err(ts, d, names().__set__, &[obj, v]).map(|_| ()),
        None => dunder_or_err(ts, d, names().__delete__, &[obj]).map(|_| ()),
    }
}

fn slot_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let Some(f) = cls.lookup(names().__new__) else {
        return Err(ts.type_error(format!("cannot create '{}' instances", cls.name_str())));
    };
    // __new__ is a static method: call it with the class first.
    let f = match f.downcast::<crate::objects::descriptors::StaticMethodObj>() {
        Some(sm) => sm.func.get(),
        None => f,
    };
    ops::with_prepended(ts, cls.value(), args, |ts, all| ops::call(ts, f, all, kw))
}

fn slot_init(
    ts: &mut ThreadState,
    obj: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let ty = type_of(obj);
    let Some(f) = ty.lookup(names().__init__) else {
        return Ok(());
    };
    let r = ops::call_unbound(ts, f, obj, args, kw)?;
    if !r.is_none() {
        return Err(ts.type_error(format!(
            "__init__() should return None, not '{}'",
            type_name(r)
        )));
    }
    Ok(())
}

macro_rules! unary_dispatch {
    ($($fn:ident => $name:ident,)*) => {
        $(
            fn $fn(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
                dunder_or_err(ts, v, names().$name, &[])
            }
        )*
    };
}

unary_dispatch! {
    slot_neg => __neg__,
    slot_pos => __pos__,
    slot_invert => __invert__,
    slot_abs => __abs__,
    slot_int => __int__,
    slot_float => __float__,
    slot_index => __index__,
}

/// The binary-operator dispatcher of heap types, CPython's SLOT1BINFULL:
/// called with the operands in source order, for either side's type.
fn binop_dispatch<const I: usize>(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (fname, rname, _) = NB_NAMES[I];
    let fname = names().get(fname);
    let rname = names().get(rname);
    let ta = type_of(a);
    let tb = type_of(b);
    let me = slot_nb_dispatch(I) as usize;
    let a_is_me = ta.slots.nb[I].raw() == me;
    let mut do_other = ta != tb && tb.slots.nb[I].raw() == me;
    if a_is_me {
        if do_other && tb.is_subtype(ta) && method_overrides(tb, ta, rname) {
            let r = call_dunder(ts, b, rname, &[a])?;
            if let Some(r) = r {
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
            do_other = false;
        }
        if let Some(r) = call_dunder(ts, a, fname, &[b])? {
            if r != Value::NOT_IMPLEMENTED || ta == tb {
                return Ok(r);
            }
        }
    }
    if do_other || (!a_is_me && tb.slots.nb[I].raw() == me) {
        if let Some(r) = call_dunder(ts, b, rname, &[a])? {
            return Ok(r);
        }
    }
    Ok(Value::NOT_IMPLEMENTED)
}

fn method_overrides(sub: Gc<TypeObj>, base: Gc<TypeObj>, name: Gc<StrObj>) -> bool {
    let a = sub.lookup(name);
    let b = base.lookup(name);
    match (a, b) {
        (Some(x), Some(y)) => x != y,
        (Some(_), None) => true,
        _ => false,
    }
}

fn inplace_dispatch<const I: usize>(ts: &mut ThreadState, a: Value, b: Value) -> PyResult<Value> {
    let (_, _, iname) = NB_NAMES[I];
    match call_dunder(ts, a, names().get(iname), &[b])? {
        Some(v) => Ok(v),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

macro_rules! dispatch_table {
    ($f:ident, $($i:literal),*) => {
        [$($f::<$i> as crate::objects::typeobj::BinaryFn,)*]
    };
}

fn slot_nb_dispatch(i: usize) -> crate::objects::typeobj::BinaryFn {
    const T: [crate::objects::typeobj::BinaryFn; NB_BINARY] =
        dispatch_table!(binop_dispatch, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    T[i]
}

fn slot_inb_dispatch(i: usize) -> crate::objects::typeobj::BinaryFn {
    const T: [crate::objects::typeobj::BinaryFn; NB_BINARY] =
        dispatch_table!(inplace_dispatch, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    T[i]
}
