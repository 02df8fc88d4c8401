package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// Auth carries the secrets needed by the HTTP layer.
type Auth struct {
	AdminKey      string
	WebhookSecret string
}

type HealthOutput struct {
	Body struct {
		Status string `json:"status"`
	}
}

// Register wires every operation onto the given huma API.
func Register(api huma.API, h *Handlers, auth Auth) {
	mw := &Middleware{api: api, adminKey: []byte(auth.AdminKey), store: h.Store}

	huma.Register(api, huma.Operation{
		OperationID: "health",
		Method:      http.MethodGet,
		Path:        "/healthz",
		Hidden:      true,
	}, func(ctx context.Context, _ *struct{}) (*HealthOutput, error) {
		out := &HealthOutput{}
		out.Body.Status = "ok"
		return out, nil
	})

	v1 := huma.NewGroup(api, "/v1")
	v1.UseMiddleware(mw.RequireCustomerToken)
	huma.Get(v1, "/invoices", h.ListInvoices)
	huma.Get(v1, "/invoices/{id}", h.GetInvoice)

	admin := huma.NewGroup(api, "/admin")
	admin.UseMiddleware(mw.RequireAdminKey)
	huma.Post(admin, "/invoices", h.CreateInvoice)
	huma.Post(admin, "/invoices/{id}/refund", h.RefundInvoice)
	huma.Register(admin, huma.Operation{
		OperationID: "void-invoice",
		Method:      http.MethodPost,
		Path:        "/invoices/{id}/void",
		Summary:     "Void an open invoice",
	}, h.VoidInvoice)

	huma.Register(api, huma.Operation{
		OperationID: "delete-customer",
		Method:      http.MethodDelete,
		Path:        "/admin/customers/{id}",
		Summary:     "Delete a customer together with their invoices",
	}, h.DeleteCustomer)

	wh := &WebhookHandler{store: h.Store, secret: []byte(auth.WebhookSecret), logger: h.Logger}
	huma.Register(api, huma.Operation{
		OperationID:   "payment-webhook",
		Method:        http.MethodPost,
		Path:          "/webhooks/payments",
		DefaultStatus: http.StatusNoContent,
	}, wh.Payment)
}
