//! `_blake2`: BLAKE2b and BLAKE2s for `hashlib` (RustCrypto's `blake2`),
//! with a chosen digest size, key, salt and personalization.
//!
//! The crate builds the parameter block for sequential hashing only, so
//! the tree-hashing parameters (`fanout`, `depth`, `leaf_size`,
//! `node_offset`, `node_depth`, `inner_size`, `last_node`) are checked as
//! CPython checks them and then accepted only at their default values; any
//! other value raises ValueError rather than hashing differently.

use blake2::digest::block_api::{Buffer, UpdateCore, VariableOutputCore};
use blake2::{Blake2bVarCore, Blake2sVarCore};

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::objects::bytes;
use ftpy_vm::objects::int;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::typeobj::TypeObj;
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

use crate::hashobj::{self, HashInfo, HashState, Kw};

macro_rules! blake2_state {
    ($name:ident, $core:ty, $block:expr) => {
        #[derive(Clone)]
        struct $name {
            core: $core,
            buf: Buffer<$core>,
        }

        impl $name {
            fn new(key: &[u8], salt: &[u8], person: &[u8], digest_size: usize) -> $name {
                let mut s = $name {
                    core: <$core>::new_with_params(salt, person, key.len(), digest_size),
                    buf: Default::default(),
                };
                if !key.is_empty() {
                    // The key, padded to a block, is the first block.
                    let mut block = [0u8; $block];
                    block[..key.len()].copy_from_slice(key);
                    HashState::update(&mut s, &block);
                }
                s
            }
        }

        impl HashState for $name {
            fn update(&mut self, data: &[u8]) {
                let $name { core, buf } = self;
                buf.digest_blocks(data, |blocks| core.update_blocks(blocks));
            }
            fn finish(self, len: usize) -> Vec<u8> {
                let $name { mut core, mut buf } = self;
                let mut out = Default::default();
                core.finalize_variable_core(&mut buf, &mut out);
                let out: &[u8] = &out;
                out[..len.min(out.len())].to_vec()
            }
        }
    };
}

blake2_state!(B2b, Blake2bVarCore, 128);
blake2_state!(B2s, Blake2sVarCore, 64);

static BLAKE2B: HashInfo = HashInfo::new("blake2b", 128, false);
static BLAKE2S: HashInfo = HashInfo::new("blake2s", 64, false);

/// The sizes of one variant.
struct Sizes {
    digest: usize,
    key: usize,
    salt: usize,
    /// Bytes of `node_offset` (6 for BLAKE2s, 8 for BLAKE2b).
    offset_bytes: u32,
}

const B_SIZES: Sizes = Sizes {
    digest: 64,
    key: 64,
    salt: 16,
    offset_bytes: 8,
};
const S_SIZES: Sizes = Sizes {
    digest: 32,
    key: 32,
    salt: 8,
    offset_bytes: 6,
};

/// The checked parameters of a constructor call.
struct Params {
    data: Value,
    digest_size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
}

fn int_arg(ts: &mut ThreadState, v: Value, default: i64) -> PyResult<i64> {
    match v.non_null() {
        None => Ok(default),
        Some(x) => {
            let i = ops::index(ts, x)?;
            Ok(int::to_i64_saturating(i))
        }
    }
}

fn buf_arg(ts: &mut ThreadState, v: Value) -> PyResult<Vec<u8>> {
    match v.non_null() {
        None => Ok(Vec::new()),
        Some(x) => Ok(bytes::expect_buffer(ts, x)?.into_owned()),
    }
}

/// An unsigned parameter no wider than `bits`.
fn unsigned_arg(ts: &mut ThreadState, v: Value, name: &str, bits: u32) -> PyResult<u64> {
    let Some(x) = v.non_null() else { return Ok(0) };
    let i = ops::index(ts, x)?;
    let Some(b) = int::to_big(i) else {
        return Ok(0);
    };
    if b.sign() == num_bigint::Sign::Minus {
        return Err(ts.value_error("value must be positive"));
    }
    let fits = b.bits() <= u64::from(bits);
    if !fits {
        return Err(ts.overflow_error(format!("{name} is too large")));
    }
    Ok(b.iter_u64_digits().next().unwrap_or(0))
}

fn parse(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig, z: &Sizes) -> PyResult<Params> {
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, _usedforsecurity] =
        sig.bind(ts, args, kw)?;
    let digest_size = int_arg(ts, digest_size, z.digest as i64)?;
    let key = buf_arg(ts, key)?;
    let salt = buf_arg(ts, salt)?;
    let person = buf_arg(ts, person)?;
    let fanout = int_arg(ts, fanout, 1)?;
    let depth = int_arg(ts, depth, 1)?;
    let leaf_size = unsigned_arg(ts, leaf_size, "leaf_size", 32)?;
    let node_offset = unsigned_arg(ts, node_offset, "node_offset", z.offset_bytes * 8)?;
    let node_depth = int_arg(ts, node_depth, 0)?;
    let inner_size = int_arg(ts, inner_size, 0)?;
    let last_node = match last_node.non_null() {
        Some(x) => ops::truthy(ts, x)?,
        None => false,
    };
    if digest_size <= 0 || digest_size > z.digest as i64 {
        return Err(ts.value_error(format!(
            "digest_size must be between 1 and {} bytes",
            z.digest
        )));
    }
    if salt.len() > z.salt {
        return Err(ts.value_error(format!("maximum salt length is {} bytes", z.salt)));
    }
    if person.len() > z.salt {
        return Err(ts.value_error(format!("maximum person length is {} bytes", z.salt)));
    }
    if !(0..=255).contains(&fanout) {
        return Err(ts.value_error("fanout must be between 0 and 255"));
    }
    if !(1..=255).contains(&depth) {
        return Err(ts.value_error("depth must be between 1 and 255"));
    }
    if !(0..=255).contains(&node_depth) {
        return Err(ts.value_error("node_depth must be between 0 and 255"));
    }
    if inner_size < 0 || inner_size > z.digest as i64 {
        return Err(ts.value_error(format!("inner_size must be between 0 and is {}", z.digest)));
    }
    if key.len() > z.key {
        return Err(ts.value_error(format!("maximum key length is {} bytes", z.key)));
    }
    if fanout != 1
        || depth != 1
        || leaf_size != 0
        || node_offset != 0
        || node_depth != 0
        || inner_size != 0
        || last_node
    {
        return Err(ts.value_error(
            "blake2 tree hashing (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) is not supported by ftpy",
        ));
    }
    Ok(Params {
        data,
        digest_size: digest_size as usize,
        key,
        salt,
        person,
    })
}

fn new_blake2b(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)");
    let p = parse(ts, args, kw, &SIG, &B_SIZES)?;
    let state = B2b::new(&p.key, &p.salt, &p.person, p.digest_size);
    hashobj::construct(ts, &BLAKE2B, Some(cls), state, p.digest_size, p.data)
}

fn new_blake2s(ts: &mut ThreadState, cls: Gc<TypeObj>, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("blake2s(data=b'', /, *, digest_size=32, key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)");
    let p = parse(ts, args, kw, &SIG, &S_SIZES)?;
    let state = B2s::new(&p.key, &p.salt, &p.person, p.digest_size);
    hashobj::construct(ts, &BLAKE2S, Some(cls), state, p.digest_size, p.data)
}

fn set_sizes(ts: &mut ThreadState, m: Gc<ModuleObj>, t: Gc<TypeObj>, prefix: &str, z: &Sizes) {
    let sizes = [
        ("SALT_SIZE", z.salt),
        ("PERSON_SIZE", z.salt),
        ("MAX_KEY_SIZE", z.key),
        ("MAX_DIGEST_SIZE", z.digest),
    ];
    for (name, n) in sizes {
        let v = Value::small_int_unchecked(n as i64);
        ftpy_vm::objects::set_type_attr(ts, t, name, v);
        m.set_attr(ts, &format!("{prefix}_{name}"), v);
    }
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let b = hashobj::make_type::<B2b>(
        ts,
        m,
        &BLAKE2B,
        "_blake2",
        Some("blake2b"),
        Some(new_blake2b),
        &[],
        &[],
    );
    set_sizes(ts, m, b, "BLAKE2B", &B_SIZES);
    let s = hashobj::make_type::<B2s>(
        ts,
        m,
        &BLAKE2S,
        "_blake2",
        Some("blake2s"),
        Some(new_blake2s),
        &[],
        &[],
    );
    set_sizes(ts, m, s, "BLAKE2S", &S_SIZES);
    Ok(())
}
