package handlers

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/acme/tickets/internal/middleware"
	"github.com/acme/tickets/internal/notify"
	"github.com/gorilla/mux"
)

type Features struct {
	BulkExport bool
}

type Handler struct {
	Store         Store
	Audit         AuditLog
	Notifier      *notify.Client
	WebhookSecret []byte
	Features      Features
	Log           *slog.Logger
}

func (h *Handler) Register(r *mux.Router) {
	r.HandleFunc("/tickets", h.list).Methods(http.MethodGet)
	r.HandleFunc("/tickets", h.create).Methods(http.MethodPost)
	r.HandleFunc("/tickets/export", h.export).Methods(http.MethodGet)
	r.HandleFunc("/tickets/{id}", h.get).Methods(http.MethodGet)
	r.HandleFunc("/tickets/{id}/close", h.close).Methods(http.MethodPost)
	r.HandleFunc("/tickets/{id}/merge", h.merge).Methods(http.MethodPost)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Default().Warn("encode response", "err", err)
	}
}

func filterTickets(ts []Ticket, status string, assignee string) []Ticket {
	out := ts[:0:0]
	for _, t := range ts {
		if status != "" && t.Status != status {
			continue
		}
		out = append(out, t)
	}
	return out
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > 500 {
		limit = 100
	}
	ts, err := h.Store.List(r.Context(), limit)
	if err != nil {
		h.Log.Error("list tickets", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	q := r.URL.Query()
	writeJSON(w, http.StatusOK, filterTickets(ts, q.Get("status"), q.Get("assignee")))
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	t, err := h.Store.Get(r.Context(), mux.Vars(r)["id"])
	if errors.Is(err, ErrNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	} else if err != nil {
		h.Log.Error("get ticket", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	var in Ticket
	if err := json.NewDecoder(io.LimitReader(r.Body, 64<<10)).Decode(&in); err != nil || in.Title == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	in.Status, in.CreatedAt = "open", time.Now().UTC()
	t, err := h.Store.Create(r.Context(), in)
	if err != nil {
		h.Log.Error("create ticket", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusCreated, t)
}

func (h *Handler) close(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	if err := h.Store.SetStatus(r.Context(), id, "closed"); err != nil {
		h.Log.Error("close ticket", "id", id, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := h.Audit.Record(r.Context(), AuditEntry{TicketID: id, Action: "close", Actor: middleware.Caller(r.Context()), At: time.Now()}); err != nil {
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) merge(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not implemented", http.StatusNotImplemented)
}

func (h *Handler) export(w http.ResponseWriter, r *http.Request) {
	if !h.Features.BulkExport {
		// Bulk export is dark-launched (FEAT-311): 501 tells the UI to hide the button.
		http.Error(w, "bulk export disabled", http.StatusNotImplemented)
		return
	}
	ts, err := h.Store.List(r.Context(), 10000)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/csv")
	cw := csv.NewWriter(w)
	for _, t := range ts {
		_ = cw.Write([]string{t.ID, t.Title, t.Status, t.Assignee})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		h.Log.Warn("csv export truncated", "err", err)
	}
}
