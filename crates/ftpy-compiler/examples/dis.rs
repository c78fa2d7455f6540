//! Compiles a Python file and prints its disassembly (like `python3 -m
//! dis`), or the error CPython would report.
//!
//! ```text
//! cargo run -p ftpy-compiler --example dis -- FILE [exec|eval|single|meta]
//! ```
//!
//! `meta` prints one line per code object instead (qualname, flags,
//! argument counts, varnames, cellvars, freevars, first line, names), to
//! compare with CPython's code objects.

use ftpy_compiler::{CodeObject, Constant, Mode};

fn meta(c: &CodeObject, out: &mut Vec<String>) {
    out.push(format!(
        "{}|{:#x}|{}|{}|{}|{:?}|{:?}|{:?}|{}|{:?}",
        c.qualname,
        c.flags,
        c.argcount,
        c.posonlyargcount,
        c.kwonlyargcount,
        c.varnames,
        c.cellvars,
        c.freevars,
        c.first_line,
        c.names
    ));
    for k in &c.constants {
        if let Constant::Code(inner) = k {
            meta(inner, out);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dis FILE [exec|eval|single|meta]");
        std::process::exit(2);
    };
    let how = args.next();
    let mode = match how.as_deref() {
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => Mode::Exec,
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match ftpy_compiler::compile(&src, &path, mode, 0) {
        Ok(code) => {
            if let Err(e) = ftpy_compiler::verify(&code) {
                println!("VERIFY FAILED: {e}");
            }
            if how.as_deref() == Some("meta") {
                let mut out = Vec::new();
                meta(&code, &mut out);
                for l in out {
                    println!("{l}");
                }
            } else {
                print!("{}", ftpy_compiler::disassemble(&code));
            }
        }
        Err(e) => println!(
            "{:?}: {} ({}:{}) end ({}:{})",
            e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset
        ),
    }
}
