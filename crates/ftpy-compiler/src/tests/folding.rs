//! Constant folding: what CPython 3.11 folds, and nothing it does not.

use super::{code, code_mode, names};
use crate::code::Constant;
use crate::Mode;

fn folded(expr: &str) -> Option<Constant> {
    let c = code_mode(expr, Mode::Eval);
    if names(&c) == ["LOAD_CONST", "RETURN_VALUE"] {
        Some(c.constants[c.instructions[0].a() as usize].clone())
    } else {
        None
    }
}

#[test]
fn folds_what_cpython_folds() {
    use Constant::*;
    let cases: Vec<(&str, Constant)> = vec![
        ("-1", Int(-1)),
        ("--1", Int(1)),
        ("-9223372036854775808", Int(i64::MIN)),
        ("9223372036854775808", BigInt("9223372036854775808".into())),
        ("-0x8000000000000001", BigInt("-9223372036854775809".into())),
        ("~5", Int(-6)),
        ("+True", Int(1)),
        ("not 0", Bool(true)),
        ("not 'x'", Bool(false)),
        ("-1.5", Float(-1.5)),
        (
            "1 + 2j",
            Complex {
                real: 1.0,
                imag: 2.0,
            },
        ),
        (
            "-(1j)",
            Complex {
                real: -0.0,
                imag: -1.0,
            },
        ),
        ("2 ** 10", Int(1024)),
        ("2 ** 60", Int(1 << 60)),
        ("4 ** 40", BigInt("1208925819614629174706176".into())),
        ("7 // -2", Int(-4)),
        ("7 % -2", Int(-1)),
        ("1 / 4", Float(0.25)),
        ("1 << 3 | 1 & 3 ^ 4", Int(13)),
        ("'a' + 'b'", Str("ab".into())),
        ("'ab' * 3", Str("ababab".into())),
        ("b'a' * 2", Bytes(b"aa".to_vec())),
        ("(1, 2) + (3,)", Tuple(vec![Int(1), Int(2), Int(3)])),
        (
            "(1, (2, -3))",
            Tuple(vec![Int(1), Tuple(vec![Int(2), Int(-3)])]),
        ),
        ("'abc'[1]", Str("b".into())),
        ("'abc'[-1]", Str("c".into())),
        ("(1, 2)[0]", Int(1)),
        ("__debug__", Bool(true)),
    ];
    for (src, want) in cases {
        assert_eq!(folded(src), Some(want), "{src}");
    }
}

#[test]
fn leaves_the_rest_to_run_time() {
    for src in [
        "1 / 0",
        "1 // 0",
        "2 ** -1",
        "2 ** 100",
        "1 << 200",
        "'a' * 5000",
        "(1,) * 300",
        "'%s' % 1",
        "1 < 2",
        "1 and 2",
        "-'a'",
        "'abc'[5]",
        "2.0 ** 0.5",
        "1.5 // 1",
        "(1 + 2j) / 2",
        "[1, 2]",
        "True + 1",
    ] {
        assert_eq!(folded(src), None, "{src}");
    }
}

#[test]
fn membership_tests_use_constant_collections() {
    let c = code("x in [1, 2]\nx not in {1, 2}\nx in [a, b]\nfor i in [1, 2, 3]: pass\n");
    let consts = &c.constants;
    assert!(consts.contains(&Constant::Tuple(vec![Constant::Int(1), Constant::Int(2)])));
    assert!(consts.contains(&Constant::FrozenSet(vec![
        Constant::Int(1),
        Constant::Int(2)
    ])));
    assert!(consts.contains(&Constant::Tuple(vec![
        Constant::Int(1),
        Constant::Int(2),
        Constant::Int(3)
    ])));
    // A list of variables is built as a tuple.
    assert!(names(&c).contains(&"BUILD_TUPLE"));
    assert!(!names(&c).contains(&"BUILD_LIST"));
}

#[test]
fn displays_of_constants() {
    let c = code("x = [1, 2, 3]\ny = {1, 2, 3}\nz = {'a': 1, 'b': v}\n");
    let n = names(&c);
    assert!(n.contains(&"LIST_EXTEND"));
    assert!(n.contains(&"SET_UPDATE"));
    assert!(n.contains(&"BUILD_CONST_KEY_MAP"));
    assert!(c.constants.contains(&Constant::Tuple(vec![
        Constant::Str("a".into()),
        Constant::Str("b".into())
    ])));
}

#[test]
fn optimize_folds_debug_to_false() {
    let c = crate::compile("x = __debug__", "t", Mode::Exec, 1).unwrap();
    assert!(c.constants.contains(&Constant::Bool(false)));
}

#[test]
fn constants_are_deduplicated_by_type_and_value() {
    let c = code("a = 1\nb = 1.0\nc = True\nd = 1\ne = 0.0\nf = -0.0\n");
    let ints = c
        .constants
        .iter()
        .filter(|k| **k == Constant::Int(1))
        .count();
    assert_eq!(ints, 1);
    assert!(c.constants.contains(&Constant::Float(1.0)));
    assert!(c.constants.contains(&Constant::Bool(true)));
    let zeros = c
        .constants
        .iter()
        .filter(|k| matches!(k, Constant::Float(f) if *f == 0.0))
        .count();
    assert_eq!(zeros, 2);
}
