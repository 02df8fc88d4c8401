// Package ops exposes health, readiness and a few operator actions next to the worker.
package ops

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"go.temporal.io/sdk/client"
)

type Server struct {
	Temporal      client.Client
	AdminToken    string
	CarrierSecret string
	Log           *slog.Logger
}

func (s *Server) requireAdmin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		presented := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(presented), []byte(s.AdminToken)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("POST /admin/workflows/{id}/signal", s.requireAdmin(s.signalWorkflow))
	mux.HandleFunc("POST /admin/workflows/{id}/cancel", s.cancelWorkflow)
	mux.HandleFunc("POST /hooks/carrier", s.carrierWebhook)
	return mux
}

func (s *Server) signalWorkflow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	name := r.URL.Query().Get("name")
	if err := s.Temporal.SignalWorkflow(r.Context(), id, "", name, nil); err != nil {
		s.Log.Error("signal failed", "workflow", id, "signal", name, "error", err)
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) cancelWorkflow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.Temporal.CancelWorkflow(r.Context(), id, "")
	s.Log.Info("cancel requested", "workflow", id)
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) carrierWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 256<<10))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, []byte(s.CarrierSecret))
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	if !strings.EqualFold(r.Header.Get("X-Carrier-Signature"), want) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	workflowID := "shipment-" + r.URL.Query().Get("order")
	if err := s.Temporal.SignalWorkflow(r.Context(), workflowID, "", "carrier-event", string(body)); err != nil {
		s.Log.Warn("carrier event not delivered", "workflow", workflowID, "error", err)
		http.Error(w, "retry later", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
