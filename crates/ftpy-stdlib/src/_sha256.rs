//! `_sha256`: SHA-224 and SHA-256 for `hashlib` (RustCrypto's `sha2`).
//! See `hashobj`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

use crate::hashobj::{self, fixed_state, HashInfo, Kw};

fixed_state!(sha2::Sha224, sha2::Sha256);

static SHA224: HashInfo = HashInfo::new("sha224", 64, false);
static SHA256: HashInfo = HashInfo::new("sha256", 64, false);

fn new_sha224(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha224(string=b'', *, usedforsecurity=True)");
    let [data, _] = SIG.bind(ts, args, kw)?;
    hashobj::construct(ts, &SHA224, None, sha2::Sha224::default(), 28, data)
}

fn new_sha256(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha256(string=b'', *, usedforsecurity=True)");
    let [data, _] = SIG.bind(ts, args, kw)?;
    hashobj::construct(ts, &SHA256, None, sha2::Sha256::default(), 32, data)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let a = "_sha256";
    hashobj::make_type::<sha2::Sha224>(ts, m, &SHA224, a, Some("SHA224Type"), None, &[], &[]);
    hashobj::make_type::<sha2::Sha256>(ts, m, &SHA256, a, Some("SHA256Type"), None, &[], &[]);
    m.add_function(ts, "sha224", new_sha224);
    m.add_function(ts, "sha256", new_sha256);
    Ok(())
}
