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
        if ty.attrs_offset != 0 {
            let size = std::mem::size_of::<ModuleObj>() + crate::objects::instance::ATTR_STORE_SIZE;
            let g = ts.alloc_var(size, |p: *mut ModuleObj| {
                // SAFETY: room for the module and its attribute store.
                unsafe { p.write(obj) }
            });
            crate::objects::instance::init_attr_store_at(g.addr() + ty.attrs_offset as usize, 0);
            return g;
        }
        ts.alloc(obj)
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
    Ok(None)
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

fn module_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let m = this(ts, v)?;
    let d = m.dict();
    let name = m.name_string();
    let s = match d
        .get_str_text("__file__")
        .and_then(crate::objects::str::as_str)
    {
        Some(f) => format!("<module '{name}' from '{f}'>"),
        None => format!("<module '{name}' (built-in)>"),
    };
    Ok(StrObj::new(ts, &s))
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

fn module_dir(ts: &mut ThreadState, args: &[Value], _kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    let m = this(ts, args[0])?;
    let items = m.dict().items_rooted(ts);
    let keys: Vec<Value> = items.chunks(2).map(|p| p[0]).collect();
    Ok(crate::objects::list::ListObj::new(ts, &keys).value())
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
    add_methods(ts, ty, &[method("__dir__", module_dir)]);
}
