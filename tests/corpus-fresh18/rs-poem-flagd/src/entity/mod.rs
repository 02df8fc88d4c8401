pub mod audit_log;
pub mod flag;

pub use audit_log::Entity as AuditLog;
pub use flag::Entity as Flag;
