package plugin

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/acme/shipwright-datasource/pkg/upstream"
)

var roleRank = map[string]int{"Viewer": 1, "Editor": 2, "Admin": 3}

func (d *Datasource) routes() *http.ServeMux {
	mux := http.NewServeMux()
	// Used by the query editor's service picker; every signed-in viewer may list services.
	mux.HandleFunc("/services", d.handleServices)
	mux.HandleFunc("/annotations", d.requireRole("Editor", d.handleAnnotation))
	mux.HandleFunc("/rollbacks", d.handleRollback)
	mux.HandleFunc("/exports/", d.requireRole("Editor", d.handleExport))
	mux.HandleFunc("/admin/cache/purge", d.handlePurge)
	return mux
}

func currentUser(r *http.Request) *backend.User {
	return backend.PluginConfigFromContext(r.Context()).User
}

func (d *Datasource) requireRole(min string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		user := currentUser(r)
		if user == nil || roleRank[user.Role] < roleRank[min] {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": min + " role required"})
			return
		}
		next(w, r)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// The status line is already sent; a failed write means the caller went away.
	_ = json.NewEncoder(w).Encode(v)
}

func (d *Datasource) handleServices(w http.ResponseWriter, r *http.Request) {
	services, err := d.client.Services(r.Context(), d.settings.Team)
	if err != nil {
		writeJSON(w, httpStatusFor(err), map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string][]string{"services": services})
}

type annotationRequest struct {
	Service string `json:"service"`
	Text    string `json:"text"`
}

func (d *Datasource) handleAnnotation(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "POST only"})
		return
	}
	var body annotationRequest
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Service == "" || body.Text == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "service and text are required"})
		return
	}
	user := currentUser(r)
	err := d.client.CreateAnnotation(r.Context(), upstream.Annotation{
		Service: body.Service,
		Text:    body.Text,
		Author:  user.Login,
		At:      time.Now().UTC(),
	})
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	d.audit.Record(AuditEntry{User: user.Login, Role: user.Role, Action: "annotation.create", Subject: body.Service})
	writeJSON(w, http.StatusCreated, map[string]string{"status": "created"})
}

type rollbackRequest struct {
	DeploymentID string `json:"deploymentId"`
}

func (d *Datasource) handleRollback(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "POST only"})
		return
	}
	var body rollbackRequest
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.DeploymentID == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "deploymentId is required"})
		return
	}
	login := "anonymous"
	if user := currentUser(r); user != nil {
		login = user.Login
	}
	rollbackID, err := d.client.Rollback(r.Context(), body.DeploymentID, login)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	if err := d.audit.Record(AuditEntry{User: login, Action: "rollback", Subject: body.DeploymentID}); err != nil {
		d.logger.Error("audit write failed", "error", err, "rollback", rollbackID)
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"rollbackId": rollbackID})
}

func (d *Datasource) handleExport(w http.ResponseWriter, r *http.Request) {
	exportID := strings.TrimPrefix(r.URL.Path, "/exports/")
	if exportID == "" || strings.Contains(exportID, "/") {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "export id required"})
		return
	}
	body, signature, err := d.client.DownloadExport(r.Context(), exportID)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	if err := upstream.VerifyBundle([]byte(d.settings.BundleKey), body, signature); err != nil {
		d.logger.Warn("rejected export bundle", "export", exportID, "error", err)
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "export bundle failed verification"})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="shipwright-`+exportID+`.json"`)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// handlePurge drops Shipwright's server-side query cache for the team. Grafana
// admins can call it from the UI; the nightly warm-up job uses the purge token.
func (d *Datasource) handlePurge(w http.ResponseWriter, r *http.Request) {
	user := currentUser(r)
	isAdmin := user != nil && user.Role == "Admin"
	hasToken := d.settings.PurgeToken != "" && r.Header.Get("X-Purge-Token") == d.settings.PurgeToken
	if !isAdmin && !hasToken {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "Admin role required"})
		return
	}
	err := d.client.PurgeCache(r.Context(), d.settings.Team)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "purged"})
}
