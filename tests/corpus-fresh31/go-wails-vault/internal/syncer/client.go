package syncer

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/oauth2"

	"github.com/dkrylov/vault/internal/paths"
	"github.com/dkrylov/vault/internal/secrets"
	"github.com/dkrylov/vault/internal/store"
)

const apiBase = "https://api.vaultsync.app/v1"

var ErrNotConnected = errors.New("no sync account connected")

// Service is bound to the frontend.
type Service struct {
	ctx       context.Context
	store     *store.Store
	tokens    secrets.RefreshTokenStore
	connector *Connector
	isLocked  func() bool
	log       *slog.Logger
	http      *http.Client
}

func NewService(st *store.Store, tokens secrets.RefreshTokenStore, connector *Connector, isLocked func() bool, log *slog.Logger) *Service {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}
	return &Service{
		store:     st,
		tokens:    tokens,
		connector: connector,
		isLocked:  isLocked,
		log:       log,
		http:      &http.Client{Transport: tr, Timeout: 30 * time.Second},
	}
}

func (s *Service) Startup(ctx context.Context) { s.ctx = ctx }

func (s *Service) IsConnected() bool {
	tok, err := s.tokens.Load()
	return err == nil && tok != ""
}

func (s *Service) ConnectAccount() error {
	tok, err := s.connector.Connect(s.ctx)
	if err != nil {
		return err
	}
	return s.tokens.Save(tok.RefreshToken)
}

func (s *Service) Disconnect() error {
	return s.tokens.Delete()
}

// SyncNow uploads every record; records stay sealed, the server never sees plaintext.
func (s *Service) SyncNow() (int, error) {
	if s.isLocked() {
		return 0, errors.New("unlock the vault before syncing")
	}
	refresh, err := s.tokens.Load()
	if err != nil {
		return 0, err
	}
	if refresh == "" {
		return 0, ErrNotConnected
	}
	ctx := context.WithValue(s.ctx, oauth2.HTTPClient, s.http)
	client := oauthConfig("").Client(ctx, &oauth2.Token{RefreshToken: refresh})
	recs, err := s.store.All()
	if err != nil {
		return 0, err
	}
	body, err := json.Marshal(map[string]any{"records": recs})
	if err != nil {
		return 0, err
	}
	resp, err := client.Post(apiBase+"/records:batchPut", "application/json", bytes.NewReader(body))
	if err != nil {
		s.journal(len(recs), err)
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		err := fmt.Errorf("sync server returned %s", resp.Status)
		s.journal(len(recs), err)
		return 0, err
	}
	return len(recs), nil
}

type journalEntry struct {
	At      time.Time `json:"at"`
	Records int       `json:"records"`
	Error   string    `json:"error"`
}

// journal remembers failed pushes so the next start retries them.
func (s *Service) journal(records int, cause error) {
	path := paths.SyncJournal()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		s.log.Error("sync journal dir", "err", err)
		return
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		s.log.Error("sync journal open", "err", err)
		return
	}
	defer f.Close()
	if err := json.NewEncoder(f).Encode(journalEntry{At: time.Now().UTC(), Records: records, Error: cause.Error()}); err != nil {
		s.log.Error("sync journal write", "err", err)
	}
}
