pub mod carrier;
pub mod supplier;
