//! `cell`: a variable captured by a closure.

use ftpy_compiler::CompareOp;

use crate::error::PyResult;
use crate::gc::{Marker, Slot};
use crate::interp::{types, BuiltinTypes};
use crate::object::{Gc, Header, HeapObj, Kind};
use crate::objects::add_getset;
use crate::objects::str::StrObj;
use crate::objects::tuple::TupleObj;
use crate::objects::typeobj::TypeObj;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

#[repr(C)]
pub struct CellObj {
    pub header: Header,
    /// The contents; NULL when empty.
    pub value: Slot,
}

// SAFETY: repr(C), Header first; traces the contents.
unsafe impl HeapObj for CellObj {
    const KIND: Kind = Kind::Cell;
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.value);
    }
}

impl CellObj {
    pub fn new(ts: &mut ThreadState, v: Value) -> Gc<CellObj> {
        ts.alloc(CellObj {
            header: Header::new(types().cell, Kind::Cell, 0),
            value: Slot::new(v),
        })
    }
}

fn cell_repr(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let Some(c) = v.downcast::<CellObj>() else {
        return Err(ts.type_error("expected a cell"));
    };
    let inner = c.value.get();
    let s = if inner.is_null() {
        format!("<cell at {:#x}: empty>", v.addr_unchecked())
    } else {
        let tn = crate::objects::typeobj::type_name(inner);
        let addr = if inner.is_ptr() {
            inner.addr_unchecked()
        } else {
            0
        };
        format!(
            "<cell at {:#x}: {tn} object at {addr:#x}>",
            v.addr_unchecked()
        )
    };
    Ok(StrObj::new(ts, &s))
}

fn get_contents(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let Some(c) = v.downcast::<CellObj>() else {
        return Err(ts.type_error("expected a cell"));
    };
    match c.value.get().non_null() {
        Some(x) => Ok(x),
        None => Err(ts.value_error("Cell is empty")),
    }
}

fn set_contents(ts: &mut ThreadState, v: Value, x: Option<Value>) -> PyResult<()> {
    let Some(c) = v.downcast::<CellObj>() else {
        return Err(ts.type_error("expected a cell"));
    };
    c.value.set(x.unwrap_or(Value::NULL));
    Ok(())
}

fn cell_new(
    ts: &mut ThreadState,
    _cls: Gc<TypeObj>,
    args: &[Value],
    _kw: Option<Gc<TupleObj>>,
) -> PyResult<Value> {
    Ok(CellObj::new(ts, args.first().copied().unwrap_or(Value::NULL)).value())
}

fn cell_richcompare(ts: &mut ThreadState, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<CellObj>(), b.downcast::<CellObj>()) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    match (x.value.get().non_null(), y.value.get().non_null()) {
        (Some(p), Some(q)) => ops::rich_compare(ts, p, q, op),
        (p, q) => Ok(Value::from_bool(crate::objects::float::ordering_matches(
            p.is_some().cmp(&q.is_some()),
            op,
        ))),
    }
}

pub fn init(ts: &mut ThreadState, t: &BuiltinTypes) {
    let ty = t.cell;
    ty.slots.repr.set(Some(cell_repr));
    ty.slots.new.set(Some(cell_new));
    ty.slots.richcompare.set(Some(cell_richcompare));
    add_getset(ts, ty, "cell_contents", get_contents, Some(set_contents));
}
