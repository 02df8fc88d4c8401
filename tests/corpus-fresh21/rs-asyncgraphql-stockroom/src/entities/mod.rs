pub mod product;
pub mod stock_movement;

pub use product::Entity as Product;
pub use stock_movement::Entity as StockMovement;
