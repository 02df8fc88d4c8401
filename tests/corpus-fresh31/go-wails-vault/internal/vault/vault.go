package vault

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"
	bolt "go.etcd.io/bbolt"

	"github.com/dkrylov/vault/internal/store"
)

var (
	ErrLocked         = errors.New("vault is locked")
	ErrWrongPassword  = errors.New("wrong master password")
	ErrNotInitialized = errors.New("vault has no master password yet")
	ErrWeakPassword   = errors.New("master password must be at least 12 characters")
)

const autoLockAfter = 5 * time.Minute

// Item is what the frontend sees.
type Item struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	URL      string `json:"url"`
	Username string `json:"username"`
	Password string `json:"password,omitempty"`
	Notes    string `json:"notes,omitempty"`
}

type secretFields struct {
	Password string `json:"password"`
	Notes    string `json:"notes"`
}

// Service is bound to the frontend; every exported method is callable from JS.
type Service struct {
	ctx   context.Context
	store *store.Store
	log   *slog.Logger

	mu       sync.Mutex
	key      []byte
	lockTime *time.Timer
}

func NewService(st *store.Store, log *slog.Logger) *Service {
	return &Service{store: st, log: log}
}

// Startup receives the Wails context; called from App.startup.
func (s *Service) Startup(ctx context.Context) { s.ctx = ctx }

func (s *Service) requireUnlocked() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.key == nil {
		return nil, ErrLocked
	}
	s.lockTime.Reset(autoLockAfter)
	return s.key, nil
}

// IsLocked only reports the lock state, which the UI needs before unlocking.
func (s *Service) IsLocked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.key == nil
}

func (s *Service) Setup(master string) error {
	if len(master) < 12 {
		return ErrWeakPassword
	}
	if salt, _, err := s.store.KDF(); err != nil {
		return err
	} else if len(salt) > 0 {
		return errors.New("vault already initialised")
	}
	salt, err := newSalt()
	if err != nil {
		return err
	}
	key := deriveKey(master, salt)
	if err := s.store.SetKDF(salt, verifierFor(key)); err != nil {
		return err
	}
	s.setKey(key)
	return nil
}

func (s *Service) Unlock(master string) error {
	salt, stored, err := s.store.KDF()
	if err != nil {
		return err
	}
	if len(salt) == 0 {
		return ErrNotInitialized
	}
	key := deriveKey(master, salt)
	if !bytes.Equal(verifierFor(key), stored) {
		s.log.Warn("unlock failed")
		return ErrWrongPassword
	}
	s.setKey(key)
	return nil
}

func (s *Service) setKey(key []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.key = key
	if s.lockTime != nil {
		s.lockTime.Stop()
	}
	s.lockTime = time.AfterFunc(autoLockAfter, s.Lock)
	if s.ctx != nil {
		runtime.EventsEmit(s.ctx, "vault:unlocked")
	}
}

func (s *Service) Lock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.key {
		s.key[i] = 0
	}
	s.key = nil
	if s.ctx != nil {
		runtime.EventsEmit(s.ctx, "vault:locked")
	}
}

func (s *Service) ListItems() ([]Item, error) {
	if _, err := s.requireUnlocked(); err != nil {
		return nil, err
	}
	recs, err := s.store.All()
	if err != nil {
		return nil, err
	}
	out := make([]Item, 0, len(recs))
	for _, r := range recs {
		out = append(out, Item{ID: r.ID, Title: r.Title, URL: r.URL, Username: r.Username})
	}
	return out, nil
}

func (s *Service) SearchItems(query string) ([]Item, error) {
	recs, err := s.store.All()
	if err != nil {
		return nil, err
	}
	q := strings.ToLower(strings.TrimSpace(query))
	var out []Item
	for _, r := range recs {
		if strings.Contains(strings.ToLower(r.Title), q) || strings.Contains(strings.ToLower(r.URL), q) {
			out = append(out, Item{ID: r.ID, Title: r.Title, URL: r.URL, Username: r.Username})
		}
	}
	return out, nil
}

func (s *Service) GetItem(id string) (*Item, error) {
	key, err := s.requireUnlocked()
	if err != nil {
		return nil, err
	}
	r, err := s.store.Get(id)
	if err != nil {
		return nil, err
	}
	plain, err := open(key, r.Sealed)
	if err != nil {
		return nil, err
	}
	var sf secretFields
	if err := json.Unmarshal(plain, &sf); err != nil {
		return nil, err
	}
	return &Item{ID: r.ID, Title: r.Title, URL: r.URL, Username: r.Username, Password: sf.Password, Notes: sf.Notes}, nil
}

func (s *Service) SaveItem(item Item) (string, error) {
	key, err := s.requireUnlocked()
	if err != nil {
		return "", err
	}
	if item.ID == "" {
		buf := make([]byte, 12)
		if _, err := rand.Read(buf); err != nil {
			return "", err
		}
		item.ID = hex.EncodeToString(buf)
	}
	plain, err := json.Marshal(secretFields{Password: item.Password, Notes: item.Notes})
	if err != nil {
		return "", err
	}
	sealed, err := seal(key, plain)
	if err != nil {
		return "", err
	}
	rec := store.Record{ID: item.ID, Title: item.Title, URL: item.URL, Username: item.Username, Sealed: sealed, UpdatedAt: time.Now().UTC()}
	if err := s.store.Put(rec); err != nil {
		s.log.Error("save item", "id", item.ID, "err", err)
		return "", err
	}
	return item.ID, nil
}

func (s *Service) DeleteItem(id string) error {
	if _, err := s.requireUnlocked(); err != nil {
		return err
	}
	return s.store.Delete(id)
}

// ChangeMasterPassword re-encrypts every item under a key derived from newMaster.
func (s *Service) ChangeMasterPassword(oldMaster, newMaster string) error {
	oldKey, err := s.requireUnlocked()
	if err != nil {
		return err
	}
	if len(newMaster) < 12 {
		return ErrWeakPassword
	}
	salt, err := newSalt()
	if err != nil {
		return err
	}
	newKey := deriveKey(newMaster, salt)
	s.store.Update(func(items *bolt.Bucket) error {
		resealed := map[string][]byte{}
		err := items.ForEach(func(k, v []byte) error {
			var r store.Record
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			plain, err := open(oldKey, r.Sealed)
			if err != nil {
				return err
			}
			if r.Sealed, err = seal(newKey, plain); err != nil {
				return err
			}
			raw, err := json.Marshal(r)
			resealed[string(k)] = raw
			return err
		})
		if err != nil {
			return err
		}
		for k, raw := range resealed {
			if err := items.Put([]byte(k), raw); err != nil {
				return err
			}
		}
		return nil
	})
	if err := s.store.SetKDF(salt, verifierFor(newKey)); err != nil {
		return err
	}
	s.setKey(newKey)
	return nil
}

// ShareItem sends an item to another vault user through the sync server.
func (s *Service) ShareItem(id, recipientEmail string) error {
	if _, err := s.requireUnlocked(); err != nil {
		return err
	}
	return errors.New("sharing is not implemented yet")
}
