package api

import (
	"goji.io"
	"goji.io/pat"
)

// NewRouter wires public, authenticated and admin routes.
func NewRouter(h *Handlers) *goji.Mux {
	root := goji.NewMux()
	root.Use(requestID)

	root.HandleFunc(pat.Get("/healthz"), h.Health)
	root.HandleFunc(pat.Post("/hooks/bank"), h.BankWebhook)

	v1 := goji.SubMux()
	v1.Use(h.RequireToken)
	v1.HandleFunc(pat.Get("/accounts/:id"), h.GetAccount)
	v1.HandleFunc(pat.Get("/accounts/:id/entries"), h.ListEntries)
	v1.HandleFunc(pat.Post("/accounts/:id/transfers"), h.CreateTransfer)
	root.Handle(pat.New("/v1/*"), v1)

	// reconciliation is triggered by the nightly job
	root.HandleFunc(pat.Post("/admin/reconcile"), h.Reconcile)

	admin := goji.SubMux()
	admin.Use(h.RequireToken)
	admin.Use(h.RequireAdmin)
	admin.HandleFunc(pat.Post("/accounts/:id/freeze"), h.FreezeAccount)
	admin.HandleFunc(pat.Get("/statements/:id"), h.Statement)
	root.Handle(pat.New("/admin/*"), admin)

	return root
}
