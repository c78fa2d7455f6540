//! Native callables: `builtin_function_or_method`, `method_descriptor`,
//! `classmethod_descriptor`, `wrapper_descriptor` (slot wrappers) and
//! `getset_descriptor` (native attributes). One layout, told apart by
//! `kind`.

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{intern, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::slots::SlotId;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{add_getset, GetterFn, MethodKind, NativeFn, SetterFn};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// What a `BuiltinObj` is.
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BuiltinKind {
    /// A function (`len`), or a method bound to `self_`.
    Function = 0,
    /// An unbound method of a type (`list.append`).
    Method = 1,
    /// A class method of a type (`dict.fromkeys`).
    ClassMethod = 2,
    /// A slot wrapper (`int.__add__`); bound when `self_` is set.
    Wrapper = 3,
    /// A native attribute (`int.real`).
    GetSet = 4,
    /// A `member_descriptor`: a `__slots__` entry (its member index in
    /// `slot_id`, no getter) or a native field (`function.__globals__`,
    /// with a getter; read-only without a setter).
    Member = 5,
}

#[repr(C)]
pub struct BuiltinObj {
    pub header: Header,
    func: usize,
    setter: usize,
    kind: BuiltinKind,
    slot_id: u32,
    pub name: Slot,
    /// Bound object (methods bound to an instance) or NULL.
    pub self_: Slot,
    /// The type a descriptor belongs to, or the module of a function.
    pub owner: Slot,
}

impl BuiltinObj {
    /// Whether this is a function or method implemented by `f`.
    pub fn is_native_fn(&self, f: crate::objects::NativeFn) -> bool {
        self.func == f as usize
    }
}

// SAFETY: repr(C), Header first; traces the slots (the fn pointers are
// static code).
unsafe impl HeapObj for BuiltinObj {
    const KIND: Kind = Kind::Builtin;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.name);
        m.slot(&self.self_);
        m.slot(&self.owner);
    }
}

impl BuiltinObj {
    fn alloc(
        ts: &mut ThreadState,
        ty: Gc<TypeObj>,
        name: &str,
        func: usize,
        setter: usize,
        kind: BuiltinKind,
        slot_id: u32,
        self_: Value,
        owner: Value,
    ) -> Value {
        let n = intern(ts, name);
        ts.alloc(BuiltinObj {
            header: Header::new(ty, Kind::Builtin, 0),
            func,
            setter,
            kind,
            slot_id,
            name: Slot::new(n.value()),
            self_: Slot::new(self_),
            owner: Slot::new(owner),
        })
        .value()
    }

    /// A plain native function (`len`, a module function).
    pub fn new_function(ts: &mut ThreadState, name: &str, f: NativeFn, module: Value) -> Value {
        Self::alloc(
            ts,
            types().builtin_function,
            name,
            f as usize,
            0,
            BuiltinKind::Function,
            0,
            Value::NULL,
            module,
        )
    }

    /// A method table entry for a type's dict.
    pub fn new_method(
        ts: &mut ThreadState,
        name: &str,
        f: NativeFn,
        kind: MethodKind,
        owner: Gc<TypeObj>,
    ) -> Value {
        match kind {
            MethodKind::Method => Self::alloc(
                ts,
                types().method_descriptor,
                name,
                f as usize,
                0,
                BuiltinKind::Method,
                0,
                Value::NULL,
                owner.value(),
            ),
            MethodKind::Class => Self::alloc(
                ts,
                types().classmethod_descriptor,
                name,
                f as usize,
                0,
                BuiltinKind::ClassMethod,
                0,
                Value::NULL,
                owner.value(),
            ),
            MethodKind::Static => {
                let f = Self::alloc(
                    ts,
                    types().builtin_function,
                    name,
                    f as usize,
                    0,
                    BuiltinKind::Function,
                    0,
                    Value::NULL,
                    owner.value(),
                );
                crate::objects::descriptors::StaticMethodObj::new(ts, f).value()
            }
        }
    }

    /// A slot wrapper for a type's dict.
    pub fn new_wrapper(ts: &mut ThreadState, name: &str, id: SlotId, owner: Gc<TypeObj>) -> Value {
        // `__new__` is a built-in method of its type in CPython
        // (`int.__new__.__self__ is int`), not a slot wrapper.
        let ty = if id == SlotId::New {
            types().builtin_function
        } else {
            types().wrapper_descriptor
        };
        Self::alloc(
            ts,
            ty,
            name,
            0,
            0,
            BuiltinKind::Wrapper,
            id.to_u32(),
            Value::NULL,
            owner.value(),
        )
    }

    /// A native attribute descriptor.
    pub fn new_getset(
        ts: &mut ThreadState,
        name: &str,
        get: GetterFn,
        set: Option<SetterFn>,
        owner: Gc<TypeObj>,
    ) -> Value {
        Self::alloc(
            ts,
            types().getset_descriptor,
            name,
            get as usize,
            set.map(|f| f as usize).unwrap_or(0),
            BuiltinKind::GetSet,
            0,
            Value::NULL,
            owner.value(),
        )
    }

    /// A native member (`function.__closure__`): like a getset, but
    /// `member_descriptor`, "readonly attribute" without a setter.
    pub fn new_member(
        ts: &mut ThreadState,
        name: &str,
        get: GetterFn,
        set: Option<SetterFn>,
        owner: Gc<TypeObj>,
    ) -> Value {
        Self::alloc(
            ts,
            types().member_descriptor,
            name,
            get as usize,
            set.map(|f| f as usize).unwrap_or(0),
            BuiltinKind::Member,
            0,
            Value::NULL,
            owner.value(),
        )
    }

    /// The descriptor of `__slots__` name `name`: member slot `index` of
    /// instances of `owner` (and its subclasses).
    pub fn new_slot_member(
        ts: &mut ThreadState,
        name: Gc<StrObj>,
        index: u32,
        owner: Gc<TypeObj>,
    ) -> Value {
        ts.alloc(BuiltinObj {
            header: Header::new(types().member_descriptor, Kind::Builtin, 0),
            func: 0,
            setter: 0,
            kind: BuiltinKind::Member,
            slot_id: index,
            name: Slot::new(name.value()),
            self_: Slot::new(Value::NULL),
            owner: Slot::new(owner.value()),
        })
        .value()
    }

    /// For the descriptor of a `__slots__` name: its member index (the
    /// attribute caches read and write the member slot directly).
    #[inline]
    pub fn slot_member_index(&self) -> Option<u32> {
        (self.kind == BuiltinKind::Member && self.func == 0).then_some(self.slot_id)
    }

    pub fn kind(&self) -> BuiltinKind {
        self.kind
    }

    pub fn name_str(&self) -> &'static str {
        crate::objects::str::as_str(self.name.get()).unwrap_or("?")
    }

    /// Whether calling it with `self` first is the same as a bound call
    /// (what `LOAD_METHOD` and `call_method` use to skip binding).
    #[inline]
    pub fn is_method_descriptor(&self) -> bool {
        self.kind == BuiltinKind::Method
            || (self.kind == BuiltinKind::Wrapper
                && self.self_.get().is_null()
                && self.slot_id != SlotId::New.to_u32())
    }

    /// For a wrapper: its owner type and slot.
    pub fn wrapper_slot(&self) -> Option<(Gc<TypeObj>, SlotId)> {
        if self.kind != BuiltinKind::Wrapper {
            return None;
        }
        Some((
            self.owner.get().downcast::<TypeObj>()?,
            SlotId::from_u32(self.slot_id)?,
        ))
    }

    #[inline]
    fn native(&self) -> NativeFn {
        // SAFETY: `func` was stored from a NativeFn for the Function,
        // Method and ClassMethod kinds (the only callers).
        unsafe { std::mem::transmute::<usize, NativeFn>(self.func) }
    }

    fn getter(&self) -> GetterFn {
        // SAFETY: `func` holds a GetterFn for the GetSet kind.
        unsafe { std::mem::transmute::<usize, GetterFn>(self.func) }
    }

    fn setter(&self) -> Option<SetterFn> {
        if self.setter == 0 {
            None
        } else {
            // SAFETY: `setter` holds a SetterFn when non-zero.
            Some(unsafe { std::mem::transmute::<usize, SetterFn>(self.setter) })
        }
    }

    fn owner_type(&self) -> Option<Gc<TypeObj>> {
        self.owner.get().downcast::<TypeObj>()
    }

    /// A static method of a built-in type (`str.maketrans`): a function
    /// with no `self` whose owner is the type. CPython keeps the type as
    /// its hidden self: it names the method after the type, but
    /// `__self__` is None.
    fn static_owner(&self) -> Option<Gc<TypeObj>> {
        if self.kind == BuiltinKind::Function && self.self_.get().is_null() {
            self.owner_type()
        } else {
            None
        }
    }
}

fn this(v: Value) -> Gc<BuiltinObj> {
    // SAFETY: the slots below are installed on the builtin types only.
    unsafe { v.downcast_unchecked() }
}

/// Calls a native callable.
pub fn builtin_call(
    ts: &mut ThreadState,
    f: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    let b = this(f);
    match b.kind {
        BuiltinKind::Function => {
            let s = b.self_.get();
            if s.is_null() {
                (b.native())(ts, args, kw)
            } else {
                let func = b.native();
                ops::with_prepended(ts, s, args, |ts, all| func(ts, all, kw))
            }
        }
        BuiltinKind::Method => {
            let Some(&first) = args.first() else {
                let owner = b.owner_type().map(|t| t.name_str()).unwrap_or("?");
                return Err(ts.type_error(format!(
                    "unbound method {owner}.{}() needs an argument",
                    b.name_str()
                )));
            };
            if let Some(owner) = b.owner_type() {
                if !owner.instance_check(first) {
                    return Err(ts.type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        b.name_str(),
                        owner.name_str(),
                        type_name(first)
                    )));
                }
            }
            (b.native())(ts, args, kw)
        }
        BuiltinKind::ClassMethod => {
            let s = b.self_.get();
            if s.is_null() {
                (b.native())(ts, args, kw)
            } else {
                let func = b.native();
                ops::with_prepended(ts, s, args, |ts, all| func(ts, all, kw))
            }
        }
        BuiltinKind::Wrapper => {
            let (owner, id) = match b.wrapper_slot() {
                Some(x) => x,
                None => return Err(ts.system_error("bad slot wrapper")),
            };
            let name = b.name_str();
            let s = b.self_.get();
            if s.is_null() {
                crate::objects::slots::call_wrapper(ts, owner, id, name, args, kw)
            } else {
                ops::with_prepended(ts, s, args, |ts, all| {
                    crate::objects::slots::call_wrapper(ts, owner, id, name, all, kw)
                })
            }
        }
        BuiltinKind::GetSet | BuiltinKind::Member => {
            Err(ts.type_error(format!("'{}' object is not callable", type_name(f))))
        }
    }
}

fn builtin_get(ts: &mut ThreadState, d: Value, obj: Value, ty: Value) -> PyResult<Value> {
    let b = this(d);
    // Already bound (`itertools.count().__next__`, `int.from_bytes` taken
    // from the class): not a descriptor any more, as CPython's
    // method-wrapper and built-in method objects are not.
    if !b.self_.get().is_null() && matches!(b.kind, BuiltinKind::Wrapper | BuiltinKind::ClassMethod)
    {
        return Ok(d);
    }
    match b.kind {
        BuiltinKind::Function => Ok(d),
        BuiltinKind::Method => {
            if obj.is_null() {
                return Ok(d);
            }
            check_applies(ts, b, obj)?;
            Ok(bound(ts, b, obj, BuiltinKind::Function))
        }
        BuiltinKind::ClassMethod => {
            let cls = if ty.is_null() || ty.is_none() {
                type_of(obj).value()
            } else {
                ty
            };
            Ok(bound(ts, b, cls, BuiltinKind::ClassMethod))
        }
        BuiltinKind::Wrapper => {
            if obj.is_null() || b.slot_id == SlotId::New.to_u32() {
                return Ok(d);
            }
            check_applies(ts, b, obj)?;
            Ok(bound(ts, b, obj, BuiltinKind::Wrapper))
        }
        BuiltinKind::GetSet => {
            if obj.is_null() {
                return Ok(d);
            }
            if let Some(owner) = b.owner_type() {
                if !owner.instance_check(obj) {
                    return Err(ts.type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        b.name_str(),
                        owner.name_str(),
                        type_name(obj)
                    )));
                }
            }
            (b.getter())(ts, obj)
        }
        BuiltinKind::Member => {
            if obj.is_null() {
                return Ok(d);
            }
            check_applies(ts, b, obj)?;
            if b.func != 0 {
                return (b.getter())(ts, obj);
            }
            match member_slot(ts, b, obj)?.get().non_null() {
                Some(v) => Ok(v),
                None => Err(ts.attribute_error_msg(format!(
                    "'{}' object has no attribute '{}'",
                    type_name(obj),
                    b.name_str()
                ))),
            }
        }
    }
}

/// "descriptor 'x' for 'A' objects doesn't apply to a 'int' object".
fn check_applies(ts: &mut ThreadState, b: Gc<BuiltinObj>, obj: Value) -> PyResult<()> {
    if let Some(owner) = b.owner_type() {
        if !owner.instance_check(obj) {
            return Err(ts.type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                b.name_str(),
                owner.name_str(),
                type_name(obj)
            )));
        }
    }
    Ok(())
}

/// The member slot a `__slots__` descriptor reads in `obj` (an instance
/// of its owner: the owner's layout has the slot).
fn member_slot(
    ts: &mut ThreadState,
    b: Gc<BuiltinObj>,
    obj: Value,
) -> PyResult<&'static crate::gc::Slot> {
    match crate::objects::instance::attr_store(obj).and_then(|s| s.member(b.slot_id)) {
        Some(s) => Ok(s),
        None => Err(ts.system_error(format!(
            "member '{}' is missing from the layout of '{}'",
            b.name_str(),
            type_name(obj)
        ))),
    }
}

/// `d.__get__(obj)` for a method descriptor `d` already known to apply to
/// `obj` (an attribute cache entry checked the type): the bound builtin.
pub fn bind_method_descriptor(ts: &mut ThreadState, d: Value, obj: Value) -> Value {
    let b = this(d);
    let kind = if b.kind == BuiltinKind::Wrapper {
        BuiltinKind::Wrapper
    } else {
        BuiltinKind::Function
    };
    bound(ts, b, obj, kind)
}

fn bound(ts: &mut ThreadState, b: Gc<BuiltinObj>, obj: Value, kind: BuiltinKind) -> Value {
    let ty = if kind == BuiltinKind::Wrapper {
        types().method_wrapper
    } else {
        types().builtin_function
    };
    ts.alloc(BuiltinObj {
        header: Header::new(ty, Kind::Builtin, 0),
        func: b.func,
        setter: b.setter,
        kind,
        slot_id: b.slot_id,
        name: Slot::new(b.name.get()),
        self_: Slot::new(obj),
        owner: Slot::new(b.owner.get()),
    })
    .value()
}

fn member_set(ts: &mut ThreadState, d: Value, obj: Value, v: Option<Value>) -> PyResult<()> {
    let b = this(d);
    check_applies(ts, b, obj)?;
    if b.func != 0 {
        return match b.setter() {
            Some(s) => s(ts, obj, v),
            None => Err(ts.attribute_error_msg("readonly attribute")),
        };
    }
    let slot = member_slot(ts, b, obj)?;
    match v {
        Some(v) => slot.set(v),
        None => {
            if slot.get().is_null() {
                // CPython 3.11 says just the name here.
                return Err(ts.attribute_error_msg(b.name_str()));
            }
            slot.set(Value::NULL);
        }
    }
    Ok(())
}

fn getset_set(ts: &mut ThreadState, d: Value, obj: Value, v: Option<Value>) -> PyResult<()> {
    let b = this(d);
    match b.setter() {
        Some(s) => s(ts, obj, v),
        None => {
            let owner = b.owner_type().map(|t| t.tp_name_str()).unwrap_or("?");
            Err(ts.attribute_error_msg(format!(
                "attribute '{}' of '{}' objects is not writable",
                b.name_str(),
                owner
            )))
        }
    }
}

fn builtin_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(v);
    let owner = b.owner_type().map(|t| t.name_str()).unwrap_or("?");
    let s = match b.kind {
        BuiltinKind::Function if b.static_owner().is_some() => format!(
            "<built-in method {} of type object at {:#x}>",
            b.name_str(),
            b.owner.get().bits() & 0xffff_ffff_ffff
        ),
        BuiltinKind::Function => {
            let s = b.self_.get();
            if s.is_null() || s.downcast::<crate::objects::module::ModuleObj>().is_some() {
                format!("<built-in function {}>", b.name_str())
            } else {
                format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name_str(),
                    type_name(s),
                    s.bits() & 0xffff_ffff_ffff
                )
            }
        }
        BuiltinKind::Method => format!("<method '{}' of '{owner}' objects>", b.name_str()),
        BuiltinKind::ClassMethod => {
            if b.self_.get().is_null() {
                format!("<method '{}' of '{owner}' objects>", b.name_str())
            } else {
                format!(
                    "<built-in method {} of type object at {:#x}>",
                    b.name_str(),
                    b.self_.get().bits() & 0xffff_ffff_ffff
                )
            }
        }
        BuiltinKind::Wrapper if b.slot_id == SlotId::New.to_u32() => format!(
            "<built-in method __new__ of type object at {:#x}>",
            b.owner.get().bits() & 0xffff_ffff_ffff
        ),
        BuiltinKind::Wrapper => {
            let s = b.self_.get();
            if s.is_null() {
                format!("<slot wrapper '{}' of '{owner}' objects>", b.name_str())
            } else {
                format!(
                    "<method-wrapper '{}' of {} object at {:#x}>",
                    b.name_str(),
                    type_name(s),
                    s.bits() & 0xffff_ffff_ffff
                )
            }
        }
        BuiltinKind::GetSet => format!("<attribute '{}' of '{owner}' objects>", b.name_str()),
        BuiltinKind::Member => format!("<member '{}' of '{owner}' objects>", b.name_str()),
    };
    Ok(StrObj::new(ts, &s))
}

/// Bound built-in methods are equal when they bind the same object (by
/// identity) to the same function.
fn builtin_richcompare(
    _ts: &mut ThreadState,
    a: Value,
    b: Value,
    op: ftpy_compiler::CompareOp,
) -> PyResult<Value> {
    use ftpy_compiler::CompareOp;
    let (Some(x), Some(y)) = (a.downcast::<BuiltinObj>(), b.downcast::<BuiltinObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || type_of(a) != type_of(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let eq = x.self_.get() == y.self_.get()
        && x.func == y.func
        && x.kind == y.kind
        && x.slot_id == y.slot_id
        && x.owner.get() == y.owner.get();
    Ok(Value::from_bool(eq == (op == CompareOp::Eq)))
}

fn builtin_hash(_ts: &mut ThreadState, v: Value) -> PyResult<i64> {
    let b = this(v);
    let x = crate::hash::hash_pointer(b.self_.get());
    let y = (b.func as i64).rotate_right(4) ^ b.slot_id as i64;
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

fn get_name(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(v).name.get())
}

fn get_qualname(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(v);
    let s = b.self_.get();
    // A bound built-in method is named after its object's class.
    if !s.is_null()
        && b.kind == BuiltinKind::Function
        && s.downcast::<crate::objects::module::ModuleObj>().is_none()
    {
        let t = s.downcast::<TypeObj>().unwrap_or_else(|| type_of(s));
        let q = crate::objects::str::as_str(t.qualname.get()).unwrap_or("?");
        return Ok(StrObj::new(ts, &format!("{q}.{}", b.name_str())));
    }
    if let Some(t) = b.static_owner() {
        let q = crate::objects::str::as_str(t.qualname.get()).unwrap_or("?");
        return Ok(StrObj::new(ts, &format!("{q}.{}", b.name_str())));
    }
    match b.owner_type() {
        Some(t) if b.kind != BuiltinKind::Function || !b.self_.get().is_null() => {
            let q = crate::objects::str::as_str(t.qualname.get()).unwrap_or("?");
            Ok(StrObj::new(ts, &format!("{q}.{}", b.name_str())))
        }
        _ => Ok(b.name.get()),
    }
}

fn get_self(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let s = this(v).self_.get();
    if this(v).static_owner().is_some() {
        return Ok(Value::NONE);
    }
    Ok(if s.is_null() {
        this(v).owner.get().non_null().unwrap_or(Value::NONE)
    } else {
        s
    })
}

fn get_objclass(_ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(v).owner.get().non_null().unwrap_or(Value::NONE))
}

/// `__doc__` of a native callable or descriptor. Native functions carry no
/// docstrings yet; what is here is what `help()` of an ordinary class
/// shows, which CPython writes the same for every type: the slot wrappers'
/// (`object.__init__`, inherited by a method without a docstring of its
/// own), `object`'s methods, and a class's `__dict__` and `__weakref__`.
fn get_doc(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(v);
    let Some(name) = crate::objects::str::as_str(b.name.get()) else {
        return Ok(Value::NONE);
    };
    let owner = b.owner.get().downcast::<TypeObj>();
    let doc = match b.kind {
        BuiltinKind::Wrapper => SLOT_DOCS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d),
        BuiltinKind::Method | BuiltinKind::ClassMethod if owner == Some(types().object) => {
            OBJECT_METHOD_DOCS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, d)| *d)
        }
        BuiltinKind::GetSet | BuiltinKind::Member if owner.is_some_and(|t| t.is_heap_type()) => {
            match name {
                "__dict__" => Some("dictionary for instance variables"),
                "__weakref__" => Some("list of weak references to the object"),
                _ => None,
            }
        }
        _ => None,
    };
    Ok(match doc {
        Some(d) => StrObj::new(ts, d),
        None => Value::NONE,
    })
}

/// CPython's docstrings of the slot wrappers (the same for every type).
const SLOT_DOCS: &[(&str, &str)] = &[
    ("__abs__", "abs(self)"),
    ("__add__", "Return self+value."),
    ("__and__", "Return self&value."),
    ("__bool__", "True if self else False"),
    ("__call__", "Call self as a function."),
    ("__contains__", "Return key in self."),
    ("__delattr__", "Implement delattr(self, name)."),
    ("__delete__", "Delete an attribute of instance."),
    ("__delitem__", "Delete self[key]."),
    ("__divmod__", "Return divmod(self, value)."),
    ("__eq__", "Return self==value."),
    ("__float__", "float(self)"),
    ("__floordiv__", "Return self//value."),
    ("__ge__", "Return self>=value."),
    (
        "__get__",
        "Return an attribute of instance, which is of type owner.",
    ),
    ("__getattribute__", "Return getattr(self, name)."),
    ("__getitem__", "Return self[key]."),
    ("__gt__", "Return self>value."),
    ("__hash__", "Return hash(self)."),
    ("__iadd__", "Implement self+=value."),
    ("__iand__", "Return self&=value."),
    ("__imul__", "Implement self*=value."),
    (
        "__index__",
        "Return self converted to an integer, if self is suitable for use as an index into a list.",
    ),
    (
        "__init__",
        "Initialize self.  See help(type(self)) for accurate signature.",
    ),
    ("__int__", "int(self)"),
    ("__invert__", "~self"),
    ("__ior__", "Return self|=value."),
    ("__isub__", "Return self-=value."),
    ("__iter__", "Implement iter(self)."),
    ("__ixor__", "Return self^=value."),
    ("__le__", "Return self<=value."),
    ("__len__", "Return len(self)."),
    ("__lshift__", "Return self<<value."),
    ("__lt__", "Return self<value."),
    ("__mod__", "Return self%value."),
    ("__mul__", "Return self*value."),
    ("__ne__", "Return self!=value."),
    ("__neg__", "-self"),
    (
        "__new__",
        "Create and return a new object.  See help(type) for accurate signature.",
    ),
    ("__next__", "Implement next(self)."),
    ("__or__", "Return self|value."),
    ("__pos__", "+self"),
    ("__pow__", "Return pow(self, value, mod)."),
    ("__radd__", "Return value+self."),
    ("__rand__", "Return value&self."),
    ("__rdivmod__", "Return divmod(value, self)."),
    ("__repr__", "Return repr(self)."),
    ("__rfloordiv__", "Return value//self."),
    ("__rlshift__", "Return value<<self."),
    ("__rmod__", "Return value%self."),
    ("__rmul__", "Return value*self."),
    ("__ror__", "Return value|self."),
    ("__rpow__", "Return pow(value, self, mod)."),
    ("__rrshift__", "Return value>>self."),
    ("__rshift__", "Return self>>value."),
    ("__rsub__", "Return value-self."),
    ("__rtruediv__", "Return value/self."),
    ("__rxor__", "Return value^self."),
    ("__set__", "Set an attribute of instance to value."),
    ("__setattr__", "Implement setattr(self, name, value)."),
    ("__setitem__", "Set self[key] to value."),
    ("__str__", "Return str(self)."),
    ("__sub__", "Return self-value."),
    ("__truediv__", "Return self/value."),
    ("__xor__", "Return self^value."),
];

/// CPython's docstrings of `object`'s methods.
const OBJECT_METHOD_DOCS: &[(&str, &str)] = &[
    ("__format__", "Default object formatter."),
    ("__reduce__", "Helper for pickle."),
    ("__reduce_ex__", "Helper for pickle."),
    ("__getstate__", "Helper for pickle."),
    ("__sizeof__", "Size of object in memory, in bytes."),
    ("__dir__", "Default dir() implementation."),
    (
        "__init_subclass__",
        "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n",
    ),
    (
        "__subclasshook__",
        "Abstract classes can override this to customize issubclass().\n\nThis is invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or NotImplemented.  If it returns\nNotImplemented, the normal algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the outcome is cached).\n",
    ),
];

fn get_module(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(v);
    if let Some(m) = b
        .owner
        .get()
        .downcast::<crate::objects::module::ModuleObj>()
    {
        return Ok(StrObj::new(ts, &m.name_string()));
    }
    // A function made before its module (`open`) names it directly.
    if b.owner.get().downcast::<StrObj>().is_some() {
        return Ok(b.owner.get());
    }
    Ok(StrObj::new(ts, "builtins"))
}

/// `__text_signature__` of a native function or method: from its `Sig`
/// declaration (`builtins::args::text_signature_of`), None where it has
/// none (as CPython's functions whose docstring holds no signature).
fn get_text_signature(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let b = this(v);
    // A type's `__new__` takes anything, as CPython's tp_new wrapper.
    if b.kind == BuiltinKind::Wrapper && b.slot_id == SlotId::New.to_u32() {
        return Ok(StrObj::new(ts, "($type, *args, **kwargs)"));
    }
    let s = b.self_.get();
    let module_fn = b.kind == BuiltinKind::Function
        && b.static_owner().is_none()
        && (s.is_null() || s.downcast::<crate::objects::module::ModuleObj>().is_some());
    let qualname = if module_fn {
        let m = get_module(ts, v)?;
        match crate::objects::str::as_str(m) {
            Some("builtins") | None => b.name_str().to_string(),
            Some(m) => format!("{m}.{}", b.name_str()),
        }
    } else {
        let q = get_qualname(ts, v)?;
        crate::objects::str::as_str(q).unwrap_or("").to_string()
    };
    Ok(
        match crate::builtins::args::text_signature_of(&qualname, module_fn) {
            Some(t) => StrObj::new(ts, &t),
            None => Value::NONE,
        },
    )
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    for ty in [
        t.builtin_function,
        t.method_descriptor,
        t.classmethod_descriptor,
        t.wrapper_descriptor,
        t.getset_descriptor,
        t.method_wrapper,
    ] {
        let s = &ty.slots;
        s.repr.set(Some(builtin_repr));
        // Built-in functions are no descriptors (`class A: f = len` keeps
        // `A().f` unbound); the descriptor kinds bind.
        if ty != t.builtin_function && ty != t.method_wrapper {
            s.descr_get.set(Some(builtin_get));
        }
        s.richcompare.set(Some(builtin_richcompare));
        s.hash.set(Some(builtin_hash));
        if ty != t.getset_descriptor {
            s.call.set(Some(builtin_call));
        }
        add_getset(ts, ty, "__name__", get_name, None);
        add_getset(ts, ty, "__qualname__", get_qualname, None);
        add_getset(ts, ty, "__doc__", get_doc, None);
    }
    t.getset_descriptor.slots.descr_set.set(Some(getset_set));
    let m = t.member_descriptor;
    m.slots.repr.set(Some(builtin_repr));
    m.slots.descr_get.set(Some(builtin_get));
    m.slots.descr_set.set(Some(member_set));
    add_getset(ts, m, "__name__", get_name, None);
    add_getset(ts, m, "__qualname__", get_qualname, None);
    add_getset(ts, m, "__doc__", get_doc, None);
    add_getset(ts, m, "__objclass__", get_objclass, None);
    add_getset(ts, t.builtin_function, "__self__", get_self, None);
    add_getset(ts, t.method_wrapper, "__self__", get_self, None);
    add_getset(ts, t.method_wrapper, "__objclass__", get_objclass, None);
    add_getset(ts, t.builtin_function, "__module__", get_module, None);
    for ty in [
        t.builtin_function,
        t.method_descriptor,
        t.classmethod_descriptor,
    ] {
        add_getset(ts, ty, "__text_signature__", get_text_signature, None);
    }
    crate::objects::add_methods(
        ts,
        t.builtin_function,
        &[crate::objects::method("__reduce__", builtin_reduce)],
    );
    for ty in [
        t.method_descriptor,
        t.classmethod_descriptor,
        t.wrapper_descriptor,
        t.getset_descriptor,
    ] {
        add_getset(ts, ty, "__objclass__", get_objclass, None);
    }
}

/// `builtin_function.__reduce__`: a module-level function pickles by
/// name (pickle finds it as `module.name`), a bound method as
/// `getattr(self, name)`, as CPython's.
fn builtin_reduce(
    ts: &mut ThreadState,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    static SIG: crate::builtins::args::Sig =
        crate::builtins::args::Sig::new("builtin_function_or_method.__reduce__($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let Some(b) = v.downcast::<BuiltinObj>() else {
        return Err(ts.type_error("expected a builtin function"));
    };
    let s = b.self_.get();
    if s.is_null() || s.is_none() || s.downcast::<crate::objects::module::ModuleObj>().is_some() {
        return Ok(b.name.get());
    }
    let getattr = crate::interp::interp()
        .builtins_dict
        .get_str_text("getattr")
        .unwrap_or(Value::NONE);
    let args = TupleObj::new(ts, &[s, b.name.get()]).value();
    Ok(TupleObj::new(ts, &[getattr, args]).value())
}
