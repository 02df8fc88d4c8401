package handlers

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/acme/tickets/internal/notify"
	"github.com/gorilla/mux"
)

// RegisterAdmin mounts maintenance endpoints on the given subrouter.
func (h *Handler) RegisterAdmin(r *mux.Router) {
	r.HandleFunc("/purge", h.purge).Methods(http.MethodPost)
	r.HandleFunc("/reindex", h.reindex).Methods(http.MethodPost)
}

func (h *Handler) purge(w http.ResponseWriter, r *http.Request) {
	age, err := time.ParseDuration(r.URL.Query().Get("older_than"))
	if err != nil || age < 24*time.Hour {
		http.Error(w, "older_than must be a duration of at least 24h", http.StatusBadRequest)
		return
	}
	n, err := h.Store.Purge(r.Context(), age)
	if err != nil {
		h.Log.Error("purge", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int64{"purged": n})
}

func (h *Handler) reindex(w http.ResponseWriter, _ *http.Request) {
	// search index rebuilds run from the nightly job now; keep the endpoint as a no-op ack
	w.WriteHeader(http.StatusAccepted)
}

// Inbound handles slash-command callbacks from chat ("/ticket close 123").
func (h *Handler) Inbound(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 32<<10))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if !notify.VerifyInbound(h.WebhookSecret, body, r.Header.Get("X-Chat-Signature")) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	fields := strings.Fields(string(body))
	if len(fields) != 2 || fields[0] != "close" {
		http.Error(w, "usage: close <id>", http.StatusBadRequest)
		return
	}
	if err := h.Store.SetStatus(r.Context(), fields[1], "closed"); err != nil {
		http.Error(w, fmt.Sprintf("could not close %s", fields[1]), http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
