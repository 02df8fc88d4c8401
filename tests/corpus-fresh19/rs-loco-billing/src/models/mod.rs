pub mod _entities;
pub mod invoices;
pub mod users;
