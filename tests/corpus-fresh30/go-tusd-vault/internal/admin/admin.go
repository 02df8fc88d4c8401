// Package admin serves operator endpoints on a separate listener. The listener
// is bound to loopback by default (VAULT_ADMIN_LISTEN) and is reached through
// the bastion host, so it carries no token check of its own.
package admin

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/northdocs/vault/internal/uploads"
)

type Admin struct {
	Registry *uploads.Registry
	Started  time.Time
	Log      *slog.Logger
}

func (a *Admin) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/stats", a.stats)
	mux.HandleFunc("POST /admin/reindex", a.reindex)
	return mux
}

func (a *Admin) stats(w http.ResponseWriter, r *http.Request) {
	total, complete, err := a.Registry.Counts(r.Context())
	if err != nil {
		a.Log.Error("stats: count failed", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"uploads_total":    total,
		"uploads_complete": complete,
		"uptime_seconds":   int(time.Since(a.Started).Seconds()),
		"goroutines":       runtime.NumGoroutine(),
	})
}

func (a *Admin) reindex(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not implemented", http.StatusNotImplemented)
}
