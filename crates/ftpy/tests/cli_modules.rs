//! The command line's module running and environment, compared with
//! `python3`: `-m module` (modules, packages' `__main__`, submodules,
//! namespace packages and every error runpy reports), `-c`'s `sys.argv`,
//! and `breakpoint()` under `$PYTHONBREAKPOINT`. Each case runs in
//! `tests/python/_imp/cli`; stdout, exit status and stderr must be equal
//! once each interpreter's own path is replaced by `<exe>` (a traceback
//! is compared by its last line).

mod common;

use common::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

struct Case {
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    /// Compare only the last stderr line (tracebacks differ in detail).
    last_line_only: bool,
}

const fn case(args: &'static [&'static str]) -> Case {
    Case {
        args,
        env: &[],
        last_line_only: false,
    }
}

const CASES: &[Case] = &[
    case(&["-m", "mod", "a", "b"]),
    case(&["-m", "pkg", "x"]),
    case(&["-m", "pkg.tool"]),
    case(&["-m", "pkg.__main__"]),
    case(&["-m", "ns.sub.m"]),
    case(&["-m", "nope"]),
    case(&["-m", "pkg.nope"]),
    case(&["-m", "mod.py"]),
    case(&["-m", "ns"]),
    case(&["-m", "nomainpkg"]),
    case(&["-m", ".relative"]),
    case(&["-m", "exits"]),
    Case {
        args: &["-m", "raises"],
        env: &[],
        last_line_only: true,
    },
    case(&[
        "-c",
        "import sys; print(sys.argv, __name__, type(__loader__).__name__, __spec__)",
        "a",
        "-b",
    ]),
    case(&["-c", "import sys; print(repr(sys.path[0]))"]),
    Case {
        args: &["-c", "print(breakpoint())"],
        env: &[("PYTHONBREAKPOINT", "0")],
        last_line_only: false,
    },
    Case {
        args: &["-c", "breakpoint(1, 2, sep='-')"],
        env: &[("PYTHONBREAKPOINT", "builtins.print")],
        last_line_only: false,
    },
    Case {
        args: &["-c", "print(breakpoint('7'))"],
        env: &[("PYTHONBREAKPOINT", "int")],
        last_line_only: false,
    },
    Case {
        args: &["-c", "x = 1\nbreakpoint()\nprint('after')"],
        env: &[("PYTHONBREAKPOINT", "nonexistent_module.func")],
        last_line_only: false,
    },
    Case {
        args: &["-c", "print(breakpoint())"],
        env: &[("PYTHONBREAKPOINT", "sys.not_there")],
        last_line_only: false,
    },
    Case {
        args: &["-c", "print(breakpoint())"],
        env: &[("PYTHONBREAKPOINT", ".x")],
        last_line_only: false,
    },
];

fn run(interp: &Path, dir: &Path, c: &Case) -> (String, Option<i32>, String) {
    let mut cmd = Command::new(interp);
    cmd.args(c.args).current_dir(dir);
    apply_common_env(&mut cmd);
    cmd.env_remove("PYTHONBREAKPOINT");
    for (k, v) in c.env {
        cmd.env(k, v);
    }
    let r = run_with_timeout(cmd, Duration::from_secs(60));
    let exe = std::fs::canonicalize(interp)
        .unwrap_or_else(|_| interp.to_path_buf())
        .display()
        .to_string();
    let norm = |b: &[u8]| {
        let s = String::from_utf8_lossy(b).into_owned();
        s.replace(&exe, "<exe>")
            .replace(&interp.display().to_string(), "<exe>")
    };
    let stderr = norm(&r.stderr);
    let stderr = if c.last_line_only {
        last_line(stderr.as_bytes())
    } else {
        stderr
    };
    (norm(&r.stdout), r.ending.code(), stderr)
}

/// The reference interpreter as an absolute path (its `sys.executable`
/// is what it prints in runpy's messages).
fn python_path() -> Option<std::path::PathBuf> {
    let out = Command::new(python_cmd())
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (!p.is_empty()).then(|| p.into())
}

#[test]
fn cli_modules() {
    let Some(python) = python_path() else {
        eprintln!("SKIPPED cli_modules: the reference interpreter could not be run");
        return;
    };
    let ftpy = require_ftpy_bin();
    let dir = programs_dir().join("_imp").join("cli");
    let mut failures = Vec::new();
    for c in CASES {
        let want = run(&python, &dir, c);
        let got = run(&ftpy, &dir, c);
        if want != got {
            failures.push(format!(
                "{:?} {:?}\n  python3: {want:?}\n  ftpy:    {got:?}",
                c.env, c.args
            ));
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    assert!(failures.is_empty(), "{} case(s) differ", failures.len());
}
