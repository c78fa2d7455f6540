//! Interpreter frames and the per-thread frame stack.
//!
//! ```text
//! Frame: [prev][code][func][globals][builtins][locals][gen][frame_obj]
//!        [pc][lasti][sp][flags][nslots]
//!        [slot 0 ... varnames | cellvars | freevars | value stack ... slot nslots-1]
//! ```
//!
//! Frames of ordinary calls live in the thread's [`FrameStack`]: chunks of
//! memory allocated once and never moved, used as a bump stack. Frames of
//! generators live inside the generator object (a GC object) and are
//! linked into the thread's chain while they run.
//!
//! The collector walks the chain from the thread's top frame and traces
//! every frame's fields and all `nslots` slots, not just up to `sp`:
//! slots above the stack pointer hold NULL (cleared when the frame is
//! pushed) or values that were popped — values that were traced at every
//! collection since they were written, so they are live objects. That
//! keeps the interpreter free of "sync the stack pointer before anything
//! that can collect" bookkeeping (at the price of retaining a popped
//! temporary until the slot is overwritten or the frame returns).

use crate::gc::Marker;
use crate::object::Gc;
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::value::Value;

/// `Frame::flags` bits.
pub mod fflags {
    /// Called from native code: returning from it leaves the interpreter
    /// loop (instead of resuming a caller frame in the same loop).
    pub const ENTRY: u32 = 1;
    /// The frame belongs to a generator/coroutine.
    pub const GENERATOR: u32 = 2;
    /// A class body or module frame with a locals mapping.
    pub const HAS_LOCALS: u32 = 4;
    /// An `__init__` call made by `type.__call__` inline: its return value
    /// is discarded and `self` (slot 0) returned instead.
    pub const INIT: u32 = 8;
}

#[repr(C)]
pub struct Frame {
    pub prev: *mut Frame,
    pub code: Gc<CodeObj>,
    /// The function being run, or NULL (module code, class bodies run
    /// through exec).
    pub func: Value,
    pub globals: Gc<DictObj>,
    pub builtins: Gc<DictObj>,
    /// The locals mapping of module and class bodies, else NULL.
    pub locals: Value,
    /// The generator owning this frame, or NULL.
    pub gen: Value,
    /// The `frame` object standing for this frame (`sys._getframe()`,
    /// `tb_frame`), made on first request, or NULL: one per activation, so
    /// `tb.tb_frame is sys._getframe()` holds as in CPython.
    pub frame_obj: Value,
    /// Index of the next instruction.
    pub pc: u32,
    /// Index of the instruction that raised / is being executed (for
    /// tracebacks and `f_lineno`).
    pub lasti: u32,
    /// Value-stack depth (items above the locals), saved across calls and
    /// suspensions.
    pub sp: u32,
    pub flags: u32,
    /// Number of slots that follow.
    pub nslots: u32,
    _pad: u32,
    /// The slots that follow the header are written through `&Frame`
    /// (`slots()`); this marker tells the compiler a `&Frame` does not
    /// promise read-only memory (without it, writes through a shared
    /// reference's pointer could be assumed not to happen).
    _interior: std::cell::UnsafeCell<()>,
}

impl Frame {
    /// Writes a frame header at `p` and clears its slots.
    ///
    /// # Safety
    /// `p` must point to memory for a `Frame` followed by `nslots` values.
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn init_at(
        p: *mut Frame,
        code: Gc<CodeObj>,
        func: Value,
        globals: Gc<DictObj>,
        builtins: Gc<DictObj>,
        locals: Value,
        flags: u32,
    ) {
        let nslots = code.frame_slots() as u32;
        // SAFETY: the caller provides room for the header and the slots.
        unsafe {
            p.write(Frame {
                prev: std::ptr::null_mut(),
                code,
                func,
                globals,
                builtins,
                locals,
                gen: Value::NULL,
                frame_obj: Value::NULL,
                pc: 0,
                lasti: 0,
                sp: 0,
                flags,
                nslots,
                _pad: 0,
                _interior: std::cell::UnsafeCell::new(()),
            });
            let s = (*p).slots_ptr();
            for i in 0..nslots as usize {
                s.add(i).write(Value::NULL);
            }
        }
    }

    /// Bytes a frame for `code` needs.
    #[inline]
    pub fn size_for(code: &CodeObj) -> usize {
        std::mem::size_of::<Frame>() + code.frame_slots() * 8
    }

    #[inline(always)]
    pub fn slots_ptr(&self) -> *mut Value {
        // SAFETY: the slots follow the header in the same allocation.
        unsafe { (self as *const Frame as *mut u8).add(std::mem::size_of::<Frame>()) as *mut Value }
    }

    /// The local slots (varnames, cells, frees) and the value stack.
    /// A `&Frame` does not promise read-only slots (see `_interior`); the
    /// owning thread is the only one that touches them while it runs.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn slots(&self) -> &mut [Value] {
        // SAFETY: `nslots` values follow the header; only the owning
        // thread touches them while the frame runs.
        unsafe { std::slice::from_raw_parts_mut(self.slots_ptr(), self.nslots as usize) }
    }

    /// The collector's view: every reference the frame holds.
    pub fn trace(&self, m: &mut Marker) {
        m.value(self.code.value());
        m.value(self.func);
        m.value(self.globals.value());
        m.value(self.builtins.value());
        m.value(self.locals);
        m.value(self.gen);
        m.value(self.frame_obj);
        // SAFETY: see `slots`; the owner is stopped.
        let s = unsafe { std::slice::from_raw_parts(self.slots_ptr(), self.nslots as usize) };
        m.values(s);
    }

    /// Clears the value-stack slots above the saved depth (`sp`): values
    /// popped since, which the collector would otherwise keep alive (see
    /// the module doc). Only sound when `sp` is exact, i.e. the frame
    /// saved its state before the call that is running now (the frames of
    /// a thread that called `gc.collect()`; see
    /// `ThreadState::clear_dead_stack_slots`).
    pub fn clear_above_sp(&self) {
        let from = self.code.nlocalsplus() + self.sp as usize;
        if let Some(dead) = self.slots().get_mut(from..) {
            dead.fill(Value::NULL);
        }
    }

    /// The line being executed.
    pub fn line(&self) -> u32 {
        self.code.line_of(self.lasti as usize)
    }
}

const CHUNK_BYTES: usize = 1 << 20;

/// The per-thread stack of frames: chunks of memory used as a bump stack.
/// Chunks never move, so frame pointers stay valid. A frame's own address
/// is where the bump pointer was before it was pushed, so popping needs no
/// bookkeeping besides the frame pointer.
pub struct FrameStack {
    chunks: Vec<Box<[u64]>>,
    /// Index of the chunk in use.
    cur: usize,
    /// Bump pointer and end of the current chunk.
    top: *mut u64,
    end: *mut u64,
    /// Frames pushed and not popped.
    depth: usize,
}

impl Default for FrameStack {
    fn default() -> Self {
        Self::new()
    }
}

impl FrameStack {
    pub fn new() -> FrameStack {
        let mut first = vec![0u64; CHUNK_BYTES / 8].into_boxed_slice();
        let top = first.as_mut_ptr();
        // SAFETY: one past the end of the chunk.
        let end = unsafe { top.add(first.len()) };
        FrameStack {
            chunks: vec![first],
            cur: 0,
            top,
            end,
            depth: 0,
        }
    }

    /// Memory for a frame of `bytes`; None if a single frame is larger
    /// than any chunk we are willing to make (caller raises MemoryError).
    #[inline]
    pub fn push(&mut self, bytes: usize) -> Option<*mut Frame> {
        let words = bytes.div_ceil(8);
        // SAFETY: pointer arithmetic within (or one past) the current chunk.
        if words <= unsafe { self.end.offset_from(self.top) } as usize {
            let p = self.top;
            // SAFETY: `words` fit before `end`.
            self.top = unsafe { p.add(words) };
            self.depth += 1;
            return Some(p as *mut Frame);
        }
        self.push_slow(words)
    }

    #[cold]
    fn push_slow(&mut self, words: usize) -> Option<*mut Frame> {
        if words > (1 << 30) {
            return None;
        }
        // Move to the next chunk (big enough for this frame).
        let next = self.cur + 1;
        if next < self.chunks.len() && self.chunks[next].len() < words {
            self.chunks.truncate(next);
        }
        if next >= self.chunks.len() {
            let n = (CHUNK_BYTES / 8).max(words);
            self.chunks.push(vec![0u64; n].into_boxed_slice());
        }
        self.cur = next;
        let c = &mut self.chunks[next];
        let p = c.as_mut_ptr();
        // SAFETY: within / one past the chunk.
        unsafe {
            self.end = p.add(c.len());
            self.top = p.add(words);
        }
        self.depth += 1;
        Some(p as *mut Frame)
    }

    /// Releases `f`, the most recently pushed frame.
    #[inline]
    pub fn pop(&mut self, f: *mut Frame) {
        let p = f as *mut u64;
        self.depth -= 1;
        let start = self.chunks[self.cur].as_mut_ptr();
        if p >= start && p < self.end {
            self.top = p;
            return;
        }
        self.pop_slow(p);
    }

    #[cold]
    fn pop_slow(&mut self, p: *mut u64) {
        // `p` starts a frame in an earlier chunk: make that chunk current.
        while self.cur > 0 {
            self.cur -= 1;
            let c = &mut self.chunks[self.cur];
            let start = c.as_mut_ptr();
            // SAFETY: one past the chunk.
            let end = unsafe { start.add(c.len()) };
            if p >= start && p < end {
                self.top = p;
                self.end = end;
                return;
            }
        }
    }

    pub fn depth(&self) -> usize {
        self.depth
    }
}
