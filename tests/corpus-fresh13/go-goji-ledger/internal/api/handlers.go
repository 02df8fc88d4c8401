package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"goji.io/pat"

	"github.com/acme/ledger/internal/fx"
	"github.com/acme/ledger/internal/store"
)

// DefaultStatementDir is where rendered PDF statements are read from.
const DefaultStatementDir = "/Users/kwame/go/src/github.com/acme/ledger/statements"

type Handlers struct {
	Store     *store.Store
	FX        *fx.Client
	Logger    *slog.Logger
	Tokens    map[string]Principal
	HookKey   []byte
	StatementDir string
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func (h *Handlers) Health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (h *Handlers) GetAccount(w http.ResponseWriter, r *http.Request) {
	acct, err := h.Store.Account(r.Context(), pat.Param(r, "id"))
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "account not found")
		return
	}
	if err != nil {
		h.Logger.Error("get account", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	writeJSON(w, http.StatusOK, acct)
}

func (h *Handlers) ListEntries(w http.ResponseWriter, r *http.Request) {
	since, _ := time.Parse(time.RFC3339, r.URL.Query().Get("since"))
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > 1000 {
		limit = 100
	}
	entries, err := h.Store.Entries(r.Context(), pat.Param(r, "id"), since, limit)
	if err != nil {
		h.Logger.Error("list entries", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	writeJSON(w, http.StatusOK, entries)
}

func (h *Handlers) FreezeAccount(w http.ResponseWriter, r *http.Request) {
	id := pat.Param(r, "id")
	if err := h.Store.SetFrozen(r.Context(), id, true); err != nil {
		h.Logger.Error("freeze", "account", id, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	p, _ := r.Context().Value(ctxPrincipal).(Principal)
	_ = h.Store.AppendAudit(r.Context(), p.Name, "account.freeze", id)
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) Reconcile(w http.ResponseWriter, r *http.Request) {
	n, err := h.Store.Reconcile(r.Context(), time.Now().Add(-24*time.Hour))
	if err != nil {
		h.Logger.Error("reconcile", "err", err)
		writeError(w, http.StatusInternalServerError, "reconcile failed")
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"adjusted": n})
}

func (h *Handlers) Statement(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(pat.Param(r, "id")) + ".pdf"
	http.ServeFile(w, r, filepath.Join(h.StatementDir, name))
}

func (h *Handlers) BankWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		writeError(w, http.StatusBadRequest, "unreadable body")
		return
	}
	mac := hmac.New(sha256.New, h.HookKey)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if !strings.EqualFold(r.Header.Get("X-Bank-Signature"), expected) {
		writeError(w, http.StatusUnauthorized, "bad signature")
		return
	}
	h.Logger.Info("bank webhook accepted", "bytes", len(body))
	w.WriteHeader(http.StatusAccepted)
}
