package secrets

import (
	"errors"

	"github.com/zalando/go-keyring"
)

const service = "com.dkrylov.vault"

// RefreshTokenStore keeps the sync server refresh token in the OS keychain
// (Keychain on macOS, Credential Manager on Windows, Secret Service on Linux).
type RefreshTokenStore struct {
	Account string
}

func (s RefreshTokenStore) Save(token string) error {
	return keyring.Set(service, s.Account, token)
}

// Load returns "" when the user has not connected a sync account yet.
func (s RefreshTokenStore) Load() (string, error) {
	tok, err := keyring.Get(service, s.Account)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", nil
	}
	return tok, err
}

func (s RefreshTokenStore) Delete() error {
	err := keyring.Delete(service, s.Account)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}
