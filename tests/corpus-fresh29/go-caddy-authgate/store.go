package authgate

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// TokenRecord is one issued API token. Only the SHA-256 of the token is kept.
type TokenRecord struct {
	ID        string     `json:"id"`
	Hash      string     `json:"hash"`
	Subject   string     `json:"subject"`
	Scopes    []string   `json:"scopes"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	Revoked   bool       `json:"revoked,omitempty"`
}

// TokenStore is a JSON file of token records, rewritten atomically on change.
type TokenStore struct {
	mu      sync.RWMutex
	path    string
	records map[string]*TokenRecord
}

var stores sync.Map // path -> *TokenStore, shared by handlers and the admin API

func sharedStore(path string) (*TokenStore, error) {
	if s, ok := stores.Load(path); ok {
		return s.(*TokenStore), nil
	}
	s, err := OpenStore(path)
	if err != nil {
		return nil, err
	}
	actual, _ := stores.LoadOrStore(path, s)
	return actual.(*TokenStore), nil
}

// OpenStore loads the store at path; a missing file is an empty store.
func OpenStore(path string) (*TokenStore, error) {
	s := &TokenStore{path: path, records: map[string]*TokenRecord{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	var list []*TokenRecord
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, err
	}
	for _, rec := range list {
		s.records[rec.ID] = rec
	}
	return s, nil
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand failing leaves no safe way to issue tokens
	}
	return hex.EncodeToString(b)
}

// Issue creates a token for subject with the given scopes, valid for ttl
// (zero means no expiry). The plaintext token is returned once.
func (s *TokenStore) Issue(subject string, scopes []string, ttl time.Duration) (string, *TokenRecord, error) {
	id := randomHex(6)
	token := "ag_" + id + "_" + randomHex(24)
	rec := &TokenRecord{
		ID:        id,
		Hash:      hashToken(token),
		Subject:   subject,
		Scopes:    scopes,
		CreatedAt: time.Now().UTC(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records[id] = rec
	if err := s.persistLocked(); err != nil {
		delete(s.records, id)
		return "", nil, err
	}
	return token, rec, nil
}

// Lookup returns the record for a presented token if it is valid.
func (s *TokenStore) Lookup(token string) (*TokenRecord, bool) {
	parts := strings.SplitN(token, "_", 3)
	if len(parts) != 3 || parts[0] != "ag" {
		return nil, false
	}
	s.mu.RLock()
	rec, ok := s.records[parts[1]]
	s.mu.RUnlock()
	if !ok || rec.Revoked {
		return nil, false
	}
	if rec.ExpiresAt != nil && time.Now().After(*rec.ExpiresAt) {
		return nil, false
	}
	if rec.Hash != hashToken(token) {
		return nil, false
	}
	return rec, true
}

// Revoke marks a token revoked and writes the store.
func (s *TokenStore) Revoke(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.records[id]
	if !ok {
		return false
	}
	rec.Revoked = true
	s.persistLocked()
	return true
}

// List returns copies of all records, newest first.
func (s *TokenStore) List() []TokenRecord {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]TokenRecord, 0, len(s.records))
	for _, r := range s.records {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	return out
}

func (s *TokenStore) persistLocked() error {
	list := make([]*TokenRecord, 0, len(s.records))
	for _, r := range s.records {
		list = append(list, r)
	}
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}
