//! `module`: a namespace (its `__dict__`) with a name.

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{intern, names, types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::dict::DictObj;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::{type_name, TypeObj};
use crate::objects::{add_getset, add_methods, method, NativeFn};
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct ModuleObj {
    pub header: Header,
    pub dict: Slot,
}

// SAFETY: repr(C), Header first; traces the dict.
unsafe impl HeapObj for ModuleObj {
    const KIND: Kind = Kind::Module;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.dict);
    }
}

impl ModuleObj {
    /// A new module named `name` with a fresh dict (`__name__`, `__doc__`,
    /// `__package__`, `__loader__`, `__spec__` set as CPython does).
    pub fn new(ts: &mut ThreadState, name: &str) -> Gc<ModuleObj> {
        Self::new_typed(ts, types().module, name)
    }

    pub fn new_typed(ts: &mut ThreadState, ty: Gc<TypeObj>, name: &str) -> Gc<ModuleObj> {
        let d = DictObj::new(ts);
        let n = intern(ts, name);
        d.set_item_str(ts, "__name__", n.value());
        d.set_item_str(ts, "__doc__", Value::NONE);
        d.set_item_str(ts, "__package__", Value::NONE);
        d.set_item_str(ts, "__loader__", Value::NONE);
        d.set_item_str(ts, "__spec__", Value::NONE);
        let obj = ModuleObj {
            header: Header::new(ty, Kind::Module, 0),
            dict: Slot::new(d.value()),
        };
        crate::objects::instance::alloc_with_attrs(ts, ty, obj)
    }

    #[inline]
    pub fn dict(&self) -> Gc<DictObj> {
        // SAFETY: always a dict.
        unsafe { self.dict.get().downcast_unchecked() }
    }

    pub fn name_string(&self) -> String {
        match self
            .dict()
            .get_str(names().__name__)
            .and_then(crate::objects::str::as_str)
        {
            Some(s) => s.to_string(),
            None => "?".to_string(),
        }
    }

    /// Adds a native function to the module.
    pub fn add_function(&self, ts: &mut ThreadState, name: &str, f: NativeFn) {
        let me = Value::from_addr(self as *const ModuleObj as usize);
        let func = crate::objects::builtin::BuiltinObj::new_function(ts, name, f, me);
        self.dict().set_item_str(ts, name, func);
    }

    /// Sets a module attribute.
    pub fn set_attr(&self, ts: &mut ThreadState, name: &str, v: Value) {
        self.dict().set_item_str(ts, name, v);
    }
}

fn this(ts: &mut ThreadState, v: Value) -> PyResult<Gc<ModuleObj>> {
    v.downcast::<ModuleObj>()
        .ok_or_else(|| ts.type_error(format!("expected a module, got {}", type_name(v))))
}

fn module_getattro(ts: &mut ThreadState, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
    // As object.__getattribute__ with the module's dict as the instance
    // dict: data descriptors of the type, then the module's names, then
    // other type attributes (so a module's `__doc__` is its own).
    let ty = crate::objects::typeobj::type_of(obj);
    if let Some(descr) = ty.lookup(name) {
        let dt = crate::objects::typeobj::type_of(descr);
        if dt.slots.descr_set.get().is_some() {
            if let Some(get) = dt.slots.descr_get.get() {
                return get(ts, descr, obj, ty.value()).map(Some);
            }
        }
    }
    let m = this(ts, obj)?;
    let d = m.dict();
    if let Some(v) = d.get_item_opt(ts, name.value())? {
        return Ok(Some(v));
    }
    if let Some(v) = crate::objects::object::generic_getattr(ts, obj, name)? {
        return Ok(Some(v));
    }
    // PEP 562: module-level __getattr__.
    if let Some(g) = d.get_str(names().__getattr__) {
        return ops::call1(ts, g, name.value()).map(Some);
    }
    // A module whose import is still running (a circular import) says so.
    let mod_name = d
        .get_str(names().__name__)
        .and_then(crate::objects::str::as_str);
    let spec = d.get_str(names().__spec__).filter(|s| !s.is_none());
    if let (Some(mod_name), Some(spec)) = (mod_name, spec) {
        let msg = if spec_flag(ts, spec, "_initializing")? {
            Some(format!(
                "partially initialized module '{mod_name}' has no attribute '{}' (most likely due to a circular import)",
                name.as_str()
            ))
        } else if uninitialized_submodule(ts, spec, name)? {
            Some(format!(
                "cannot access submodule '{}' of module '{mod_name}' (most likely due to a circular import)",
                name.as_str()
            ))
        } else {
            None
        };
        if let Some(msg) = msg {
            let e = ts.attribute_error_msg(msg);
            e.exc().set_attr_quiet(ts, "name", name.value());
            e.exc().set_attr_quiet(ts, "obj", obj);
            return Err(e);
        }
    }
    Ok(None)
}

/// `spec.<attr>` is true (errors count as false, as in CPython).
fn spec_flag(ts: &mut ThreadState, spec: Value, attr: &str) -> PyResult<bool> {
    match ops::getattr_str_opt(ts, spec, attr) {
        Ok(Some(v)) => Ok(ops::truthy(ts, v).unwrap_or(false)),
        _ => Ok(false),
    }
}

/// `name in spec._uninitialized_submodules`: a submodule whose import is
/// running.
fn uninitialized_submodule(ts: &mut ThreadState, spec: Value, name: Gc<StrObj>) -> PyResult<bool> {
    match ops::getattr_str_opt(ts, spec, "_uninitialized_submodules") {
        Ok(Some(l)) if l.downcast::<crate::objects::list::ListObj>().is_some() => {
            Ok(ops::contains(ts, l, name.value()).unwrap_or(false))
        }
        _ => Ok(false),
    }
}

fn module_setattro(
    ts: &mut ThreadState,
    obj: Value,
    name: Gc<StrObj>,
    v: Option<Value>,
) -> PyResult<()> {
    let ty = crate::objects::typeobj::type_of(obj);
    if let Some(d) = ty.lookup(name) {
        if let Some(set) = crate::objects::typeobj::type_of(d).slots.descr_set.get() {
            return set(ts, d, obj, v);
        }
    }
    let m = this(ts, obj)?;
    match v {
        Some(v) => m.dict().set_item(ts, name.value(), v),
        None => {
            if !m.dict().del_item_opt(ts, name.value())? {
                return Err(ts.attribute_error(obj, name));
            }
            Ok(())
        }
    }
}

/// `repr(module)`, as importlib's `_module_repr`: from the spec when
/// there is one, else from `__name__`, `__file__` and `__loader__`.
fn module_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let loader = ops::getattr_opt(ts, v, names().__loader__)?.unwrap_or(Value::NONE);
    let spec = ops::getattr_opt(ts, v, names().__spec__)?.unwrap_or(Value::NONE);
    let s = if !spec.is_none() && ops::truthy(ts, spec)? {
        repr_from_spec(ts, spec)?
    } else {
        let custom = match ops::getattr_str_opt(ts, loader, "module_repr") {
            Ok(Some(f)) => match ops::call1(ts, f, v) {
                Ok(r) => r.downcast::<StrObj>().map(|s| s.as_str().to_string()),
                Err(e) if e.matches(types().exception) => None,
                Err(e) => return Err(e),
            },
            Ok(None) => None,
            Err(e) => return Err(e),
        };
        match custom {
            Some(r) => r,
            None => {
                let name = match ops::getattr_opt(ts, v, names().__name__)? {
                    Some(n) => ops::repr_string(ts, n)?,
                    None => "'?'".to_string(),
                };
                match ops::getattr_opt(ts, v, names().__file__)? {
                    Some(f) => format!("<module {name} from {}>", ops::repr_string(ts, f)?),
                    None if loader.is_none() => format!("<module {name}>"),
                    None => format!("<module {name} ({})>", ops::repr_string(ts, loader)?),
                }
            }
        }
    };
    Ok(StrObj::new(ts, &s))
}

fn repr_from_spec(ts: &mut ThreadState, spec: Value) -> PyResult<String> {
    let name = ops::getattr_str(ts, spec, "name")?;
    let name_r = if name.is_none() {
        "'?'".to_string()
    } else {
        ops::repr_string(ts, name)?
    };
    let origin = ops::getattr_str(ts, spec, "origin")?;
    if origin.is_none() {
        let loader = ops::getattr_str(ts, spec, "loader")?;
        if loader.is_none() {
            return Ok(format!("<module {name_r}>"));
        }
        return Ok(format!(
            "<module {name_r} ({})>",
            ops::repr_string(ts, loader)?
        ));
    }
    let has_location = ops::getattr_str(ts, spec, "has_location")?;
    if ops::truthy(ts, has_location)? {
        Ok(format!(
            "<module {name_r} from {}>",
            ops::repr_string(ts, origin)?
        ))
    } else {
        let n = ops::repr_string(ts, name)?;
        Ok(format!("<module {n} ({})>", ops::str_string(ts, origin)?))
    }
}

fn module_new(
    ts: &mut ThreadState,
    cls: Gc<TypeObj>,
    _args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(ModuleObj::new_typed(ts, cls, "?").value())
}

fn module_init(
    ts: &mut ThreadState,
    v: Value,
    args: &[Value],
    kw: Option<Gc<TupleObj>>,
) -> PyResult<()> {
    let a = crate::builtins::args::parse(ts, "module", args, kw, &["name", "doc"], 1, 2)?;
    let m = this(ts, v)?;
    let name = crate::objects::str::expect_str(ts, a.req(0), "module.__init__() argument 'name'")?;
    m.dict().set_item_str(ts, "__name__", name.value());
    m.dict()
        .set_item_str(ts, "__doc__", a.get(1).unwrap_or(Value::NONE));
    Ok(())
}

fn get_dict(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(this(ts, v)?.dict.get())
}

/// `module.__dir__()`: the module's own `__dir__` function (PEP 562) or
/// the keys of its `__dict__`.
fn module_dir(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let d = ops::getattr(ts, args[0], names().__dict__)?;
    let Some(d) = d.downcast::<DictObj>() else {
        return Err(ts.type_error("<module>.__dict__ is not a dictionary"));
    };
    if let Some(f) = d.get_str(names().__dir__) {
        return ops::call0(ts, f);
    }
    let items = d.items_rooted(ts);
    let mut keys = crate::gc::RootedVec::new(ts);
    for p in items.chunks(2) {
        keys.push(p[0]);
    }
    Ok(crate::objects::list::ListObj::new(ts, &keys).value())
}

/// `module.__annotations__`: the dict's entry, made (empty) on first use.
fn get_annotations(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let d = this(ts, v)?.dict();
    let key = crate::interp::intern(ts, "__annotations__");
    if let Some(a) = d.get_item_opt(ts, key.value())? {
        return Ok(a);
    }
    let a = DictObj::new(ts);
    d.set_item(ts, key.value(), a.value())?;
    Ok(a.value())
}

fn set_annotations(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let d = this(ts, v)?.dict();
    let key = crate::interp::intern(ts, "__annotations__");
    match x {
        Some(x) => d.set_item(ts, key.value(), x),
        None => {
            if !d.del_item_opt(ts, key.value())? {
                return Err(ts.attribute_error_msg("__annotations__"));
            }
            Ok(())
        }
    }
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.module;
    let s = &ty.slots;
    s.getattro.set(Some(module_getattro));
    s.setattro.set(Some(module_setattro));
    s.repr.set(Some(module_repr));
    s.new.set(Some(module_new));
    s.init.set(Some(module_init));
    add_getset(ts, ty, "__dict__", get_dict, None);
    add_getset(
        ts,
        ty,
        "__annotations__",
        get_annotations,
        Some(set_annotations),
    );
    add_methods(ts, ty, &[method("__dir__", module_dir)]);
}
