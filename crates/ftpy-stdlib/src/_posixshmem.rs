//! `_posixshmem`: POSIX shared memory objects (`shm_open`, `shm_unlink`),
//! which `multiprocessing.shared_memory` and `resource_tracker` use.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::type_name;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

use crate::posix::conv;

type Kw = Option<Gc<TupleObj>>;

/// The name as C text: its UTF-8 up to the first NUL, as CPython passes
/// `PyUnicode_AsUTF8`'s result to the C library.
fn name_arg(ts: &mut ThreadState, v: Value, fname: &str) -> PyResult<std::ffi::CString> {
    let Some(s) = v.downcast::<StrObj>() else {
        return Err(ts.type_error(format!(
            "{fname}() argument 'path' must be str, not {}",
            type_name(v)
        )));
    };
    let b = s.obj().as_str().as_bytes();
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    conv::cstring(ts, b[..end].to_vec(), "embedded null character")
}

fn shm_open(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("shm_open(path, flags, mode=511)");
    let [path, flags, mode] = SIG.bind(ts, args, kw)?;
    let name = name_arg(ts, path, "shm_open")?;
    let flags = conv::c_int(ts, flags)?;
    let mode = if mode.is_null() {
        0o777
    } else {
        conv::c_int(ts, mode)?
    };
    let p = name.as_ptr() as usize;
    // SAFETY: `name` is a NUL-ended string that outlives the call.
    let r = conv::blocking(ts, || unsafe {
        libc::shm_open(p as *const libc::c_char, flags, mode as libc::mode_t) as isize
    })?;
    match r {
        Ok(fd) => Ok(Value::small_int_unchecked(fd as i64)),
        Err(e) => Err(conv::os_error(ts, e, Some(path), None)),
    }
}

fn shm_unlink(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("shm_unlink(path)");
    let [path] = SIG.bind(ts, args, kw)?;
    let name = name_arg(ts, path, "shm_unlink")?;
    let p = name.as_ptr() as usize;
    // SAFETY: `name` is a NUL-ended string that outlives the call.
    let r = conv::blocking(ts, || unsafe {
        libc::shm_unlink(p as *const libc::c_char) as isize
    })?;
    match r {
        Ok(_) => Ok(Value::NONE),
        Err(e) => Err(conv::os_error(ts, e, Some(path), None)),
    }
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(ts, "POSIX shared memory module");
    m.set_attr(ts, "__doc__", doc);
    m.add_function(ts, "shm_open", shm_open);
    m.add_function(ts, "shm_unlink", shm_unlink);
    Ok(())
}
