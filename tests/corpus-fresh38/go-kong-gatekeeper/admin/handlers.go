package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
)

type Handlers struct {
	store     Store
	exportDir string
	log       *slog.Logger
}

var exportName = regexp.MustCompile(`^keys-\d{8}T\d{6}\.csv$`)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Default().Warn("writing response", "error", err)
	}
}

func randomToken(n int) (string, error) {
	buf := make([]byte, n)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(buf))[:n], nil
}

func (h *Handlers) healthz(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) lookupKey(w http.ResponseWriter, r *http.Request) {
	rec, err := h.store.KeyByPrefix(r.Context(), chi.URLParam(r, "prefix"))
	if errors.Is(err, ErrNotFound) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown key"})
		return
	}
	if err != nil {
		h.log.Error("key lookup", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "lookup failed"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"consumer_id": rec.ConsumerID, "hash": rec.Hash, "status": rec.Status})
}

func (h *Handlers) listConsumers(w http.ResponseWriter, r *http.Request) {
	consumers, err := h.store.ListConsumers(r.Context())
	if err != nil {
		h.log.Error("list consumers", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "list failed"})
		return
	}
	writeJSON(w, http.StatusOK, consumers)
}

func (h *Handlers) createConsumer(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name string `json:"name"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || strings.TrimSpace(body.Name) == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "name is required"})
		return
	}
	c, err := h.store.CreateConsumer(r.Context(), strings.TrimSpace(body.Name))
	if err != nil {
		h.log.Error("create consumer", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "create failed"})
		return
	}
	if err := h.store.Audit(r.Context(), actorFrom(r), "consumer.created", c.ID); err != nil {
		h.log.Error("audit", "error", err)
	}
	writeJSON(w, http.StatusCreated, c)
}

func (h *Handlers) issueKey(w http.ResponseWriter, r *http.Request) {
	prefixPart, err := randomToken(8)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "entropy"})
		return
	}
	secretPart, err := randomToken(32)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "entropy"})
		return
	}
	key := "gk_" + prefixPart + "." + secretPart
	sum := sha256.Sum256([]byte(key))
	rec, err := h.store.InsertKey(r.Context(), chi.URLParam(r, "id"), key[:11], hex.EncodeToString(sum[:]))
	if errors.Is(err, ErrNotFound) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown consumer"})
		return
	}
	if err != nil {
		h.log.Error("issue key", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "issue failed"})
		return
	}
	if err := h.store.Audit(r.Context(), actorFrom(r), "key.issued", rec.ID); err != nil {
		h.log.Error("audit", "error", err)
	}
	writeJSON(w, http.StatusCreated, map[string]string{"id": rec.ID, "key": key})
}

func (h *Handlers) setStatus(w http.ResponseWriter, r *http.Request, status string) bool {
	err := h.store.SetKeyStatus(r.Context(), chi.URLParam(r, "id"), status)
	if errors.Is(err, ErrNotFound) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown key"})
		return false
	}
	if err != nil {
		h.log.Error("set key status", "status", status, "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "update failed"})
		return false
	}
	return true
}

func (h *Handlers) revokeKey(w http.ResponseWriter, r *http.Request) {
	if !h.setStatus(w, r, "revoked") {
		return
	}
	h.store.Audit(r.Context(), actorFrom(r), "key.revoked", chi.URLParam(r, "id"))
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) reactivateKey(w http.ResponseWriter, r *http.Request) {
	if !h.setStatus(w, r, "active") {
		return
	}
	if err := h.store.Audit(r.Context(), actorFrom(r), "key.reactivated", chi.URLParam(r, "id")); err != nil {
		h.log.Error("audit", "error", err)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) createExport(w http.ResponseWriter, r *http.Request) {
	keys, err := h.store.AllKeys(r.Context())
	if err != nil {
		h.log.Error("export", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "export failed"})
		return
	}
	if err := os.MkdirAll(h.exportDir, 0o750); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "export dir"})
		return
	}
	name := fmt.Sprintf("keys-%s.csv", time.Now().UTC().Format("20060102T150405"))
	f, err := os.OpenFile(filepath.Join(h.exportDir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "export file"})
		return
	}
	cw := csv.NewWriter(f)
	_ = cw.Write([]string{"id", "consumer_id", "prefix", "status", "created_at"})
	for _, k := range keys {
		_ = cw.Write([]string{k.ID, k.ConsumerID, k.Prefix, k.Status, k.CreatedAt.Format(time.RFC3339)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "export write"})
		return
	}
	if err := f.Close(); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "export close"})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"name": name})
}

func (h *Handlers) downloadExport(w http.ResponseWriter, r *http.Request) {
	name := chi.URLParam(r, "name")
	if !exportName.MatchString(name) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown export"})
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	http.ServeFile(w, r, filepath.Join(h.exportDir, name))
}
