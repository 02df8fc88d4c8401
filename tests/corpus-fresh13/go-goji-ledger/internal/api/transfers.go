package api

import (
	"encoding/json"
	"net/http"

	"goji.io/pat"
)

type transferRequest struct {
	ToAccount   string `json:"to_account"`
	AmountMinor int64  `json:"amount_minor"`
	Currency    string `json:"currency"`
	Reference   string `json:"reference"`
}

func (h *Handlers) CreateTransfer(w http.ResponseWriter, r *http.Request) {
	var req transferRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid json")
		return
	}
	from := pat.Param(r, "id")
	acct, err := h.Store.Account(r.Context(), from)
	if err != nil {
		writeError(w, http.StatusNotFound, "account not found")
		return
	}
	amount := req.AmountMinor
	if req.Currency != acct.Currency {
		amount, err = h.FX.Convert(r.Context(), req.AmountMinor, req.Currency, acct.Currency)
		if err != nil {
			h.Logger.Error("fx convert", "err", err)
			writeError(w, http.StatusBadGateway, "currency conversion unavailable")
			return
		}
	}
	id, err := h.Store.Transfer(r.Context(), from, req.ToAccount, amount, req.Reference)
	if err != nil {
		h.Logger.Error("transfer", "err", err)
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"transfer_id": id})
}
