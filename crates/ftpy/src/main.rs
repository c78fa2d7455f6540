//! The `ftpy` command: python3-compatible command line.
//!
//! `ftpy [options] (-c cmd | -m module | file | -) [args]`. The
//! interpreter runs on a thread with a large stack (deep native recursion
//! is bounded by the recursion limit and a stack check, but compiling
//! deeply nested code needs room); the main thread waits for it and exits
//! with its status.

mod repl;

use std::path::Path;

use ftpy_vm::{Config, Interp, ThreadState};

const USAGE: &str = "usage: ftpy [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-m mod : run library module as a script (terminates option list)
-u     : force the stdout and stderr streams to be unbuffered
-O     : remove assert and __debug__-dependent statements
-i     : inspect interactively after running script
-q     : don't print version and copyright messages on interactive startup
-B, -E, -I, -s, -S : accepted for compatibility
-X opt : set implementation-specific option (-X dis: disassemble, don't run)
-W arg : warning control
-V     : print the Python version number and exit (also --version)
-h     : print this help message and exit (also --help)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

enum Target {
    Command(String),
    Module(String),
    File(String),
    Stdin,
}

struct Opts {
    config: Config,
    target: Target,
    dis: bool,
}

fn parse_args(args: &[String]) -> Result<Opts, (i32, String)> {
    let mut config = Config::default();
    let mut i = 1;
    let mut target = None;
    let mut dis = false;
    while i < args.len() {
        let a = &args[i];
        if a == "--version" {
            return Err((
                0,
                format!("Python 3.11.7 (ftpy {})", env!("CARGO_PKG_VERSION")),
            ));
        }
        if a == "--help" {
            return Err((0, USAGE.to_string()));
        }
        if a == "-" {
            target = Some(Target::Stdin);
            i += 1;
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            target = Some(Target::File(a.clone()));
            i += 1;
            break;
        }
        // Clustered short options: -uO, -c<cmd>, -X opt ...
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut consumed_next = false;
        while j < chars.len() {
            let c = chars[j];
            match c {
                'c' | 'm' | 'X' | 'W' => {
                    let rest: String = chars[j + 1..].iter().collect();
                    let val = if !rest.is_empty() {
                        rest
                    } else if i + 1 < args.len() {
                        consumed_next = true;
                        args[i + 1].clone()
                    } else {
                        return Err((2, format!("Argument expected for the -{c} option\n{USAGE}")));
                    };
                    match c {
                        'c' => target = Some(Target::Command(val)),
                        'm' => target = Some(Target::Module(val)),
                        'X' => {
                            if val == "dis" {
                                dis = true;
                            }
                            config.xoptions.push(val);
                        }
                        _ => config.warnoptions.push(val),
                    }
                    j = chars.len();
                    continue;
                }
                'u' => config.unbuffered = true,
                'O' => config.optimize = config.optimize.saturating_add(1),
                'i' => {
                    config.inspect = true;
                    config.interactive = true;
                }
                'q' => config.quiet = true,
                'v' => config.verbose = config.verbose.saturating_add(1),
                'B' => config.dont_write_bytecode = true,
                'E' => config.ignore_environment = true,
                'I' => {
                    config.ignore_environment = true;
                    config.safe_path = true;
                }
                'P' => config.safe_path = true,
                's' | 'b' | 'd' | 'R' => {}
                'S' => config.no_site = true,
                'V' => {
                    return Err((
                        0,
                        format!("Python 3.11.7 (ftpy {})", env!("CARGO_PKG_VERSION")),
                    ))
                }
                'h' | '?' => return Err((0, USAGE.to_string())),
                other => {
                    return Err((2, format!("Unknown option: -{other}\n{USAGE}")));
                }
            }
            j += 1;
        }
        i += if consumed_next { 2 } else { 1 };
        if target.is_some() {
            break;
        }
    }
    let target = target.unwrap_or(Target::Stdin);
    let rest: Vec<String> = args[i.min(args.len())..].to_vec();
    config.argv = match &target {
        Target::Command(_) => std::iter::once("-c".to_string()).chain(rest).collect(),
        Target::Module(_) => std::iter::once("-m".to_string()).chain(rest).collect(),
        Target::File(f) => std::iter::once(f.clone()).chain(rest).collect(),
        Target::Stdin => std::iter::once(String::new()).chain(rest).collect(),
    };
    Ok(Opts {
        config,
        target,
        dis,
    })
}

/// The machine's CPython 3.11 standard library directory: `FTPY_STDLIB`,
/// else a pyenv-installed 3.11 (the newest patch release: a pyenv Python is
/// one the user chose, and a later patch release carries the standard
/// library's fixes, e.g. `asyncio.timeout` after a cancelled task), else
/// the system's, else the one of a `python3.11` on PATH.
fn find_stdlib() -> Option<String> {
    if let Ok(p) = std::env::var("FTPY_STDLIB") {
        return Some(p);
    }
    let mut candidates: Vec<String> = Vec::new();
    if let Ok(home) = std::env::var("HOME") {
        if let Ok(rd) = std::fs::read_dir(format!("{home}/.pyenv/versions")) {
            let mut vs: Vec<String> = rd
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("3.11"))
                .collect();
            // Newest first: by patch number, not as text (3.11.10 > 3.11.9).
            vs.sort_by_key(|v| {
                v.split('.')
                    .map(|part| part.parse::<u32>().unwrap_or(0))
                    .collect::<Vec<_>>()
            });
            for v in vs.into_iter().rev() {
                candidates.push(format!("{home}/.pyenv/versions/{v}/lib/python3.11"));
            }
        }
    }
    candidates.push("/usr/lib/python3.11".into());
    candidates.push("/usr/local/lib/python3.11".into());
    if let Ok(path) = std::env::var("PATH") {
        for dir in path.split(':') {
            let exe = Path::new(dir).join("python3.11");
            if let Ok(real) = std::fs::canonicalize(&exe) {
                if let Some(prefix) = real.parent().and_then(|p| p.parent()) {
                    candidates.push(format!("{}/lib/python3.11", prefix.display()));
                }
            }
        }
    }
    candidates
        .into_iter()
        .find(|c| Path::new(c).join("os.py").is_file())
}

fn run(opts: Opts) -> i32 {
    let Opts {
        mut config,
        target,
        dis,
    } = opts;
    // sys.path[0]: the script's directory, the working directory for -m,
    // or '' for -c and stdin.
    let mut path = Vec::new();
    if !config.safe_path {
        match &target {
            Target::File(f) => {
                let abs = std::fs::canonicalize(f).ok();
                let dir = abs
                    .as_deref()
                    .and_then(|p| p.parent())
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| ".".to_string());
                path.push(dir);
            }
            Target::Module(_) => path.push(
                std::env::current_dir()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default(),
            ),
            _ => path.push(String::new()),
        }
    }
    if !config.ignore_environment
        && std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty())
    {
        config.dont_write_bytecode = true;
    }
    if !config.ignore_environment {
        if let Ok(p) = std::env::var("FTPY_PATH") {
            path.extend(p.split(':').filter(|s| !s.is_empty()).map(String::from));
        }
        if std::env::var_os("PYTHONUNBUFFERED").is_some() {
            config.unbuffered = true;
        }
    }
    config.path = path;
    config.stdlib = find_stdlib();
    config.executable = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    if dis {
        if let Target::File(f) = &target {
            return match std::fs::read_to_string(f) {
                Ok(src) => disassemble(&src, f),
                Err(e) => {
                    eprintln!("ftpy: can't open file '{f}': {e}");
                    2
                }
            };
        }
    }
    let mut ts = ThreadState::attach();
    let interp = Interp::init(&mut ts, config);
    ftpy_stdlib::register(interp);
    if let Err(e) = ftpy_vm::objects::stream::init_std_streams(&mut ts) {
        let text = ftpy_vm::objects::traceback::format_exception(&mut ts, e.value());
        eprint!(
            "Fatal Python error: init_sys_streams: can't initialize sys standard streams\n{text}"
        );
        return 1;
    }
    // The import machinery (module specs, finders), then what the site
    // module would add to builtins (exit, help ...).
    if let Err(e) = ftpy_vm::import::init(&mut ts) {
        return ftpy_vm::report_exception(&mut ts, e);
    }
    if !interp.config.no_site {
        if let Err(e) = ftpy_vm::builtins::site::install(&mut ts) {
            // Without a standard library there is no _sitebuiltins: then,
            // as with `-S`, there is no exit() or help().
            if !e.matches(ftpy_vm::interp::types().module_not_found_error) {
                ftpy_vm::report_exception(&mut ts, e);
            }
        }
    }

    let result = match &target {
        Target::Command(cmd) => ftpy_vm::run_main_source(&mut ts, cmd, "<string>"),
        Target::File(f) => {
            let source = match std::fs::read(f) {
                Ok(b) => match ftpy_vm::import::decode_source(&b, &absolute_path(f)) {
                    Ok(s) => s,
                    Err(msg) => {
                        let e = ts.syntax_error_msg(msg);
                        let code = ftpy_vm::report_exception(&mut ts, e);
                        if !ftpy_vm::finalize(&mut ts) {
                            return 120;
                        }
                        return code;
                    }
                },
                Err(e) => {
                    let abs = std::fs::canonicalize(Path::new("."))
                        .map(|d| d.join(f))
                        .unwrap_or_else(|_| f.into());
                    eprintln!(
                        "{}: can't open file '{}': [Errno {}] {}",
                        std::env::args().next().unwrap_or_else(|| "ftpy".into()),
                        abs.display(),
                        e.raw_os_error().unwrap_or(2),
                        describe_io_error(&e)
                    );
                    return 2;
                }
            };
            if dis {
                return disassemble(&source, f);
            }
            // Like CPython, the main script's code carries its absolute path.
            let abs = absolute_path(f);
            if let Some(argv) = ftpy_vm::interp::interp().sys().dict().get_str_text("argv") {
                let _ = argv;
            }
            ftpy_vm::run_main_source(&mut ts, &source, &abs)
        }
        Target::Module(m) => run_module(&mut ts, m),
        Target::Stdin => {
            // SAFETY: isatty has no memory-safety preconditions.
            let tty = unsafe { libc::isatty(0) } == 1;
            if tty || interp.config.inspect {
                let code = repl::run(&mut ts, true);
                if !ftpy_vm::finalize(&mut ts) {
                    return 120;
                }
                return code;
            }
            let mut src = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut src);
            ftpy_vm::run_main_source(&mut ts, &src, "<stdin>")
        }
    };
    let mut code = match result {
        Ok(_) => 0,
        Err(e) if interp.config.inspect => {
            // Under -i even SystemExit is reported as a traceback, and the
            // prompt follows.
            ftpy_vm::objects::stream::flush_stdout(&mut ts);
            let text = ftpy_vm::objects::traceback::format_exception(&mut ts, e.value());
            eprint!("{text}");
            0
        }
        Err(e) => ftpy_vm::report_exception(&mut ts, e),
    };
    if interp.config.inspect {
        code = repl::run(&mut ts, false);
    }
    // A failure to flush sys.stdout at exit makes the status 120, as in
    // CPython.
    if !ftpy_vm::finalize(&mut ts) {
        code = 120;
    }
    code
}

/// `os.path.abspath`: joined with the working directory and normalized,
/// symlinks kept.
fn absolute_path(f: &str) -> String {
    let p = Path::new(f);
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        match std::env::current_dir() {
            Ok(d) => d.join(p),
            Err(_) => p.to_path_buf(),
        }
    };
    let mut out: Vec<String> = Vec::new();
    for c in joined.components() {
        match c {
            std::path::Component::RootDir => out.clear(),
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::Normal(s) => out.push(s.to_string_lossy().into_owned()),
            std::path::Component::Prefix(_) => {}
        }
    }
    format!("/{}", out.join("/"))
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

fn disassemble(source: &str, filename: &str) -> i32 {
    match ftpy_compiler::compile(source, filename, ftpy_compiler::Mode::Exec, 0) {
        Ok(code) => {
            print!("{}", ftpy_compiler::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprintln!(
                "  File \"{}\", line {}\n{:?}: {}",
                e.filename, e.lineno, e.kind, e.msg
            );
            1
        }
    }
}

/// `-m module`: runs the module as `__main__` (runpy's semantics).
fn run_module(ts: &mut ThreadState, name: &str) -> ftpy_vm::PyResult<ftpy_vm::Value> {
    ftpy_vm::import::main::run_module_as_main(ts, name)
}

/// The system allocator, except that running out of memory in native code
/// (a buffer Rust grows, not a Python object, whose allocations raise
/// MemoryError) ends the process like an uncaught MemoryError, with the
/// output flushed, instead of Rust's abort.
struct Allocator;

// SAFETY: forwards every call to the system allocator unchanged; only the
// failure path differs, and it never returns.
unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let p = unsafe { std::alloc::System.alloc(layout) };
        if p.is_null() {
            ftpy_vm::interp::fatal_out_of_memory(layout.size());
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { std::alloc::System.alloc_zeroed(layout) };
        if p.is_null() {
            ftpy_vm::interp::fatal_out_of_memory(layout.size());
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator, i.e. from System.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `alloc`; `ptr` came from System.
        let p = unsafe { std::alloc::System.realloc(ptr, layout, new_size) };
        if p.is_null() {
            ftpy_vm::interp::fatal_out_of_memory(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator;

fn main() {
    // As CPython: SIGPIPE (Rust's runtime already ignores it) and SIGXFSZ
    // are ignored, so writes fail with EPIPE/EFBIG as OSErrors instead of
    // killing the process.
    // SAFETY: installing SIG_IGN has no memory-safety preconditions; no
    // other thread exists yet.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let args: Vec<String> = std::env::args().collect();
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err((code, msg)) => {
            if code == 0 {
                println!("{}", msg.trim_end());
            } else {
                eprint!("{msg}");
            }
            std::process::exit(code);
        }
    };
    // A big stack for the interpreter thread: the recursion limit and the
    // native stack check keep Python recursion well inside it.
    let handle = std::thread::Builder::new()
        .name("ftpy-main".into())
        .stack_size(256 << 20)
        .spawn(move || run(opts));
    if handle.is_ok() {
        // Signals sent to the process go to the interpreter thread (or
        // other Python threads), never to this one, which only waits: so
        // signal.pthread_sigmask in the main thread holds them back, as
        // in CPython, where the main thread is the process's first.
        // SAFETY: a local set, initialized by sigfillset.
        unsafe {
            let mut all: libc::sigset_t = std::mem::zeroed();
            libc::sigfillset(&mut all);
            libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut());
        }
    }
    let code = match handle {
        Ok(h) => match h.join() {
            Ok(c) => c,
            Err(_) => {
                ftpy_vm::objects::stream::flush_std_streams_raw();
                eprintln!(
                    "Fatal Python error: ftpy internal error (a Rust panic); please report it"
                );
                70
            }
        },
        Err(e) => {
            eprintln!("ftpy: cannot start the interpreter thread: {e}");
            70
        }
    };
    ftpy_vm::objects::stream::flush_std_streams_raw();
    std::process::exit(code);
}
