//! Robustness: nothing a Python program does may crash ftpy.
//!
//! Several hundred inputs are derived deterministically (a seeded PRNG, no
//! crates) from the programs in `tests/python`: truncations at random byte
//! and line positions, random byte and token deletions, duplications, swaps
//! and replacements, deleted indentation, unbalanced brackets, random
//! keyword insertion, line deletions and duplications. A set of hand-written
//! nasty inputs is added (deep nesting in the source and at run time,
//! runaway recursion, huge allocations, huge ints, odd encodings ...).
//!
//! Each input runs through the ftpy binary with a 10 s timeout (a subset also
//! under `FTPY_GC_STRESS=50`, with a 30 s timeout). Every run must end by itself, with exit status
//! 0, 1 or 2, not by a signal; a status of 1 must come with a last stderr line
//! that is a Python exception (`SomeError: ...` or `SomeError`); stderr must
//! never show a Rust panic (`panicked at`), `fatal runtime error`, a stack
//! overflow or a failed allocation. Hand-written inputs also name the
//! outcomes CPython semantics allow (e.g. only `RecursionError`).
//!
//! A derived input that hangs under ftpy is run under python3 too: if CPython
//! does not finish it either (a mutation can make a loop endless), it is
//! skipped, else the hang is a failure.
//!
//! Failing inputs are written to `<target>/fuzz-failures/` (with a
//! `.stderr.txt` file next to each) and their paths printed.
//!
//! Environment: `FTPY_FUZZ_SEED` (default 0x5eed_f7b1) and `FTPY_FUZZ_COUNT`
//! (default 400 derived inputs) vary the derived inputs; `FTPY_FUZZ_FILTER`
//! keeps only inputs whose name contains the given text; `FTPY_TEST_BIN` runs
//! another interpreter in place of ftpy (e.g. `python3`, to check the harness
//! itself); `FTPY_TEST_JOBS` sets the number of threads.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(10);
/// GC-stress runs are slower by design.
const STRESS_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_SEED: u64 = 0x5eed_f7b1;
const DEFAULT_COUNT: usize = 400;
/// Every `STRESS_EVERY`-th derived input also runs under GC stress, unless
/// its seed program declares itself slow with a `# gc-stress: N` first line.
const STRESS_EVERY: usize = 8;
const STRESS_N: &str = "50";

/// splitmix64: small, fast, good enough, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What a hand-written input may end with: `"exit0"` or exception names.
type Allowed = &'static [&'static str];

struct Input {
    name: String,
    source: Vec<u8>,
    /// Also run under `FTPY_GC_STRESS`.
    stress: bool,
    /// For hand-written inputs: the outcomes CPython semantics allow.
    allowed: Option<Allowed>,
    /// Derived inputs may loop forever after mutation; a hang is then
    /// checked against CPython.
    derived: bool,
}

#[test]
fn fuzz_inputs() {
    let bin = binary_under_test();
    let seed = std::env::var("FTPY_FUZZ_SEED")
        .ok()
        .and_then(|s| parse_u64(&s))
        .unwrap_or(DEFAULT_SEED);
    let count = std::env::var("FTPY_FUZZ_COUNT")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(DEFAULT_COUNT);

    let dir = programs_dir();
    let seeds = load_seeds(&dir);
    assert!(!seeds.is_empty(), "no seed programs in {}", dir.display());

    let mut inputs = hand_written();
    inputs.extend(derive(&seeds, seed, count));
    if let Ok(filter) = std::env::var("FTPY_FUZZ_FILTER") {
        inputs.retain(|i| i.name.contains(filter.trim()));
        assert!(
            !inputs.is_empty(),
            "FTPY_FUZZ_FILTER={filter:?} matches no input"
        );
    }

    let target = target_dir();
    let work = target
        .join("fuzz-work")
        .join(std::process::id().to_string());
    let failures_dir = target.join("fuzz-failures");
    let _ = std::fs::remove_dir_all(&failures_dir);
    std::fs::create_dir_all(&work)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", work.display()));

    let workers = worker_count();
    eprintln!(
        "fuzz_inputs: {} inputs (seed {seed:#x}), {} also under FTPY_GC_STRESS={STRESS_N}, \
         binary {}, {workers} threads",
        inputs.len(),
        inputs.iter().filter(|i| i.stress).count(),
        bin.display()
    );

    let total = inputs.len();
    let results = parallel_map(inputs, workers, |input| {
        check_input(input, &bin, &work, &dir)
    });
    let _ = std::fs::remove_dir_all(&work);

    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    let mut endings = [0usize; 3];
    let mut timings = Vec::new();
    for r in results {
        timings.extend(r.timings);
        for (code, n) in r.endings.iter().enumerate() {
            endings[code] += n;
        }
        skipped.extend(r.skipped);
        failures.extend(r.failures);
    }
    eprintln!(
        "fuzz_inputs: runs ending with status 0: {}, 1: {}, 2: {}",
        endings[0], endings[1], endings[2]
    );
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    eprintln!("fuzz_inputs: slowest runs:");
    for (secs, name, mode) in timings.iter().take(5) {
        eprintln!("    {secs:7.3} s  {name} [{mode}]");
    }
    if !skipped.is_empty() {
        eprintln!(
            "fuzz_inputs: {} input(s) skipped because CPython does not finish them either: {}",
            skipped.len(),
            skipped.join(", ")
        );
    }
    if failures.is_empty() {
        eprintln!("fuzz_inputs: all {total} inputs handled without a crash");
        return;
    }
    let _ = std::fs::create_dir_all(&failures_dir);
    for f in &failures {
        let file = failures_dir.join(format!("{}.py", f.file_stem));
        let _ = std::fs::write(&file, &f.source);
        let _ = std::fs::write(
            failures_dir.join(format!("{}.stderr.txt", f.file_stem)),
            &f.stderr,
        );
        eprintln!(
            "\n==== FAIL {} [{}]\n  input: {}\n{}",
            f.name,
            f.mode,
            file.display(),
            f.report
        );
    }
    panic!(
        "{} of {total} fuzz inputs made ftpy misbehave; the inputs are in {}",
        failures.len(),
        failures_dir.display()
    );
}

fn parse_u64(s: &str) -> Option<u64> {
    let s = s.trim();
    match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(&hex.replace('_', ""), 16).ok(),
        None => s.replace('_', "").parse().ok(),
    }
}

/// The test programs and helper modules, sorted by name; `exit_*` programs
/// are left out (their exit statuses are deliberately unusual).
fn load_seeds(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".py") && !name.starts_with("exit_") {
                if let Ok(bytes) = std::fs::read(e.path()) {
                    seeds.push((name, bytes));
                }
            }
        }
    }
    seeds.sort();
    seeds
}

// ---------------------------------------------------------------------------
// Derived inputs

/// A mutation: derives a new input from a seed program.
type Mutator = fn(&mut Rng, &[u8]) -> Vec<u8>;

const MUTATORS: &[(&str, Mutator)] = &[
    ("trunc-byte", truncate_bytes),
    ("trunc-line", truncate_lines),
    ("del-bytes", delete_bytes),
    ("dup-bytes", duplicate_bytes),
    ("swap-bytes", swap_bytes),
    ("set-byte", replace_byte),
    ("del-token", delete_token),
    ("dup-token", duplicate_token),
    ("swap-tokens", swap_tokens),
    ("copy-token", replace_token),
    ("dedent", dedent),
    ("indent", indent),
    ("bracket", unbalance_brackets),
    ("keyword", insert_keyword),
    ("del-line", delete_line),
    ("dup-line", duplicate_line),
    ("swap-lines", swap_lines),
];

fn derive(seeds: &[(String, Vec<u8>)], seed: u64, count: usize) -> Vec<Input> {
    let mut rng = Rng(seed);
    let mut inputs = Vec::with_capacity(count);
    for i in 0..count {
        let (seed_name, source) = rng.pick(seeds);
        let (mut_name, mutate) = *rng.pick(MUTATORS);
        let mut out = mutate(&mut rng, source);
        let mut name = format!("d{i:03}-{mut_name}");
        // A second mutation now and then.
        if rng.chance(4) {
            let (m2, mutate2) = *rng.pick(MUTATORS);
            out = mutate2(&mut rng, &out);
            name.push('+');
            name.push_str(m2);
        }
        name.push('-');
        name.push_str(seed_name.trim_end_matches(".py"));
        inputs.push(Input {
            name,
            source: out,
            stress: i % STRESS_EVERY == 0 && !source.starts_with(b"# gc-stress:"),
            allowed: None,
            derived: true,
        });
    }
    inputs
}

fn truncate_bytes(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    src[..rng.below(src.len() + 1)].to_vec()
}

fn truncate_lines(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let lines = lines_of(src);
    lines[..rng.below(lines.len() + 1)].concat()
}

fn delete_bytes(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    for _ in 0..1 + rng.below(3) {
        if v.is_empty() {
            break;
        }
        let at = rng.below(v.len());
        let n = (1 + rng.below(4)).min(v.len() - at);
        v.drain(at..at + n);
    }
    v
}

fn duplicate_bytes(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    if src.is_empty() {
        return Vec::new();
    }
    let at = rng.below(src.len());
    let n = (1 + rng.below(8)).min(src.len() - at);
    let mut v = src[..at + n].to_vec();
    v.extend_from_slice(&src[at..]);
    v
}

fn swap_bytes(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    if v.len() >= 2 {
        let a = rng.below(v.len());
        let b = if rng.chance(2) {
            (a + 1) % v.len()
        } else {
            rng.below(v.len())
        };
        v.swap(a, b);
    }
    v
}

fn replace_byte(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    const NASTY: &[u8] = b"\0\xff\xc3\x80\t\\\"'\n\r:;()[]{}#@$?!`~09_=.,*%-+<>|&^";
    let mut v = src.to_vec();
    if !v.is_empty() {
        let at = rng.below(v.len());
        v[at] = if rng.chance(4) {
            rng.below(256) as u8
        } else {
            *rng.pick(NASTY)
        };
    }
    v
}

/// Splits into tokens: identifier/number runs (bytes >= 0x80 included, so
/// UTF-8 stays whole), blank runs, and single other bytes.
fn tokens_of(src: &[u8]) -> Vec<&[u8]> {
    let class = |b: u8| -> u8 {
        if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
            0
        } else if b == b' ' || b == b'\t' {
            1
        } else {
            2
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=src.len() {
        let boundary = i == src.len() || {
            let (a, b) = (class(src[i - 1]), class(src[i]));
            a != b || a == 2
        };
        if boundary {
            out.push(&src[start..i]);
            start = i;
        }
    }
    out
}

/// Indices of the tokens that are not blanks or newlines.
fn solid_tokens(toks: &[&[u8]]) -> Vec<usize> {
    (0..toks.len())
        .filter(|&i| !toks[i].iter().all(|b| b.is_ascii_whitespace()))
        .collect()
}

fn delete_token(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut toks = tokens_of(src);
    let solid = solid_tokens(&toks);
    if !solid.is_empty() {
        toks.remove(*rng.pick(&solid));
    }
    toks.concat()
}

fn duplicate_token(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut toks = tokens_of(src);
    let solid = solid_tokens(&toks);
    if !solid.is_empty() {
        let i = *rng.pick(&solid);
        let t = toks[i];
        toks.insert(i, t);
    }
    toks.concat()
}

fn swap_tokens(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut toks = tokens_of(src);
    let solid = solid_tokens(&toks);
    if solid.len() >= 2 {
        let a = rng.below(solid.len());
        let b = if rng.chance(2) {
            (a + 1) % solid.len()
        } else {
            rng.below(solid.len())
        };
        toks.swap(solid[a], solid[b]);
    }
    toks.concat()
}

fn replace_token(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut toks = tokens_of(src);
    let solid = solid_tokens(&toks);
    if solid.len() >= 2 {
        let from = toks[*rng.pick(&solid)];
        let to = *rng.pick(&solid);
        toks[to] = from;
    }
    toks.concat()
}

fn lines_of(src: &[u8]) -> Vec<&[u8]> {
    src.split_inclusive(|&b| b == b'\n').collect()
}

fn dedent(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = lines_of(src).iter().map(|l| l.to_vec()).collect();
    let indented: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].first().is_some_and(|&b| b == b' ' || b == b'\t'))
        .collect();
    if indented.is_empty() {
        return src.to_vec();
    }
    let first = *rng.pick(&indented);
    // Dedent one line, or a run of up to 5 lines, fully or by a few columns.
    let count = if rng.chance(2) { 1 } else { 1 + rng.below(5) };
    let partial = rng.chance(3);
    for line in lines.iter_mut().skip(first).take(count) {
        let blank = line
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let cut = if partial {
            blank.min(1 + rng.below(3))
        } else {
            blank
        };
        line.drain(..cut);
    }
    lines.concat()
}

fn indent(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = lines_of(src).iter().map(|l| l.to_vec()).collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let i = rng.below(lines.len());
    const PADS: [&[u8]; 4] = [b" ", b"    ", b"\t", b"  \t"];
    let pad = *rng.pick(&PADS);
    lines[i].splice(0..0, pad.iter().copied());
    lines.concat()
}

fn unbalance_brackets(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    let brackets: Vec<usize> = (0..v.len())
        .filter(|&i| b"()[]{}".contains(&v[i]))
        .collect();
    if !brackets.is_empty() && rng.chance(2) {
        v.remove(*rng.pick(&brackets));
    } else {
        let at = rng.below(v.len() + 1);
        let n = 1 + if rng.chance(4) { rng.below(40) } else { 0 };
        let b = *rng.pick(b"()[]{}");
        for _ in 0..n {
            v.insert(at, b);
        }
    }
    v
}

fn insert_keyword(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    const WORDS: &[&str] = &[
        "return",
        "yield",
        "yield from",
        "await",
        "async",
        "break",
        "continue",
        "pass",
        "lambda",
        "lambda:",
        "global x",
        "nonlocal x",
        "del",
        "del x",
        "if",
        "else:",
        "elif",
        "try:",
        "except:",
        "finally:",
        "with",
        "as",
        "import",
        "from",
        "class",
        "def",
        "for",
        "in",
        "not",
        "is",
        "and",
        "or",
        "None",
        "True",
        "False",
        "raise",
        "assert",
        "while",
        "*",
        "**",
        ":=",
        "@",
        "...",
        "__class__",
        "super()",
        "print",
        "match",
        "case",
        "_",
        ":",
        ",",
        "=",
        "->",
        "\\",
        "#",
        "'",
        "\"\"\"",
        "f'{",
        "b'",
        "0x",
        "1e",
        "1j",
    ];
    let word = *rng.pick(WORDS);
    let mut toks: Vec<Vec<u8>> = tokens_of(src).iter().map(|t| t.to_vec()).collect();
    if rng.chance(3) {
        // As a statement of its own, with the indentation of the line it
        // goes before.
        let lines = lines_of(src);
        let i = rng.below(lines.len() + 1);
        let pad: Vec<u8> = lines
            .get(i)
            .map(|l| {
                l.iter()
                    .take_while(|&&b| b == b' ' || b == b'\t')
                    .copied()
                    .collect()
            })
            .unwrap_or_default();
        let mut out: Vec<u8> = lines[..i].concat();
        out.extend_from_slice(&pad);
        out.extend_from_slice(word.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(&lines[i..].concat());
        return out;
    }
    let at = rng.below(toks.len() + 1);
    toks.insert(at, format!(" {word} ").into_bytes());
    toks.concat()
}

fn delete_line(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut lines = lines_of(src);
    if !lines.is_empty() {
        lines.remove(rng.below(lines.len()));
    }
    lines.concat()
}

fn duplicate_line(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut lines = lines_of(src);
    if !lines.is_empty() {
        let i = rng.below(lines.len());
        lines.insert(i, lines[i]);
    }
    lines.concat()
}

fn swap_lines(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut lines = lines_of(src);
    if lines.len() >= 2 {
        let a = rng.below(lines.len());
        let b = if rng.chance(2) {
            (a + 1) % lines.len()
        } else {
            rng.below(lines.len())
        };
        lines.swap(a, b);
    }
    lines.concat()
}

// ---------------------------------------------------------------------------
// Hand-written inputs

const ANY_EXC: Allowed = &[
    "exit0",
    "SyntaxError",
    "IndentationError",
    "RecursionError",
    "MemoryError",
    "OverflowError",
    "ValueError",
];

fn hand_written() -> Vec<Input> {
    let mut v: Vec<(&'static str, String, bool, Allowed)> = Vec::new();
    let mut add = |name: &'static str, src: String, stress: bool, allowed: Allowed| {
        v.push((name, src, stress, allowed));
    };

    // Deep nesting in the source: CPython stops at 200 nested brackets
    // ("too many nested parentheses"); ftpy's parser and compiler must not
    // overflow the Rust stack whatever it decides.
    let n = 10_000;
    add(
        "nested-parens",
        format!("print({}1{})\n", "(".repeat(n), ")".repeat(n)),
        false,
        &["SyntaxError", "RecursionError", "MemoryError", "exit0"],
    );
    add(
        "nested-list-literal",
        format!("x = {}{}\nprint(len(x))\n", "[".repeat(n), "]".repeat(n)),
        false,
        &["SyntaxError", "RecursionError", "MemoryError", "exit0"],
    );
    add(
        "nested-dict-literal",
        format!("x = {}1{}\n", "{1: ".repeat(n), "}".repeat(n)),
        false,
        &["SyntaxError", "RecursionError", "MemoryError", "exit0"],
    );
    add(
        "unclosed-parens",
        format!("print({}1\n", "(".repeat(n)),
        false,
        &["SyntaxError", "RecursionError", "MemoryError"],
    );
    add(
        "unopened-parens",
        format!("print(1{})\n", ")".repeat(n)),
        false,
        &["SyntaxError"],
    );
    add(
        "long-sum",
        format!("x = {}\nprint(x)\n", vec!["1"; 100_000].join("+")),
        false,
        ANY_EXC,
    );
    add(
        "unary-minus-chain",
        format!("x = {}1\nprint(x)\n", "-".repeat(100_000)),
        false,
        ANY_EXC,
    );
    add(
        "not-chain",
        format!("x = {}1\nprint(x)\n", "not ".repeat(100_000)),
        false,
        ANY_EXC,
    );
    add(
        "attribute-chain",
        format!("x = {}\n", vec!["y"; 100_000].join(".a")),
        false,
        &["SyntaxError", "RecursionError", "MemoryError", "NameError"],
    );
    add(
        "lambda-chain",
        format!("x = {}1\nprint(x)\n", "lambda: ".repeat(5_000)),
        false,
        ANY_EXC,
    );
    add(
        "ternary-chain",
        format!("x = 1{}\nprint(x)\n", " if 1 else 1".repeat(10_000)),
        false,
        ANY_EXC,
    );
    add(
        "call-chain",
        format!(
            "def f(*a): return 1\nx = f{}\nprint(x)\n",
            "()".repeat(50_000)
        ),
        false,
        &[
            "exit0",
            "TypeError",
            "SyntaxError",
            "RecursionError",
            "MemoryError",
        ],
    );
    {
        let mut s = String::new();
        for i in 0..300 {
            s.push_str(&" ".repeat(i));
            s.push_str("if True:\n");
        }
        s.push_str(&" ".repeat(300));
        s.push_str("print(1)\n");
        add(
            "deep-indentation",
            s,
            false,
            &["IndentationError", "SyntaxError", "RecursionError", "exit0"],
        );
    }
    {
        let mut s = String::new();
        for i in 0..25 {
            s.push_str(&" ".repeat(i));
            s.push_str(&format!("for i{i} in range(1):\n"));
        }
        s.push_str(&" ".repeat(25));
        s.push_str("print(1)\n");
        // CPython: "SyntaxError: too many statically nested blocks".
        add("nested-blocks", s, false, &["SyntaxError", "exit0"]);
    }
    {
        let mut s = String::new();
        for i in 0..200 {
            s.push_str(&" ".repeat(i));
            s.push_str(&format!("def f{i}():\n"));
        }
        s.push_str(&" ".repeat(200));
        s.push_str("return 1\nprint('defined')\n");
        add(
            "nested-defs",
            s,
            false,
            &["exit0", "IndentationError", "SyntaxError", "RecursionError"],
        );
    }

    // Deep structures built at run time: repr, comparison, hashing and the
    // collector must cope without recursing on the Rust stack.
    add(
        "nested-lists-repr",
        "x = []\nfor i in range(100000):\n    x = [x]\nprint(repr(x))\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "nested-lists-str-caught",
        "x = []\nfor i in range(100000):\n    x = [x]\ntry:\n    s = str(x)\nexcept RecursionError as e:\n    print('RecursionError')\nelse:\n    print(len(s))\n".into(),
        false,
        &["exit0"],
    );
    add(
        "nested-lists-compare",
        "x = []\ny = []\nfor i in range(100000):\n    x = [x]\n    y = [y]\nprint(x == y)\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "nested-tuples-hash",
        "t = ()\nfor i in range(100000):\n    t = (t,)\nprint(hash(t) == hash(t), t == t)\n".into(),
        false,
        &["exit0", "RecursionError"],
    );
    add(
        "nested-dicts-str",
        "d = {}\nfor i in range(100000):\n    d = {1: d}\nprint(str(d)[:10])\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "nested-lists-drop",
        "x = []\nfor i in range(200000):\n    x = [x]\ndel x\nprint('ok')\n".into(),
        false,
        &["exit0"],
    );
    add(
        "long-linked-chain",
        "node = None\nfor i in range(200000):\n    node = (i, node)\nn = 0\nwhile node:\n    n += node[0]\n    node = node[1]\nprint(n)\n".into(),
        false,
        &["exit0"],
    );
    add(
        "self-referencing-containers",
        "x = []\nx.append(x)\nprint(x)\nd = {}\nd[1] = d\nprint(d)\nclass A: pass\na = A()\na.me = a\nprint(a.me.me is a)\n".into(),
        true,
        &["exit0"],
    );
    add(
        "generator-chain",
        "g = range(10)\nfor i in range(100000):\n    g = (x for x in g)\nprint(sum(g))\n".into(),
        false,
        &["exit0", "RecursionError", "MemoryError"],
    );

    // Runaway recursion.
    add(
        "recursion-no-base",
        "def f():\n    return f()\nf()\n".into(),
        true,
        &["RecursionError"],
    );
    add(
        "recursion-arith",
        "def g(n):\n    return g(n + 1) + 1\ng(0)\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "recursion-caught-then-continue",
        "def f(n):\n    return f(n + 1)\nfor i in range(3):\n    try:\n        f(0)\n    except RecursionError:\n        print('caught', i)\ndef g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\nprint(g(500))\n".into(),
        true,
        &["exit0"],
    );
    add(
        "recursion-repr",
        "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "recursion-getattr",
        "class A:\n    def __getattr__(self, n):\n        return getattr(self, n)\nA().x\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "recursion-hash",
        "class A:\n    def __hash__(self):\n        return hash(self)\n{A(): 1}\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "recursion-eq-in-list",
        "class A:\n    def __eq__(self, o):\n        return [o] == [self]\nprint(A() == A())\n"
            .into(),
        false,
        &["RecursionError"],
    );
    add(
        "recursion-yield-from",
        "def g(n):\n    yield from g(n + 1)\nlist(g(0))\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "recursion-in-finally",
        "def f(n):\n    try:\n        return f(n + 1)\n    finally:\n        pass\nf(0)\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "recursion-init",
        "class A:\n    def __init__(self):\n        A()\nA()\n".into(),
        false,
        &["RecursionError"],
    );
    add(
        "deep-recursion-raised-limit",
        "import sys\nsys.setrecursionlimit(200000)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(100000))\n".into(),
        false,
        &["exit0"],
    );
    add(
        "long-cause-chain",
        "prev = None\nfor i in range(3000):\n    try:\n        raise ValueError(i) from prev\n    except ValueError as e:\n        prev = e\nn = 0\ne = prev\nwhile e is not None:\n    n += 1\n    e = e.__cause__\nprint(n)\nraise prev\n".into(),
        false,
        &["ValueError", "RecursionError"],
    );

    // Huge allocations and huge numbers.
    add(
        "str-repeat-2-62",
        "s = 'a' * 2**62\nprint(len(s))\n".into(),
        false,
        &["MemoryError"],
    );
    add(
        "list-repeat-2-40",
        "x = [0] * 2**40\nprint(len(x))\n".into(),
        false,
        &["MemoryError"],
    );
    add(
        "list-range-10-12",
        "x = list(range(10**12))\nprint(len(x))\n".into(),
        false,
        &["MemoryError"],
    );
    add(
        "str-repeat-maxsize",
        "import sys\ns = 'ab' * sys.maxsize\n".into(),
        false,
        &["OverflowError"],
    );
    add(
        "str-repeat-2-64",
        "s = 'a' * 2**64\n".into(),
        false,
        &["OverflowError"],
    );
    add(
        "memoryerror-caught",
        "try:\n    s = 'a' * 2**62\nexcept MemoryError:\n    print('MemoryError caught')\nprint('still alive', len('b' * 1000))\n".into(),
        true,
        &["exit0"],
    );
    add(
        "huge-int-str",
        "x = 10**100000\nprint(x.bit_length())\nprint(x)\n".into(),
        false,
        &["ValueError"],
    );
    add(
        "huge-int-parse",
        "print(int('9' * 5000))\n".into(),
        false,
        &["ValueError"],
    );
    add(
        "huge-int-literal",
        format!("x = {}\nprint(x % 7)\n", "7".repeat(5000)),
        false,
        &["SyntaxError", "ValueError"],
    );
    add(
        "huge-hex-literal",
        format!(
            "x = 0x{}\nprint(x.bit_length(), x % 1000003)\n",
            "f".repeat(100_000)
        ),
        false,
        &["exit0"],
    );
    add(
        "huge-binary-parse",
        "x = int('1' * 100000, 2)\nprint(x.bit_length(), x % 1000003)\nprint(len(str(x)))\n".into(),
        false,
        &["ValueError"],
    );
    add(
        "huge-pow-mod",
        "print(pow(3, 10**5000, 10**9 + 7))\nprint((7**7**5) % 1000)\n".into(),
        false,
        &["exit0"],
    );
    add(
        "float-extremes",
        "print(float('9' * 10000), float('1e999999'), float('-1e-999999'))\nprint(1e308 * 10, -1e308 * 10, (1e308 * 10) - (1e308 * 10))\nprint(2.0 ** 0.5, 10.0 ** -400)\ntry:\n    print(2.0 ** 10000)\nexcept OverflowError as e:\n    print('OverflowError', e)\nprint(int(1e300) % 1000)\n".into(),
        true,
        &["exit0"],
    );
    add(
        "int-of-inf",
        "print(int(float('inf')))\n".into(),
        false,
        &["OverflowError"],
    );
    add(
        "range-too-long",
        "print(range(10**30)[10**29])\nprint(len(range(10**30)))\n".into(),
        false,
        &["OverflowError"],
    );
    add(
        "format-width-huge",
        "print('{:99999999999999999999}'.format(1))\n".into(),
        false,
        &["ValueError"],
    );
    add(
        "percent-width-huge",
        "print('%99999999999999999999d' % 1)\n".into(),
        false,
        &["ValueError", "OverflowError", "MemoryError"],
    );
    add(
        "chr-out-of-range",
        "print(chr(0x110000))\n".into(),
        false,
        &["ValueError"],
    );
    add(
        "print-lone-surrogate",
        "print(chr(0xD800))\n".into(),
        false,
        // KNOWN GAP: ftpy's str cannot hold lone surrogates yet, so chr()
        // refuses them with a ValueError (docs/deviations.md) where CPython
        // makes the str and print() raises UnicodeEncodeError. Drop
        // "ValueError" here when str supports surrogates.
        &["UnicodeEncodeError", "ValueError"],
    );
    add(
        "big-string-literal",
        format!(
            "s = \"{}\"\nprint(len(s), s[:5], s[-5:])\n",
            "abcdefghij".repeat(200_000)
        ),
        false,
        &["exit0"],
    );
    add(
        "long-identifier",
        format!("{0} = 42\nprint({0} + 1)\n", "v".repeat(100_000)),
        false,
        &["exit0"],
    );
    add(
        "big-list-literal",
        format!(
            "x = [{}]\nprint(len(x), sum(x))\n",
            (0..100_000)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        false,
        &["exit0"],
    );
    add(
        "big-output",
        "print('x' * 5_000_000)\nprint(*range(100000))\n".into(),
        false,
        &["exit0"],
    );

    // Iteration and mutation.
    add(
        "infinite-generator-limited",
        "def gen():\n    i = 0\n    while True:\n        yield i\n        i += 1\nout = []\nfor v in gen():\n    if v >= 30000:\n        break\n    out.append(v)\nprint(len(out), sum(out))\ng = gen()\nprint(list(zip(range(5), g)))\nprint(next(g), next(g))\n".into(),
        true,
        &["exit0"],
    );
    add(
        "list-modified-during-sort",
        "l = [3, 1, 2]\nl.sort(key=lambda x: l.append(x) or x)\n".into(),
        false,
        &["ValueError"],
    );
    add(
        "dict-changed-during-iteration",
        "d = {1: 1}\nfor k in d:\n    d[k + 1] = 1\n".into(),
        false,
        &["RuntimeError"],
    );
    add(
        "set-changed-during-iteration",
        "s = {1, 2, 3}\nfor k in s:\n    s.add(k + 10)\n".into(),
        false,
        &["RuntimeError"],
    );
    add(
        "dict-eq-clears-dict",
        "d = {}\nclass K:\n    def __hash__(self):\n        return 0\n    def __eq__(self, o):\n        d.clear()\n        return False\nd[K()] = 1\nd[K()] = 2\nprint(len(d))\n".into(),
        true,
        &["exit0", "RuntimeError"],
    );
    add(
        "list-eq-mutates-list",
        "l = []\nclass E:\n    def __eq__(self, o):\n        l.clear()\n        return False\nl.extend([E(), E(), E()])\nprint(E() in l, len(l))\nl.extend([E(), E()])\ntry:\n    l.remove(5)\nexcept ValueError as e:\n    print('ValueError', e)\nprint(len(l))\n".into(),
        true,
        &["exit0"],
    );
    add(
        "key-function-raises",
        "def key(x):\n    if x == 3:\n        raise KeyError(x)\n    return x\nl = [5, 4, 3, 2, 1]\ntry:\n    l.sort(key=key)\nexcept KeyError as e:\n    print('KeyError', e)\nprint(sorted(l))\n".into(),
        true,
        &["exit0"],
    );
    add(
        "list-extend-self",
        "l = [1, 2]\nfor i in range(20):\n    l.extend(l)\nprint(len(l))\nl[::2] = l[1::2]\nprint(sum(l))\nl[:] = l\ndel l[::3]\nprint(len(l))\n".into(),
        false,
        &["exit0"],
    );

    // Odd source files.
    add("empty-file", String::new(), false, &["exit0"]);
    add(
        "only-comments",
        "# nothing\n   # here\n\n".into(),
        false,
        &["exit0"],
    );
    add(
        "bom-and-crlf",
        "\u{feff}x = 1\r\nif x:\r\n    print('crlf', x)\r\n".into(),
        false,
        &["exit0"],
    );
    add("no-final-newline", "print('end')".into(), false, &["exit0"]);
    add(
        "tabs-and-spaces",
        "if True:\n        x = 1\n\ty = 2\n".into(),
        false,
        &["TabError", "IndentationError"],
    );
    add(
        "null-byte",
        "print('a')\0\nprint('b')\n".into(),
        false,
        &["SyntaxError", "ValueError"],
    );
    add(
        "unterminated-string",
        "print('abc)\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "unterminated-triple-string",
        "x = \"\"\"abc\nprint(x)\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "return-at-module-level",
        "print('x')\nreturn 5\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "nonlocal-at-module-level",
        "nonlocal x\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "duplicate-parameter",
        "def f(a, a):\n    return a\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "break-outside-loop",
        "print(1)\nbreak\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "yield-outside-function",
        "yield 1\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "await-outside-async",
        "def f():\n    await g()\n".into(),
        false,
        &["SyntaxError"],
    );
    add(
        "exec-eval-garbage",
        "for src in ['(' * 1000, 'def', '1 +', 'x = = 1', '\\\\', 'lambda: (yield)', 'f\"{\"', '0b2']:\n    try:\n        exec(src)\n    except SyntaxError as e:\n        print('SyntaxError')\n    except Exception as e:\n        print(type(e).__name__)\n".into(),
        true,
        &["exit0"],
    );
    let mut out = Vec::new();
    for (name, src, stress, allowed) in v {
        out.push(Input {
            name: format!("h-{name}"),
            source: src.into_bytes(),
            stress,
            allowed: Some(allowed),
            derived: false,
        });
    }
    // Raw bytes that are not UTF-8.
    out.push(Input {
        name: "h-invalid-utf8".into(),
        source: b"print('caf\xe9')\n".to_vec(),
        stress: false,
        allowed: Some(&["SyntaxError"]),
        derived: false,
    });
    out.push(Input {
        name: "h-latin1-cookie".into(),
        source: b"# -*- coding: latin-1 -*-\nprint(len('caf\xe9'))\n".to_vec(),
        stress: false,
        allowed: Some(&["exit0"]),
        derived: false,
    });
    out
}

// ---------------------------------------------------------------------------
// Running and judging

struct Failure {
    name: String,
    file_stem: String,
    mode: String,
    report: String,
    source: Vec<u8>,
    stderr: Vec<u8>,
}

#[derive(Default)]
struct Checked {
    failures: Vec<Failure>,
    skipped: Vec<String>,
    /// How many runs ended with status 0, 1, 2.
    endings: [usize; 3],
    /// (seconds, input name, mode) of every run.
    timings: Vec<(f64, String, String)>,
}

fn check_input(input: &Input, bin: &Path, work: &Path, programs: &Path) -> Checked {
    let mut checked = Checked::default();
    let file = work.join(format!("{}.py", input.name));
    if let Err(e) = std::fs::write(&file, &input.source) {
        panic!("cannot write {}: {e}", file.display());
    }
    let mut modes: Vec<Option<&str>> = vec![None];
    if input.stress {
        modes.push(Some(STRESS_N));
    }
    for stress in modes {
        let run = run_input(bin, &file, work, programs, stress);
        let mode = match stress {
            Some(n) => format!("FTPY_GC_STRESS={n}"),
            None => "normal".to_string(),
        };
        checked
            .timings
            .push((run.elapsed.as_secs_f64(), input.name.clone(), mode.clone()));
        if let Ending::Exited(c @ 0..=2) = run.ending {
            checked.endings[c as usize] += 1;
        }
        let verdict = judge(&run, input.allowed);
        let Err(mut report) = verdict else { continue };
        if input.derived && matches!(run.ending, Ending::TimedOut(_)) {
            let python = PathBuf::from(python_cmd());
            let reference = run_input(&python, &file, work, programs, None);
            match reference.ending {
                Ending::TimedOut(_) => {
                    checked.skipped.push(input.name.clone());
                    break;
                }
                Ending::SpawnFailed(_) => {
                    report.push_str(
                        "  (python3 is not available to tell whether CPython hangs too)\n",
                    );
                }
                ref e => report.push_str(&format!(
                    "  python3 finishes this input in {:.2} s ({})\n",
                    reference.elapsed.as_secs_f64(),
                    e.describe()
                )),
            }
        }
        let stem = match stress {
            Some(_) => format!("{}-gcstress", input.name),
            None => input.name.clone(),
        };
        checked.failures.push(Failure {
            name: input.name.clone(),
            file_stem: stem,
            mode,
            report,
            source: input.source.clone(),
            stderr: run.stderr.clone(),
        });
        // One report per input is enough.
        break;
    }
    let _ = std::fs::remove_file(&file);
    checked
}

fn run_input(
    interp: &Path,
    file: &Path,
    work: &Path,
    programs: &Path,
    stress: Option<&str>,
) -> Run {
    let mut cmd = Command::new(interp);
    cmd.arg(file).current_dir(work);
    apply_common_env(&mut cmd);
    // Seeds import helper modules that live next to the test programs.
    cmd.env("FTPY_PATH", programs);
    cmd.env("PYTHONPATH", programs);
    if let Some(n) = stress {
        cmd.env("FTPY_GC_STRESS", n);
    }
    run_with_timeout(
        cmd,
        if stress.is_some() {
            STRESS_TIMEOUT
        } else {
            TIMEOUT
        },
    )
}

/// `Ok` if the run ended the way a Python program may end.
fn judge(run: &Run, allowed: Option<Allowed>) -> Result<(), String> {
    let mut report = String::new();
    if let Some(marker) = crash_marker_in(&run.stderr) {
        report.push_str(&format!("  stderr contains {marker:?}\n"));
    }
    let last = run.exception_line();
    match &run.ending {
        Ending::Exited(0) | Ending::Exited(2) => {}
        Ending::Exited(1) => {
            if !looks_like_exception_line(&last) {
                report.push_str(&format!(
                    "  exit status 1 but the last stderr line is not a Python exception: {last:?}\n"
                ));
            }
        }
        e => report.push_str(&format!("  {}\n", e.describe())),
    }
    if report.is_empty() {
        if let Some(allowed) = allowed {
            let (outcome, shown) = match run.ending {
                Ending::Exited(0) => ("exit0".to_string(), "exit status 0".to_string()),
                Ending::Exited(2) => ("exit2".to_string(), "exit status 2".to_string()),
                _ => (exception_name(&last), format!("{last:?}")),
            };
            if !allowed.contains(&outcome.as_str()) {
                report.push_str(&format!(
                    "  ended with {shown}; CPython semantics allow only {allowed:?} \
                     (\"exit0\": exit status 0)\n"
                ));
            }
        }
    }
    if report.is_empty() {
        return Ok(());
    }
    report.push_str(&format!(
        "  ran {:.2} s; stdout {} bytes; stderr (last lines):\n{}",
        run.elapsed.as_secs_f64(),
        run.stdout.len(),
        tail_lines(&run.stderr, 8)
    ));
    Err(report)
}

/// `pkg.mod.Name: message` -> `Name`.
fn exception_name(line: &str) -> String {
    let head = line.split(':').next().unwrap_or("");
    head.rsplit('.').next().unwrap_or("").trim().to_string()
}
