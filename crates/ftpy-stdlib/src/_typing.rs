//! `_typing`: the accelerator `typing` imports (`_idfunc`, what
//! `NewType.__call__` is: a native function, so it does not bind `self`).

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

fn idfunc(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_typing._idfunc(x, /)");
    let [x] = SIG.bind(ts, args, kw)?;
    Ok(x)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "Accelerators for the typing module.\n");
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "_idfunc", idfunc);
    Ok(())
}
