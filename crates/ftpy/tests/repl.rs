//! The interactive prompt, driven through a pipe with `-i` (as CPython,
//! lines then come from stdin and the prompts go to stderr): statements
//! completed line by line, values echoed, tracebacks and syntax errors
//! reported with the prompt coming back, `_`, `sys.ps1`, `exit()` and
//! end-of-input statuses, and `-i` after `-c`. stdout, stderr (but for the
//! banner's first line, which names the implementation) and the exit
//! status must equal `python3 -i`'s.

mod common;

use common::*;
use std::io::Write;
use std::process::{Command, Stdio};

const SESSIONS: &[(&[&str], &str)] = &[
    (
        &["-i"],
        "x = (1,\n2)\nx\nif 1:\n  y = 3\n\ny\n1/0\nx = = 2\n\
         def f(a):\n    return a * 2\n\nf(21)\n_\n'text'\nNone\n\
         for i in range(3):\n    print(i)\n\n\
         class A:\n    def __repr__(self):\n        return 'A()'\n\nA()\n\
         s = '''two\nlines'''\ns\nx = 1 + \\\n2\nx\n\
         import sys; sys.ps1 = 'py> '\n1 + 1\nimport sys; sys.exit(4)\n",
    ),
    (&["-i"], "print('last')\n"),
    (&["-q", "-i"], "raise ValueError('v')\n"),
    (&["-i", "-c", "x = 41"], "x + 1\n"),
    (
        &["-i", "-c", "raise SystemExit(3)"],
        "print('still here')\n",
    ),
    (&["-i", "-c", "1/0"], "exit(5)\n"),
];

fn run(exe: &str, args: &[&str], input: &str) -> (String, String, Option<i32>) {
    let mut cmd = Command::new(exe);
    cmd.args(args);
    apply_common_env(&mut cmd);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| !l.starts_with("Python 3.11"))
        .map(|l| format!("{l}\n"))
        .collect();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
        out.status.code(),
    )
}

#[test]
fn interactive_sessions_match_python3() {
    let ftpy = require_ftpy_bin();
    let py = python_cmd();
    let mut failures = Vec::new();
    for (args, input) in SESSIONS {
        let want = run(&py, args, input);
        let got = run(&ftpy.display().to_string(), args, input);
        if want != got {
            failures.push(format!(
                "{args:?} {input:?}\n--- python3\n{}{}status {:?}\n--- ftpy\n{}{}status {:?}",
                want.0, want.1, want.2, got.0, got.1, got.2
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
