//! The interactive prompt (`ftpy` on a terminal, `ftpy -i`).
//!
//! As CPython's: `sys.ps1`/`sys.ps2` prompts, statements read line by line
//! until they are complete (a compound statement ends with a blank line,
//! an open bracket or string continues), each run in `__main__` in
//! `single` mode so that an expression's value is echoed by
//! `sys.displayhook` (and kept in `builtins._`). Errors print a traceback
//! and the prompt comes back; `SystemExit` (from `exit()`) ends the
//! session with its status; end of input ends it with status 0.
//!
//! On a terminal, lines are read with line editing and a history kept in
//! `~/.ftpy_history` (rustyline); otherwise they are read from stdin as
//! they come, the prompts written to stderr, as CPython does.

use ftpy_vm::objects::module::ModuleObj;
use ftpy_vm::thread::ThreadState;
use ftpy_vm::{Gc, Value};
use std::io::{BufRead, Write};

/// What one read of a line gave.
enum Input {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    Eof,
}

/// Where lines come from.
enum Reader {
    Editor(Box<rustyline::DefaultEditor>, Option<std::path::PathBuf>),
    Plain,
}

impl Reader {
    fn new() -> Reader {
        // SAFETY: isatty has no memory-safety preconditions.
        let tty = unsafe { libc::isatty(0) == 1 && libc::isatty(2) == 1 };
        if tty {
            if let Ok(mut ed) = rustyline::DefaultEditor::new() {
                let hist = std::env::var_os("HOME")
                    .map(|h| std::path::PathBuf::from(h).join(".ftpy_history"));
                if let Some(h) = &hist {
                    let _ = ed.load_history(h);
                }
                return Reader::Editor(Box::new(ed), hist);
            }
        }
        Reader::Plain
    }

    fn read(&mut self, prompt: &str) -> Input {
        match self {
            Reader::Editor(ed, _) => match ed.readline(prompt) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = ed.add_history_entry(line.as_str());
                    }
                    Input::Line(line)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => Input::Interrupted,
                Err(_) => Input::Eof,
            },
            Reader::Plain => {
                eprint!("{prompt}");
                let _ = std::io::stderr().flush();
                let mut line = String::new();
                match std::io::stdin().lock().read_line(&mut line) {
                    Ok(0) | Err(_) => Input::Eof,
                    Ok(_) => {
                        if line.ends_with('\n') {
                            line.pop();
                            if line.ends_with('\r') {
                                line.pop();
                            }
                        }
                        Input::Line(line)
                    }
                }
            }
        }
    }

    fn save(&mut self) {
        if let Reader::Editor(ed, Some(h)) = self {
            let _ = ed.save_history(h);
        }
    }
}

/// Whether the statement typed so far is complete.
#[derive(Debug, PartialEq)]
enum Status {
    Complete,
    Incomplete,
    /// A syntax error that more lines cannot fix: compile and report it.
    Invalid,
}

/// Messages of the compiler that mean "the input stopped too early".
const INCOMPLETE: &[&str] = &[
    "was never closed",
    "unexpected EOF",
    "expected an indented block",
    "unterminated triple-quoted string",
    "incomplete input",
];

/// Whether the statement's first line opens a block: such a statement
/// ends only with a blank line (CPython's interactive rule).
fn opens_block(first: &str) -> bool {
    let t = first.trim_start();
    if t.starts_with('@') {
        return true;
    }
    let word: String = t
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    matches!(
        word.as_str(),
        "if" | "while" | "for" | "def" | "class" | "with" | "try" | "async"
    ) || (word == "match" && code_part(t).trim_end().ends_with(':'))
}

/// The line without a trailing comment (a rough cut: a `#` inside a
/// string on a header line is rare at the prompt).
fn code_part(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

fn classify(src: &str) -> Status {
    let lines: Vec<&str> = src.split('\n').collect();
    let last_blank = lines.last().is_some_and(|l| l.trim().is_empty());
    let first = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .copied()
        .unwrap_or("");
    if code_part(lines.last().copied().unwrap_or("")).ends_with('\\') {
        return Status::Incomplete;
    }
    match ftpy_compiler::compile(
        &format!("{src}\n"),
        "<stdin>",
        ftpy_compiler::Mode::Single,
        0,
    ) {
        Ok(_) => {
            if opens_block(first) && !last_blank {
                Status::Incomplete
            } else {
                Status::Complete
            }
        }
        Err(e) => {
            if !last_blank && INCOMPLETE.iter().any(|m| e.msg.contains(m)) {
                Status::Incomplete
            } else {
                Status::Invalid
            }
        }
    }
}

/// The prompt `sys.<name>` gives (its `str()`), or `default`.
fn prompt(ts: &mut ThreadState, name: &str, default: &str) -> String {
    let sys = ftpy_vm::interp::interp().sys();
    match sys.dict().get_str_text(name) {
        Some(v) => match ftpy_vm::ops::str_string(ts, v) {
            Ok(s) => s,
            Err(_) => default.to_string(),
        },
        None => default.to_string(),
    }
}

/// Runs the prompt until end of input or `SystemExit`; returns the exit
/// status. `banner`: print the version lines first (not after `-i`
/// with a script).
pub fn run(ts: &mut ThreadState, banner: bool) -> i32 {
    let interp = ftpy_vm::interp::interp();
    if banner && !interp.config.quiet {
        eprintln!(
            "Python 3.11.7 (ftpy {}) [free-threaded] on linux",
            env!("CARGO_PKG_VERSION")
        );
        eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    {
        let sys = interp.sys();
        for (name, text) in [("ps1", ">>> "), ("ps2", "... ")] {
            if sys.dict().get_str_text(name).is_none() {
                let s = ftpy_vm::objects::str::StrObj::new(ts, text);
                sys.dict().set_item_str(ts, name, s);
            }
        }
    }
    let main: Gc<ModuleObj> = match interp
        .modules
        .get_str_text("__main__")
        .and_then(|m| m.downcast::<ModuleObj>())
    {
        Some(m) => m,
        None => ftpy_vm::main_module(ts, None),
    };
    let mut reader = Reader::new();
    let mut buf = String::new();
    let status = loop {
        ftpy_vm::objects::stream::flush_stdout(ts);
        ftpy_vm::objects::stream::flush_stderr(ts);
        let p = if buf.is_empty() {
            prompt(ts, "ps1", ">>> ")
        } else {
            prompt(ts, "ps2", "... ")
        };
        let line = match reader.read(&p) {
            Input::Line(l) => l,
            Input::Interrupted => {
                eprintln!("\nKeyboardInterrupt");
                buf.clear();
                continue;
            }
            Input::Eof => {
                eprintln!();
                break 0;
            }
        };
        if buf.is_empty() && line.trim().is_empty() {
            continue;
        }
        if !buf.is_empty() {
            buf.push('\n');
        }
        buf.push_str(&line);
        if classify(&buf) == Status::Incomplete {
            continue;
        }
        let src = std::mem::take(&mut buf) + "\n";
        let r = (|| {
            let code = ftpy_vm::compile_source(ts, &src, "<stdin>", ftpy_compiler::Mode::Single)?;
            let d = main.dict();
            ftpy_vm::interpreter::run_code(ts, code, d, d.value(), Value::NULL)
        })();
        if let Err(e) = r {
            if e.matches(ftpy_vm::interp::types().system_exit) {
                break ftpy_vm::report_exception(ts, e);
            }
            ftpy_vm::report_exception(ts, e);
        }
    };
    reader.save();
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_complete_as_at_cpythons_prompt() {
        assert_eq!(classify("x = 1"), Status::Complete);
        assert_eq!(classify("x = (1,"), Status::Incomplete);
        assert_eq!(classify("x = (1,\n2)"), Status::Complete);
        assert_eq!(classify("if x:"), Status::Incomplete);
        assert_eq!(classify("if x:\n    y = 1"), Status::Incomplete);
        assert_eq!(classify("if x:\n    y = 1\n"), Status::Complete);
        assert_eq!(classify("def f():\n    return 1\n"), Status::Complete);
        assert_eq!(classify("@dec"), Status::Incomplete);
        assert_eq!(classify("s = '''abc"), Status::Incomplete);
        assert_eq!(classify("x = 1 + \\"), Status::Incomplete);
        assert_eq!(classify("x = = 1"), Status::Invalid);
        assert_eq!(classify("if x:\n"), Status::Invalid);
        assert_eq!(classify("match = 3"), Status::Complete);
    }
}
