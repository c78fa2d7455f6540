fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mode = match std::env::args().nth(2).as_deref() {
        Some("eval") => ftpy_compiler::Mode::Eval,
        Some("single") => ftpy_compiler::Mode::Single,
        _ => ftpy_compiler::Mode::Exec,
    };
    let src = std::fs::read_to_string(&path).unwrap();
    match ftpy_compiler::compile(&src, &path, mode, 0) {
        Ok(code) => {
            if let Err(e) = ftpy_compiler::verify(&code) { println!("VERIFY FAILED: {e}"); }
            print!("{}", ftpy_compiler::disassemble(&code));
        }
        Err(e) => println!("{:?}: {} ({}:{}) end ({}:{})", e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset),
    }
}
