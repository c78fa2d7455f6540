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
//!   looks the dunder up and calls it; `__x__ = None` installs the
//!   dispatcher too, which then reports the operation as unsupported.
//!
//! The slot set is defined once, in the `type_slots!` table below: each
//! row names a `TypeSlots` field, its function type, the rule a class uses
//! to compute it and the dunders (wrapper ids) that reach it. The struct,
//! `SlotId`, its numbering and names, slot inheritance and the rule-driven
//! part of `update_slots` are generated from it.

use ftpy_compiler::{BinaryOp, CompareOp};

use crate::error::PyResult;
use crate::interp::{names, types};
use crate::object::Gc;
use crate::objects::builtin::BuiltinObj;
use crate::objects::function::FunctionObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{
    tflags, type_name, type_of, AtomicFn, BinaryFn, BoolFn, CallFn, CompareFn, ContainsFn,
    DescrGetFn, DescrSetFn, GetattrFn, HashFn, InitFn, LenFn, NewFn, NextFn, SetItemFn, SetattrFn,
    TypeObj, UnaryFn, NB_BINARY,
};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

// ---- the slot table ----------------------------------------------------------

/// Generates, from the one table below: the [`TypeSlots`] struct, the
/// wrapper ids ([`SlotId`]: one per dunder, plus the binary operators from
/// [`NB_NAMES`]), their dunder names and numbering, and the part of
/// [`update_slots`] that follows a rule.
///
/// A row is `field: FnType, rule, [WrapperId = "__dunder__", ...];`. The
/// rule says how a class computes the slot from what its MRO gives for the
/// dunder(s) (see [`Found`]):
/// - `dispatch(f)`: a built-in wrapper of this slot keeps its owner's native
///   function, anything else installs the dispatcher `f`, nothing (or
///   `None`) leaves the slot empty;
/// - `pair(f)`: the same for a slot two dunders share (`__set__` and
///   `__delete__`): Python code behind either one installs `f`;
/// - `custom`: computed by hand in `update_slots`.
macro_rules! type_slots {
    ($(
        $(#[doc = $doc:literal])*
        $field:ident: $fnty:ident, $rule:ident $(($dispatch:path))?,
            [$($id:ident = $dunder:literal),+ $(,)?];
    )*) => {
        /// The native dispatch table of a type (CPython's `tp_*` slots). See
        /// the module doc of `typeobj`.
        pub struct TypeSlots {
            $( $(#[doc = $doc])* pub $field: AtomicFn<$fnty>, )*
            /// `a OP b` for the 13 binary operators (`BinaryOp` numbering;
            /// dunders in [`NB_NAMES`]); called with the operands in source
            /// order, for either side's type.
            pub nb: [AtomicFn<BinaryFn>; NB_BINARY],
            /// `a OP= b`.
            pub nb_inplace: [AtomicFn<BinaryFn>; NB_BINARY],
        }

        impl TypeSlots {
            pub const fn new() -> TypeSlots {
                TypeSlots {
                    $( $field: AtomicFn::empty(), )*
                    nb: [const { AtomicFn::empty() }; NB_BINARY],
                    nb_inplace: [const { AtomicFn::empty() }; NB_BINARY],
                }
            }

            /// Fills every empty slot from `base`'s (built-in subclasses at
            /// start-up: bool gets int's arithmetic).
            pub fn inherit_missing(&self, base: &TypeSlots) {
                $( if self.$field.raw() == 0 { self.$field.set(base.$field.get()); } )*
                for i in 0..NB_BINARY {
                    if self.nb[i].raw() == 0 {
                        self.nb[i].set(base.nb[i].get());
                    }
                    if self.nb_inplace[i].raw() == 0 {
                        self.nb_inplace[i].set(base.nb_inplace[i].get());
                    }
                }
            }

            /// The raw word of the slot that wrapper `id` calls (0: empty).
            pub fn raw_of(&self, id: SlotId) -> usize {
                match id {
                    $( $(SlotId::$id)|+ => self.$field.raw(), )*
                    SlotId::Nb(i) | SlotId::RNb(i) => self.nb[i as usize].raw(),
                    SlotId::INb(i) => self.nb_inplace[i as usize].raw(),
                }
            }
        }

        /// Which slot a wrapper descriptor calls, and how (one per dunder).
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        pub enum SlotId {
            $( $($id,)+ )*
            /// The forward binary operator `BinaryOp` `i` (`__add__`).
            Nb(u8),
            /// The reflected one (`__radd__`).
            RNb(u8),
            /// The in-place one (`__iadd__`).
            INb(u8),
        }

        /// Dense numbering of the named ids (generated, so it cannot drift).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum NamedIx { $( $($id,)+ )* }

        impl SlotId {
            /// The number a wrapper stores (`from_u32` inverts it).
            pub const fn to_u32(self) -> u32 {
                match self {
                    $( $(SlotId::$id => NamedIx::$id as u32 + 1,)+ )*
                    SlotId::Nb(i) => 100 + i as u32,
                    SlotId::RNb(i) => 200 + i as u32,
                    SlotId::INb(i) => 300 + i as u32,
                }
            }

            pub fn from_u32(v: u32) -> Option<SlotId> {
                $( $( if v == NamedIx::$id as u32 + 1 { return Some(SlotId::$id); } )+ )*
                let i = (v % 100) as usize;
                if i >= NB_BINARY {
                    return None;
                }
                match v / 100 {
                    1 => Some(SlotId::Nb(i as u8)),
                    2 => Some(SlotId::RNb(i as u8)),
                    3 => Some(SlotId::INb(i as u8)),
                    _ => None,
                }
            }

            /// The dunder this wrapper is found under.
            pub fn dunder(self) -> &'static str {
                match self {
                    $( $(SlotId::$id => $dunder,)+ )*
                    SlotId::Nb(i) => NB_NAMES[i as usize].0,
                    SlotId::RNb(i) => NB_NAMES[i as usize].1,
                    SlotId::INb(i) => NB_NAMES[i as usize].2,
                }
            }

            /// Every wrapper id, the named ones first.
            pub fn all() -> impl Iterator<Item = SlotId> {
                const NAMED: &[SlotId] = &[$( $(SlotId::$id,)+ )*];
                NAMED.iter().copied().chain((0..NB_BINARY as u8).flat_map(|i| {
                    [SlotId::Nb(i), SlotId::RNb(i), SlotId::INb(i)]
                }))
            }
        }

        /// The slots whose rule is not `custom` (see the table).
        fn update_ruled_slots(ty: Gc<TypeObj>) {
            $( rule!(ty, $field, $rule, [$($dispatch)?], [$($dunder),+]); )*
        }
    };
}

/// One row's part of `update_slots` (see `type_slots!`).
macro_rules! rule {
    ($ty:ident, $field:ident, custom, [], [$($d:literal),+]) => {};
    ($ty:ident, $field:ident, dispatch, [$f:path], [$d:literal]) => {{
        // `__x__ = None` installs the dispatcher too: it finds None and
        // reports the operation as unsupported (as CPython's slots do).
        // A wrapper of a type `ty` does not derive from (`class C: __new__
        // = list.__new__`) goes through the dispatcher, whose call of the
        // wrapper rejects the foreign object with CPython's TypeError
        // instead of handing it to a native function built for its owner.
        let v = match find($ty, $d) {
            Found::Missing => None,
            Found::Wrapper(owner, _) if $ty.is_subtype(owner) => owner.slots.$field.get(),
            Found::Wrapper(..) | Found::Other | Found::NoneValue => Some($f as _),
        };
        $ty.slots.$field.set(v);
    }};
    ($ty:ident, $field:ident, pair, [$f:path], [$a:literal, $b:literal]) => {{
        let v = match (find($ty, $a), find($ty, $b)) {
            (Found::Other | Found::NoneValue, _) | (_, Found::Other | Found::NoneValue) => {
                Some($f as _)
            }
            (Found::Wrapper(o, _), _) | (_, Found::Wrapper(o, _)) if $ty.is_subtype(o) => {
                o.slots.$field.get()
            }
            (Found::Wrapper(..), _) | (_, Found::Wrapper(..)) => Some($f as _),
            _ => None,
        };
        $ty.slots.$field.set(v);
    }};
}

type_slots! {
    /// `repr(x)`.
    repr: UnaryFn, dispatch(slot_repr), [Repr = "__repr__"];
    /// `str(x)`.
    str: UnaryFn, dispatch(slot_str), [Str = "__str__"];
    /// `hash(x)`; `__hash__ = None` installs `hash_not_implemented`.
    hash: HashFn, custom, [Hash = "__hash__"];
    /// The six rich comparisons, through one function.
    richcompare: CompareFn, custom, [
        Lt = "__lt__", Le = "__le__", Eq = "__eq__", Ne = "__ne__", Gt = "__gt__", Ge = "__ge__",
    ];
    /// Attribute lookup (also installed for `__getattr__`).
    getattro: GetattrFn, custom, [Getattribute = "__getattribute__"];
    /// Attribute store and delete.
    setattro: SetattrFn, pair(slot_setattro), [Setattr = "__setattr__", Delattr = "__delattr__"];
    call: CallFn, dispatch(slot_call), [Call = "__call__"];
    iter: UnaryFn, dispatch(slot_iter), [Iter = "__iter__"];
    next: NextFn, dispatch(slot_next), [Next = "__next__"];
    len: LenFn, dispatch(slot_len), [Len = "__len__"];
    getitem: BinaryFn, dispatch(slot_getitem), [Getitem = "__getitem__"];
    /// Item store and delete.
    setitem: SetItemFn, pair(slot_setitem), [Setitem = "__setitem__", Delitem = "__delitem__"];
    contains: ContainsFn, dispatch(slot_contains), [Contains = "__contains__"];
    /// Truth by `__bool__` (`__len__` is the caller's fallback).
    bool: BoolFn, dispatch(slot_bool), [Bool = "__bool__"];
    /// `descr.__get__(obj, type)`.
    descr_get: DescrGetFn, dispatch(slot_descr_get), [Get = "__get__"];
    /// `descr.__set__` / `__delete__`.
    descr_set: DescrSetFn, pair(slot_descr_set), [Set = "__set__", Delete = "__delete__"];
    new: NewFn, dispatch(slot_new), [New = "__new__"];
    init: InitFn, dispatch(slot_init), [Init = "__init__"];
    neg: UnaryFn, dispatch(slot_neg), [Neg = "__neg__"];
    pos: UnaryFn, dispatch(slot_pos), [Pos = "__pos__"];
    invert: UnaryFn, dispatch(slot_invert), [Invert = "__invert__"];
    abs: UnaryFn, dispatch(slot_abs), [Abs = "__abs__"];
    int: UnaryFn, dispatch(slot_int), [Int = "__int__"];
    float: UnaryFn, dispatch(slot_float), [Float = "__float__"];
    index: UnaryFn, dispatch(slot_index), [Index = "__index__"];
}

impl Default for TypeSlots {
    fn default() -> Self {
        TypeSlots::new()
    }
}

impl SlotId {
    /// The comparison a rich-comparison wrapper performs.
    pub fn compare_op(self) -> Option<CompareOp> {
        Some(match self {
            SlotId::Lt => CompareOp::Lt,
            SlotId::Le => CompareOp::Le,
            SlotId::Eq => CompareOp::Eq,
            SlotId::Ne => CompareOp::Ne,
            SlotId::Gt => CompareOp::Gt,
            SlotId::Ge => CompareOp::Ge,
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

/// Puts a wrapper in a built-in type's dict for every slot it defines
/// itself (not inherited), unless the dict already has that name.
pub fn expose_slots(ts: &mut ThreadState, ty: Gc<TypeObj>) {
    let base = ty.base.get().downcast::<TypeObj>();
    let dict = ty.dict();
    for id in SlotId::all() {
        let raw = ty.slots.raw_of(id);
        if raw == 0 {
            continue;
        }
        if matches!(id, SlotId::Nb(i) | SlotId::RNb(i) | SlotId::INb(i) if i == BinaryOp::MatMul as u8)
        {
            continue;
        }
        // Inherited unchanged from the base? Then the base's wrapper serves.
        if let Some(b) = base {
            if b.slots.raw_of(id) == raw {
                continue;
            }
        }
        let name = id.dunder();
        if dict.get_str_text(name).is_some() {
            continue;
        }
        let w = BuiltinObj::new_wrapper(ts, name, id, ty);
        dict.set_item_str(ts, name, w);
    }
    // `__hash__ = None` for built-ins that are unhashable.
    if ty.slots.hash.raw() == hash_not_implemented as *const () as usize {
        dict.set_item_str(ts, "__hash__", Value::NONE);
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
        if id == New {
            return Err(ts.type_error(format!(
                "{}.__new__(): not enough arguments",
                owner.name_str()
            )));
        }
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
        Lt | Le | Eq | Ne | Gt | Ge => {
            want(ts, 1)?;
            let op = id.compare_op().unwrap_or(CompareOp::Eq);
            get!(richcompare)(ts, this, rest[0], op)
        }
        Getattribute => {
            want(ts, 1)?;
            let n = attr_name(ts, rest[0])?;
            match get!(getattro)(ts, this, n)? {
                Some(v) => Ok(v),
                // `object.__getattribute__` is the generic lookup whatever
                // `this` is: its message names the type ("'Meta' object has
                // no attribute 'x'" for a class).
                None if owner == types().object => {
                    let e = ts.attribute_error_msg(format!(
                        "'{}' object has no attribute '{}'",
                        type_name(this),
                        n.as_str()
                    ));
                    e.exc().set_attr_quiet(ts, "name", n.value());
                    e.exc().set_attr_quiet(ts, "obj", this);
                    Err(e)
                }
                None => Err(ts.attribute_error(this, n)),
            }
        }
        Setattr => {
            want(ts, 2)?;
            let n = attr_name(ts, rest[0])?;
            let f = get!(setattro);
            hackcheck(ts, this, f, "__setattr__")?;
            f(ts, this, n, Some(rest[1]))?;
            Ok(Value::NONE)
        }
        Delattr => {
            want(ts, 1)?;
            let n = attr_name(ts, rest[0])?;
            let f = get!(setattro);
            hackcheck(ts, this, f, "__delattr__")?;
            f(ts, this, n, None)?;
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
            let tyv = match rest.get(1) {
                Some(t) if !t.is_none() => *t,
                _ => Value::NULL,
            };
            if obj.is_null() && tyv.is_null() {
                return Err(ts.type_error("__get__(None, None) is invalid"));
            }
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
            // `object.__new__(dict)` would skip dict's own __new__: the
            // most derived built-in base of `cls` must be `owner`'s kind.
            let dispatcher = slot_new as crate::objects::typeobj::NewFn as usize;
            let mut staticbase = Some(cls);
            while let Some(b) = staticbase.filter(|b| b.slots.new.raw() == dispatcher) {
                staticbase = b.base.get().downcast::<TypeObj>();
            }
            if let Some(sb) = staticbase {
                if sb.slots.new.raw() != owner.slots.new.raw() {
                    return Err(ts.type_error(format!(
                        "{}.__new__({}) is not safe, use {}.__new__()",
                        owner.tp_name_str(),
                        cls.tp_name_str(),
                        sb.tp_name_str()
                    )));
                }
            }
            let obj = get!(new)(ts, cls, rest, kwnames)?;
            crate::gc::collect::ensure_finalizer(obj);
            Ok(obj)
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

/// The name argument of `__getattribute__` / `__setattr__` /
/// `__delattr__` wrappers.
fn attr_name(ts: &mut ThreadState, v: Value) -> PyResult<Gc<StrObj>> {
    v.downcast::<StrObj>().ok_or_else(|| {
        ts.type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(v)
        ))
    })
}

/// CPython's `hackcheck`: `object.__setattr__(obj, ...)` must not jump
/// over a native `__setattr__` that `type(obj)` inherits from a built-in
/// between it and the wrapper's owner (`object.__setattr__(int, 'x', 1)`
/// would bypass `type.__setattr__`).
fn hackcheck(ts: &mut ThreadState, obj: Value, func: SetattrFn, what: &str) -> PyResult<()> {
    let ty = type_of(obj);
    let dispatcher = slot_setattro as SetattrFn as usize;
    let own = ty.slots.setattro.raw();
    // The (base) type that defined the type's slot function.
    let mut defining = ty;
    for &b in ty.mro_tuple().items().iter().rev() {
        let Some(b) = b.downcast::<TypeObj>() else {
            continue;
        };
        let r = b.slots.setattro.raw();
        if r != dispatcher && r == own {
            defining = b;
            break;
        }
    }
    let mut cur = Some(defining);
    while let Some(b) = cur {
        let r = b.slots.setattro.raw();
        if r == func as usize {
            break;
        }
        if r != dispatcher {
            return Err(ts.type_error(format!(
                "can't apply this {what} to {} object",
                ty.name_str()
            )));
        }
        cur = b.base.get().downcast::<TypeObj>();
    }
    Ok(())
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
        Some(v) => match v.downcast::<BuiltinObj>().and_then(|b| b.wrapper_slot()) {
            // A wrapper stored under another dunder (`__repr__ =
            // int.__str__`) is just a callable.
            Some((owner, id)) if id.dunder() == name => Found::Wrapper(owner, id),
            _ => Found::Other,
        },
    }
}

/// Recomputes every slot of a heap type from its MRO (class creation,
/// and after a dunder is assigned on it or a base).
pub fn update_slots(ty: Gc<TypeObj>) {
    update_ruled_slots(ty);
    // __hash__: None means unhashable; a class that defines __eq__ but not
    // __hash__ gets __hash__ = None at creation (typeobj_init does that).
    ty.slots.hash.set(match find(ty, "__hash__") {
        Found::NoneValue => Some(hash_not_implemented),
        Found::Missing => None,
        Found::Wrapper(owner, _) => owner.slots.hash.get(),
        Found::Other => Some(slot_hash),
    });
    // Rich comparison: native only if every comparison dunder is native
    // and from one owner.
    let mut cmp_native: Option<Gc<TypeObj>> = None;
    let mut cmp_python = false;
    for id in [
        SlotId::Lt,
        SlotId::Le,
        SlotId::Eq,
        SlotId::Ne,
        SlotId::Gt,
        SlotId::Ge,
    ] {
        match find(ty, id.dunder()) {
            Found::Other | Found::NoneValue => cmp_python = true,
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
    // Attribute access: __getattr__ needs the dispatcher too.
    let has_getattr = !matches!(find(ty, "__getattr__"), Found::Missing);
    ty.slots.getattro.set(match find(ty, "__getattribute__") {
        Found::Other => Some(slot_getattro),
        _ if has_getattr => Some(slot_getattro),
        Found::Wrapper(owner, _) => owner.slots.getattro.get(),
        _ => Some(crate::objects::object::generic_getattr),
    });
    for (i, (f, r, ip)) in NB_NAMES.iter().enumerate() {
        // `__add__ = None` dispatches too: calling None is the error,
        // as CPython's slot functions.
        let v = match (find(ty, f), find(ty, r)) {
            (Found::Other | Found::NoneValue, _) | (_, Found::Other | Found::NoneValue) => {
                Some(slot_nb_dispatch(i))
            }
            (Found::Wrapper(o, _), _) | (_, Found::Wrapper(o, _)) => o.slots.nb[i].get(),
            _ => None,
        };
        ty.slots.nb[i].set(v);
        ty.slots.nb_inplace[i].set(match find(ty, ip) {
            Found::Other | Found::NoneValue => Some(slot_inb_dispatch(i)),
            Found::Wrapper(o, _) => o.slots.nb_inplace[i].get(),
            _ => None,
        });
    }
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
        // The slot is there but the method is gone (or only its partner
        // exists, as `__set__` without `__delete__`): CPython raises
        // AttributeError with just the name.
        None => Err(ts.attribute_error_msg(name.as_str())),
    }
}

// The result types of __repr__ / __str__ are checked by `ops::repr` and
// `ops::str_` (as CPython's PyObject_Repr / PyObject_Str do), so that
// `str(x)` of a bad `__repr__` reports "__str__ returned non-string".
fn slot_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    dunder_or_err(ts, v, names().__repr__, &[])
}

fn slot_str(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    dunder_or_err(ts, v, names().__str__, &[])
}

/// Looks up `name` on `type(obj)` as CPython's `lookup_maybe_method`: a
/// plain function or method descriptor comes back unbound (`Ok((f, true))`),
/// any other descriptor is bound; `None` when the name is missing or the
/// descriptor's `__get__` failed (that error is dropped, as CPython's
/// comparison and hash slots do).
fn lookup_maybe_method(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
) -> Option<(Value, bool)> {
    let f = type_of(obj).lookup(name)?;
    if f.downcast::<FunctionObj>().is_some()
        || f.downcast::<BuiltinObj>()
            .is_some_and(|b| b.is_method_descriptor())
    {
        return Some((f, true));
    }
    match type_of(f).slots.descr_get.get() {
        Some(get) => get(ts, f, obj, type_of(obj).value())
            .ok()
            .map(|b| (b, false)),
        None => Some((f, false)),
    }
}

fn slot_hash(ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let r = match lookup_maybe_method(ts, v, names().__hash__) {
        Some((f, _)) if f.is_none() => return hash_not_implemented(ts, v),
        Some((f, true)) => ops::call(ts, f, &[v], None)?,
        Some((f, false)) => ops::call(ts, f, &[], None)?,
        None => return hash_not_implemented(ts, v),
    };
    if !crate::objects::int::is_int(r) {
        return Err(ts.type_error("__hash__ method should return an integer"));
    }
    // A result that fits is the hash as is (-1 is reserved: -2); a
    // bigger one is reduced as int's own hash does.
    Ok(match crate::objects::int::to_i64(r) {
        Some(-1) => -2,
        Some(h) => h,
        None => crate::objects::int::hash_int(r),
    })
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
    match lookup_maybe_method(ts, a, n) {
        Some((f, true)) => ops::call(ts, f, &[a, b], None),
        Some((f, false)) => ops::call(ts, f, &[b], None),
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

/// `__x__ = None` on the type: the operation is unsupported.
fn dunder_is_none(v: Value, name: Gc<StrObj>) -> bool {
    type_of(v).lookup(name).is_some_and(|f| f.is_none())
}

fn slot_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if dunder_is_none(v, names().__iter__) {
        return Err(ts.type_error(format!("'{}' object is not iterable", type_name(v))));
    }
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
    if dunder_is_none(obj, names().__contains__) {
        return Err(ts.type_error(format!("'{}' object is not a container", type_name(obj))));
    }
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
    let ty = if ty.is_null() { Value::NONE } else { ty };
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
