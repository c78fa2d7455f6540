//! The sort behind `list.sort` and `sorted`: stable, `<` only, and safe
//! against comparisons that raise or are inconsistent (NaN, user `__lt__`).
//!
//! It sorts an array of indices by the keys they name, so the values stay
//! in rooted storage and nothing is lost if a comparison raises. The
//! structure follows CPython's timsort where it decides the result for
//! inconsistent comparisons on small inputs: natural runs (strictly
//! descending runs reversed), binary insertion up to a minimum run length,
//! then stable merges.

use crate::error::PyResult;
use crate::gc::RootedVec;
use crate::ops;
use crate::thread::ThreadState;
use crate::value::Value;

/// Sorts `items` in place (by `key(item)` when given; descending when
/// `reverse`, keeping equal items in their original order).
pub fn sort_values(
    ts: &mut ThreadState,
    items: &mut RootedVec,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        // CPython computes the key of a lone item too (a bad key raises).
        if let (Some(k), 1) = (key, n) {
            ops::call1(ts, k, items[0])?;
        }
        return Ok(());
    }
    // Keys in the list's order (the key function sees the items in
    // order); a reverse sort is a stable sort of the reversed items,
    // reversed back.
    let mut keys = RootedVec::with_capacity(ts, n);
    match key {
        Some(k) => {
            for i in 0..n {
                let v = items[i];
                keys.push(ops::call1(ts, k, v)?);
            }
        }
        None => keys.extend_from_slice(items),
    }
    if reverse {
        items.reverse();
        keys.reverse();
    }
    let mut idx: Vec<usize> = (0..n).collect();
    let r = timsort(ts, &keys, &mut idx);
    // Apply the permutation (also after an error: still a permutation).
    let old: Vec<Value> = items.to_vec();
    for (dst, &src) in idx.iter().enumerate() {
        items[dst] = old[src];
    }
    drop(old);
    if reverse {
        items.reverse();
    }
    r
}

/// The `reverse` argument of `sort`/`sorted`: an int (C int range), as
/// CPython parses it.
pub fn reverse_flag(ts: &mut ThreadState, v: Value) -> PyResult<bool> {
    if let Some(b) = v.as_bool() {
        return Ok(b);
    }
    let i = ops::index(ts, v)?;
    match crate::objects::int::to_i64(i) {
        Some(x) if i32::try_from(x).is_ok() => Ok(x != 0),
        _ => Err(ts.overflow_error("Python int too large to convert to C int")),
    }
}

struct Sorter<'a> {
    keys: &'a [Value],
}

impl Sorter<'_> {
    #[inline]
    fn lt(&self, ts: &mut ThreadState, a: usize, b: usize) -> PyResult<bool> {
        ops::lt(ts, self.keys[a], self.keys[b])
    }
}

fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

fn timsort(ts: &mut ThreadState, keys: &[Value], idx: &mut [usize]) -> PyResult<()> {
    let s = Sorter { keys };
    let n = idx.len();
    let minrun = min_run(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let (mut len, desc) = count_run(ts, &s, idx, lo, n)?;
        if desc {
            idx[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = minrun.min(n - lo);
            binary_insertion(ts, &s, idx, lo, lo + force, lo + len)?;
            len = force;
        }
        runs.push((lo, len));
        merge_collapse(ts, &s, idx, &mut runs)?;
        lo += len;
    }
    while runs.len() > 1 {
        let k = runs.len() - 2;
        merge_at(ts, &s, idx, &mut runs, k)?;
    }
    Ok(())
}

/// Length of the natural run at `lo`, and whether it is strictly
/// descending.
fn count_run(
    ts: &mut ThreadState,
    s: &Sorter,
    idx: &[usize],
    lo: usize,
    hi: usize,
) -> PyResult<(usize, bool)> {
    if lo + 1 >= hi {
        return Ok((1, false));
    }
    let mut n = 2;
    if s.lt(ts, idx[lo + 1], idx[lo])? {
        while lo + n < hi && s.lt(ts, idx[lo + n], idx[lo + n - 1])? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while lo + n < hi && !s.lt(ts, idx[lo + n], idx[lo + n - 1])? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// Sorts `idx[lo..hi]` given that `idx[lo..start]` is sorted.
fn binary_insertion(
    ts: &mut ThreadState,
    s: &Sorter,
    idx: &mut [usize],
    lo: usize,
    hi: usize,
    start: usize,
) -> PyResult<()> {
    let mut start = start.max(lo + 1);
    while start < hi {
        let pivot = idx[start];
        let (mut l, mut r) = (lo, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if s.lt(ts, pivot, idx[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        let mut k = start;
        while k > l {
            idx[k] = idx[k - 1];
            k -= 1;
        }
        idx[l] = pivot;
        start += 1;
    }
    Ok(())
}

fn merge_collapse(
    ts: &mut ThreadState,
    s: &Sorter,
    idx: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
) -> PyResult<()> {
    while runs.len() > 1 {
        let n = runs.len();
        let c = runs[n - 1].1;
        let b = runs[n - 2].1;
        if n >= 3 && runs[n - 3].1 <= b + c {
            let a = runs[n - 3].1;
            if a < c {
                merge_at(ts, s, idx, runs, n - 3)?;
            } else {
                merge_at(ts, s, idx, runs, n - 2)?;
            }
        } else if b <= c {
            merge_at(ts, s, idx, runs, n - 2)?;
        } else {
            break;
        }
    }
    Ok(())
}

/// Merges runs `k` and `k+1` (stable: equal items keep the left first).
fn merge_at(
    ts: &mut ThreadState,
    s: &Sorter,
    idx: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
    k: usize,
) -> PyResult<()> {
    let (a_lo, a_len) = runs[k];
    let (b_lo, b_len) = runs[k + 1];
    runs[k] = (a_lo, a_len + b_len);
    runs.remove(k + 1);
    let left: Vec<usize> = idx[a_lo..a_lo + a_len].to_vec();
    let (mut i, mut j, mut out) = (0, b_lo, a_lo);
    let b_hi = b_lo + b_len;
    let mut err = None;
    while i < left.len() && j < b_hi {
        match s.lt(ts, idx[j], left[i]) {
            Ok(true) => {
                idx[out] = idx[j];
                j += 1;
            }
            Ok(false) => {
                idx[out] = left[i];
                i += 1;
            }
            Err(e) => {
                err = Some(e);
                break;
            }
        }
        out += 1;
    }
    // Whatever remains of the left run fills the gap (keeps a permutation).
    while i < left.len() {
        idx[out] = left[i];
        i += 1;
        out += 1;
    }
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
