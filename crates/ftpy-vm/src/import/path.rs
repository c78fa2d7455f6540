//! Looking for a module in one directory, as importlib's `FileFinder`
//! does: a package directory (`name/__init__` + a suffix) first, then a
//! module file (`name` + a suffix, in suffix order: C extensions, source,
//! bytecode), then a directory without `__init__` (a PEP 420 namespace
//! package portion).
//!
//! Each directory's listing is read once and kept until the directory's
//! modification time changes (`FileFinder`'s cache): a module search costs
//! a hash lookup per path entry, not a `stat` per suffix.
//! `invalidate(dir)` (from `importlib.invalidate_caches()`) drops it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

/// The suffixes of C extension modules on this platform (CPython's
/// `importlib.machinery.EXTENSION_SUFFIXES`). ftpy cannot load them, but
/// finds them, so that importing one fails with an error naming it.
pub fn extension_suffixes() -> Vec<String> {
    let arch = if cfg!(target_arch = "x86_64") {
        "x86_64"
    } else if cfg!(target_arch = "aarch64") {
        "aarch64"
    } else {
        std::env::consts::ARCH
    };
    vec![
        format!(".cpython-311-{arch}-linux-gnu.so"),
        ".abi3.so".to_string(),
        ".so".to_string(),
    ]
}

/// The suffixes the default path finder recognizes, in search order.
pub fn default_suffixes() -> Vec<String> {
    let mut v = extension_suffixes();
    v.push(".py".to_string());
    v.push(".pyc".to_string());
    v
}

/// What a directory holds for a module name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// `dir/name/__init__<suffix>`: `path` is the `__init__` file.
    Package { path: String, suffix: String },
    /// `dir/name<suffix>`.
    Module { path: String, suffix: String },
    /// `dir/name/` without an `__init__`: a namespace package portion.
    Namespace { dir: String },
}

struct Listing {
    mtime: Option<SystemTime>,
    names: HashSet<String>,
}

type Table = Mutex<HashMap<String, Arc<Listing>>>;

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Mutex::new(HashMap::new()))
}

fn dir_mtime(dir: &str) -> Option<SystemTime> {
    std::fs::metadata(dir).and_then(|m| m.modified()).ok()
}

/// The names in `dir`, from the cache while its mtime is unchanged.
fn listing(dir: &str) -> Arc<Listing> {
    let mtime = dir_mtime(dir);
    if let Ok(t) = table().lock() {
        if let Some(l) = t.get(dir) {
            if l.mtime == mtime && mtime.is_some() {
                return l.clone();
            }
        }
    }
    let names: HashSet<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect(),
        Err(_) => HashSet::new(),
    };
    let l = Arc::new(Listing { mtime, names });
    if let Ok(mut t) = table().lock() {
        t.insert(dir.to_string(), l.clone());
    }
    l
}

/// Forgets the listing of `dir` (all directories when `None`).
pub fn invalidate(dir: Option<&str>) {
    if let Ok(mut t) = table().lock() {
        match dir {
            Some(d) => {
                t.remove(d);
            }
            None => t.clear(),
        }
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

fn is_file(p: &str) -> bool {
    std::fs::metadata(p).map(|m| m.is_file()).unwrap_or(false)
}

pub fn is_dir(p: &str) -> bool {
    std::fs::metadata(p).map(|m| m.is_dir()).unwrap_or(false)
}

/// Looks for module `tail` (the last part of a dotted name) in `dir`,
/// trying `suffixes` in order.
pub fn find(dir: &str, tail: &str, suffixes: &[String]) -> Option<Found> {
    if tail.is_empty() || tail.contains('/') || tail.contains('\0') {
        return None;
    }
    let l = listing(dir);
    let mut namespace = None;
    if l.names.contains(tail) {
        let base = join(dir, tail);
        for s in suffixes {
            let init = join(&base, &format!("__init__{s}"));
            if is_file(&init) {
                return Some(Found::Package {
                    path: init,
                    suffix: s.clone(),
                });
            }
        }
        if is_dir(&base) {
            namespace = Some(base);
        }
    }
    for s in suffixes {
        let file = format!("{tail}{s}");
        if l.names.contains(&file) {
            let path = join(dir, &file);
            if is_file(&path) {
                return Some(Found::Module {
                    path,
                    suffix: s.clone(),
                });
            }
        }
    }
    namespace.map(|dir| Found::Namespace { dir })
}
