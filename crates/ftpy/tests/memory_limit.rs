//! Under an address-space limit (`ulimit -v`), a request for more memory
//! than the limit allows is a `MemoryError` the program can catch, as in
//! CPython, not the end of the process. Both interpreters run the same
//! program under `sh -c 'ulimit -v ...; exec ...'`; stdout and the exit
//! status must be equal.

mod common;

use common::*;
use std::process::Command;
use std::time::Duration;

const PROGRAM: &str = r#"
for make in (lambda: [0] * (10 ** 9), lambda: bytearray(3 * 10 ** 9),
             lambda: 'a' * (3 * 10 ** 9), lambda: b'x' * (3 * 10 ** 9)):
    try:
        x = make()
        print('allocated', len(x))
    except MemoryError as e:
        print('MemoryError', repr(e))
print('after', sum(range(1000)))
x = [0] * (10 ** 9)
"#;

fn run_limited(interp: &str) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v 2000000; exec {interp} -c \"$0\""))
        .arg(PROGRAM);
    apply_common_env(&mut cmd);
    run_with_timeout(cmd, Duration::from_secs(60))
}

#[test]
fn allocation_over_the_address_space_limit_is_a_memory_error() {
    let ftpy = require_ftpy_bin();
    let want = run_limited(&python_cmd());
    let got = run_limited(&ftpy.display().to_string());
    assert_eq!(
        String::from_utf8_lossy(&got.stdout),
        String::from_utf8_lossy(&want.stdout),
        "stdout differs; ftpy stderr: {}",
        String::from_utf8_lossy(&got.stderr)
    );
    assert_eq!(got.ending.code(), want.ending.code(), "exit status differs");
    assert_eq!(want.ending.code(), Some(1));
    assert!(String::from_utf8_lossy(&got.stderr).ends_with("MemoryError\n"));
}
