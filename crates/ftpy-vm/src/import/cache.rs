//! The compiled-code cache: compiler output kept on disk so that importing
//! an unchanged module skips parsing and code generation.
//!
//! Where: `$XDG_CACHE_HOME/ftpy`, else `~/.cache/ftpy` (never next to the
//! sources, never inside the host CPython's installation), in a directory
//! per compiler (`v<BYTECODE_VERSION>`, a hash of the compiler's source).
//! One file per (source path, optimization level), named by a hash of
//! both:
//!
//! ```text
//! "FTPYCOD2" | u64 bytecode version | u64 source size | i64 mtime seconds
//! | u32 mtime nanoseconds | u8 optimize | u32 path length | path bytes
//! | u64 payload length | u64 payload checksum (`checksum`) | payload
//! (serialize::encode)
//! ```
//!
//! An entry is used only if every header field matches the source file as
//! it is now and the payload's checksum and decoding succeed; anything
//! else (stale, truncated, corrupt, another compiler's) is recompiled and
//! rewritten. Writes go to a temporary file renamed into place, so a
//! reader never sees half an entry. `sys.dont_write_bytecode` (`-B`,
//! `PYTHONDONTWRITEBYTECODE`) stops writes for the program's own modules,
//! as it stops CPython's `.pyc` files. It does not stop them for the
//! standard library and the code frozen into ftpy: CPython reads the
//! bytecode its installation ships for those whatever `-B` says, and these
//! entries are ftpy's equivalent (written once, in ftpy's own directory).
//! `FTPY_CODE_CACHE=0` turns the cache off entirely.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use ftpy_compiler::serialize::{self, BYTECODE_VERSION};
use ftpy_compiler::CodeObject;

const MAGIC: &[u8; 8] = b"FTPYCOD2";

/// What identifies the source an entry was compiled from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceKey {
    pub path: String,
    pub size: u64,
    pub mtime_secs: i64,
    pub mtime_nanos: u32,
    pub optimize: u8,
}

impl SourceKey {
    /// The key of a file as it is on disk now.
    pub fn of_file(path: &str, optimize: u8) -> std::io::Result<SourceKey> {
        let m = std::fs::metadata(path)?;
        let (secs, nanos) = match m.modified()?.duration_since(UNIX_EPOCH) {
            Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
            Err(e) => (
                -(e.duration().as_secs() as i64),
                e.duration().subsec_nanos(),
            ),
        };
        Ok(SourceKey {
            path: path.to_string(),
            size: m.len(),
            mtime_secs: secs,
            mtime_nanos: nanos,
            optimize,
        })
    }
}

fn fnv1a(data: &[u8], mut h: u64) -> u64 {
    for &b in data {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The payload's checksum: a multiply-rotate hash over 8-byte words (the
/// tail zero-padded, the length mixed in). It only has to catch a torn or
/// damaged file, and it runs over every byte of every module imported
/// from the cache: a byte-at-a-time hash cost more than decoding.
fn checksum(data: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = FNV_START ^ (data.len() as u64).wrapping_mul(K);
    let mut words = data.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// The cache directory for this compiler, if the cache is on.
fn cache_dir() -> Option<&'static PathBuf> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        if std::env::var("FTPY_CODE_CACHE").is_ok_and(|v| v == "0") {
            return None;
        }
        let base = match std::env::var_os("XDG_CACHE_HOME") {
            Some(x) if !x.is_empty() && PathBuf::from(&x).is_absolute() => PathBuf::from(x),
            _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
        };
        Some(base.join("ftpy").join(format!("v{BYTECODE_VERSION:016x}")))
    })
    .as_ref()
}

fn entry_path(key: &SourceKey) -> Option<PathBuf> {
    let dir = cache_dir()?;
    let h = fnv1a(key.path.as_bytes(), fnv1a(&[key.optimize], FNV_START));
    Some(dir.join(format!("{h:016x}.ftc")))
}

fn header(key: &SourceKey) -> Vec<u8> {
    let mut h = Vec::with_capacity(64 + key.path.len());
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&BYTECODE_VERSION.to_le_bytes());
    h.extend_from_slice(&key.size.to_le_bytes());
    h.extend_from_slice(&key.mtime_secs.to_le_bytes());
    h.extend_from_slice(&key.mtime_nanos.to_le_bytes());
    h.push(key.optimize);
    h.extend_from_slice(&(key.path.len() as u32).to_le_bytes());
    h.extend_from_slice(key.path.as_bytes());
    h
}

/// The cached code for `key`, if a valid entry exists.
pub fn get(key: &SourceKey) -> Option<CodeObject> {
    let path = entry_path(key)?;
    let data = std::fs::read(path).ok()?;
    let head = header(key);
    let rest = data.strip_prefix(head.as_slice())?;
    if rest.len() < 16 {
        return None;
    }
    let len = u64::from_le_bytes(rest[..8].try_into().ok()?);
    let sum = u64::from_le_bytes(rest[8..16].try_into().ok()?);
    let payload = &rest[16..];
    if payload.len() as u64 != len || checksum(payload) != sum {
        return None;
    }
    serialize::decode(payload)
}

/// Stores `code` for `key`. Failures (a read-only home, a full disk) only
/// mean the next run compiles again.
pub fn put(key: &SourceKey, code: &CodeObject) {
    let Some(path) = entry_path(key) else {
        return;
    };
    let Some(dir) = path.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let payload = serialize::encode(code);
    let mut data = header(key);
    data.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    data.extend_from_slice(&checksum(&payload).to_le_bytes());
    data.extend_from_slice(&payload);
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(
        ".{}.{}.{seq}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("entry"),
        std::process::id()
    ));
    let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(&data));
    if written.is_err() || std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

// ---- compiling through the cache -------------------------------------------------------

use crate::error::PyResult;
use crate::interp::interp;
use crate::object::Gc;
use crate::objects::code::CodeObj;
use crate::thread::ThreadState;

/// `path` relative to the standard library's directory, if it is inside.
fn in_stdlib(path: &str) -> Option<&str> {
    let dir = interp().config.stdlib.as_deref()?;
    let rest = path.strip_prefix(dir)?;
    if dir.ends_with('/') {
        Some(rest)
    } else {
        rest.strip_prefix('/')
    }
}

/// Whether an entry for the source at `path` may be written: always for
/// the standard library (see the module doc), else when
/// `sys.dont_write_bytecode` is false.
fn may_write_for(path: &str) -> bool {
    in_stdlib(path).is_some() || may_write()
}

/// The standard-library modules CPython 3.11 freezes into its binary
/// (`_imp._frozen_module_names()`, without the test modules), by file.
/// Their code's file name is `<frozen NAME>`: that is what tracebacks
/// through them show (`File "<frozen os>", line 225, in makedirs`, with no
/// source line), and ftpy compiles the same files under the same names.
const FROZEN_STDLIB: &[(&str, &str)] = &[
    ("_collections_abc.py", "_collections_abc"),
    ("_sitebuiltins.py", "_sitebuiltins"),
    ("abc.py", "abc"),
    ("codecs.py", "codecs"),
    ("genericpath.py", "genericpath"),
    ("importlib/_bootstrap.py", "importlib._bootstrap"),
    (
        "importlib/_bootstrap_external.py",
        "importlib._bootstrap_external",
    ),
    ("importlib/machinery.py", "importlib.machinery"),
    ("importlib/util.py", "importlib.util"),
    ("io.py", "io"),
    ("ntpath.py", "ntpath"),
    ("os.py", "os"),
    ("posixpath.py", "posixpath"),
    ("runpy.py", "runpy"),
    ("site.py", "site"),
    ("stat.py", "stat"),
    ("zipimport.py", "zipimport"),
];

/// The file name code compiled from `path` carries: `<frozen NAME>` for
/// the modules CPython freezes, else the path itself.
fn code_filename(path: &str) -> std::borrow::Cow<'_, str> {
    match in_stdlib(path).and_then(|rel| FROZEN_STDLIB.iter().find(|(f, _)| *f == rel)) {
        Some((_, name)) => std::borrow::Cow::Owned(format!("<frozen {name}>")),
        None => std::borrow::Cow::Borrowed(path),
    }
}

/// Whether new entries may be written: `sys.dont_write_bytecode` is false.
fn may_write() -> bool {
    let i = interp();
    match i.try_sys() {
        Some(sys) => match sys.dict().get_str_text("dont_write_bytecode") {
            Some(v) => v == crate::value::Value::FALSE,
            None => true,
        },
        // While `sys` itself is being made.
        None => !i.config.dont_write_bytecode,
    }
}

/// The code of the source file at `path` (an imported module), from the
/// cache when the file has not changed since it was compiled.
pub fn source_code(ts: &mut ThreadState, path: &str) -> PyResult<Gc<CodeObj>> {
    let optimize = interp().config.optimize;
    let filename = code_filename(path);
    let key_of = |path: &str| {
        SourceKey::of_file(path, optimize).map(|mut k| {
            // The entry holds the file name compiled in: one made under
            // another name is another entry.
            if filename != path {
                k.path = format!("{path} as {filename}");
            }
            k
        })
    };
    let key = match key_of(path) {
        Ok(k) => k,
        Err(e) => return Err(super::os_error(ts, &e, path)),
    };
    if let Some(code) = get(&key) {
        if ftpy_compiler::verify::verify(&code).is_ok() {
            return CodeObj::from_compiled(ts, &code);
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Err(super::os_error(ts, &e, path)),
    };
    let text = super::decode_source(&bytes, path).map_err(|m| ts.syntax_error_msg(m))?;
    let code = match ftpy_compiler::compile_with_flags(
        &text,
        &filename,
        ftpy_compiler::Mode::Exec,
        optimize,
        0,
    ) {
        Ok(c) => c,
        Err(e) => return Err(crate::syntax_error(ts, &e)),
    };
    // Only an entry for exactly the text compiled: the file must not have
    // changed while it was read.
    if may_write_for(path)
        && bytes.len() as u64 == key.size
        && key_of(path).ok() == Some(key.clone())
    {
        put(&key, &code);
    }
    crate::code_object(ts, &code)
}

/// The code of Python source compiled into the ftpy binary (the frozen
/// `_ftpy_importlib`, the classes `sys` makes at start-up), cached under
/// a key made from the text itself; its file name is `<frozen name>`.
pub fn frozen_code(ts: &mut ThreadState, name: &str, text: &str) -> PyResult<Gc<CodeObj>> {
    let optimize = interp().config.optimize;
    // Several texts may share a name: the key includes the text's hash.
    let hash = fnv1a(text.as_bytes(), FNV_START);
    let key = SourceKey {
        path: format!("<frozen {name} {hash:016x}>"),
        size: text.len() as u64,
        mtime_secs: hash as i64,
        mtime_nanos: 0,
        optimize,
    };
    if let Some(code) = get(&key) {
        if ftpy_compiler::verify::verify(&code).is_ok() {
            return CodeObj::from_compiled(ts, &code);
        }
    }
    let code = match ftpy_compiler::compile_with_flags(
        text,
        &format!("<frozen {name}>"),
        ftpy_compiler::Mode::Exec,
        optimize,
        0,
    ) {
        Ok(c) => c,
        Err(e) => return Err(crate::syntax_error(ts, &e)),
    };
    // Part of the ftpy binary, as CPython's frozen modules: always cached.
    put(&key, &code);
    crate::code_object(ts, &code)
}
