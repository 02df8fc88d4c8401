// Package dashboard serves the moderators' web dashboard.
package dashboard

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"golang.org/x/oauth2"

	"github.com/northwind-gg/modbot/internal/config"
	"github.com/northwind-gg/modbot/internal/modlog"
)

var discordEndpoint = oauth2.Endpoint{
	AuthURL:  "https://discord.com/oauth2/authorize",
	TokenURL: "https://discord.com/api/oauth2/token",
}

var indexTmpl = template.Must(template.New("index").Parse(
	`<h1>Open cases</h1><ul>{{range .}}<li>#{{.ID}} <@{{.TargetID}}> {{.Summary}}</li>{{end}}</ul>`))

type Store interface {
	Ping(ctx context.Context) error
	OpenCases(ctx context.Context) ([]modlog.Case, error)
	OpenCase(ctx context.Context, targetID, summary string) (int64, error)
	CloseCase(ctx context.Context, id int64, moderatorID, resolution string) error
	RecentActions(ctx context.Context, guildID string, limit int) ([]modlog.Action, error)
}

type Server struct {
	cfg        *config.Config
	store      Store
	sessions   *Sessions
	oauth      *oauth2.Config
	moderators map[string]bool
}

func NewServer(cfg *config.Config, store Store, moderatorIDs []string) *Server {
	mods := make(map[string]bool, len(moderatorIDs))
	for _, id := range moderatorIDs {
		mods[id] = true
	}
	return &Server{
		cfg:      cfg,
		store:    store,
		sessions: NewSessions(cfg.DashboardSecret, cfg.SessionTTL),
		oauth: &oauth2.Config{
			ClientID:     cfg.OAuthClientID,
			ClientSecret: cfg.OAuthSecret,
			Endpoint:     discordEndpoint,
			RedirectURL:  cfg.DashboardURL + "/oauth/callback",
			Scopes:       []string{"identify"},
		},
		moderators: mods,
	}
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()

	// Unauthenticated by design: the health probe and the OAuth login round trip.
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /login", s.login)
	mux.HandleFunc("GET /oauth/callback", s.callback)

	mux.Handle("GET /{$}", s.requireSession(http.HandlerFunc(s.index)))
	mux.Handle("POST /export", s.requireSession(http.HandlerFunc(s.export)))
	mux.HandleFunc("POST /cases/{id}/close", s.closeCase)
	return mux
}

func (s *Server) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		userID, ok := s.sessions.Verify(c.Value)
		if !ok || !s.moderators[userID] {
			s.sessions.Clear(w)
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r.WithContext(withModerator(r.Context(), userID)))
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Ping(r.Context()); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ok"))
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 16)
	if _, err := rand.Read(buf); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	state := hex.EncodeToString(buf)
	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state, Path: "/oauth", MaxAge: 300, HttpOnly: true, Secure: true})
	http.Redirect(w, r, s.oauth.AuthCodeURL(state), http.StatusFound)
}

func (s *Server) callback(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("oauth_state")
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "invalid oauth state", http.StatusBadRequest)
		return
	}
	tok, err := s.oauth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "login failed", http.StatusBadGateway)
		return
	}
	resp, err := s.oauth.Client(r.Context(), tok).Get("https://discord.com/api/users/@me")
	if err != nil {
		http.Error(w, "login failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var me struct {
		ID string `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&me); err != nil || !s.moderators[me.ID] {
		http.Error(w, "not a moderator", http.StatusForbidden)
		return
	}
	s.sessions.Issue(w, me.ID)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	cases, err := s.store.OpenCases(r.Context())
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	indexTmpl.Execute(w, cases)
}

func (s *Server) closeCase(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad case id", http.StatusBadRequest)
		return
	}
	resolution := r.FormValue("resolution")
	if err := s.store.CloseCase(r.Context(), id, moderatorFrom(r.Context()), resolution); err != nil {
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.RecentActions(r.Context(), s.cfg.GuildID, 10000)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := os.MkdirAll(s.cfg.ExportDir, 0o750); err != nil {
		http.Error(w, "export directory unavailable", http.StatusInternalServerError)
		return
	}
	name := filepath.Join(s.cfg.ExportDir, "actions-"+time.Now().UTC().Format("20060102-150405")+".csv")
	f, err := os.Create(name)
	if err != nil {
		http.Error(w, "export failed", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	cw := csv.NewWriter(f)
	cw.Write([]string{"id", "kind", "target", "moderator", "reason", "created_at"})
	for _, a := range list {
		cw.Write([]string{strconv.FormatInt(a.ID, 10), a.Kind, a.TargetID, a.ModeratorID, a.Reason, a.CreatedAt.Format(time.RFC3339)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		http.Error(w, "export failed", http.StatusInternalServerError)
		return
	}
	fmt.Fprintf(w, "exported %d actions to %s\n", len(list), filepath.Base(name))
}
