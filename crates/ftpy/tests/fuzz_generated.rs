//! Differential fuzzing with generated programs: a fixed-seed batch of
//! random valid programs (`tests/fuzz/fuzzgen`, written by `python3`) runs
//! under python3 and ftpy through `tests/fuzz/run.py`.
//!
//! The test fails on any crash of ftpy (a signal, a Rust panic, an abort, a
//! hang) and on any output difference whose category is not listed in
//! `tests/fuzz/known_differences.txt` (each entry a glob with a reason).
//! Known differences are reported, not failed; entries that this batch did
//! not need are reported too, so the list can be kept short and honest.
//!
//! Failing programs, their outputs and a summary are kept under
//! `<target>/fuzz-generated/`. The run prints the exact command, so a
//! failure can be reproduced and minimized by hand (`tests/fuzz/README.md`).
//!
//! Environment: `FTPY_GEN_FUZZ_SEED` (default `ci`), `FTPY_GEN_FUZZ_COUNT`
//! (default 300 programs), `FTPY_GEN_FUZZ_STRESS` (every 15th program also
//! runs under `FTPY_GC_STRESS=N`, default 1; 0 turns it off),
//! `FTPY_TEST_JOBS`, `FTPY_TEST_BIN` (another interpreter in place of ftpy),
//! `FTPY_TEST_PYTHON` (the reference).

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Stdio};

const DEFAULT_SEED: &str = "ci";
const DEFAULT_COUNT: usize = 300;
const DEFAULT_STRESS: usize = 1;
const STRESS_EVERY: usize = 15;

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| default.to_string())
}

#[test]
fn fuzz_generated() {
    let Some(version) = python_version() else {
        println!("SKIPPED: the reference interpreter (python3) cannot be run");
        return;
    };
    assert!(
        version.starts_with("3.11."),
        "the generated programs expect CPython 3.11 as the reference, found {version}"
    );
    let bin = binary_under_test();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fuzz_dir = root.join("tests").join("fuzz");
    let out = target_dir().join("fuzz-generated");
    let _ = std::fs::remove_dir_all(&out);

    let seed = env_or("FTPY_GEN_FUZZ_SEED", DEFAULT_SEED);
    let count = env_or("FTPY_GEN_FUZZ_COUNT", &DEFAULT_COUNT.to_string());
    let stress = env_or("FTPY_GEN_FUZZ_STRESS", &DEFAULT_STRESS.to_string());
    let args: Vec<String> = vec![
        fuzz_dir.join("run.py").display().to_string(),
        "--seed".into(),
        seed,
        "--count".into(),
        count,
        "--jobs".into(),
        worker_count().to_string(),
        "--ftpy".into(),
        bin.display().to_string(),
        "--python".into(),
        python_cmd(),
        "--out".into(),
        out.display().to_string(),
        "--known".into(),
        fuzz_dir.join("known_differences.txt").display().to_string(),
        "--gc-stress".into(),
        stress,
        "--stress-every".into(),
        STRESS_EVERY.to_string(),
        // Generous: the dev build is several times slower than release.
        "--timeout".into(),
        "60".into(),
        "--slow-factor".into(),
        "100".into(),
        // Thread programs are slow under GC stress and their lost-update
        // bugs make outputs vary from run to run; hard runs cover them.
        "--exclude".into(),
        "threads".into(),
        "--quiet".into(),
    ];
    println!("running: {} {}", python_cmd(), args.join(" "));
    let run = Command::new(python_cmd())
        .args(&args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("could not run {}: {e}", python_cmd()));
    let status = run.status;
    // run.py prints nothing (--quiet) when all is well, else the crashes
    // and the new categories.
    print!("{}", String::from_utf8_lossy(&run.stdout));
    eprint!("{}", String::from_utf8_lossy(&run.stderr));
    let summary = std::fs::read_to_string(out.join("summary.txt")).unwrap_or_default();
    if status.success() {
        for line in summary.lines().take(6) {
            println!("{line}");
        }
    }
    assert!(
        status.success(),
        "generated-program fuzzing found crashes or new output differences \
         (exit status {status}); see the report above and {}",
        out.display()
    );
}
