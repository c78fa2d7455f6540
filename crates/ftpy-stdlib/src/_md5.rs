//! `_md5`: MD5 for `hashlib` (RustCrypto's `md-5`). See `hashobj`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

use crate::hashobj::{self, fixed_state, HashInfo, Kw};

fixed_state!(md5::Md5);

static INFO: HashInfo = HashInfo::new("md5", 64, false);

fn new_md5(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("md5(string=b'', *, usedforsecurity=True)");
    let [data, _] = SIG.bind(ts, args, kw)?;
    hashobj::construct(ts, &INFO, None, md5::Md5::default(), 16, data)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    hashobj::make_type::<md5::Md5>(ts, m, &INFO, "_md5", Some("MD5Type"), None, &[], &[]);
    m.add_function(ts, "md5", new_md5);
    Ok(())
}
