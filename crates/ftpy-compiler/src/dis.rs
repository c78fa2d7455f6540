//! A disassembler in the style of CPython's `dis` module, driven by the
//! opcode table ([`Op::name`], [`Op::arg_kind`]) alone.
//!
//! ```text
//!   2           0 LOAD_FAST                0 (a)
//!               1 LOAD_CONST               1 (1)
//!               2 BINARY_OP                0 (+)
//!               3 RETURN_VALUE
//! ```
//!
//! Columns: the source line (printed where it changes), `>>` on jump and
//! handler targets, the instruction index, the opcode name, the operand,
//! and what the operand means. The exception table follows (ranges are
//! inclusive, as `dis` prints them), then the nested code objects.

use std::fmt::Write;

use crate::code::{CodeObject, Constant};
use crate::consts::repr;
use crate::opcode::{ArgKind, BinaryOp, CompareOp, Op};

/// Disassembles `code` and, after it, every code object among its
/// constants (recursively).
pub fn disassemble(code: &CodeObject) -> String {
    crate::grow(|| disassemble_nested(code))
}

fn disassemble_nested(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_one(code, &mut out);
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            let _ = writeln!(out, "\nDisassembly of {}:", repr(c));
            out.push_str(&disassemble(inner));
        }
    }
    out
}

/// The meaning of an instruction's operand, as `dis` shows it in
/// parentheses (empty when there is nothing to add).
pub fn describe_arg(code: &CodeObject, op: Op, a: u32) -> String {
    match op.arg_kind() {
        ArgKind::None | ArgKind::Count => String::new(),
        ArgKind::Const => code.constants.get(a as usize).map(repr).unwrap_or_default(),
        ArgKind::Name => code.names.get(a as usize).cloned().unwrap_or_default(),
        ArgKind::GlobalName => {
            let name = code
                .names
                .get((a >> 1) as usize)
                .cloned()
                .unwrap_or_default();
            if a & 1 == 1 {
                format!("NULL + {name}")
            } else {
                name
            }
        }
        ArgKind::Local => code.varnames.get(a as usize).cloned().unwrap_or_default(),
        ArgKind::Deref => code.deref_name(a).unwrap_or_default().to_string(),
        ArgKind::Jump => format!("to {a}"),
        ArgKind::BinaryOp => BinaryOp::from_u32(a)
            .map(|b| b.symbol().to_string())
            .unwrap_or_default(),
        ArgKind::CompareOp => CompareOp::from_u32(a)
            .map(|c| c.symbol().to_string())
            .unwrap_or_default(),
        ArgKind::Flags => match op {
            Op::IsOp => if a == 0 { "is" } else { "is not" }.to_string(),
            Op::ContainsOp => if a == 0 { "in" } else { "not in" }.to_string(),
            Op::FormatValue => {
                let conv = ["", "str", "repr", "ascii"][(a & 3) as usize];
                match (conv, a & 4 != 0) {
                    ("", true) => "with format".to_string(),
                    (c, true) => format!("{c}, with format"),
                    (c, false) => c.to_string(),
                }
            }
            Op::MakeFunction => {
                let names = ["defaults", "kwdefaults", "annotations", "closure"];
                let set: Vec<&str> = (0..4)
                    .filter(|i| a & (1 << i) != 0)
                    .map(|i| names[i])
                    .collect();
                set.join(", ")
            }
            Op::UnpackEx => format!("{} before, {} after", a & 0xff, a >> 8),
            _ => String::new(),
        },
    }
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let n = code.instructions.len();
    let mut targets = vec![false; n];
    for ins in &code.instructions {
        let op = ins.op();
        if op.is_jump() {
            if let Some(t) = targets.get_mut(ins.a() as usize) {
                *t = true;
            }
        }
    }
    for e in &code.exception_table {
        if let Some(t) = targets.get_mut(e.target as usize) {
            *t = true;
        }
    }
    let max_line = code.locations.iter().map(|l| l.line).max().unwrap_or(0);
    let line_width = max_line.to_string().len().max(3);
    let index_width = n.saturating_sub(1).to_string().len().max(4);
    let mut last_line = 0u32;
    for (i, ins) in code.instructions.iter().enumerate() {
        let op = ins.op();
        let line = code.locations.get(i).map_or(0, |l| l.line);
        let mut fields: Vec<String> = Vec::new();
        if line != 0 && line != last_line {
            if i > 0 {
                out.push('\n');
            }
            fields.push(format!("{line:>line_width$}"));
            last_line = line;
        } else {
            fields.push(" ".repeat(line_width));
        }
        fields.push("   ".to_string());
        fields.push(if targets[i] { ">>" } else { "  " }.to_string());
        fields.push(format!("{i:>index_width$}"));
        fields.push(format!("{:<20}", op.name()));
        if op.arg_kind() != ArgKind::None {
            fields.push(format!("{:>5}", ins.a()));
            let meaning = describe_arg(code, op, ins.a());
            if !meaning.is_empty() {
                fields.push(format!("({meaning})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end.saturating_sub(1),
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}
