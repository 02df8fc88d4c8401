package httpapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/acme/orders/internal/payments"
)

type TokenStore interface {
	Lookup(ctx context.Context, token string) (Principal, bool)
}

type OrderStore interface {
	Get(ctx context.Context, id string) (Order, error)
	Create(ctx context.Context, o Order) (Order, error)
	SetStatus(ctx context.Context, id, status string) error
	EraseCustomer(ctx context.Context, id string) error
}

type AuditLog interface {
	Write(ctx context.Context, actor, action, target string) error
}

type Order struct {
	ID         string `json:"id"`
	CustomerID string `json:"customer_id"`
	TotalMinor int64  `json:"total_minor"`
	Status     string `json:"status"`
}

type Server struct {
	tokens   TokenStore
	orders   OrderStore
	audit    AuditLog
	payments *payments.Client
	log      *slog.Logger
}

func NewServer(t TokenStore, o OrderStore, a AuditLog, p *payments.Client, l *slog.Logger) *Server {
	return &Server{tokens: t, orders: o, audit: a, payments: p, log: l}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Debug("client went away while encoding response", "err", err)
	}
}

func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) {
	o, err := s.orders.Get(r.Context(), chi.URLParam(r, "id"))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, o)
}

func (s *Server) createOrder(w http.ResponseWriter, r *http.Request) {
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	created, err := s.orders.Create(r.Context(), o)
	if err != nil {
		s.log.Error("create order", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusCreated, created)
}

func (s *Server) cancelOrder(w http.ResponseWriter, r *http.Request) {
	panic("not implemented: cancellation needs the warehouse hold API")
}

func (s *Server) forceRefund(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	o, err := s.orders.Get(r.Context(), id)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if err := s.payments.Refund(r.Context(), o.ID, o.TotalMinor); err != nil {
		http.Error(w, "refund failed", http.StatusBadGateway)
		return
	}
	p, _ := r.Context().Value(principalKey).(Principal)
	_ = s.audit.Write(r.Context(), p.Subject, "order.force_refund", id)
	writeJSON(w, http.StatusOK, map[string]string{"status": "refunded"})
}

func (s *Server) eraseCustomer(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	if err := s.orders.EraseCustomer(r.Context(), id); err != nil {
		s.log.Error("erase customer", "id", id, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) fulfilmentCallback(w http.ResponseWriter, r *http.Request) {
	var body struct {
		OrderID string `json:"order_id"`
		Status  string `json:"status"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := s.orders.SetStatus(r.Context(), body.OrderID, body.Status); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) carrierHook(key string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		mac := hmac.New(sha256.New, []byte(key))
		mac.Write(raw)
		want := hex.EncodeToString(mac.Sum(nil))
		if r.Header.Get("X-Carrier-Signature") != want {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}
