//! `-X importtime` (or `PYTHONPROFILEIMPORTTIME`): how long each module's
//! import took, printed to stderr in CPython's format as each import
//! finishes:
//!
//! ```text
//! import time: self [us] | cumulative | imported package
//! import time:       123 |        456 |   collections.abc
//! ```
//!
//! "cumulative" is the whole find-and-load of the module, nested imports
//! included; "self" leaves out the imports that ran inside it. Nested
//! imports are indented two spaces per level. Only imports that load a
//! module (not found in `sys.modules`) are timed, as in CPython. The
//! nesting is per thread.

use std::cell::Cell;
use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use crate::interp::interp;

/// Whether import times are printed (decided once, from the command line
/// and the environment).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        let cfg = &interp().config;
        let x = cfg
            .xoptions
            .iter()
            .any(|o| o == "importtime" || o.starts_with("importtime="));
        let env = !cfg.ignore_environment
            && std::env::var_os("PYTHONPROFILEIMPORTTIME").is_some_and(|v| !v.is_empty());
        x || env
    })
}

thread_local! {
    /// How many timed imports enclose the current one.
    static LEVEL: Cell<usize> = const { Cell::new(0) };
    /// Microseconds spent in imports nested in the current one so far.
    static NESTED_US: Cell<u128> = const { Cell::new(0) };
}

/// The state saved at the start of one timed import.
pub struct Timer {
    start: Instant,
    outer_nested: u128,
}

/// Starts timing an import (prints the header the first time).
pub fn start() -> Timer {
    static HEADER: std::sync::Once = std::sync::Once::new();
    HEADER.call_once(|| {
        let _ = std::io::stderr()
            .write_all(b"import time: self [us] | cumulative | imported package\n");
    });
    LEVEL.with(|l| l.set(l.get() + 1));
    let outer_nested = NESTED_US.with(|n| n.replace(0));
    Timer {
        start: Instant::now(),
        outer_nested,
    }
}

/// Ends timing the import of `name` and prints its line.
pub fn finish(t: Timer, name: &str) {
    let elapsed = t.start.elapsed();
    // Rounded up, as CPython does.
    let cum = elapsed.as_nanos().div_ceil(1000);
    let nested = NESTED_US.with(|n| n.get());
    let level = LEVEL.with(|l| {
        let v = l.get().saturating_sub(1);
        l.set(v);
        v
    });
    let line = format!(
        "import time: {:>9} | {:>10} | {:indent$}{name}\n",
        cum.saturating_sub(nested),
        cum,
        "",
        indent = level * 2
    );
    let _ = std::io::stderr().write_all(line.as_bytes());
    NESTED_US.with(|n| n.set(t.outer_nested + cum));
}
