pub mod supplier;
