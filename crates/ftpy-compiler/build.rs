//! Derives `BYTECODE_VERSION` from the compiler's own source: any change to
//! the compiler (code generation, the opcode table, the code object format)
//! gives compiled code a new version, so the VM's compiled-code cache never
//! trusts code written by another compiler.

use std::path::Path;

fn hash_dir(dir: &Path, h: &mut u64) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            hash_dir(&p, h);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let name = p.to_string_lossy();
            // Tests do not change what the compiler produces.
            if name.contains("/tests/") || name.ends_with("/tests.rs") {
                continue;
            }
            if let Ok(bytes) = std::fs::read(&p) {
                for b in bytes {
                    // FNV-1a, 64 bits.
                    *h = (*h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    hash_dir(Path::new("src"), &mut h);
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let text = format!(
        "/// Identifies the compiler that produced a code object (a hash of\n/// the compiler's source, see build.rs).\npub const BYTECODE_VERSION: u64 = {h:#018x};\n"
    );
    let _ = std::fs::write(Path::new(&out).join("bytecode_version.rs"), text);
}
