//! `ftpy -m unittest ...` reports as CPython does: the progress dots or
//! the `-v` lines, the failure blocks with their tracebacks, "Ran N tests",
//! the OK / FAILED (...) summary, and the exit status. Each case runs in
//! `tests/python/_imp/unittest_cli` under python3 and ftpy; stdout, stderr
//! and the exit status must be equal once the run time ("in 0.003s") is
//! masked. ftpy runs the reference interpreter's own standard library
//! (`FTPY_STDLIB`), so tracebacks through unittest's source agree.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const CASES: &[&[&str]] = &[
    &["-m", "unittest", "all_pass"],
    &["-m", "unittest", "-v", "all_pass"],
    &["-m", "unittest", "sample_tests"],
    &["-m", "unittest", "-v", "sample_tests"],
    &["-m", "unittest", "-q", "sample_tests"],
    &["-m", "unittest", "-v", "sample_tests.Outcomes.test_ok"],
    &["-m", "unittest", "sample_tests.Outcomes.test_subtests"],
    &["-m", "unittest", "-v", "all_pass", "no_such_module"],
    &["all_pass.py", "-v"],
];

/// "Ran 3 tests in 0.004s" -> "Ran 3 tests in <t>s".
fn mask_time(s: &str) -> String {
    s.lines()
        .map(|l| match (l.starts_with("Ran "), l.rfind(" in ")) {
            (true, Some(i)) if l.ends_with('s') => format!("{} in <t>s", &l[..i]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The reference interpreter's standard library directory.
fn python_stdlib(python: &str) -> String {
    let out = Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("the reference interpreter python3 runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn run(interp: &Path, dir: &Path, args: &[&str], stdlib: &str) -> (String, Option<i32>, String) {
    let mut cmd = Command::new(interp);
    cmd.args(args).current_dir(dir).env("FTPY_STDLIB", stdlib);
    apply_common_env(&mut cmd);
    let r = run_with_timeout(cmd, Duration::from_secs(120));
    (
        String::from_utf8_lossy(&r.stdout).into_owned(),
        r.ending.code(),
        mask_time(&String::from_utf8_lossy(&r.stderr)),
    )
}

#[test]
fn unittest_cli_matches_python3() {
    let python = python_cmd();
    let ftpy = require_ftpy_bin();
    let dir = programs_dir().join("_imp").join("unittest_cli");
    let stdlib = python_stdlib(&python);
    let mut failures = Vec::new();
    for args in CASES {
        let want = run(Path::new(&python), &dir, args, &stdlib);
        assert!(
            want.2.contains("Ran "),
            "the reference run of {args:?} did not report (is python3 CPython 3.11?): {}",
            want.2
        );
        let got = run(&ftpy, &dir, args, &stdlib);
        if want != got {
            failures.push(format!(
                "{args:?}\n  exit: python3 {:?}, ftpy {:?}\n  stdout: {}\n  stderr:\n{}",
                want.1,
                got.1,
                short_diff(want.0.as_bytes(), got.0.as_bytes(), 10),
                short_diff(want.2.as_bytes(), got.2.as_bytes(), 20)
            ));
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    assert!(failures.is_empty(), "{} case(s) differ", failures.len());
}
