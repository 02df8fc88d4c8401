package server

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// APIKey is a machine credential. Only the SHA-256 of the secret is kept.
type APIKey struct {
	ID         string    `json:"id"`
	Owner      string    `json:"owner"`
	SecretHash string    `json:"secret_hash"`
	Groups     []string  `json:"groups"`
	CreatedAt  time.Time `json:"created_at"`
}

type KeyStore struct {
	mu   sync.RWMutex
	path string
	keys map[string]APIKey
}

func OpenKeyStore(path string) (*KeyStore, error) {
	ks := &KeyStore{path: path, keys: map[string]APIKey{}}
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return ks, nil
	}
	if err != nil {
		return nil, err
	}
	var list []APIKey
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, err
	}
	for _, k := range list {
		ks.keys[k.ID] = k
	}
	return ks, nil
}

func (ks *KeyStore) saveLocked() error {
	list := make([]APIKey, 0, len(ks.keys))
	for _, k := range ks.keys {
		list = append(list, k)
	}
	raw, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(ks.path), 0o700); err != nil {
		return err
	}
	tmp := ks.path + ".tmp"
	if err := os.WriteFile(tmp, raw, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, ks.path)
}

func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

func newSecret() (string, error) {
	buf := make([]byte, 24)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(buf), nil
}

// Issue creates or replaces the key id and returns the new plaintext secret.
func (ks *KeyStore) Issue(id, owner string, groups []string) (string, error) {
	secret, err := newSecret()
	if err != nil {
		return "", err
	}
	ks.mu.Lock()
	defer ks.mu.Unlock()
	ks.keys[id] = APIKey{ID: id, Owner: owner, SecretHash: hashSecret(secret), Groups: groups, CreatedAt: time.Now().UTC()}
	return secret, ks.saveLocked()
}

func (ks *KeyStore) Delete(id string) (bool, error) {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	if _, ok := ks.keys[id]; !ok {
		return false, nil
	}
	delete(ks.keys, id)
	return true, ks.saveLocked()
}

func (ks *KeyStore) Get(id string) (APIKey, bool) {
	ks.mu.RLock()
	defer ks.mu.RUnlock()
	k, ok := ks.keys[id]
	return k, ok
}

func (ks *KeyStore) List() []APIKey {
	ks.mu.RLock()
	defer ks.mu.RUnlock()
	out := make([]APIKey, 0, len(ks.keys))
	for _, k := range ks.keys {
		k.SecretHash = ""
		out = append(out, k)
	}
	return out
}

// Verify checks "id:secret" and returns the key on success.
func (ks *KeyStore) Verify(id, secret string) (APIKey, bool) {
	k, ok := ks.Get(id)
	if !ok {
		return APIKey{}, false
	}
	if subtle.ConstantTimeCompare([]byte(hashSecret(secret)), []byte(k.SecretHash)) != 1 {
		return APIKey{}, false
	}
	return k, true
}
