//! PLACEHOLDER (core-fields helper replaces this): calendar dates. Core has no clock
//! (SystemTime panics on wasm32-unknown-unknown), so callers pass `today`.
