package routers

import (
	"github.com/beego/beego/v2/server/web"

	"github.com/northwind-logistics/inventory-api/controllers"
	"github.com/northwind-logistics/inventory-api/filters"
)

func init() {
	// Everything under /api/v1 needs a valid bearer token.
	web.InsertFilter("/api/v1/*", web.BeforeRouter, filters.RequireToken)

	web.Router("/healthz", &controllers.HealthController{}, "get:Get")
	web.Router("/auth/login", &controllers.SessionController{}, "post:Login")

	// Supplier and carrier callbacks authenticate with HMAC signatures.
	web.Router("/hooks/supplier/stock", &controllers.WebhookController{}, "post:SupplierStock")
	web.Router("/hooks/carrier/delivery", &controllers.WebhookController{}, "post:CarrierDelivery")

	ns := web.NewNamespace("/api/v1",
		web.NSRouter("/items", &controllers.ItemsController{}, "get:List;post:Create"),
		web.NSRouter("/items/:id:int", &controllers.ItemsController{}, "get:Get;put:Update"),
		web.NSRouter("/items/:id:int/label", &controllers.ItemsController{}, "get:Label"),

		web.NSRouter("/warehouses/:wid:int/stock", &controllers.StockController{}, "get:List"),
		web.NSRouter("/warehouses/:wid:int/stock/adjust", &controllers.StockController{}, "post:Adjust"),
		web.NSRouter("/warehouses/:wid:int/stock/transfer", &controllers.StockController{}, "post:Transfer"),

		web.NSNamespace("/admin",
			web.NSBefore(filters.RequireAdmin),
			web.NSRouter("/users", &controllers.AdminController{}, "get:ListUsers"),
			web.NSRouter("/reconcile", &controllers.AdminController{}, "post:Reconcile"),
			web.NSRouter("/suppliers/:id:int/sync", &controllers.AdminController{}, "post:SyncSupplier"),
		),
	)
	web.AddNamespace(ns)

	// Used by the nightly cycle-count importer.
	web.Router("/internal/stock/bulk-adjust", &controllers.StockController{}, "post:BulkAdjust")
}
