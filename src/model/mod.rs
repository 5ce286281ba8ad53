//! The form's data: what is on screen, what changed, what core says about it.

pub mod address;
pub mod body;
pub mod json;
pub mod pointer;
pub mod prefill;
pub mod server;
pub mod state;
pub mod states;

/// Sorts a few field indexes and drops repeats. By binary-search insertion: the lists are a
/// form's fields (tens), and the standard sort would add ~2 KB to the wasm.
pub fn sort_indexes(indexes: &mut Vec<usize>) {
    let mut sorted: Vec<usize> = Vec::with_capacity(indexes.len());
    for index in indexes.drain(..) {
        if let Err(at) = sorted.binary_search(&index) {
            sorted.insert(at, index);
        }
    }
    *indexes = sorted;
}
