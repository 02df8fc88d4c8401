package api

import (
	"log/slog"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

// NewRouter wires all routes. Every /v1 route must go through requireToken.
func NewRouter(cfg Config, st InvoiceStore, log *slog.Logger) http.Handler {
	h := &Handler{store: st, log: log, webhookSecret: cfg.WebhookSecret}
	auth := func(next httprouter.Handle) httprouter.Handle { return requireToken(cfg.APITokens, next) }

	r := httprouter.New()
	r.GET("/healthz", h.health)
	// signed by the payment provider instead of a bearer token
	r.POST("/webhooks/payments", h.paymentWebhook)

	r.PanicHandler = func(w http.ResponseWriter, req *http.Request, v any) {
		log.Error("panic in handler", "path", req.URL.Path, "panic", v)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
	r.NotFound = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
	})

	// customer API: every route below needs a bearer token
	r.GET("/v1/invoices", auth(h.listInvoices))
	r.GET("/v1/invoices/export", auth(h.exportInvoices))
	r.POST("/v1/invoices/:id/void", h.voidInvoice)

	return withLogging(log, r)
}
