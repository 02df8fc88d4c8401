package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log"
	"net/http"

	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/config"
	"github.com/inkwell/printshop/internal/store"
)

type providerEvent struct {
	JobID     string `json:"job_id"`
	Reference string `json:"reference"`
	Status    string `json:"status"` // printing, shipped, failed
	Tracking  string `json:"tracking,omitempty"`
}

// ProviderWebhook receives PrintCo job status callbacks. PrintCo signs the
// raw body with the shared webhook secret (X-PrintCo-Signature, hex HMAC-SHA256).
func ProviderWebhook(ctx *macaron.Context, cfg *config.Config, st *store.Store) {
	body, err := ctx.Req.Body().Bytes()
	if err != nil {
		ctx.Error(http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, []byte(cfg.ProviderSecret))
	mac.Write(body)
	if ctx.Req.Header.Get("X-PrintCo-Signature") != hex.EncodeToString(mac.Sum(nil)) {
		ctx.Error(http.StatusUnauthorized)
		return
	}

	var ev providerEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		ctx.Error(http.StatusBadRequest)
		return
	}
	var id int64
	if err := json.Unmarshal([]byte(ev.Reference), &id); err != nil || id == 0 {
		ctx.Error(http.StatusUnprocessableEntity, "unknown reference")
		return
	}
	if err := st.SetStatus(ctx.Req.Context(), id, ev.Status, ev.JobID); err != nil {
		log.Printf("printco event %s for order %d: %v", ev.Status, id, err)
		// 5xx makes PrintCo retry the callback with backoff
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.Status(http.StatusNoContent)
}
