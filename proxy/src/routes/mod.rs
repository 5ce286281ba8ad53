pub mod customer;
pub mod demo;
pub mod messages;
pub mod openapi;
pub mod session_guard;
pub mod states;
