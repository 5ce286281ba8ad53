//! The form's data: what is on screen, what changed, what core says about it.

pub mod body;
pub mod js;
pub mod pointer;
pub mod prefill;
pub mod server;
pub mod state;
pub mod states;
