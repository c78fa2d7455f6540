//! `_sre.SRE_Scanner`: successive matches over one subject (behind
//! `Pattern.finditer` and `Pattern.scanner`).
//!
//! The subject is read once at creation (a mutable buffer is copied then).
//! The position state sits behind the scanner's lock; the engine state is
//! taken out of it for the duration of a match (the lock is never held
//! while matching, which may run detached), so two threads stepping one
//! scanner never block each other or crash; as in CPython, which match each
//! gets is unspecified.

use std::sync::OnceLock;

use parking_lot::Mutex;

use super::pattern::Pattern;
use super::{matchobj, EngineState, Kw, Mode, Subject};
use ftpy_vm::builtins::args::Sig;
use ftpy_vm::gc::{Marker, Slot};
use ftpy_vm::objects::native::{self, data_of, NativeData, NativeObj};
use ftpy_vm::objects::typeobj::TypeObj;
use ftpy_vm::objects::{add_getset, add_methods, method};
use ftpy_vm::{Gc, PyResult, ThreadState, Value};

struct Position {
    /// Where the next attempt starts; None once a match attempt failed.
    start: Option<usize>,
    must_advance: bool,
    /// The engine state, kept between calls (None while in use).
    engine: Option<EngineState>,
}

struct Scanner {
    pattern: Slot,
    subject: Subject,
    pos: usize,
    endpos: usize,
    at: Mutex<Position>,
}

// SAFETY: traces the pattern and the subject object (which owns the text
// the subject and the engine state point into).
unsafe impl NativeData for Scanner {
    fn trace(&self, m: &mut Marker) {
        m.slot(&self.pattern);
        m.value(self.subject.obj);
    }
}

static SCANNER_TYPE: OnceLock<Gc<TypeObj>> = OnceLock::new();

pub(super) fn new_scanner(
    ts: &mut ThreadState,
    pv: Value,
    string: Value,
    pos: Value,
    endpos: Value,
) -> PyResult<Value> {
    let p = native::expect::<Pattern>(ts, pv, "re.Pattern")?;
    let positions = super::positions(ts, pos, endpos)?;
    let subject = p.subject(ts, string)?;
    let (pos, endpos) = subject.bounds(positions);
    let ty = *SCANNER_TYPE
        .get()
        .ok_or_else(|| ts.runtime_error("_sre is not initialized"))?;
    let data = Scanner {
        pattern: Slot::new(pv),
        subject,
        pos,
        endpos,
        at: Mutex::new(Position {
            start: Some(pos),
            must_advance: false,
            engine: None,
        }),
    };
    Ok(NativeObj::new(ts, ty, data).value())
}

fn step(ts: &mut ThreadState, args: &[Value], kw: Kw, sig: &Sig, mode: Mode) -> PyResult<Value> {
    let [v] = sig.bind(ts, args, kw)?;
    let s = native::expect::<Scanner>(ts, v, "_sre.SRE_Scanner")?;
    let Some(p) = data_of::<Pattern>(s.pattern.get()) else {
        return Ok(Value::NONE);
    };
    let (start, must_advance, engine) = {
        let mut at = s.at.lock();
        let Some(start) = at.start else {
            return Ok(Value::NONE);
        };
        (start, at.must_advance, at.engine.take())
    };
    let mut engine = engine.map(|e| e.0).unwrap_or_default();
    let r = p.exec(
        ts,
        &s.subject,
        &mut engine,
        start,
        s.endpos,
        mode,
        must_advance,
    );
    let found = r?;
    let mut at = s.at.lock();
    at.engine = Some(EngineState(engine));
    let Some(found) = found else {
        at.start = None;
        return Ok(Value::NONE);
    };
    let (b, e) = found.span(0);
    at.must_advance = b == e;
    at.start = Some(e as usize);
    drop(at);
    Ok(matchobj::new_match(
        ts,
        s.pattern.get(),
        &s.subject,
        s.pos,
        s.endpos,
        found,
    ))
}

fn m_match(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SRE_Scanner.match($self, /)");
    step(ts, args, kw, &SIG, Mode::Match)
}

fn m_search(ts: &mut ThreadState, args: &[Value], kw: Kw) -> PyResult<Value> {
    static SIG: Sig = Sig::new("SRE_Scanner.search($self, /)");
    step(ts, args, kw, &SIG, Mode::Search)
}

fn get_pattern(ts: &mut ThreadState, v: Value) -> PyResult<Value> {
    Ok(native::expect::<Scanner>(ts, v, "_sre.SRE_Scanner")?
        .pattern
        .get())
}

pub(super) fn init(ts: &mut ThreadState) -> PyResult<()> {
    let t = native::new_type::<Scanner>(ts, "SRE_Scanner", "_sre", None, false);
    add_methods(
        ts,
        t,
        &[method("match", m_match), method("search", m_search)],
    );
    add_getset(ts, t, "pattern", get_pattern, None);
    native::finish_type(ts, t);
    let _ = SCANNER_TYPE.set(t);
    ftpy_vm::interp::add_global_root(t.value());
    Ok(())
}
