//! ftpy runtime.
