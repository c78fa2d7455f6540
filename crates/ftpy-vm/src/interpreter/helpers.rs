//! The slow paths of the interpreter's opcodes, and the inline caches of
//! global and attribute access.
//!
//! # Cache layouts (see `objects::code::InlineCache`)
//! - `LOAD_GLOBAL`: `(GLOBAL, ix)` the name is entry `ix` of the globals
//!   table; `(BUILTIN | keys_version << 32, ix)` it is entry `ix` of the
//!   builtins table and absent from a globals dict whose key-set id is
//!   `keys_version`. Both re-check the entry's key, so a stale entry
//!   index is harmless.
//! - `LOAD_ATTR` / `LOAD_METHOD` / `STORE_ATTR` on instances of user
//!   classes: `w0 = type_version << 32 | kind << 24 | shape_id`.
//!   kind SLOT: `w1` is the attribute's slot; kind METHOD: `w1` is the
//!   function found on the type (kept alive by the type's dict while the
//!   version matches); kind ADD: `w1` is the shape after adding the
//!   attribute (a store that adds a new attribute).

use ftpy_compiler::code::flags as coflags;
use ftpy_compiler::{BinaryOp, CompareOp, Instr};

use crate::error::{PyErr, PyResult};
use crate::gc::RootedVec;
use crate::interp::{interp, names, types};
use crate::object::{Gc, Kind};
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::objects::exception::ExcObj;
use crate::objects::function::FunctionObj;
use crate::objects::generator::{GenKind, GenObj};
use crate::objects::instance::{attr_store, AttrStore, Shape};
use crate::objects::list::ListObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, type_of, TypeObj};
use crate::objects::{int, iterators::IterObj};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

use super::frame::Frame;

/// Code flags that make a call create a generator instead of running.
pub const GEN_FLAGS: u32 = coflags::GENERATOR | coflags::COROUTINE | coflags::ASYNC_GENERATOR;

#[cold]
pub fn unbound_local(ts: &mut ThreadState, code: &CodeObj, a: u32) -> PyErr {
    let name = code.varname(a);
    ts.unbound_local_error(format!(
        "cannot access local variable '{}' where it is not associated with a value",
        name.as_str()
    ))
}

#[cold]
pub fn unbound_deref(ts: &mut ThreadState, code: &CodeObj, a: u32) -> PyErr {
    let name = code.deref_name(a);
    if a < code.ncells {
        ts.unbound_local_error(format!(
            "cannot access local variable '{}' where it is not associated with a value",
            name.as_str()
        ))
    } else {
        ts.name_error_msg(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name.as_str()
        ))
    }
}

pub fn load_classderef(ts: &mut ThreadState, f: &Frame, a: u32) -> PyResult<Value> {
    let code = f.code;
    let name = code.deref_name(a);
    if !f.locals.is_null() {
        // Only an exact dict is read directly: a __prepare__ namespace's
        // own __getitem__ / __missing__ must run (CPython's
        // PyDict_CheckExact).
        if let Some(d) = f
            .locals
            .downcast::<DictObj>()
            .filter(|_| type_of(f.locals) == types().dict)
        {
            if let Some(v) = d.get_item_opt(ts, name.value())? {
                return Ok(v);
            }
        } else {
            match ops::getitem(ts, f.locals, name.value()) {
                Ok(v) => return Ok(v),
                Err(e) if e.matches(types().key_error) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let cell = f.slots()[(code.nlocals + a) as usize];
    let Some(c) = cell.downcast::<crate::objects::cell::CellObj>() else {
        return Err(unbound_deref(ts, &code, a));
    };
    match c.value.get().non_null() {
        Some(v) => Ok(v),
        None => Err(unbound_deref(ts, &code, a)),
    }
}

// ---- globals ---------------------------------------------------------------------

const GLOBAL: u64 = 1;
const BUILTIN: u64 = 2;

#[inline(always)]
pub fn load_global_cached(f: &Frame, code: &CodeObj, word: Instr) -> Option<Value> {
    let (w0, w1) = code.cache(word.b()).read()?;
    let name = code.name_at(word.a() >> 1).value();
    let dict = if w0 == GLOBAL {
        f.globals
    } else if w0 & 0xff == BUILTIN && (w0 >> 32) as u32 == f.globals.keys_version_raw() {
        f.builtins
    } else {
        return None;
    };
    let t = dict.table();
    let e = t.obj().entries().get(w1 as usize)?;
    if e.key.get() != name {
        return None;
    }
    e.value.get().non_null()
}

#[cold]
pub fn load_global_slow(
    ts: &mut ThreadState,
    f: &Frame,
    code: &CodeObj,
    word: Instr,
) -> PyResult<Value> {
    let name = code.name_at(word.a() >> 1);
    let cache = code.cache(word.b());
    // The globals' key-set id, taken before the lookup: if the name is
    // missing, it was missing from the key set with this id (a racing
    // insert resets the id once it is published; see `objects::dict`).
    let kv = f.globals.keys_version();
    if let Some(v) = f.globals.get_str(name) {
        if let Some(ix) = f.globals.find_str_entry(name) {
            cache.write(GLOBAL, ix as u64);
        }
        return Ok(v);
    }
    if let Some(v) = f.builtins.get_str(name) {
        if kv != 0 {
            if let Some(ix) = f.builtins.find_str_entry(name) {
                cache.write(BUILTIN | (kv as u64) << 32, ix as u64);
            }
        }
        return Ok(v);
    }
    // A dict subclass for builtins, or a non-str key: the general path.
    if let Some(v) = f.globals.get_item_opt(ts, name.value())? {
        return Ok(v);
    }
    if let Some(v) = f.builtins.get_item_opt(ts, name.value())? {
        return Ok(v);
    }
    Err(ts.name_error(name))
}

pub fn load_name(ts: &mut ThreadState, f: &Frame, name: Gc<StrObj>) -> PyResult<Value> {
    let locals = f.locals;
    if !locals.is_null() {
        // See load_classderef: exact dicts only (a dict subclass's
        // __getitem__ runs, for __prepare__ namespaces and exec/eval mappings).
        if let Some(d) = locals
            .downcast::<DictObj>()
            .filter(|_| type_of(locals) == types().dict)
        {
            if let Some(v) = d.get_item_opt(ts, name.value())? {
                return Ok(v);
            }
        } else {
            match ops::getitem(ts, locals, name.value()) {
                Ok(v) => return Ok(v),
                Err(e) if e.matches(types().key_error) => {}
                Err(e) => return Err(e),
            }
        }
    }
    if let Some(v) = f.globals.get_item_opt(ts, name.value())? {
        return Ok(v);
    }
    if let Some(v) = f.builtins.get_item_opt(ts, name.value())? {
        return Ok(v);
    }
    Err(ts.name_error(name))
}

pub fn store_name(
    ts: &mut ThreadState,
    f: &Frame,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    let locals = if f.locals.is_null() {
        f.globals.value()
    } else {
        f.locals
    };
    match (locals.downcast::<DictObj>(), v) {
        (Some(d), Some(v)) if type_of(locals) == types().dict => d.set_item(ts, name.value(), v),
        (Some(d), None) if type_of(locals) == types().dict => {
            if !d.del_item_opt(ts, name.value())? {
                return Err(ts.name_error(name));
            }
            Ok(())
        }
        (_, v) => match ops::setitem(ts, locals, name.value(), v) {
            Err(e) if v.is_none() && e.matches(types().key_error) => Err(ts.name_error(name)),
            r => r,
        },
    }
}

// ---- attributes -------------------------------------------------------------------

const K_SLOT: u64 = 1;
const K_METHOD: u64 = 2;
const K_ADD: u64 = 3;
const K_MODULE: u64 = 4;
/// A method found on the type of an object that has no attributes of its
/// own (str, list, dict ... instances): valid while the type's version is.
const K_TYPE_METHOD: u64 = 5;

/// A LOAD_ATTR cache entry for a builtin method descriptor found on the
/// type (`self.getrandbits` on a `random.Random`): the bound builtin is
/// made from the cached descriptor.
const K_BUILTIN_METHOD: u64 = 6;
/// A `__slots__` member: the entry holds the member's index in the
/// object's attribute table (the type version guards the descriptor).
const K_MEMBER: u64 = 7;
/// A class attribute read through an instance that does not shadow it,
/// whose value is of a builtin type without `__get__` (`LIMIT = 1000`,
/// a class-level str or tuple): the entry holds the value itself. Builtin
/// types cannot change, so the value's type cannot gain a `__get__`; the
/// type version guards the class dict, the shape the instance's.
const K_CLASS_VALUE: u64 = 8;
/// A `property` found on the type: the entry holds the property, whose
/// getter load_attr_slow calls without the attribute lookup.
const K_PROPERTY: u64 = 9;

/// The member index of `d` if it is the descriptor of a `__slots__` name.
#[inline]
fn slot_member(d: Value) -> Option<u32> {
    if type_of(d) != types().member_descriptor {
        return None;
    }
    d.downcast::<crate::objects::builtin::BuiltinObj>()?
        .slot_member_index()
}

/// The attribute table of an object that has one (instances of Python
/// classes, also those with a native base such as `random.Random` or an
/// exception), with the cache key of its type version and shape.
#[inline(always)]
fn instance_key(obj: Value) -> Option<(&'static AttrStore, u64, &'static Shape)> {
    let store = attr_store(obj)?;
    let ver = type_of(obj).version() as u64;
    let shape = store.shape();
    Some((store, ver << 32 | shape.id as u64, shape))
}

#[inline(always)]
pub fn load_attr_cached(
    ts: &mut ThreadState,
    owner: Value,
    code: &CodeObj,
    word: Instr,
) -> Option<Value> {
    let (w0, w1) = code.cache(word.b()).read()?;
    let kind = (w0 >> 24) & 0xff;
    if kind == K_MODULE {
        return module_attr_cached(owner, code, word, w0, w1);
    }
    let (store, key, _) = instance_key(owner)?;
    if key != (w0 & !(0xff << 24)) || key >> 32 == 0 {
        return None;
    }
    match kind {
        K_SLOT => store
            .slot(w1 as u32)
            .map(|s| s.get())
            .and_then(|v| v.non_null()),
        K_METHOD => {
            // SAFETY: the cache holds the function found on the type; the
            // type's dict keeps it alive while the version matches.
            let f = unsafe { Value::from_bits(w1) };
            Some(crate::objects::method::MethodObj::new(ts, f, owner).value())
        }
        K_BUILTIN_METHOD => {
            // SAFETY: as for K_METHOD; the entry was written for this
            // type, so the descriptor applies to `owner`.
            let d = unsafe { Value::from_bits(w1) };
            Some(crate::objects::builtin::bind_method_descriptor(
                ts, d, owner,
            ))
        }
        K_MEMBER => store.member(w1 as u32).and_then(|s| s.get().non_null()),
        // SAFETY: the class dict holds the value while the version matches.
        K_CLASS_VALUE => Some(unsafe { Value::from_bits(w1) }),
        _ => None,
    }
}

/// The getter of the property a K_PROPERTY entry of this instruction
/// holds for `owner`'s type and shape, if the entry applies.
#[inline]
fn cached_property_getter(owner: Value, code: &CodeObj, word: Instr) -> Option<Value> {
    let (w0, w1) = code.cache(word.b()).read()?;
    if (w0 >> 24) & 0xff != K_PROPERTY {
        return None;
    }
    let (_, key, _) = instance_key(owner)?;
    if key != (w0 & !(0xff << 24)) || key >> 32 == 0 {
        return None;
    }
    // SAFETY: the class dict holds the property while the version matches.
    let p = unsafe { Value::from_bits(w1) };
    let g = crate::objects::descriptors::property_getter(p)?;
    (!g.is_null() && !g.is_none()).then_some(g)
}

/// Whether the instance-attribute caches apply to this type: a class whose
/// instances have an attribute table (a user class, also one with a native
/// base), with the generic attribute protocol and a live version tag.
fn cacheable_type(ty: Gc<TypeObj>) -> bool {
    ty.version() != 0
        && ty.slots.getattro.raw() == crate::objects::object::generic_getattr as *const () as usize
        && (ty.instance_kind == Kind::Instance || ty.attrs_offset != 0)
}

#[cold]
pub fn load_attr_slow(
    ts: &mut ThreadState,
    owner: Value,
    code: &CodeObj,
    word: Instr,
) -> PyResult<Value> {
    if let Some(g) = cached_property_getter(owner, code, word) {
        return ops::call1(ts, g, owner);
    }
    let name = code.name_at(word.a());
    let v = ops::getattr(ts, owner, name)?;
    fill_attr_cache(owner, name, code, word, false);
    Ok(v)
}

fn fill_attr_cache(owner: Value, name: Gc<StrObj>, code: &CodeObj, word: Instr, for_method: bool) {
    let cache = code.cache(word.b());
    if cache.exhausted() {
        return;
    }
    if let Some(m) = owner.downcast::<crate::objects::module::ModuleObj>() {
        if type_of(owner) == types().module {
            let d = m.dict();
            let kv = d.keys_version();
            if kv != 0 {
                if let Some(ix) = d.find_str_entry(name) {
                    cache.write((kv as u64) << 32 | K_MODULE << 24, ix as u64);
                }
            }
        }
        return;
    }
    let Some((_, key, shape)) = instance_key(owner) else {
        return;
    };
    let ty = type_of(owner);
    if !cacheable_type(ty) || shape.is_dict_mode() || key >> 32 == 0 {
        return;
    }
    let descr = ty.lookup(name);
    if let Some(d) = descr {
        if let Some(i) = slot_member(d) {
            cache.write(key | K_MEMBER << 24, i as u64);
            return;
        }
        if type_of(d).slots.descr_set.get().is_some() {
            // A data descriptor wins over the instance.
            if !for_method && type_of(d) == types().property {
                cache.write(key | K_PROPERTY << 24, d.bits());
            }
            return;
        }
    }
    if let Some(i) = shape.index_of(name) {
        cache.write(key | K_SLOT << 24, i as u64);
        return;
    }
    if let Some(d) = descr {
        let dt = type_of(d);
        if !for_method && !dt.is_heap_type() && dt.slots.descr_get.get().is_none() {
            cache.write(key | K_CLASS_VALUE << 24, d.bits());
            return;
        }
        if d.downcast::<FunctionObj>().is_some() {
            cache.write(key | K_METHOD << 24, d.bits());
        } else if d
            .downcast::<crate::objects::builtin::BuiltinObj>()
            .is_some_and(|b| b.is_method_descriptor())
        {
            // LOAD_METHOD calls the descriptor with the instance first;
            // LOAD_ATTR binds it.
            let kind = if for_method {
                K_METHOD
            } else {
                K_BUILTIN_METHOD
            };
            cache.write(key | kind << 24, d.bits());
        }
    }
}

/// A module attribute through a K_MODULE cache entry: the entry index in
/// the module dict's table, valid while the dict's keys version is.
#[inline(always)]
fn module_attr_cached(
    owner: Value,
    code: &CodeObj,
    word: Instr,
    w0: u64,
    w1: u64,
) -> Option<Value> {
    let m = owner.downcast::<crate::objects::module::ModuleObj>()?;
    let d = m.dict();
    if (w0 >> 32) as u32 != d.keys_version_raw() {
        return None;
    }
    let t = d.table();
    let e = t.obj().entries().get(w1 as usize)?;
    if e.key.get() != code.name_at(word.a()).value() {
        return None;
    }
    e.value.get().non_null()
}

#[inline(always)]
pub fn load_method_cached(owner: Value, code: &CodeObj, word: Instr) -> Option<(Value, Value)> {
    let (w0, w1) = code.cache(word.b()).read()?;
    let kind = (w0 >> 24) & 0xff;
    if kind == K_MODULE {
        return Some((Value::NULL, module_attr_cached(owner, code, word, w0, w1)?));
    }
    if kind == K_TYPE_METHOD {
        if type_of(owner).version() as u64 != w0 >> 32 {
            return None;
        }
        // SAFETY: the cache holds the method found on the type, kept alive
        // by the type's dict while the version matches.
        return Some((unsafe { Value::from_bits(w1) }, owner));
    }
    let (store, key, _) = instance_key(owner)?;
    if key != (w0 & !(0xff << 24)) || key >> 32 == 0 {
        return None;
    }
    match kind {
        // SAFETY: see load_attr_cached.
        K_METHOD => Some((unsafe { Value::from_bits(w1) }, owner)),
        K_MEMBER => Some((
            Value::NULL,
            store.member(w1 as u32).and_then(|s| s.get().non_null())?,
        )),
        K_SLOT => Some((
            Value::NULL,
            store
                .slot(w1 as u32)
                .map(|s| s.get())
                .and_then(|v| v.non_null())?,
        )),
        _ => None,
    }
}

#[cold]
pub fn load_method_slow(
    ts: &mut ThreadState,
    owner: Value,
    code: &CodeObj,
    word: Instr,
) -> PyResult<(Value, Value)> {
    let name = code.name_at(word.a());
    let ty = type_of(owner);
    // A plain function or method descriptor on the type, not shadowed by
    // an instance attribute: no bound method.
    if ty.slots.getattro.raw() == crate::objects::object::generic_getattr as *const () as usize {
        if let Some(f) = ty.lookup(name) {
            let plain = f.downcast::<FunctionObj>().is_some()
                || f.downcast::<crate::objects::builtin::BuiltinObj>()
                    .map(|b| b.is_method_descriptor())
                    .unwrap_or(false);
            if plain {
                let store = crate::objects::instance::attr_store(owner);
                let shadowed = match store {
                    Some(s) => s.get(ts, name)?.is_some(),
                    None => false,
                };
                if !shadowed {
                    if store.is_none()
                        && ty.attrs_offset == 0
                        && ty.version() != 0
                        && name.is_interned()
                    {
                        // No instance attributes can ever shadow it.
                        code.cache(word.b())
                            .write((ty.version() as u64) << 32 | K_TYPE_METHOD << 24, f.bits());
                    } else {
                        fill_attr_cache(owner, name, code, word, true);
                    }
                    return Ok((f, owner));
                }
            }
        }
    }
    let v = ops::getattr(ts, owner, name)?;
    fill_attr_cache(owner, name, code, word, true);
    Ok((Value::NULL, v))
}

#[inline(always)]
pub fn store_attr_cached(owner: Value, v: Value, code: &CodeObj, word: Instr) -> bool {
    let Some((w0, w1)) = code.cache(word.b()).read() else {
        return false;
    };
    let Some((store, key, shape)) = instance_key(owner) else {
        return false;
    };
    if key != (w0 & !(0xff << 24)) || key >> 32 == 0 {
        return false;
    }
    match (w0 >> 24) & 0xff {
        K_SLOT => store.store_at(shape, w1 as u32, v),
        K_MEMBER => match store.member(w1 as u32) {
            Some(s) => {
                s.set(v);
                true
            }
            None => false,
        },
        K_ADD => {
            // SAFETY: the cache holds an immortal shape pointer.
            let new_shape: &'static Shape = unsafe { &*(w1 as usize as *const Shape) };
            let Some(h) = owner.header() else {
                return false;
            };
            store.add_with_shape(h, shape, new_shape, v)
        }
        _ => false,
    }
}

#[cold]
pub fn store_attr_slow(
    ts: &mut ThreadState,
    owner: Value,
    v: Value,
    code: &CodeObj,
    word: Instr,
) -> PyResult<()> {
    let name = code.name_at(word.a());
    let before = instance_key(owner);
    ops::setattr(ts, owner, name, Some(v))?;
    // Cache the store if it was a plain instance attribute store.
    let Some((store, key, shape)) = before else {
        return Ok(());
    };
    if code.cache(word.b()).exhausted() {
        return Ok(());
    }
    let ty = type_of(owner);
    if !cacheable_type(ty) || shape.is_dict_mode() || key >> 32 == 0 {
        return Ok(());
    }
    if ty.slots.setattro.raw() != crate::objects::object::generic_setattr as *const () as usize {
        return Ok(());
    }
    let cache = code.cache(word.b());
    if let Some(d) = ty.lookup(name) {
        if let Some(i) = slot_member(d) {
            cache.write(key | K_MEMBER << 24, i as u64);
            return Ok(());
        }
        if type_of(d).slots.descr_set.get().is_some() {
            return Ok(());
        }
    }
    if let Some(i) = shape.index_of(name) {
        cache.write(key | K_SLOT << 24, i as u64);
    } else {
        let after = store.shape();
        if !after.is_dict_mode() && after.len() == shape.len() + 1 {
            cache.write(key | K_ADD << 24, after as *const Shape as u64);
        }
    }
    Ok(())
}

// ---- arithmetic --------------------------------------------------------------------

#[inline(always)]
pub fn binary_fast(lhs: Value, rhs: Value, a: u32) -> Option<Value> {
    const ADD: u32 = BinaryOp::Add as u32;
    const SUB: u32 = BinaryOp::Subtract as u32;
    const MUL: u32 = BinaryOp::Multiply as u32;
    const IADD: u32 = BinaryOp::InplaceAdd as u32;
    const ISUB: u32 = BinaryOp::InplaceSubtract as u32;
    const IMUL: u32 = BinaryOp::InplaceMultiply as u32;
    const TDIV: u32 = BinaryOp::TrueDivide as u32;
    const ITDIV: u32 = BinaryOp::InplaceTrueDivide as u32;
    const FDIV: u32 = BinaryOp::FloorDivide as u32;
    const IFDIV: u32 = BinaryOp::InplaceFloorDivide as u32;
    const MOD: u32 = BinaryOp::Remainder as u32;
    const IMOD: u32 = BinaryOp::InplaceRemainder as u32;
    const AND: u32 = BinaryOp::And as u32;
    const IAND: u32 = BinaryOp::InplaceAnd as u32;
    const OR: u32 = BinaryOp::Or as u32;
    const IOR: u32 = BinaryOp::InplaceOr as u32;
    const XOR: u32 = BinaryOp::Xor as u32;
    const IXOR: u32 = BinaryOp::InplaceXor as u32;
    const LSH: u32 = BinaryOp::LShift as u32;
    const ILSH: u32 = BinaryOp::InplaceLShift as u32;
    const RSH: u32 = BinaryOp::RShift as u32;
    const IRSH: u32 = BinaryOp::InplaceRShift as u32;
    const POW: u32 = BinaryOp::Power as u32;
    const IPOW: u32 = BinaryOp::InplacePower as u32;
    if Value::both_small_ints(lhs, rhs) {
        let (x, y) = (lhs.small_int_value(), rhs.small_int_value());
        let r = match a {
            ADD | IADD => x + y,
            SUB | ISUB => x - y,
            MUL | IMUL => x.checked_mul(y)?,
            FDIV | IFDIV if y != 0 => int::floor_div_i64(x, y)?,
            MOD | IMOD if y != 0 => int::floor_mod_i64(x, y)?,
            // Small ints are exact as floats: one correctly rounded division.
            TDIV | ITDIV if y != 0 => return Some(Value::from_f64(x as f64 / y as f64)),
            // Small ints stay small under the bitwise operators.
            AND | IAND => x & y,
            OR | IOR => x | y,
            XOR | IXOR => x ^ y,
            RSH | IRSH if y >= 0 => x >> y.min(63),
            // Small ints have at most 48 bits: a shift below 16 fits an
            // i64; small_int() below sends larger results to the slow path.
            LSH | ILSH if (0..16).contains(&y) => x << y,
            // `x ** 2` and friends; a negative exponent makes a float and
            // an overflow a big int: both on the slow path.
            POW | IPOW if (0..64).contains(&y) => x.checked_pow(y as u32)?,
            _ => return None,
        };
        return Value::small_int(r);
    }
    // Floats, and a float with a small int (exact as a float, as
    // CPython converts the int before the operation).
    let (x, y) = match (lhs.as_float(), rhs.as_float()) {
        (Some(x), Some(y)) => (x, y),
        (Some(x), None) => (x, rhs.as_small_int()? as f64),
        (None, Some(y)) => (lhs.as_small_int()? as f64, y),
        (None, None) => return None,
    };
    let r = match a {
        ADD | IADD => x + y,
        SUB | ISUB => x - y,
        MUL | IMUL => x * y,
        TDIV | ITDIV if y != 0.0 => x / y,
        _ => return None,
    };
    if r.is_nan() {
        return None; // a NaN is boxed: the slow path makes it
    }
    Some(Value::from_f64(r))
}

#[cold]
pub fn binary_slow(ts: &mut ThreadState, lhs: Value, rhs: Value, a: u32) -> PyResult<Value> {
    let op = super::binary_op_of(a);
    // Exact ints of up to 128 bits (64-bit masks, hashes, LCGs): straight
    // to the int arithmetic, not through the slot dispatch.
    if let Some(r) = int::exact_i128_binary(ts, lhs, rhs, op.base()) {
        return Ok(r);
    }
    // str + str: a common case worth a direct path.
    if op.base() == BinaryOp::Add {
        if let (Some(x), Some(y)) = (lhs.downcast::<StrObj>(), rhs.downcast::<StrObj>()) {
            if type_of(lhs) == types().str && type_of(rhs) == types().str {
                return Ok(crate::objects::str::concat(ts, x, y));
            }
        }
    }
    ops::binary_op(ts, lhs, rhs, op)
}

#[inline(always)]
pub fn cmp_i64(x: i64, y: i64, a: u32) -> bool {
    match a {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

#[inline(always)]
pub fn cmp_f64(x: f64, y: f64, a: u32) -> bool {
    match a {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

// ---- iteration ------------------------------------------------------------------------

#[inline]
pub fn for_iter_next(ts: &mut ThreadState, it: Value) -> PyResult<Option<Value>> {
    if it.header().is_some_and(|h| h.kind() == Kind::Iterator) {
        // SAFETY: the kind says IterObj.
        let o: Gc<IterObj> = unsafe { it.downcast_unchecked() };
        if let Some(r) = o.next_list_or_range(ts) {
            return Ok(r);
        }
    }
    ops::next(ts, it)
}

// ---- building ----------------------------------------------------------------------------

pub fn build_set(ts: &mut ThreadState, items: &[Value]) -> PyResult<Value> {
    let s = crate::objects::set::SetObj::new(ts, types().set);
    for &x in items {
        s.add(ts, x)?;
    }
    Ok(s.value())
}

pub fn build_map(ts: &mut ThreadState, kv: &[Value]) -> PyResult<Value> {
    let d = DictObj::new(ts);
    for pair in kv.chunks(2) {
        d.set_item(ts, pair[0], pair[1])?;
    }
    Ok(d.value())
}

pub fn build_const_key_map(ts: &mut ThreadState, keys: Value, vals: &[Value]) -> PyResult<Value> {
    let d = DictObj::new(ts);
    let Some(k) = keys.downcast::<TupleObj>() else {
        return Err(ts.system_error("BUILD_CONST_KEY_MAP without a key tuple"));
    };
    for (i, &v) in vals.iter().enumerate() {
        d.set_item(ts, k.items()[i], v)?;
    }
    Ok(d.value())
}

pub fn build_string(ts: &mut ThreadState, parts: &[Value]) -> Value {
    let surrogates = parts.iter().any(|p| {
        p.downcast::<StrObj>()
            .is_some_and(|s| s.obj().has_surrogates())
    });
    if surrogates {
        // Lone surrogates: join the exact text (see objects/str.rs).
        let mut b = Vec::new();
        for &p in parts {
            if let Some(x) = p.downcast::<StrObj>() {
                b.extend_from_slice(x.obj().as_wtf8());
            }
        }
        return crate::objects::str::new_str_wtf8(ts, &b);
    }
    let mut s = String::new();
    for &p in parts {
        if let Some(x) = crate::objects::str::as_str(p) {
            s.push_str(x);
        }
    }
    crate::objects::str::new_str(ts, &s)
}

pub fn set_add(ts: &mut ThreadState, target: Value, v: Value) -> PyResult<()> {
    match target.downcast::<crate::objects::set::SetObj>() {
        Some(s) => s.add(ts, v),
        None => Err(ts.system_error("SET_ADD on a non-set")),
    }
}

pub fn list_extend(ts: &mut ThreadState, target: Value, src: Value) -> PyResult<()> {
    let Some(l) = target.downcast::<ListObj>() else {
        return Err(ts.system_error("LIST_EXTEND on a non-list"));
    };
    if let Some(t) = src
        .downcast::<TupleObj>()
        .filter(|_| type_of(src) == types().tuple)
    {
        l.extend_from(ts, t.items());
        return Ok(());
    }
    let items = ops::collect(ts, src).map_err(|e| {
        if e.matches(types().type_error)
            && type_of(src).slots.iter.get().is_none()
            && type_of(src).slots.getitem.get().is_none()
        {
            ts.type_error(format!(
                "Value after * must be an iterable, not {}",
                type_name(src)
            ))
        } else {
            e
        }
    })?;
    l.extend_from(ts, &items);
    Ok(())
}

/// The error of `f(*x)` when `x` is not iterable, naming the function.
#[cold]
pub fn star_arg_error(
    ts: &mut ThreadState,
    e: crate::error::PyErr,
    callable: Value,
    src: Value,
) -> crate::error::PyErr {
    let ty = type_of(src);
    if !e.matches(types().type_error)
        || ty.slots.iter.get().is_some()
        || ty.slots.getitem.get().is_some()
    {
        return e;
    }
    let fname = crate::builtins::callable_name(ts, callable);
    ts.type_error(format!(
        "{fname} argument after * must be an iterable, not {}",
        type_name(src)
    ))
}

pub fn set_update(ts: &mut ThreadState, target: Value, src: Value) -> PyResult<()> {
    match target.downcast::<crate::objects::set::SetObj>() {
        Some(s) => s.update(ts, src),
        None => Err(ts.system_error("SET_UPDATE on a non-set")),
    }
}

pub fn dict_update(ts: &mut ThreadState, target: Value, src: Value) -> PyResult<()> {
    let Some(d) = target.downcast::<DictObj>() else {
        return Err(ts.system_error("DICT_UPDATE on a non-dict"));
    };
    if src.downcast::<DictObj>().is_none() && ops::getattr_opt(ts, src, names().keys)?.is_none() {
        return Err(ts.type_error(format!("'{}' object is not a mapping", type_name(src))));
    }
    crate::objects::dict::update_from(ts, d, src)
}

pub fn dict_merge(
    ts: &mut ThreadState,
    target: Value,
    src: Value,
    callable: Value,
) -> PyResult<()> {
    let Some(d) = target.downcast::<DictObj>() else {
        return Err(ts.system_error("DICT_MERGE on a non-dict"));
    };
    // The callable's name only goes into error messages.
    let fname = |ts: &mut ThreadState| crate::builtins::callable_name(ts, callable);
    let keys_fn = if crate::objects::dict::mergeable_dict(src).is_some() {
        None
    } else {
        ops::getattr_opt(ts, src, names().keys)?
    };
    if crate::objects::dict::mergeable_dict(src).is_none() && keys_fn.is_none() {
        let fname = fname(ts);
        return Err(ts.type_error(format!(
            "{fname} argument after ** must be a mapping, not {}",
            type_name(src)
        )));
    }
    let pairs: RootedVec = match crate::objects::dict::mergeable_dict(src) {
        Some(s) => s.items_rooted(ts),
        None => {
            let mut out = RootedVec::new(ts);
            let ks = ops::call0(ts, keys_fn.unwrap_or(Value::NONE))?;
            let ks = ops::collect(ts, ks)?;
            for &k in ks.iter() {
                let v = ops::getitem(ts, src, k)?;
                out.push(k);
                out.push(v);
            }
            out
        }
    };
    for pair in pairs.chunks(2) {
        let (k, v) = (pair[0], pair[1]);
        // Non-string keys are the call's to reject ("keywords must be
        // strings"), as in CPython.
        if d.get_item_opt(ts, k)?.is_some() {
            let fname = fname(ts);
            return Err(ts.type_error(format!(
                "{fname} got multiple values for keyword argument '{}'",
                crate::objects::str::as_str(k).unwrap_or("?")
            )));
        }
        d.set_item(ts, k, v)?;
    }
    Ok(())
}

pub fn list_to_tuple(ts: &mut ThreadState, l: Value) -> Value {
    match l.downcast::<ListObj>() {
        Some(l) => {
            let items = l.snapshot_items(ts);
            TupleObj::new(ts, &items).value()
        }
        None => l,
    }
}

/// Unpacks `seq` into `out` so that the first item ends on top of the
/// stack (`out[n-1]`).
pub fn unpack_sequence(ts: &mut ThreadState, seq: Value, out: &mut [Value]) -> PyResult<()> {
    let n = out.len();
    // Exact tuples and lists only: a subclass may override `__iter__`.
    let exact = type_of(seq);
    if let Some(t) = seq
        .downcast::<TupleObj>()
        .filter(|_| exact == types().tuple)
    {
        if t.len() == n {
            for (i, &v) in t.items().iter().enumerate() {
                out[n - 1 - i] = v;
            }
            return Ok(());
        }
        return Err(unpack_count_error(ts, n, t.len()));
    }
    if let Some(l) = seq.downcast::<ListObj>().filter(|_| exact == types().list) {
        let items = l.snapshot_items(ts);
        if items.len() == n {
            for (i, &v) in items.iter().enumerate() {
                out[n - 1 - i] = v;
            }
            return Ok(());
        }
        return Err(unpack_count_error(ts, n, items.len()));
    }
    let it = match ops::iter(ts, seq) {
        Ok(it) => it,
        Err(e) => {
            if e.matches(types().type_error) {
                return Err(ts.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(seq)
                )));
            }
            return Err(e);
        }
    };
    let mut got = 0;
    while got < n {
        match ops::next(ts, it)? {
            Some(v) => {
                out[n - 1 - got] = v;
                got += 1;
            }
            None => {
                // Clear what we wrote (the slots are above the stack top).
                for x in out.iter_mut() {
                    *x = Value::NULL;
                }
                return Err(ts.value_error(format!(
                    "not enough values to unpack (expected {n}, got {got})"
                )));
            }
        }
    }
    if ops::next(ts, it)?.is_some() {
        return Err(ts.value_error(format!("too many values to unpack (expected {n})")));
    }
    Ok(())
}

fn unpack_count_error(ts: &mut ThreadState, n: usize, got: usize) -> PyErr {
    if got > n {
        ts.value_error(format!("too many values to unpack (expected {n})"))
    } else {
        ts.value_error(format!(
            "not enough values to unpack (expected {n}, got {got})"
        ))
    }
}

pub fn unpack_ex(
    ts: &mut ThreadState,
    seq: Value,
    before: usize,
    after: usize,
    out: &mut [Value],
) -> PyResult<()> {
    let items = match ops::collect(ts, seq) {
        Ok(v) => v,
        Err(e) => {
            if e.matches(types().type_error) && type_of(seq).slots.iter.get().is_none() {
                return Err(ts.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(seq)
                )));
            }
            return Err(e);
        }
    };
    let len = items.len();
    if len < before + after {
        return Err(ts.value_error(format!(
            "not enough values to unpack (expected at least {}, got {len})",
            before + after
        )));
    }
    let n = out.len();
    // Stack order from the top: before items, the list, after items.
    let mut k = 0;
    for i in 0..before {
        out[n - 1 - k] = items[i];
        k += 1;
    }
    let mid = ListObj::new(ts, &items[before..len - after]);
    out[n - 1 - k] = mid.value();
    k += 1;
    for i in len - after..len {
        out[n - 1 - k] = items[i];
        k += 1;
    }
    Ok(())
}

pub fn format_value(ts: &mut ThreadState, v: Value, conv: u32, spec: Value) -> PyResult<Value> {
    let v = match conv {
        1 => ops::str_(ts, v)?.value(),
        2 => ops::repr(ts, v)?.value(),
        3 => {
            let s = crate::builtins::ascii_of(ts, v)?;
            StrObj::new(ts, &s)
        }
        _ => v,
    };
    let spec_s = if spec.is_null() {
        None
    } else {
        spec.downcast::<StrObj>()
    };
    if type_of(v) == types().str && spec_s.map(|s| s.byte_len() == 0).unwrap_or(true) {
        return Ok(v);
    }
    let spec = match spec_s {
        Some(s) => s,
        None => interp().empty_str,
    };
    Ok(ops::format(ts, v, spec)?.value())
}

pub fn call_ex(
    ts: &mut ThreadState,
    callable: Value,
    args: Value,
    kwargs: Value,
) -> PyResult<Value> {
    // `f(*t)` and `f(*t, **{})` with a tuple: its items are the
    // arguments (the tuple is immutable and the caller holds it).
    if let Some(t) = args.downcast::<TupleObj>() {
        if kwargs.is_null() || kwargs.downcast::<DictObj>().is_some_and(|d| d.is_empty()) {
            return ops::call(ts, callable, t.items(), None);
        }
    }
    let (all, kn) = super::call::flatten_star_call(ts, callable, args, kwargs)?;
    ops::call(ts, callable, &all, kn)
}

pub fn load_build_class(ts: &mut ThreadState, f: &Frame) -> PyResult<Value> {
    match f.builtins.get_str(names().__build_class__) {
        Some(v) => Ok(v),
        None => Err(ts.name_error_msg("__build_class__ not found")),
    }
}

pub fn setup_annotations(ts: &mut ThreadState, f: &Frame) -> PyResult<()> {
    let locals = if f.locals.is_null() {
        f.globals.value()
    } else {
        f.locals
    };
    if let Some(d) = locals.downcast::<DictObj>() {
        if d.get_str(names().__annotations__).is_none() {
            let a = DictObj::new(ts);
            d.set_item(ts, names().__annotations__.value(), a.value())?;
        }
        return Ok(());
    }
    match ops::getitem(ts, locals, names().__annotations__.value()) {
        Ok(_) => Ok(()),
        Err(e) if e.matches(types().key_error) => {
            let a = DictObj::new(ts);
            ops::setitem(ts, locals, names().__annotations__.value(), Some(a.value()))
        }
        Err(e) => Err(e),
    }
}

pub fn import_name(
    ts: &mut ThreadState,
    f: &Frame,
    name: Gc<StrObj>,
    fromlist: Value,
    level: Value,
) -> PyResult<Value> {
    let import = f.builtins.get_str(names().__import__);
    let locals = if f.locals.is_null() {
        Value::NONE
    } else {
        f.locals
    };
    match import {
        Some(imp) if imp != crate::builtins::builtin_import_value() => ops::call(
            ts,
            imp,
            &[name.value(), f.globals.value(), locals, fromlist, level],
            None,
        ),
        None => Err(ts.import_error("__import__ not found")),
        _ => {
            let lvl = int::to_i64(level).unwrap_or(0);
            crate::import::import_module_level(
                ts,
                name.value(),
                f.globals.value(),
                locals,
                fromlist,
                lvl,
            )
        }
    }
}

pub fn import_from(ts: &mut ThreadState, m: Value, name: Gc<StrObj>) -> PyResult<Value> {
    crate::import::import_from(ts, m, name)
}

pub fn import_star(ts: &mut ThreadState, f: &Frame, m: Value) -> PyResult<()> {
    crate::import::import_star(ts, f, m)
}

pub fn print_expr(ts: &mut ThreadState, v: Value) -> PyResult<()> {
    let sys = interp().sys();
    match sys.dict().get_str(names().displayhook) {
        Some(hook) => {
            ops::call1(ts, hook, v)?;
            Ok(())
        }
        None => Err(ts.runtime_error("lost sys.displayhook")),
    }
}

// ---- exceptions ---------------------------------------------------------------------------

/// Wraps an exception value found on the stack.
pub fn as_pyerr(ts: &mut ThreadState, exc: Value) -> PyErr {
    if exc.downcast::<ExcObj>().is_some() {
        PyErr::from_exception(exc)
    } else {
        ts.system_error(format!("RERAISE of a non-exception ({})", type_name(exc)))
    }
}

/// `raise` with no argument.
pub fn reraise_current(ts: &mut ThreadState) -> PyErr {
    let e = ts.exc_info();
    if e.is_null() || e.is_none() {
        return ts.runtime_error("No active exception to reraise");
    }
    PyErr::from_exception(e)
}

/// `raise exc [from cause]`.
pub fn make_raise(ts: &mut ThreadState, exc: Value, cause: Value) -> PyErr {
    let e = match instantiate_exception(ts, exc) {
        Ok(e) => e,
        Err(err) => return err,
    };
    if !cause.is_null() {
        let c = if cause.is_none() {
            Value::NONE
        } else {
            let is_exception = cause.downcast::<ExcObj>().is_some()
                || cause
                    .downcast::<TypeObj>()
                    .is_some_and(|t| t.is_subtype(types().base_exception));
            if !is_exception {
                return ts.type_error("exception causes must derive from BaseException");
            }
            // A class is called: what that raises is raised instead.
            match instantiate_exception(ts, cause) {
                Ok(c) => c.value(),
                Err(err) => return err,
            }
        };
        e.exc().set_cause(c);
    }
    crate::objects::exception::set_context_on_raise(ts, e);
    e
}

/// An exception instance from a `raise` operand (a class is called).
pub fn instantiate_exception(ts: &mut ThreadState, exc: Value) -> PyResult<PyErr> {
    if exc.downcast::<ExcObj>().is_some() {
        return Ok(PyErr::from_exception(exc));
    }
    if let Some(t) = exc.downcast::<TypeObj>() {
        if t.is_subtype(types().base_exception) {
            let v = ops::call0(ts, exc)?;
            if v.downcast::<ExcObj>().is_some() {
                return Ok(PyErr::from_exception(v));
            }
            let r = ops::repr_string(ts, exc)?;
            let rt = ops::repr_string(ts, type_of(v).value())?;
            return Err(ts.type_error(format!(
                "calling {r} should have returned an instance of BaseException, not {rt}"
            )));
        }
    }
    Err(ts.type_error("exceptions must derive from BaseException"))
}

pub fn exception_matches(ts: &mut ThreadState, exc: Value, ty: Value) -> PyResult<bool> {
    let check = |ts: &mut ThreadState, t: Value| -> PyResult<bool> {
        match t.downcast::<TypeObj>() {
            Some(tt) if tt.is_subtype(types().base_exception) => Ok(tt.instance_check(exc)),
            _ => Err(ts.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    };
    if let Some(tup) = ty.downcast::<TupleObj>() {
        for &t in tup.items() {
            if let Some(inner) = t.downcast::<TupleObj>() {
                for &u in inner.items() {
                    if check(ts, u)? {
                        return Ok(true);
                    }
                }
            } else if check(ts, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    check(ts, ty)
}

pub fn before_with(ts: &mut ThreadState, mgr: Value, is_async: bool) -> PyResult<(Value, Value)> {
    let ty = type_of(mgr);
    let (enter_n, exit_n) = if is_async {
        (names().__aenter__, names().__aexit__)
    } else {
        (names().__enter__, names().__exit__)
    };
    let Some(enter) = ty.lookup(enter_n) else {
        return Err(ts.type_error(format!(
            "'{}' object does not support the {}context manager protocol",
            type_name(mgr),
            if is_async { "asynchronous " } else { "" }
        )));
    };
    let Some(exit) = ty.lookup(exit_n) else {
        return Err(ts.type_error(format!(
            "'{}' object does not support the {}context manager protocol (missed __{}exit__ method)",
            type_name(mgr),
            if is_async { "asynchronous " } else { "" },
            if is_async { "a" } else { "" }
        )));
    };
    let bound_exit = match type_of(exit).slots.descr_get.get() {
        Some(get) => get(ts, exit, mgr, ty.value())?,
        None => exit,
    };
    let res = ops::call_unbound(ts, enter, mgr, &[], None)?;
    Ok((bound_exit, res))
}

pub fn with_except_start(ts: &mut ThreadState, exit: Value, exc: Value) -> PyResult<Value> {
    let ty = type_of(exc).value();
    let tb = exc
        .downcast::<ExcObj>()
        .map(|e| e.traceback.get())
        .unwrap_or(Value::NONE);
    let tb = if tb.is_null() { Value::NONE } else { tb };
    ops::call(ts, exit, &[ty, exc, tb], None)
}

// ---- generators and coroutines ---------------------------------------------------------

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

pub fn get_yield_from_iter(ts: &mut ThreadState, code: &CodeObj, v: Value) -> PyResult<Value> {
    if let Some(g) = v.downcast::<GenObj>() {
        match g.gen_kind() {
            GenKind::Coroutine => {
                if code.flags & (coflags::COROUTINE | coflags::ITERABLE_COROUTINE) == 0 {
                    return Err(ts.type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
                return Ok(v);
            }
            GenKind::Generator => return Ok(v),
            GenKind::AsyncGenerator => {}
        }
    }
    ops::iter(ts, v)
}

pub fn send(ts: &mut ThreadState, recv: Value, v: Value) -> PyResult<SendResult> {
    if let Some(g) = recv.downcast::<GenObj>() {
        if g.gen_kind() != GenKind::AsyncGenerator {
            return g.send_raw(ts, v);
        }
    }
    let r = if v.is_none() {
        ops::next(ts, recv)
    } else {
        match ops::call_method(ts, recv, names().send, &[v]) {
            Ok(x) => Ok(Some(x)),
            Err(e) => Err(e),
        }
    };
    match r {
        Ok(Some(y)) => Ok(SendResult::Yielded(y)),
        Ok(None) => Ok(SendResult::Returned(Value::NONE)),
        Err(e) if e.matches(types().stop_iteration) => {
            Ok(SendResult::Returned(e.exc().stop_iteration_value()))
        }
        Err(e) => Err(e),
    }
}

/// Whether `v` is a coroutine, or a generator made awaitable by
/// `types.coroutine` (CO_ITERABLE_COROUTINE).
fn is_coroutine_like(v: Value) -> bool {
    match v.downcast::<GenObj>() {
        Some(g) => g.gen_kind() == GenKind::Coroutine || g.is_iterable_coroutine(),
        None => false,
    }
}

/// The iterator `await v` steps (CPython's `_PyCoro_GetAwaitableIter`): a
/// coroutine itself, else what `__await__()` returns, which must be an
/// iterator and not a coroutine.
pub fn awaitable_iter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if is_coroutine_like(v) {
        return Ok(v);
    }
    let ty = type_of(v);
    match ty.lookup(names().__await__) {
        Some(aw) => {
            let it = ops::call_unbound(ts, aw, v, &[], None)?;
            if is_coroutine_like(it) {
                return Err(ts.type_error("__await__() returned a coroutine"));
            }
            if type_of(it).slots.next.get().is_none() {
                return Err(ts.type_error(format!(
                    "__await__() returned non-iterator of type '{}'",
                    type_name(it)
                )));
            }
            Ok(it)
        }
        None => Err(ts.type_error(format!(
            "object {} can't be used in 'await' expression",
            type_name(v)
        ))),
    }
}

/// GET_AWAITABLE: `where` is 1 after `__aenter__`, 2 after `__aexit__`.
pub fn get_awaitable(ts: &mut ThreadState, v: Value, place: u32) -> PyResult<Value> {
    let it = match awaitable_iter(ts, v) {
        Ok(it) => it,
        Err(e) => {
            if (place == 1 || place == 2) && type_of(v).lookup(names().__await__).is_none() {
                return Err(ts.type_error(format!(
                    "'async with' received an object from __a{}__ that does not implement __await__: {}",
                    if place == 1 { "enter" } else { "exit" },
                    type_name(v)
                )));
            }
            return Err(e);
        }
    };
    if let Some(g) = it.downcast::<GenObj>() {
        if g.gen_kind() == GenKind::Coroutine && g.delegate().is_some() {
            return Err(ts.runtime_error("coroutine is being awaited already"));
        }
    }
    Ok(it)
}

pub fn get_aiter(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let ty = type_of(v);
    let Some(f) = ty.lookup(names().__aiter__) else {
        return Err(ts.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_name(v)
        )));
    };
    let it = ops::call_unbound(ts, f, v, &[], None)?;
    if type_of(it).lookup(names().__anext__).is_none() {
        return Err(ts.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            type_name(it)
        )));
    }
    Ok(it)
}

pub fn get_anext(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    if let Some(g) = v.downcast::<GenObj>() {
        if g.gen_kind() == GenKind::AsyncGenerator && type_of(v) == types().async_generator {
            return crate::objects::async_generator::anext_of(ts, g);
        }
    }
    let ty = type_of(v);
    let Some(f) = ty.lookup(names().__anext__) else {
        return Err(ts.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_name(v)
        )));
    };
    let aw = ops::call_unbound(ts, f, v, &[], None)?;
    match awaitable_iter(ts, aw) {
        Ok(it) => Ok(it),
        Err(e) => {
            let ne = ts.type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                type_name(aw)
            ));
            ne.exc().set_cause(e.value());
            ne.exc().context.set(e.value());
            Err(ne)
        }
    }
}

// ---- match -------------------------------------------------------------------------------

pub fn is_match_mapping(v: Value) -> bool {
    let ty = type_of(v);
    ty.has_flag(crate::objects::typeobj::tflags::MAPPING)
        || ty.mro_tuple().items().iter().any(|t| {
            t.downcast::<TypeObj>()
                .map(|t| t.has_flag(crate::objects::typeobj::tflags::MAPPING))
                .unwrap_or(false)
        })
}

pub fn is_match_sequence(v: Value) -> bool {
    let t = types();
    let ty = type_of(v);
    if ty.is_subtype(t.str) || ty.is_subtype(t.bytes) || ty.is_subtype(t.bytearray) {
        return false;
    }
    ty.mro_tuple().items().iter().any(|x| {
        x.downcast::<TypeObj>()
            .map(|x| x.has_flag(crate::objects::typeobj::tflags::SEQUENCE))
            .unwrap_or(false)
    })
}

/// MATCH_KEYS: the values of `keys` in mapping `subject`, or None if one
/// is missing. Values are read with `subject.get(key, dummy)` (so a
/// `__missing__` or a custom `get` is honoured as CPython does); a key
/// given twice is a ValueError.
pub fn match_keys(ts: &mut ThreadState, subject: Value, keys: Value) -> PyResult<Value> {
    let Some(k) = keys.downcast::<TupleObj>() else {
        return Ok(Value::NONE);
    };
    if k.is_empty() {
        return Ok(crate::interp::interp().empty_tuple.value());
    }
    let exact_dict = subject
        .downcast::<DictObj>()
        .filter(|_| type_of(subject) == types().dict);
    let get = match exact_dict {
        Some(_) => Value::NULL,
        None => ops::getattr(ts, subject, names().get)?,
    };
    let seen = crate::objects::set::SetObj::new(ts, types().set);
    let dummy = crate::objects::object::PlainObj::new(ts);
    let mut vals = RootedVec::with_capacity(ts, k.len());
    for &key in k.items() {
        if seen.contains(ts, key)? {
            let r = ops::repr_string(ts, key)?;
            return Err(ts.value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        seen.add(ts, key)?;
        let v = match exact_dict {
            Some(d) => d.get_item_opt(ts, key)?,
            None => {
                let r = ops::call(ts, get, &[key, dummy.value()], None)?;
                if r == dummy.value() {
                    None
                } else {
                    Some(r)
                }
            }
        };
        match v {
            Some(v) => vals.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(TupleObj::new(ts, &vals).value())
}

/// MATCH_CLASS: the attributes a class pattern's sub-patterns match
/// (positional ones through `__match_args__`, then keywords), or None if
/// `subject` is not an instance of `cls` or lacks one of them.
pub fn match_class(
    ts: &mut ThreadState,
    subject: Value,
    cls: Value,
    names_v: Value,
    npos: usize,
) -> PyResult<Value> {
    let Some(t) = cls.downcast::<TypeObj>() else {
        return Err(ts.type_error("called match pattern must be a type"));
    };
    if !ops::isinstance(ts, subject, cls)? {
        return Ok(Value::NONE);
    }
    let mut out = RootedVec::new(ts);
    let mut seen: Vec<String> = Vec::new();
    // One attribute: None when missing (the pattern fails).
    let attr =
        |ts: &mut ThreadState, name: Value, seen: &mut Vec<String>| -> PyResult<Option<Value>> {
            let ns = crate::objects::str::expect_str(ts, name, "attribute name")?;
            let text = ns.as_str().to_string();
            if seen.contains(&text) {
                let r = ops::repr_string(ts, name)?;
                return Err(ts.type_error(format!(
                    "{}() got multiple sub-patterns for attribute {r}",
                    t.name_str()
                )));
            }
            seen.push(text);
            ops::getattr_opt(ts, subject, ns)
        };
    if npos > 0 {
        let (match_args, match_self) = match ops::getattr_opt(ts, cls, names().__match_args__)? {
            Some(ma) => {
                if type_of(ma) != types().tuple {
                    return Err(ts.type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        t.name_str(),
                        type_name(ma)
                    )));
                }
                (ma, false)
            }
            None => {
                let tt = types();
                let self_match = [
                    tt.bool,
                    tt.bytearray,
                    tt.bytes,
                    tt.dict,
                    tt.float,
                    tt.frozenset,
                    tt.int,
                    tt.list,
                    tt.set,
                    tt.str,
                    tt.tuple,
                ]
                .iter()
                .any(|&x| t.is_subtype(x));
                (crate::interp::interp().empty_tuple.value(), self_match)
            }
        };
        // SAFETY: checked to be a tuple above (or the empty tuple).
        let mt: Gc<TupleObj> = unsafe { match_args.downcast_unchecked() };
        let allowed = if match_self { 1 } else { mt.len() };
        if allowed < npos {
            return Err(ts.type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                t.name_str(),
                allowed,
                if allowed == 1 { "" } else { "s" },
                npos
            )));
        }
        if match_self {
            out.push(subject);
        } else {
            for &n in &mt.items()[..npos] {
                if type_of(n) != types().str {
                    return Err(ts.type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        type_name(n)
                    )));
                }
                match attr(ts, n, &mut seen)? {
                    Some(v) => out.push(v),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    if let Some(nt) = names_v.downcast::<TupleObj>() {
        for &n in nt.items() {
            match attr(ts, n, &mut seen)? {
                Some(v) => out.push(v),
                None => return Ok(Value::NONE),
            }
        }
    }
    Ok(TupleObj::new(ts, &out).value())
}

/// Compare op decoding for helpers outside the loop.
pub fn compare_op(a: u32) -> CompareOp {
    CompareOp::from_u32(a).unwrap_or(CompareOp::Eq)
}
