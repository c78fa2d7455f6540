//! `_sha512`: SHA-384 and SHA-512 for `hashlib` (RustCrypto's `sha2`).
//! See `hashobj`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

use crate::hashobj::{self, fixed_state, HashInfo, Kw};

fixed_state!(sha2::Sha384, sha2::Sha512);

static SHA384: HashInfo = HashInfo::new("sha384", 128, false);
static SHA512: HashInfo = HashInfo::new("sha512", 128, false);

fn new_sha384(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha384(string=b'', *, usedforsecurity=True)");
    let [data, _] = SIG.bind(ts, args, kw)?;
    hashobj::construct(ts, &SHA384, None, sha2::Sha384::default(), 48, data)
}

fn new_sha512(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha512(string=b'', *, usedforsecurity=True)");
    let [data, _] = SIG.bind(ts, args, kw)?;
    hashobj::construct(ts, &SHA512, None, sha2::Sha512::default(), 64, data)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let a = "_sha512";
    // CPython 3.11 registers both types under the name SHA384Type (the
    // second replaces the first); the module looks the same here.
    hashobj::make_type::<sha2::Sha384>(ts, m, &SHA384, a, None, None, &[], &[]);
    hashobj::make_type::<sha2::Sha512>(ts, m, &SHA512, a, Some("SHA384Type"), None, &[], &[]);
    m.add_function(ts, "sha384", new_sha384);
    m.add_function(ts, "sha512", new_sha512);
    Ok(())
}
