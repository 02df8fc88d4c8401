pub mod admin;
pub mod pastes;
