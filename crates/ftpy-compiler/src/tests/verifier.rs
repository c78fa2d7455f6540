//! The verifier accepts the compiler's output and rejects broken code.

use super::code;
use crate::code::{CodeObject, Constant, ExceptionEntry, Location};
use crate::opcode::{Instr, Op};
use crate::verify;

fn base(instrs: Vec<Instr>, stacksize: u32) -> CodeObject {
    let n = instrs.len();
    CodeObject {
        name: "t".into(),
        qualname: "t".into(),
        filename: "t".into(),
        flags: 0,
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        first_line: 1,
        instructions: instrs,
        locations: vec![Location::default(); n],
        constants: vec![Constant::None],
        names: vec!["x".into()],
        varnames: vec![],
        cellvars: vec![],
        freevars: vec![],
        cell2arg: vec![],
        exception_table: vec![],
        stacksize,
        ncaches: 0,
    }
}

fn ret_none() -> Vec<Instr> {
    vec![
        Instr::new(Op::LoadConst, 0, 0),
        Instr::new(Op::ReturnValue, 0, 0),
    ]
}

#[test]
fn accepts_minimal_code() {
    assert!(verify(&base(ret_none(), 1)).is_ok());
}

#[test]
fn rejects_each_broken_invariant() {
    let ok = base(ret_none(), 1);
    let mut cases: Vec<(&str, CodeObject)> = Vec::new();

    let mut c = ok.clone();
    c.instructions.clear();
    c.locations.clear();
    cases.push(("no instructions", c));

    let mut c = ok.clone();
    c.locations.pop();
    cases.push(("locations", c));

    let mut c = ok.clone();
    c.instructions[0] = Instr(0xff);
    cases.push(("invalid opcode", c));

    let mut c = ok.clone();
    c.instructions[0] = Instr::new(Op::LoadConst, 5, 0);
    cases.push(("operand out of range", c));

    let mut c = ok.clone();
    c.instructions
        .insert(0, Instr::new(Op::LoadGlobal, 2 << 1, 0));
    c.instructions.insert(1, Instr::new(Op::PopTop, 0, 0));
    c.locations = vec![Location::default(); 4];
    c.ncaches = 1;
    cases.push(("global name out of range", c));

    let mut c = ok.clone();
    c.instructions[1] = Instr::new(Op::ReturnValue, 1, 0);
    cases.push(("operand out of range", c));

    let mut c = ok.clone();
    c.instructions[0] = Instr::new(Op::LoadConst, 0, 3);
    cases.push(("b without a cache", c));

    let mut c = base(
        vec![
            Instr::new(Op::LoadGlobal, 0, 0),
            Instr::new(Op::LoadGlobal, 0, 0),
            Instr::new(Op::BinaryOp, 0, 1),
            Instr::new(Op::ReturnValue, 0, 0),
        ],
        2,
    );
    c.ncaches = 2;
    cases.push(("cache entry used twice", c));

    let mut c = ok.clone();
    c.instructions[0] = Instr::new(Op::LoadGlobal, 0, 0);
    cases.push(("cache entry >= ncaches", c));

    let mut c = ok.clone();
    c.instructions = vec![
        Instr::new(Op::JumpForward, 0, 0),
        Instr::new(Op::ReturnValue, 0, 0),
    ];
    cases.push(("forward jump backwards", c));

    let mut c = ok.clone();
    c.instructions = vec![
        Instr::new(Op::LoadConst, 0, 0),
        Instr::new(Op::PopTop, 0, 0),
    ];
    cases.push(("falls off the end", c));

    let mut c = ok.clone();
    c.instructions = vec![
        Instr::new(Op::PopTop, 0, 0),
        Instr::new(Op::ReturnValue, 0, 0),
    ];
    cases.push(("pops an empty stack", c));

    let mut c = ok.clone();
    c.stacksize = 0;
    cases.push(("above stacksize", c));

    let mut c = base(
        vec![
            Instr::new(Op::LoadConst, 0, 0),
            Instr::new(Op::PopJumpIfFalse, 3, 0),
            Instr::new(Op::LoadConst, 0, 0),
            Instr::new(Op::ReturnValue, 0, 0),
        ],
        2,
    );
    c.instructions[1] = Instr::new(Op::PopJumpIfFalse, 3, 0);
    c.instructions.insert(2, Instr::new(Op::LoadConst, 0, 0));
    c.locations = vec![Location::default(); 5];
    c.instructions[1] = Instr::new(Op::PopJumpIfFalse, 4, 0);
    cases.push(("inconsistent depth at a merge", c));

    let mut c = ok.clone();
    c.instructions[0] = Instr::new(Op::Swap, 2, 0);
    cases.push(("SWAP below the stack", c));

    let mut c = ok.clone();
    c.exception_table = vec![ExceptionEntry {
        start: 0,
        end: 3,
        target: 0,
        depth: 0,
        lasti: false,
    }];
    cases.push(("exception entry out of range", c));

    let mut c = ok.clone();
    c.exception_table = vec![ExceptionEntry {
        start: 1,
        end: 2,
        target: 1,
        depth: 2,
        lasti: false,
    }];
    c.stacksize = 4;
    cases.push(("handler deeper than its range", c));

    let mut c = ok.clone();
    c.instructions = vec![
        Instr::new(Op::LoadConst, 0, 0),
        Instr::new(Op::YieldValue, 0, 0),
        Instr::new(Op::ReturnValue, 0, 0),
    ];
    c.locations = vec![Location::default(); 3];
    cases.push(("yield outside a generator", c));

    let mut c = ok.clone();
    c.instructions = vec![
        Instr::new(Op::LoadConst, 0, 0),
        Instr::new(Op::MakeFunction, 0, 0),
        Instr::new(Op::ReturnValue, 0, 0),
    ];
    c.locations = vec![Location::default(); 3];
    cases.push(("MAKE_FUNCTION without code", c));

    let mut c = ok.clone();
    c.cellvars = vec!["a".into()];
    c.cell2arg = vec![Some(0)];
    cases.push(("cell2arg not a parameter", c));

    for (what, c) in cases {
        assert!(verify(&c).is_err(), "accepted: {what}");
    }
}

#[test]
fn rejects_broken_nested_code() {
    let mut inner = base(ret_none(), 1);
    inner.stacksize = 0;
    let mut outer = base(ret_none(), 1);
    outer.constants.push(Constant::Code(Box::new(inner)));
    assert!(verify(&outer).is_err());
}

#[test]
fn accepts_compiler_output() {
    let c = code(
        "import sys\nclass C:\n  def m(self):\n    try:\n      with open(x) as f:\n        return [l for l in f]\n    except OSError as e:\n      raise RuntimeError from e\n    finally:\n      print(1)\n",
    );
    assert!(verify(&c).is_ok());
}
