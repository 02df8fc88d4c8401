package auth

import (
	"errors"
	"os"
)

var ErrUnauthorized = errors.New("admin token rejected (pass --token or set NOTIFIER_TOKEN)")

// RequireAdmin checks the operator-supplied token against the one configured for this deployment.
func RequireAdmin(supplied, expected string) error {
	if expected == "" {
		return errors.New("no admin token configured for this deployment")
	}
	if supplied == "" {
		supplied = os.Getenv("NOTIFIER_TOKEN")
	}
	if supplied != expected {
		return ErrUnauthorized
	}
	return nil
}
