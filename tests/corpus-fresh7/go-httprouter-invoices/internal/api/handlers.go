package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/julienschmidt/httprouter"

	"github.com/acme/invoices-api/internal/store"
)

// InvoiceStore is the subset of store.Store used by the handlers.
type InvoiceStore interface {
	ListInvoices(ctx context.Context, customerID string, limit int, includeVoid bool) ([]store.Invoice, error)
	GetInvoice(ctx context.Context, id string) (store.Invoice, error)
	VoidInvoice(ctx context.Context, id string) error
	RecordAudit(ctx context.Context, actor, action, subject string) error
	MarkPaid(ctx context.Context, id, reference string) error
}

type Handler struct {
	store         InvoiceStore
	log           *slog.Logger
	webhookSecret string
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Default().Warn("encode response", "err", err)
	}
}

func (h *Handler) health(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (h *Handler) listInvoices(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	q := r.URL.Query()
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit <= 0 || limit > 200 {
		limit = 50
	}
	invoices, err := h.store.ListInvoices(r.Context(), q.Get("customer_id"), limit, q.Get("include_void") == "true")
	if err != nil {
		h.log.Error("list invoices", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"invoices": invoices})
}

func (h *Handler) voidInvoice(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	id := ps.ByName("id")
	if err := h.store.VoidInvoice(r.Context(), id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		h.log.Error("void invoice", "id", id, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	_ = h.store.RecordAudit(r.Context(), r.Header.Get("X-Actor"), "invoice.void", id)
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) exportInvoices(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	panic("TODO: streaming CSV export")
}

type paymentEvent struct {
	InvoiceID string `json:"invoice_id"`
	Reference string `json:"reference"`
}

func (h *Handler) paymentWebhook(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, []byte(h.webhookSecret))
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if r.Header.Get("X-Signature") != expected {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev paymentEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := h.store.MarkPaid(r.Context(), ev.InvoiceID, ev.Reference); err != nil {
		h.log.Error("mark paid failed; provider will retry", "invoice", ev.InvoiceID, "err", err)
		http.Error(w, "persist failed", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
