//! Expression unparsing, for `from __future__ import annotations`: an
//! annotation is stored as its source text, normalized the way CPython's
//! `ast_unparse.c` writes it (`List[ int ]` becomes `'List[int]'`).
//!
//! Parentheses follow operator precedence, not the original source.

use ruff_python_ast::{self as ast, CmpOp, Expr, Operator, UnaryOp};

use crate::consts::{self, repr};

// Precedence levels, lowest first (CPython's `PR_*`).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The source text of an annotation.
pub(crate) fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, PR_TEST);
    out
}

fn paren_open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn paren_close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::Pow => (" ** ", PR_POWER),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn seq(out: &mut String, items: &[Expr], level: u8) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    stacker::maybe_grow(
        crate::scope::STACK_RED_ZONE,
        crate::scope::STACK_GROW,
        || expr_inner(out, e, level),
    )
}

fn expr_inner(out: &mut String, e: &Expr, level: u8) {
    match e {
        Expr::BoolOp(b) => {
            let (sep, pr) = match b.op {
                ast::BoolOp::And => (" and ", PR_AND),
                ast::BoolOp::Or => (" or ", PR_OR),
            };
            paren_open(out, level > pr);
            for (i, v) in b.values.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                expr(out, v, pr + 1);
            }
            paren_close(out, level > pr);
        }
        Expr::Named(n) => {
            paren_open(out, level > PR_TUPLE);
            expr(out, &n.target, PR_ATOM);
            out.push_str(" := ");
            expr(out, &n.value, PR_ATOM);
            paren_close(out, level > PR_TUPLE);
        }
        Expr::BinOp(b) => {
            let (sym, pr) = binop(b.op);
            let rassoc = b.op == Operator::Pow;
            paren_open(out, level > pr);
            expr(out, &b.left, pr + rassoc as u8);
            out.push_str(sym);
            expr(out, &b.right, pr + !rassoc as u8);
            paren_close(out, level > pr);
        }
        Expr::UnaryOp(u) => {
            let (sym, pr) = match u.op {
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren_open(out, level > pr);
            out.push_str(sym);
            expr(out, &u.operand, pr);
            paren_close(out, level > pr);
        }
        Expr::Lambda(l) => {
            paren_open(out, level > PR_TEST);
            out.push_str("lambda");
            if let Some(p) = &l.parameters {
                let mut args = String::new();
                parameters(&mut args, p);
                if !args.is_empty() {
                    out.push(' ');
                    out.push_str(&args);
                }
            }
            out.push_str(": ");
            expr(out, &l.body, PR_TEST);
            paren_close(out, level > PR_TEST);
        }
        Expr::If(i) => {
            paren_open(out, level > PR_TEST);
            expr(out, &i.body, PR_TEST + 1);
            out.push_str(" if ");
            expr(out, &i.test, PR_TEST + 1);
            out.push_str(" else ");
            expr(out, &i.orelse, PR_TEST);
            paren_close(out, level > PR_TEST);
        }
        Expr::Dict(d) => {
            out.push('{');
            for (i, item) in d.items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match &item.key {
                    Some(k) => {
                        expr(out, k, PR_TEST);
                        out.push_str(": ");
                        expr(out, &item.value, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, &item.value, PR_BOR);
                    }
                }
            }
            out.push('}');
        }
        Expr::Set(s) => {
            if s.elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(out, &s.elts, PR_TEST);
                out.push('}');
            }
        }
        Expr::ListComp(c) => {
            out.push('[');
            expr(out, &c.elt, PR_TEST);
            comprehensions(out, &c.generators);
            out.push(']');
        }
        Expr::SetComp(c) => {
            out.push('{');
            expr(out, &c.elt, PR_TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::DictComp(c) => {
            out.push('{');
            if let Some(k) = &c.key {
                expr(out, k, PR_TEST);
                out.push_str(": ");
            }
            expr(out, &c.value, PR_TEST);
            comprehensions(out, &c.generators);
            out.push('}');
        }
        Expr::Generator(c) => {
            out.push('(');
            expr(out, &c.elt, PR_TEST);
            comprehensions(out, &c.generators);
            out.push(')');
        }
        Expr::Await(a) => {
            paren_open(out, level > PR_AWAIT);
            out.push_str("await ");
            expr(out, &a.value, PR_ATOM);
            paren_close(out, level > PR_AWAIT);
        }
        Expr::Yield(y) => {
            out.push_str("(yield");
            if let Some(v) = &y.value {
                out.push(' ');
                expr(out, v, PR_TEST);
            }
            out.push(')');
        }
        Expr::YieldFrom(y) => {
            out.push_str("(yield from ");
            expr(out, &y.value, PR_TEST);
            out.push(')');
        }
        Expr::Compare(c) => {
            paren_open(out, level > PR_CMP);
            expr(out, &c.left, PR_CMP + 1);
            for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                out.push_str(cmpop(*op));
                expr(out, right, PR_CMP + 1);
            }
            paren_close(out, level > PR_CMP);
        }
        Expr::Call(c) => {
            expr(out, &c.func, PR_ATOM);
            let args = &c.arguments.args;
            let kws = &c.arguments.keywords;
            if args.len() == 1 && kws.is_empty() {
                if let Expr::Generator(_) = &args[0] {
                    expr(out, &args[0], PR_TEST);
                    return;
                }
            }
            out.push('(');
            let mut first = true;
            for a in args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(out, a, PR_TEST);
            }
            for k in kws.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name.as_str());
                        out.push('=');
                        expr(out, &k.value, PR_TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, &k.value, PR_TEST);
                    }
                }
            }
            out.push(')');
        }
        Expr::FString(f) => {
            let mut body = String::new();
            for part in f.value.iter() {
                match part {
                    ast::FStringPart::Literal(s) => escape_braces(&mut body, &s.value),
                    ast::FStringPart::FString(fs) => fstring_elements(&mut body, &fs.elements),
                }
            }
            out.push('f');
            out.push_str(&consts::str_repr(&body));
        }
        Expr::TString(_) | Expr::IpyEscapeCommand(_) => out.push_str("..."),
        Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => match consts::fold(e, 0) {
            Some(crate::code::Constant::Ellipsis) => out.push_str("..."),
            Some(crate::code::Constant::Float(f)) if f.is_infinite() => {
                out.push_str(if f > 0.0 { "1e309" } else { "-1e309" })
            }
            Some(crate::code::Constant::Complex { real, imag })
                if real.is_infinite() || imag.is_infinite() =>
            {
                out.push_str("1e309j")
            }
            Some(c) => out.push_str(&repr(&c)),
            None => out.push_str("..."),
        },
        Expr::Attribute(a) => {
            expr(out, &a.value, PR_ATOM);
            // `1 .real`: an int needs a space before the dot.
            if let Expr::NumberLiteral(n) = &*a.value {
                if matches!(n.value, ast::Number::Int(_)) {
                    out.push(' ');
                }
            }
            out.push('.');
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            expr(out, &s.value, PR_ATOM);
            out.push('[');
            match &*s.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    for (i, x) in t.elts.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        expr(out, x, PR_TEST);
                    }
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => expr(out, other, PR_TUPLE),
            }
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            expr(out, &s.value, PR_BOR);
        }
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::List(l) => {
            out.push('[');
            seq(out, &l.elts, PR_TEST);
            out.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
            } else {
                paren_open(out, level > PR_TUPLE);
                seq(out, &t.elts, PR_TEST);
                if t.elts.len() == 1 {
                    out.push(',');
                }
                paren_close(out, level > PR_TUPLE);
            }
        }
        Expr::Slice(s) => {
            if let Some(l) = &s.lower {
                expr(out, l, PR_TEST);
            }
            out.push(':');
            if let Some(u) = &s.upper {
                expr(out, u, PR_TEST);
            }
            if let Some(st) = &s.step {
                out.push(':');
                expr(out, st, PR_TEST);
            }
        }
    }
}

fn escape_braces(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            c => out.push(c),
        }
    }
}

fn fstring_elements(out: &mut String, elements: &ast::InterpolatedStringElements) {
    for el in elements.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => escape_braces(out, &l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                let mut inner = String::new();
                expr(&mut inner, &i.expression, PR_TEST + 1);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                if let Some(c) = i.conversion.to_char() {
                    out.push('!');
                    out.push(c);
                }
                if let Some(spec) = &i.format_spec {
                    out.push(':');
                    fstring_elements(out, &spec.elements);
                }
                out.push('}');
            }
        }
    }
}

fn comprehensions(out: &mut String, gens: &[ast::Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn parameters(out: &mut String, p: &ast::Parameters) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    for (i, a) in p.posonlyargs.iter().chain(p.args.iter()).enumerate() {
        sep(out);
        out.push_str(a.parameter.name.as_str());
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, PR_TEST);
        }
        if i + 1 == p.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if let Some(v) = &p.vararg {
        sep(out);
        out.push('*');
        out.push_str(v.name.as_str());
    } else if !p.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
    }
    for a in p.kwonlyargs.iter() {
        sep(out);
        out.push_str(a.parameter.name.as_str());
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, PR_TEST);
        }
    }
    if let Some(k) = &p.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(k.name.as_str());
    }
}
