pub mod firmware;
pub mod manager;
pub mod schedule;

pub const MANAGER_PATH: &str = "/org/example/DeviceCtl";
pub const FIRMWARE_PATH: &str = "/org/example/DeviceCtl/Firmware";
pub const SCHEDULE_PATH: &str = "/org/example/DeviceCtl/Schedule";
