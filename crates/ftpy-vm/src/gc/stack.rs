//! Native stacks for the conservative scan: where a thread's stack ends,
//! and spilling the callee-saved registers so that values living only in
//! registers are on the stack when the collector reads it.
//!
//! A thread about to stop for a collection (or to detach) calls
//! [`with_registers_spilled`]: the callee-saved registers are copied into an
//! array in that function's frame, and the frame's address becomes the
//! low end of the range to scan. Every caller frame (and with it every
//! caller-saved register the compiler had to save around the call) lies
//! between that address and the stack's top.

/// The callee-saved registers of the platform, spilled to memory.
#[repr(C)]
#[derive(Default)]
pub struct SpilledRegisters {
    regs: [usize; 12],
}

/// Copies the callee-saved registers into `out`.
#[inline(always)]
fn spill(out: &mut SpilledRegisters) {
    let p = out.regs.as_mut_ptr();
    #[cfg(target_arch = "x86_64")]
    // SAFETY: writes six words into `out.regs` (12 words long); reads
    // registers without changing them.
    unsafe {
        std::arch::asm!(
            "mov [{p}], rbx",
            "mov [{p} + 8], rbp",
            "mov [{p} + 16], r12",
            "mov [{p} + 24], r13",
            "mov [{p} + 32], r14",
            "mov [{p} + 40], r15",
            p = in(reg) p,
            options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: writes eleven words into `out.regs` (12 words long).
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{p}]",
            "stp x21, x22, [{p}, #16]",
            "stp x23, x24, [{p}, #32]",
            "stp x25, x26, [{p}, #48]",
            "stp x27, x28, [{p}, #64]",
            "str x29, [{p}, #80]",
            p = in(reg) p,
            options(nostack, preserves_flags)
        );
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    compile_error!("ftpy's conservative stack scan needs register spilling for this architecture");
}

/// Spills the callee-saved registers into this frame and calls `f` with
/// the lowest stack address that must be scanned.
#[inline(never)]
pub fn with_registers_spilled<R>(f: impl FnOnce(usize) -> R) -> R {
    let mut regs = SpilledRegisters::default();
    spill(&mut regs);
    let low = &regs as *const SpilledRegisters as usize;
    let r = f(low);
    std::hint::black_box(&regs);
    r
}

/// The highest address of the current thread's stack (stacks grow down).
pub fn current_stack_top() -> usize {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; we
    // destroy it after reading the stack bounds.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
            if rc == 0 && !addr.is_null() {
                return addr as usize + size;
            }
        }
    }
    // Fallback: a little above the current frame (scans at least this
    // frame's callers up to here; good enough for threads we created).
    let here = 0usize;
    &here as *const usize as usize + (1 << 20)
}

/// The lowest usable address of the current thread's stack, for the
/// native recursion guard.
pub fn current_stack_bottom() -> usize {
    // SAFETY: as in current_stack_top.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
            if rc == 0 && !addr.is_null() {
                return addr as usize;
            }
        }
    }
    0
}

/// The address of a local in the caller's frame: the current stack depth.
#[inline(always)]
pub fn approx_sp() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}

/// Bytes of dead stack [`scrub_dead_stack`] overwrites.
const SCRUB_WORDS: usize = 1024;

/// Overwrites the dead stack just below the caller's frame with zeros, so
/// that the frames a collection is about to push start clean: their
/// unwritten slots would otherwise still hold pointers left there by
/// earlier, deeper calls, which the conservative scan takes for live
/// references (an object freed by `del x; gc.collect()` would survive it).
/// The words of the frames already on the stack are left alone: they may
/// be live.
#[inline(never)]
pub fn scrub_dead_stack() {
    let mut words = [0usize; SCRUB_WORDS];
    std::hint::black_box(&mut words);
}
