//! Helpers shared by the integration tests that run programs through the
//! `ftpy` binary (and through `python3`, the reference): running a process
//! with a timeout, describing how it ended, a small line diff, a work queue.
//!
//! Each integration test file is its own crate and uses only part of this
//! module, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// Output kept per stream; anything beyond is read and dropped so that a
/// runaway program cannot exhaust the test's memory.
pub const MAX_CAPTURE: usize = 32 * 1024 * 1024;

/// The `ftpy` binary built by cargo for this test run.
pub fn ftpy_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_ftpy"))
}

/// `<workspace>/tests/python`.
pub fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("..")
        .join("tests")
        .join("python")
}

/// The cargo target directory the `ftpy` binary was built into
/// (`<target>/<profile>/ftpy` -> `<target>`).
pub fn target_dir() -> PathBuf {
    let bin = ftpy_bin();
    bin.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// Fails the test at once, with a clear message, if the binary is missing.
pub fn require_ftpy_bin() -> PathBuf {
    let bin = ftpy_bin();
    if !bin.is_file() {
        panic!(
            "the ftpy binary is missing: {} does not exist (cargo should have built it; \
             run `cargo build -p ftpy`)",
            bin.display()
        );
    }
    bin
}

/// The interpreter under test: `$FTPY_TEST_BIN` if set (e.g. `python3`, to
/// check the harness itself, or a release build of ftpy), else the `ftpy`
/// binary cargo built for this test run (which must exist).
pub fn binary_under_test() -> PathBuf {
    match std::env::var_os("FTPY_TEST_BIN") {
        Some(b) if !b.is_empty() => PathBuf::from(b),
        _ => require_ftpy_bin(),
    }
}

/// The reference interpreter: `$FTPY_TEST_PYTHON`, else `python3` from
/// PATH, resolved once to its real executable (`sys.executable`) so that
/// wrapper scripts such as pyenv shims do not slow down every run.
pub fn python_cmd() -> String {
    static RESOLVED: OnceLock<String> = OnceLock::new();
    RESOLVED
        .get_or_init(|| {
            let named = std::env::var("FTPY_TEST_PYTHON").unwrap_or_else(|_| "python3".to_string());
            Command::new(&named)
                .arg("-c")
                .arg("import sys; print(sys.executable)")
                .stdin(Stdio::null())
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .filter(|exe| !exe.is_empty() && Path::new(exe).is_file())
                .unwrap_or(named)
        })
        .clone()
}

/// `Some(version)` (e.g. "3.11.7") if the reference interpreter runs.
pub fn python_version() -> Option<String> {
    let out = Command::new(python_cmd())
        .arg("-c")
        .arg("import sys; print('%d.%d.%d' % sys.version_info[:3])")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// How many worker threads to use: `$FTPY_TEST_JOBS`, else the number of
/// CPUs, at least 2 and at most 8.
pub fn worker_count() -> usize {
    if let Some(n) = std::env::var("FTPY_TEST_JOBS")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 8)
}

/// Sets the environment every program run gets, for python3 and ftpy alike.
pub fn apply_common_env(cmd: &mut Command) {
    for var in [
        "PYTHONPATH",
        "PYTHONSTARTUP",
        "PYTHONINSPECT",
        "PYTHONWARNINGS",
        "PYTHONOPTIMIZE",
        "PYTHONVERBOSE",
        "PYTHONUNBUFFERED",
        "PYTHONINTMAXSTRDIGITS",
        "FTPY_GC_STRESS",
        "FTPY_PATH",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    cmd.env("PYTHONIOENCODING", "utf-8");
    cmd.env("PYTHONUTF8", "1");
}

/// How a child process ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Exited with this status.
    Exited(i32),
    /// Killed by this signal (not by us).
    Signaled(i32),
    /// Still running at the deadline; we killed it.
    TimedOut(Duration),
    /// Could not be started at all.
    SpawnFailed(String),
}

impl Ending {
    pub fn code(&self) -> Option<i32> {
        match self {
            Ending::Exited(c) => Some(*c),
            _ => None,
        }
    }

    /// True for the endings that mean the process crashed rather than
    /// finished: a signal, a Rust panic (101) or an abort (134).
    pub fn is_crash(&self) -> bool {
        matches!(
            self,
            Ending::Signaled(_) | Ending::Exited(101) | Ending::Exited(134)
        )
    }

    pub fn describe(&self) -> String {
        match self {
            Ending::Exited(0) => "exit status 0".to_string(),
            Ending::Exited(101) => "exit status 101 (a Rust panic: CRASH)".to_string(),
            Ending::Exited(134) => "exit status 134 (abort: CRASH)".to_string(),
            Ending::Exited(c) => format!("exit status {c}"),
            Ending::Signaled(s) => format!("killed by signal {s} ({}: CRASH)", signal_name(*s)),
            Ending::TimedOut(d) => format!("no exit after {:.0} s (hang; killed)", d.as_secs_f64()),
            Ending::SpawnFailed(e) => format!("could not be started: {e}"),
        }
    }
}

pub fn signal_name(sig: i32) -> &'static str {
    match sig {
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL, perhaps the OOM killer",
        11 => "SIGSEGV, perhaps a stack overflow",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "signal",
    }
}

/// The captured result of one run.
#[derive(Clone, Debug)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub ending: Ending,
    pub elapsed: Duration,
}

impl Run {
    /// The last non-empty line of stderr, without trailing whitespace.
    pub fn last_stderr_line(&self) -> String {
        last_line(&self.stderr)
    }

    /// The line that names the exception a run ended with: the last
    /// unindented line of stderr that looks like `Name: message`, once the
    /// `| ` prefixes of exception-group tracebacks are removed. Notes
    /// (`add_note`) and group box drawing may follow it.
    pub fn exception_line(&self) -> String {
        let text = String::from_utf8_lossy(&self.stderr);
        let mut found = None;
        for line in text.lines() {
            let mut inner = line;
            loop {
                let t = inner.trim_start();
                match t.strip_prefix('|') {
                    Some(rest) => inner = rest.strip_prefix(' ').unwrap_or(rest),
                    None => break,
                }
            }
            if !inner.starts_with(char::is_whitespace)
                && looks_like_exception_line(inner.trim_end())
            {
                found = Some(inner.trim_end().to_string());
            }
        }
        found.unwrap_or_else(|| self.last_stderr_line())
    }
}

pub fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
        .to_string()
}

/// The last `n` lines of `bytes`, for failure reports.
pub fn tail_lines(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut out = String::new();
    if start > 0 {
        out.push_str(&format!("    [... {start} earlier lines]\n"));
    }
    for l in &lines[start..] {
        out.push_str("    ");
        out.push_str(&clip(l, 300));
        out.push('\n');
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push_str(" [...]");
        t
    }
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = MAX_CAPTURE.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        kept
    })
}

/// Runs `cmd` (stdin from /dev/null, stdout and stderr captured), killing it
/// if it has not exited after `timeout`.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Run {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Run {
                stdout: Vec::new(),
                stderr: Vec::new(),
                ending: Ending::SpawnFailed(e.to_string()),
                elapsed: start.elapsed(),
            }
        }
    };
    let out_reader = spawn_reader(child.stdout.take().expect("piped stdout"));
    let err_reader = spawn_reader(child.stderr.take().expect("piped stderr"));
    let mut pause = Duration::from_millis(1);
    let ending = loop {
        match child.try_wait() {
            Ok(Some(status)) => break ending_of(status),
            Ok(None) => {}
            Err(e) => break Ending::SpawnFailed(format!("wait failed: {e}")),
        }
        if start.elapsed() >= timeout {
            let _ = child.kill();
            let _ = child.wait();
            break Ending::TimedOut(timeout);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Run {
        stdout,
        stderr,
        ending,
        elapsed,
    }
}

#[cfg(unix)]
fn ending_of(status: std::process::ExitStatus) -> Ending {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => Ending::Exited(c),
        (None, Some(s)) => Ending::Signaled(s),
        (None, None) => Ending::Exited(-1),
    }
}

#[cfg(not(unix))]
fn ending_of(status: std::process::ExitStatus) -> Ending {
    Ending::Exited(status.code().unwrap_or(-1))
}

/// A short unified-style diff of two outputs: the common leading and
/// trailing lines are elided, the differing region in between is diffed
/// line by line (longest common subsequence over at most `DIFF_WINDOW` lines
/// per side) and shown with two lines of context, stopping after `max_lines`
/// changed lines.
pub fn short_diff(expected: &[u8], actual: &[u8], max_lines: usize) -> String {
    const DIFF_WINDOW: usize = 300;
    const CONTEXT: usize = 2;
    let e = split_lines(expected);
    let a = split_lines(actual);
    let mut prefix = 0;
    while prefix < e.len() && prefix < a.len() && e[prefix] == a[prefix] {
        prefix += 1;
    }
    let mut suffix = 0;
    while suffix < e.len() - prefix
        && suffix < a.len() - prefix
        && e[e.len() - 1 - suffix] == a[a.len() - 1 - suffix]
    {
        suffix += 1;
    }
    let e_mid = &e[prefix..e.len() - suffix];
    let a_mid = &a[prefix..a.len() - suffix];
    let ew = &e_mid[..e_mid.len().min(DIFF_WINDOW)];
    let aw = &a_mid[..a_mid.len().min(DIFF_WINDOW)];

    // ops: (sign, line); ' ' for a common line.
    let mut ops: Vec<(char, &[u8])> = Vec::new();
    for l in &e[prefix.saturating_sub(CONTEXT)..prefix] {
        ops.push((' ', l));
    }
    // lcs[i][j] = length of the LCS of ew[i..] and aw[j..].
    let (n, m) = (ew.len(), aw.len());
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * (m + 1) + j] = if ew[i] == aw[j] {
                lcs[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ew[i] == aw[j] {
            ops.push((' ', ew[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
            ops.push(('-', ew[i]));
            i += 1;
        } else {
            ops.push(('+', aw[j]));
            j += 1;
        }
    }
    let truncated = e_mid.len() > n || a_mid.len() > m;
    if !truncated {
        for l in e[e.len() - suffix..].iter().take(CONTEXT) {
            ops.push((' ', l));
        }
    }

    // Show changes with CONTEXT common lines around them.
    let near_change = |k: usize| {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT).min(ops.len() - 1);
        (lo..=hi).any(|x| ops[x].0 != ' ')
    };
    let mut out = String::new();
    out.push_str("    --- expected (python3)\n    +++ actual (ftpy)\n");
    out.push_str(&format!(
        "    @@ first difference at line {} (expected {} lines / {} bytes, got {} lines / {} bytes) @@\n",
        prefix + 1,
        e.len(),
        expected.len(),
        a.len(),
        actual.len()
    ));
    let mut changes = 0;
    let mut skipped = false;
    for (k, (sign, line)) in ops.iter().enumerate() {
        if *sign == ' ' && !near_change(k) {
            skipped = true;
            continue;
        }
        if skipped {
            out.push_str("     ...\n");
            skipped = false;
        }
        if *sign != ' ' {
            changes += 1;
            if changes > max_lines {
                out.push_str("    [... more differences]\n");
                return out;
            }
        }
        out.push_str(&render_line(*sign, line));
    }
    if truncated {
        out.push_str("    [... more lines not compared]\n");
    }
    out
}

/// Splits after each `\n`, keeping it, so that a missing final newline is a
/// difference too.
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

fn render_line(sign: char, line: &[u8]) -> String {
    let (body, newline) = match line.strip_suffix(b"\n") {
        Some(b) => (b, true),
        None => (line, false),
    };
    let text = String::from_utf8_lossy(body);
    let mut s = format!("    {sign}{}", clip(&text, 200));
    if !newline {
        s.push_str("\n    \\ No newline at end of output");
    }
    s.push('\n');
    s
}

/// Runs `job` over `items` on `workers` threads; results keep the order of
/// `items`.
pub fn parallel_map<T, R, F>(items: Vec<T>, workers: usize, job: F) -> Vec<R>
where
    T: Send + Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= items.len() {
                    break;
                }
                let r = job(&items[i]);
                results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

/// True if the text looks like a Python exception line as printed at the
/// end of a traceback: `Name`, `Name: message` or `pkg.mod.Name: message`.
pub fn looks_like_exception_line(line: &str) -> bool {
    let head = match line.find(':') {
        Some(i) => &line[..i],
        None => line,
    };
    if head.is_empty() || head != head.trim() {
        return false;
    }
    head.split('.').all(|part| {
        let mut chars = part.chars();
        match chars.next() {
            Some(c) if c.is_alphabetic() || c == '_' => {
                chars.all(|c| c.is_alphanumeric() || c == '_')
            }
            _ => false,
        }
    })
}

/// Markers that must never appear in ftpy's stderr: they mean a Rust panic
/// or a runtime abort rather than a Python exception.
pub const CRASH_MARKERS: &[&str] = &[
    "panicked at",
    "fatal runtime error",
    "RUST_BACKTRACE",
    "has overflowed its stack",
    "memory allocation of",
];

pub fn crash_marker_in(stderr: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(stderr);
    CRASH_MARKERS.iter().copied().find(|m| text.contains(m))
}
