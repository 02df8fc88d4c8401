use poem_openapi::Tags;

pub mod admin;
pub mod items;
pub mod stock;

#[derive(Tags)]
pub enum ApiTags {
    /// Catalogue of stocked items
    Items,
    /// Stock levels, movements and reservations
    Stock,
    /// Administrative operations
    Admin,
}
