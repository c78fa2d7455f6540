//! `_sha1`: SHA-1 for `hashlib` (RustCrypto's `sha1`). See `hashobj`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

use crate::hashobj::{self, fixed_state, HashInfo, Kw};

fixed_state!(sha1::Sha1);

static INFO: HashInfo = HashInfo::new("sha1", 64, false);

fn new_sha1(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha1(string=b'', *, usedforsecurity=True)");
    let [data, _] = SIG.bind(ts, args, kw)?;
    hashobj::construct(ts, &INFO, None, sha1::Sha1::default(), 20, data)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    hashobj::make_type::<sha1::Sha1>(ts, m, &INFO, "_sha1", Some("SHA1Type"), None, &[], &[]);
    m.add_function(ts, "sha1", new_sha1);
    Ok(())
}
