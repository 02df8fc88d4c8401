// Package forms holds the request shapes bound by go-macaron/binding.
package forms

type Login struct {
	Email    string `form:"email" binding:"Required;Email"`
	Password string `form:"password" binding:"Required"`
}

type NewOrder struct {
	SKU       string `form:"sku" binding:"Required;MaxSize(32)"`
	Quantity  int    `form:"quantity" binding:"Required;Range(1,5000)"`
	Rush      bool   `form:"rush"`
	ArtworkID string `form:"artwork_id" binding:"Required;AlphaDashDot"`
	ShipTo    string `form:"ship_to" binding:"Required;MaxSize(400)"`
}

type PartnerOrder struct {
	ExternalRef string `json:"external_ref" binding:"Required"`
	SKU         string `json:"sku" binding:"Required"`
	Quantity    int    `json:"quantity" binding:"Required;Range(1,5000)"`
	ArtworkURL  string `json:"artwork_url" binding:"Required;Url"`
	ShipTo      string `json:"ship_to" binding:"Required"`
}
