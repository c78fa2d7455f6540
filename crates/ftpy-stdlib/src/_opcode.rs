//! `_opcode`: `stack_effect`, which the `opcode` and `dis` modules export.
//!
//! Opcode numbers are CPython 3.11's (the pure-Python `opcode` module's
//! tables, which `dis` reads, are CPython's). A number is resolved to its
//! name through `opcode.opname` and the effect is that of ftpy's
//! instruction of the same name (ftpy's instruction set follows CPython
//! 3.11's, see docs/bytecode.md; `PRECALL`/`CALL` and the directed
//! `POP_JUMP_*` forms are mapped below). CPython instructions ftpy does not have
//! (specialized forms, `CACHE`, `EXTENDED_ARG` ...) are a `ValueError`, as
//! invalid opcodes are; see docs/deviations.md.

use ftpy_compiler::Op;
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

/// CPython's `HAVE_ARGUMENT`: opcodes from here on take an argument.
const HAVE_ARGUMENT: i64 = 90;

fn invalid(ts: &mut ThreadState) -> ftpy_vm::PyErr {
    ts.value_error("invalid opcode or oparg")
}

fn stack_effect(ts: &mut ThreadState, args: &[Value], kw: Option<Gc<TupleObj>>) -> PyResult<Value> {
    static SIG: Sig = Sig::new("stack_effect(opcode, oparg=None, /, *, jump=None)");
    let [opcode, oparg, jump] = SIG.bind(ts, args, kw)?;
    let code = ops::index_to_i64(ts, opcode)?;
    let oparg = oparg.non_null().filter(|v| !v.is_none());
    let arg = match oparg {
        Some(_) if code < HAVE_ARGUMENT => {
            return Err(ts
                .value_error("stack_effect: opcode does not permit oparg but oparg was specified"))
        }
        Some(a) => ops::index_to_i64(ts, a)?,
        None if code >= HAVE_ARGUMENT => {
            return Err(
                ts.value_error("stack_effect: opcode requires oparg but oparg was not specified")
            )
        }
        None => 0,
    };
    let jump = match jump.non_null().filter(|v| !v.is_none()) {
        None => None,
        Some(j) if j == Value::TRUE => Some(true),
        Some(j) if j == Value::FALSE => Some(false),
        Some(_) => return Err(ts.value_error("stack_effect: jump must be False, True or None")),
    };
    if !(0..256).contains(&code) || !(0..=i32::MAX as i64).contains(&arg) {
        return Err(invalid(ts));
    }
    let opcode_mod = {
        let name = StrObj::new(ts, "opcode");
        ftpy_vm::import::import_module_level(ts, name, Value::NONE, Value::NONE, Value::NONE, 0)?
    };
    let opname = ops::getattr_str(ts, opcode_mod, "opname")?;
    let name = ops::getitem(ts, opname, Value::small_int_unchecked(code))?;
    let Some(name) = name.downcast::<StrObj>() else {
        return Err(invalid(ts));
    };
    let a = arg as u32;
    // CPython 3.11 splits a call in two (`PRECALL n` pops the arguments,
    // `CALL n` the callable and its `NULL`/self slot, pushing the result);
    // ftpy's `CALL` is both.
    match name.as_str() {
        "PRECALL" => return Ok(Value::small_int_unchecked(-(a as i64))),
        "CALL" => return Ok(Value::small_int_unchecked(-1)),
        _ => {}
    }
    // CPython's relative jumps name their direction; ftpy's absolute
    // jumps do not.
    let name = match name.as_str() {
        n @ ("POP_JUMP_FORWARD_IF_FALSE"
        | "POP_JUMP_BACKWARD_IF_FALSE"
        | "POP_JUMP_FORWARD_IF_TRUE"
        | "POP_JUMP_BACKWARD_IF_TRUE"
        | "POP_JUMP_FORWARD_IF_NONE"
        | "POP_JUMP_BACKWARD_IF_NONE"
        | "POP_JUMP_FORWARD_IF_NOT_NONE"
        | "POP_JUMP_BACKWARD_IF_NOT_NONE") => n.replace("FORWARD_", "").replace("BACKWARD_", ""),
        n => n.to_string(),
    };
    let Some(op) = Op::ALL.iter().find(|o| o.name() == name) else {
        return Err(invalid(ts));
    };
    let effect = match jump {
        Some(j) => op.stack_effect(a, j),
        None => op.stack_effect(a, false).max(op.stack_effect(a, true)),
    };
    Ok(Value::small_int_unchecked(effect as i64))
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "Opcode support module.");
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "stack_effect", stack_effect);
    Ok(())
}
