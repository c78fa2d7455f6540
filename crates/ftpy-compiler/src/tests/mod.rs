//! Unit tests of the compiler.

use crate::{compile, Mode};

#[test]
fn smoke() {
    let code = compile("x = 1\nprint(x)\n", "<test>", Mode::Exec, 0).unwrap();
    println!("{}", crate::disassemble(&code));
}
