//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`,
//! giving CPython's exact outputs for every seed.
//!
//! Each generator keeps its 624-word state behind its own mutex, held only
//! while words are drawn (never while Python code runs or while
//! allocating), so a generator shared by threads never tears its state;
//! generators are independent of each other.
//!
//! Seeding follows CPython: an int seeds by the 32-bit words of its
//! absolute value (least significant first) through `init_by_array`;
//! another hashable object by its hash taken as an unsigned machine word;
//! None by 624 words from the OS's random source. `random.py` turns str
//! and bytes seeds into ints (with SHA-512) before they get here.

use num_bigint::{BigInt, BigUint, Sign};
use parking_lot::Mutex;

use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::Marker;
use ftpy_vm::interp::add_global_root;
use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::objects::native::{self, NativeData, NativeObj};
use ftpy_vm::objects::str::StrObj;
use ftpy_vm::objects::tuple::TupleObj;
use ftpy_vm::objects::typeobj::{type_name, type_of, TypeObj};
use ftpy_vm::objects::{add_methods, int, method, set_type_attr};
use ftpy_vm::{ops, Gc, PyResult, ThreadState, Value};

type Kw = Option<Gc<TupleObj>>;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the index of the next one.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    const fn new() -> Mt {
        Mt {
            state: [0; N],
            index: N + 1,
        }
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = mt[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            if self.index > N {
                // Never seeded (only reachable through __new__ alone).
                self.init_genrand(5489);
            }
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

struct Random {
    mt: Mutex<Mt>,
}

// SAFETY: holds no Values.
unsafe impl NativeData for Random {
    fn trace(&self, _m: &mut Marker) {}
}

fn gen(ts: &mut ThreadState, v: Value) -> PyResult<&'static Random> {
    native::expect::<Random>(ts, v, "_random.Random")
}

/// 624 words from the OS's random source, or a mix of the time and the
/// process id where there is none (as CPython falls back).
fn os_seed() -> Vec<u32> {
    let mut buf = [0u8; N * 4];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the pointer and length describe the unfilled part of
        // `buf`, which getrandom may write.
        let r = unsafe {
            libc::getrandom(
                buf[filled..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - filled,
                0,
            )
        };
        if r <= 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break;
        }
        filled += r as usize;
    }
    if filled == buf.len() {
        return buf
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
    }
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let pid = std::process::id();
    vec![t as u32, (t >> 32) as u32, pid, (t >> 64) as u32]
}

/// The 32-bit words of `|n|`, least significant first (at least one).
fn words_of(n: &BigInt) -> Vec<u32> {
    let mut w = n.magnitude().to_u32_digits();
    if w.is_empty() {
        w.push(0);
    }
    w
}

fn seed(ts: &mut ThreadState, r: &Random, arg: Value) -> PyResult<()> {
    let key = if arg.is_null() || arg.is_none() {
        os_seed()
    } else if int::is_int(arg) {
        match int::to_big(arg) {
            Some(b) => words_of(&b),
            None => vec![0],
        }
    } else {
        let h = ops::hash(ts, arg)? as u64;
        words_of(&BigInt::from(h))
    };
    r.mt.lock().init_by_array(&key);
    Ok(())
}

fn random_new(ts: &mut ThreadState, cls: Gc<TypeObj>, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(NativeObj::new(
        ts,
        cls,
        Random {
            mt: Mutex::new(Mt::new()),
        },
    )
    .value())
}

fn random_init(ts: &mut ThreadState, v: Value, args: &[Value], kw: Kw) -> PyResult<()> {
    let nkw = kw.map(|k| k.len()).unwrap_or(0);
    let own_init = type_of(v).slots.init.get().map(|f| f as *const () as usize)
        == Some(random_init as *const () as usize);
    if nkw > 0 && own_init {
        return Err(ts.type_error("Random() takes no keyword arguments"));
    }
    let npos = args.len() - nkw;
    if npos > 1 {
        return Err(ts.type_error("Random() requires 0 or 1 argument"));
    }
    let r = gen(ts, v)?;
    seed(ts, r, if npos == 1 { args[0] } else { Value::NULL })
}

fn m_seed(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Random.seed($self, n=None, /)");
    let [v, n] = SIG.bind(ts, args, kw)?;
    let r = gen(ts, v)?;
    seed(ts, r, n)?;
    Ok(Value::NONE)
}

fn m_random(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Random.random($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let x = gen(ts, v)?.mt.lock().random();
    Ok(Value::from_f64(x))
}

fn m_getrandbits(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Random.getrandbits($self, k, /)");
    let [v, k] = SIG.bind(ts, args, kw)?;
    let r = gen(ts, v)?;
    let k = ops::index(ts, k)?;
    let k = match int::to_i64(k).filter(|&k| i32::try_from(k).is_ok()) {
        Some(k) => k,
        None => return Err(ts.overflow_error("Python int too large to convert to C int")),
    };
    if k < 0 {
        return Err(ts.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small_int_unchecked(0));
    }
    if k <= 32 {
        let x = r.mt.lock().next_u32() >> (32 - k);
        return Ok(Value::small_int_unchecked(x as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    ts.check_alloc_size(words * 4)?;
    let mut out = Vec::with_capacity(words);
    {
        let mut mt = r.mt.lock();
        let mut left = k;
        for _ in 0..words {
            let mut w = mt.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            out.push(w);
            left -= 32;
        }
    }
    let big = BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&out));
    Ok(int::int_from_big(ts, big))
}

fn m_getstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Random.getstate($self, /)");
    let [v] = SIG.bind(ts, args, kw)?;
    let (state, index) = {
        let mt = gen(ts, v)?.mt.lock();
        (mt.state, mt.index.min(N))
    };
    let mut items = [Value::NULL; N + 1];
    for (slot, &w) in items.iter_mut().zip(state.iter()) {
        *slot = Value::small_int_unchecked(w as i64);
    }
    items[N] = Value::small_int_unchecked(index as i64);
    Ok(TupleObj::new(ts, &items).value())
}

fn m_setstate(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("Random.setstate($self, state, /)");
    let [v, st] = SIG.bind(ts, args, kw)?;
    let r = gen(ts, v)?;
    let Some(t) = st.downcast::<TupleObj>() else {
        return Err(ts.type_error("state vector must be a tuple"));
    };
    let items = t.obj().items();
    if items.len() != N + 1 {
        return Err(ts.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (w, &x) in state.iter_mut().zip(items) {
        // CPython reads each word as an unsigned long and keeps its low
        // 32 bits.
        if !int::is_int(x) {
            return Err(ts.type_error("an integer is required"));
        }
        let Some(b) = int::to_big(x) else {
            return Err(ts.type_error("an integer is required"));
        };
        if b.sign() == Sign::Minus {
            return Err(ts.overflow_error("can't convert negative value to unsigned int"));
        }
        if b.bits() > 64 {
            return Err(ts.overflow_error("Python int too large to convert to C unsigned long"));
        }
        *w = b.magnitude().iter_u32_digits().next().unwrap_or(0);
    }
    let ix = items[N];
    if !int::is_int(ix) {
        return Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ix)
        )));
    }
    let index = match int::to_i64(ix) {
        Some(i) => i,
        None => return Err(ts.overflow_error("Python int too large to convert to C long")),
    };
    if index < 0 || index > N as i64 {
        return Err(ts.value_error("invalid state"));
    }
    let mut mt = r.mt.lock();
    mt.state = state;
    mt.index = index as usize;
    Ok(Value::NONE)
}

pub fn init(ts: &mut ThreadState, m: Gc<ModuleObj>) -> PyResult<()> {
    let doc = StrObj::new(
        ts,
        "Module implements the Mersenne Twister random number generator.",
    );
    m.set_attr(ts, "__doc__", doc);
    let t = native::new_type::<Random>(ts, "Random", "_random", None, true);
    t.slots.new.set(Some(random_new));
    t.slots.init.set(Some(random_init));
    add_methods(
        ts,
        t,
        &[
            method("random", m_random),
            method("seed", m_seed),
            method("getstate", m_getstate),
            method("setstate", m_setstate),
            method("getrandbits", m_getrandbits),
        ],
    );
    let d = StrObj::new(
        ts,
        "Random() -> create a random number generator with its own internal state.",
    );
    set_type_attr(ts, t, "__doc__", d);
    native::finish_type(ts, t);
    add_global_root(t.value());
    m.set_attr(ts, "Random", t.value());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_outputs() {
        // The reference implementation's published check values for
        // init_by_array({0x123, 0x234, 0x345, 0x456}).
        let mut mt = Mt::new();
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
        assert_eq!(
            first,
            [1067595299, 955945823, 477289528, 4107218783, 4228976476]
        );
    }
}
