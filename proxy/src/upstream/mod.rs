//! Calls to the provider: URL building, the provider's authentication, timeouts, and the
//! mapping of transport failures onto the statuses the contract documents.

pub mod auth;
pub mod client;
pub mod polygon_token;

pub use client::{Failure, Upstream, UpstreamResponse};
