//! CPython 3.11's own test modules that ftpy passes in full
//! (`test_x: pass` in tests/cpython/expectations.txt), run through
//! tests/cpython/run.py: one `ftpy -m unittest -v test.test_x` process per
//! module, every case must pass (or be skipped as under CPython). The
//! modules with known failures are run by hand (tests/cpython/README.md).

mod common;

use common::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[test]
fn cpython_modules_expected_to_pass() {
    let ftpy = require_ftpy_bin();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..");
    let runner = root.join("tests").join("cpython").join("run.py");
    let mut cmd = Command::new(python_cmd());
    cmd.arg(&runner)
        .arg("--passing")
        .arg("--ftpy")
        .arg(&ftpy)
        .args(["-j", "2", "--timeout", "300"]);
    apply_common_env(&mut cmd);
    let r = run_with_timeout(cmd, Duration::from_secs(900));
    let out = String::from_utf8_lossy(&r.stdout);
    let err = String::from_utf8_lossy(&r.stderr);
    eprintln!("{out}{err}");
    assert_eq!(
        r.ending.code(),
        Some(0),
        "tests/cpython/run.py --passing failed ({}): see the table above",
        r.ending.describe()
    );
}
