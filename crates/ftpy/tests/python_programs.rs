//! Behaviour tests: every `tests/python/*.py` whose name does not start with
//! `_` is run under `python3` (the reference, CPython 3.11) and under the
//! `ftpy` binary, from the `tests/python` directory; stdout must be equal
//! byte for byte and the exit status must be the same. Each program is then
//! run again under `FTPY_GC_STRESS=1` (or the `N` of a first-line comment
//! `# gc-stress: N`) and compared again.
//!
//! * `err_*.py` end with an uncaught exception: besides stdout and the exit
//!   status (1), ftpy's stderr must start with
//!   `Traceback (most recent call last):` (or, for an exception group,
//!   `  + Exception Group Traceback (most recent call last):`) and end with
//!   the same last line as CPython's.
//! * `exit_*.py` leave through `SystemExit`: stdout, exit status and stderr
//!   must all be equal.
//! * every other program must exit with status 0 and print to stderr exactly
//!   what CPython prints there (nothing, usually).
//!
//! Environment:
//! * `FTPY_TEST_FILTER=substr` runs only the programs whose file name
//!   contains `substr` (several, comma-separated, are or-ed).
//! * `FTPY_TEST_GC_STRESS=0` skips the GC-stress runs.
//! * `FTPY_TEST_JOBS=n` sets the number of worker threads.
//! * `FTPY_TEST_TIMEOUT=secs` changes the time limit of one ftpy run (60 s).
//! * `FTPY_TEST_PYTHON=/path/to/python3.11` picks the reference interpreter.
//! * `FTPY_TEST_BIN=/path/to/interpreter` runs another binary in place of the
//!   cargo-built ftpy (`FTPY_TEST_BIN=python3` checks the harness itself).
//!
//! The test is skipped (passes with a message) only if the reference
//! interpreter cannot be run at all.

mod common;

use common::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Default time limit of one ftpy run (`FTPY_TEST_TIMEOUT` seconds overrides).
const FTPY_TIMEOUT: Duration = Duration::from_secs(60);
const PYTHON_TIMEOUT: Duration = Duration::from_secs(60);
/// Changed lines shown in a diff before it is cut short.
const DIFF_LINES: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Must exit 0.
    Normal,
    /// `err_*`: ends with an uncaught exception.
    Err,
    /// `exit_*`: ends through `SystemExit`.
    Exit,
}

#[derive(Clone, Debug)]
struct Program {
    name: String,
    kind: Kind,
    /// `FTPY_GC_STRESS` value for the stress run.
    gc_stress: u32,
}

/// A failed check: which program, which mode, what went wrong.
struct Failure {
    program: String,
    mode: String,
    report: String,
}

struct Outcome {
    failures: Vec<Failure>,
    /// (program, mode, seconds) of every ftpy run, for the timing summary.
    timings: Vec<(String, String, f64)>,
}

#[test]
fn python_programs() {
    let dir = programs_dir();
    let Some(version) = python_version() else {
        // Written to the stderr handle directly: the test harness captures
        // `eprintln!` output of passing tests, and this must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED python_programs: the reference interpreter `{}` could not be run \
             (install CPython 3.11 as python3, or set FTPY_TEST_PYTHON)",
            python_cmd()
        );
        return;
    };
    if !version.starts_with("3.11.") {
        eprintln!(
            "WARNING: the reference interpreter is Python {version}, not 3.11: \
             expected outputs may differ from what ftpy targets"
        );
    }
    let bin = binary_under_test();

    let mut programs = discover(&dir);
    assert!(
        !programs.is_empty(),
        "no test programs found in {}",
        dir.display()
    );
    if let Ok(filter) = std::env::var("FTPY_TEST_FILTER") {
        let parts: Vec<&str> = filter
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if !parts.is_empty() {
            programs.retain(|p| parts.iter().any(|f| p.name.contains(f)));
            assert!(
                !programs.is_empty(),
                "FTPY_TEST_FILTER={filter:?} matches no program in {}",
                dir.display()
            );
        }
    }
    let stress = std::env::var("FTPY_TEST_GC_STRESS").map_or(true, |v| v.trim() != "0");
    let workers = worker_count();
    eprintln!(
        "python_programs: {} programs, reference Python {version}, ftpy {}, {workers} threads{}",
        programs.len(),
        bin.display(),
        if stress {
            ""
        } else {
            ", GC-stress runs skipped"
        }
    );

    let count = programs.len();
    let outcomes = parallel_map(programs, workers, |p| check_program(p, &dir, &bin, stress));

    let mut failures = Vec::new();
    let mut timings = Vec::new();
    for o in outcomes {
        failures.extend(o.failures);
        timings.extend(o.timings);
    }

    timings.sort_by(|a, b| b.2.total_cmp(&a.2));
    if !timings.is_empty() {
        eprintln!("slowest ftpy runs:");
        for (name, mode, secs) in timings.iter().take(5) {
            eprintln!("    {secs:7.3} s  {name} [{mode}]");
        }
    }

    for f in &failures {
        eprintln!("\n==== FAIL {} [{}]\n{}", f.program, f.mode, f.report);
    }
    if !failures.is_empty() {
        eprintln!(
            "\n{} failing run(s) among {count} programs:",
            failures.len()
        );
        for f in &failures {
            eprintln!("    {} [{}]", f.program, f.mode);
        }
        panic!(
            "{} failing program run(s) among {count} programs (details above)",
            failures.len()
        );
    }
    eprintln!("python_programs: all {count} programs agree with CPython");
}

/// The test programs of `dir`, sorted by name.
fn discover(dir: &Path) -> Vec<Program> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the program directory {}: {e}", dir.display()));
    let mut programs = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".py") || name.starts_with('_') || !entry.path().is_file() {
            continue;
        }
        let source = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let kind = if name.starts_with("err_") {
            Kind::Err
        } else if name.starts_with("exit_") {
            Kind::Exit
        } else {
            Kind::Normal
        };
        programs.push(Program {
            gc_stress: gc_stress_directive(&source).unwrap_or(1),
            name,
            kind,
        });
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

/// `N` from a first line `# gc-stress: N`.
fn gc_stress_directive(source: &str) -> Option<u32> {
    let first = source.lines().next()?.trim();
    let rest = first.strip_prefix('#')?.trim().strip_prefix("gc-stress:")?;
    rest.trim().parse().ok().filter(|&n| n > 0)
}

fn command_for(interp: &Path, dir: &Path, program: &str) -> Command {
    let mut cmd = Command::new(interp);
    cmd.arg(program).current_dir(dir);
    apply_common_env(&mut cmd);
    cmd
}

fn check_program(p: &Program, dir: &Path, bin: &Path, stress: bool) -> Outcome {
    let mut failures = Vec::new();
    let mut timings = Vec::new();
    let fail = |mode: &str, report: String| Failure {
        program: p.name.clone(),
        mode: mode.to_string(),
        report,
    };

    let python = PathBuf::from(python_cmd());
    let expected = run_with_timeout(command_for(&python, dir, &p.name), PYTHON_TIMEOUT);
    if let Some(problem) = reference_problem(p.kind, &expected) {
        failures.push(fail(
            "python3",
            format!(
                "  the reference run itself is wrong ({problem}): fix the test program\n\
                 {}",
                tail_lines(&expected.stderr, 15)
            ),
        ));
        return Outcome { failures, timings };
    }

    let timeout = std::env::var("FTPY_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|&s| s > 0.0)
        .map_or(FTPY_TIMEOUT, Duration::from_secs_f64);
    let actual = run_with_timeout(command_for(bin, dir, &p.name), timeout);
    timings.push((
        p.name.clone(),
        "normal".to_string(),
        actual.elapsed.as_secs_f64(),
    ));
    let normal = compare(p.kind, &expected, &actual);

    let stress_mode = format!("FTPY_GC_STRESS={}", p.gc_stress);
    let stressed = if stress && !matches!(actual.ending, Ending::TimedOut(_)) {
        let mut cmd = command_for(bin, dir, &p.name);
        cmd.env("FTPY_GC_STRESS", p.gc_stress.to_string());
        let run = run_with_timeout(cmd, timeout);
        timings.push((
            p.name.clone(),
            stress_mode.clone(),
            run.elapsed.as_secs_f64(),
        ));
        Some(compare(p.kind, &expected, &run))
    } else {
        None
    };

    match (normal, stressed) {
        (Some(a), Some(Some(b))) if a == b => {
            failures.push(fail(&format!("normal and {stress_mode}"), a));
        }
        (normal, stressed) => {
            if let Some(a) = normal {
                failures.push(fail("normal", a));
            }
            if let Some(Some(b)) = stressed {
                failures.push(fail(&stress_mode, b));
            }
        }
    }
    Outcome { failures, timings }
}

/// Checks that CPython itself ran the program as its name says it should.
/// Whether stderr begins the way CPython reports an uncaught exception.
fn starts_like_traceback(stderr: &str) -> bool {
    stderr.starts_with("Traceback (most recent call last):")
        || stderr.starts_with("  + Exception Group Traceback (most recent call last):")
}

fn reference_problem(kind: Kind, run: &Run) -> Option<String> {
    match (&run.ending, kind) {
        (Ending::Exited(0), Kind::Normal) => None,
        (Ending::Exited(1), Kind::Err) => {
            let first = String::from_utf8_lossy(&run.stderr);
            if starts_like_traceback(&first) {
                None
            } else {
                Some("an err_ program must end with an uncaught exception".to_string())
            }
        }
        (Ending::Exited(_), Kind::Exit) => None,
        (ending, Kind::Normal) => Some(format!(
            "python3 ended with {}, a normal program must exit 0",
            ending.describe()
        )),
        (ending, Kind::Err) => Some(format!(
            "python3 ended with {}, an err_ program must exit 1",
            ending.describe()
        )),
        (ending, Kind::Exit) => Some(format!("python3 ended with {}", ending.describe())),
    }
}

/// Compares one ftpy run with the reference run; `None` if it agrees, else
/// a readable report.
fn compare(kind: Kind, expected: &Run, actual: &Run) -> Option<String> {
    let mut report = String::new();
    let broken = !matches!(actual.ending, Ending::Exited(_)) || actual.ending.is_crash();
    if broken {
        report.push_str(&format!("  ftpy {}\n", actual.ending.describe()));
    }
    if let Some(marker) = crash_marker_in(&actual.stderr) {
        report.push_str(&format!("  ftpy's stderr contains {marker:?}: a crash\n"));
    }
    if expected.stdout != actual.stdout {
        report.push_str("  stdout differs:\n");
        report.push_str(&short_diff(&expected.stdout, &actual.stdout, DIFF_LINES));
    }
    if !broken && expected.ending != actual.ending {
        report.push_str(&format!(
            "  exit status differs: python3 {}, ftpy {}\n",
            expected.ending.describe(),
            actual.ending.describe()
        ));
    }
    let mut show_stderr = broken || !report.is_empty();
    match kind {
        Kind::Err => {
            let text = String::from_utf8_lossy(&actual.stderr);
            if !starts_like_traceback(&text) {
                report.push_str(
                    "  ftpy's stderr does not start with \"Traceback (most recent call last):\"\n",
                );
                show_stderr = true;
            }
            let want = expected.last_stderr_line();
            let got = actual.last_stderr_line();
            if want != got {
                report.push_str(&format!(
                    "  last stderr line differs:\n    -{want}\n    +{got}\n"
                ));
                show_stderr = true;
            }
        }
        Kind::Normal | Kind::Exit => {
            if expected.stderr != actual.stderr {
                report.push_str("  stderr differs:\n");
                report.push_str(&short_diff(&expected.stderr, &actual.stderr, DIFF_LINES));
                show_stderr = false;
            }
        }
    }
    if report.is_empty() {
        return None;
    }
    if show_stderr && !actual.stderr.is_empty() {
        report.push_str("  ftpy's stderr (last lines):\n");
        report.push_str(&tail_lines(&actual.stderr, 12));
    }
    Some(report)
}
