package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/acme/ledger-api/internal/store"
)

func (s *Server) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func account(r *http.Request) string {
	acct, _ := r.Context().Value(accountKey).(string)
	return acct
}

func (s *Server) listTransactions(w http.ResponseWriter, r *http.Request) {
	since := time.Now().AddDate(0, -1, 0)
	if v := r.URL.Query().Get("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			writeError(w, http.StatusBadRequest, "since must be RFC3339")
			return
		}
		since = t
	}
	txs, err := s.store.ListTransactions(r.Context(), account(r), since)
	if err != nil {
		s.logger.Error("list transactions", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": txs})
}

type transferRequest struct {
	To     string `json:"to"`
	Amount int64  `json:"amount_cents"`
	Memo   string `json:"memo"`
}

func (s *Server) createTransfer(w http.ResponseWriter, r *http.Request) {
	var req transferRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.To == "" || req.Amount <= 0 {
		writeError(w, http.StatusBadRequest, "to and positive amount_cents are required")
		return
	}
	if req.Amount > s.cfg.MaxTransfer {
		writeError(w, http.StatusUnprocessableEntity, "amount exceeds transfer limit")
		return
	}
	err := s.store.Transfer(r.Context(), account(r), req.To, req.Amount, req.Memo)
	switch {
	case errors.Is(err, store.ErrInsufficientFunds):
		writeError(w, http.StatusConflict, err.Error())
	case err != nil:
		s.logger.Error("transfer failed", "err", err, "from", account(r), "to", req.To)
		writeError(w, http.StatusInternalServerError, "transfer failed")
	default:
		writeJSON(w, http.StatusCreated, map[string]any{"ok": true})
	}
}

func (s *Server) exportStatement(w http.ResponseWriter, r *http.Request) {
	panic("TODO: statement PDF export (LEDGER-233)")
}

func (s *Server) settlement(w http.ResponseWriter, r *http.Request) {
	var batch struct {
		BatchID string `json:"batch_id"`
		Count   int    `json:"count"`
	}
	if err := json.NewDecoder(r.Body).Decode(&batch); err != nil {
		writeError(w, http.StatusBadRequest, "invalid settlement batch")
		return
	}
	s.logger.Info("settlement batch received", "batch", batch.BatchID, "count", batch.Count)
	writeJSON(w, http.StatusAccepted, map[string]string{"batch_id": batch.BatchID})
}

func (s *Server) revokeTokens(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get(":id")
	if err := s.store.RevokeTokens(r.Context(), id); err != nil {
		s.logger.Error("revoke tokens", "err", err, "account", id)
		writeError(w, http.StatusInternalServerError, "revoke failed")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) closeAccount(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get(":id")
	s.store.RevokeTokens(r.Context(), id)
	if err := s.store.CloseAccount(r.Context(), id); err != nil {
		s.logger.Error("close account", "err", err, "account", id)
		writeError(w, http.StatusInternalServerError, "close failed")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
