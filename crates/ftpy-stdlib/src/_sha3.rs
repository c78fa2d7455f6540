//! `_sha3`: SHA3-224/256/384/512 and SHAKE128/256 for `hashlib`
//! (RustCrypto's `sha3` and `shake`). The types are their own
//! constructors, as in CPython. See `hashobj`.

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::bytes::BytesObj;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::data_of;
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::typeobj::{NewFn, TypeObj};
use ftpy_vm::objects::GetterFn;
use ftpy_vm::{Gc, PyResult, ThreadState, Value};
use shake::digest::{ExtendableOutput, Update, XofReader};

use crate::hashobj::{self, fixed_state, HashInfo, HashObj, HashState, Kw};

fixed_state!(
    sha3::Sha3_224,
    sha3::Sha3_256,
    sha3::Sha3_384,
    sha3::Sha3_512
);

macro_rules! xof_state {
    ($($t:ty),*) => {
        $(
            impl HashState for $t {
                fn update(&mut self, data: &[u8]) {
                    Update::update(self, data);
                }
                fn finish(self, len: usize) -> Vec<u8> {
                    let mut out = vec![0u8; len];
                    self.finalize_xof().read(&mut out);
                    out
                }
            }
        )*
    };
}

xof_state!(shake::Shake128, shake::Shake256);

static SHA3_224: HashInfo = HashInfo::new("sha3_224", 144, false);
static SHA3_256: HashInfo = HashInfo::new("sha3_256", 136, false);
static SHA3_384: HashInfo = HashInfo::new("sha3_384", 104, false);
static SHA3_512: HashInfo = HashInfo::new("sha3_512", 72, false);
static SHAKE_128: HashInfo = HashInfo::new("shake_128", 168, true);
static SHAKE_256: HashInfo = HashInfo::new("shake_256", 136, true);

/// CPython's sha3 types share one argument parser named after sha3_224.
static SIG: Sig = Sig::new("sha3_224(data=b'', /, *, usedforsecurity=True)");

macro_rules! constructor {
    ($fname:ident, $t:ty, $info:expr, $size:expr) => {
        fn $fname(
            ts: &mut ThreadState,
            cls: Gc<TypeObj>,
            args: &[Value],
            kw: Kw,
        ) -> PyResult<Value> {
            let [data, _] = SIG.bind(ts, args, kw)?;
            hashobj::construct(ts, &$info, Some(cls), <$t>::default(), $size, data)
        }
    };
}

constructor!(new_sha3_224, sha3::Sha3_224, SHA3_224, 28);
constructor!(new_sha3_256, sha3::Sha3_256, SHA3_256, 32);
constructor!(new_sha3_384, sha3::Sha3_384, SHA3_384, 48);
constructor!(new_sha3_512, sha3::Sha3_512, SHA3_512, 64);
constructor!(new_shake_128, shake::Shake128, SHAKE_128, 0);
constructor!(new_shake_256, shake::Shake256, SHAKE_256, 0);

fn info_of<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<&'static HashInfo> {
    match data_of::<HashObj<S>>(v) {
        Some(h) => Ok(h.info),
        None => Err(ts.type_error("expected a sha3 object")),
    }
}

fn g_capacity_bits<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let i = info_of::<S>(ts, v)?;
    Ok(Value::small_int_unchecked(1600 - 8 * i.block_size as i64))
}

fn g_rate_bits<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let i = info_of::<S>(ts, v)?;
    Ok(Value::small_int_unchecked(8 * i.block_size as i64))
}

fn g_suffix<S: HashState>(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    let i = info_of::<S>(ts, v)?;
    Ok(BytesObj::new(ts, if i.xof { b"\x1f" } else { b"\x06" }))
}

fn make<S: HashState>(ts: &mut ThreadState, m: Gc<ModuleObj>, info: &'static HashInfo, new: NewFn) {
    let getters: [(&'static str, GetterFn); 3] = [
        ("_capacity_bits", g_capacity_bits::<S>),
        ("_rate_bits", g_rate_bits::<S>),
        ("_suffix", g_suffix::<S>),
    ];
    hashobj::make_type::<S>(
        ts,
        m,
        info,
        "_sha3",
        Some(info.name),
        Some(new),
        &getters,
        &[],
    );
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    make::<sha3::Sha3_224>(ts, m, &SHA3_224, new_sha3_224);
    make::<sha3::Sha3_256>(ts, m, &SHA3_256, new_sha3_256);
    make::<sha3::Sha3_384>(ts, m, &SHA3_384, new_sha3_384);
    make::<sha3::Sha3_512>(ts, m, &SHA3_512, new_sha3_512);
    make::<shake::Shake128>(ts, m, &SHAKE_128, new_shake_128);
    make::<shake::Shake256>(ts, m, &SHAKE_256, new_shake_256);
    let imp = StrObj::new(ts, "RustCrypto sha3");
    m.set_attr(ts, "implementation", imp);
    m.set_attr(ts, "keccakopt", Value::small_int_unchecked(0));
    Ok(())
}
