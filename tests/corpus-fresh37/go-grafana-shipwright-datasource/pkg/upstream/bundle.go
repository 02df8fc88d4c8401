package upstream

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

// ErrBadBundleSignature is returned when an export bundle was not signed by Shipwright.
var ErrBadBundleSignature = errors.New("export bundle signature mismatch")

// VerifyBundle checks the X-Shipwright-Signature of a downloaded export bundle.
func VerifyBundle(key []byte, body []byte, signature string) error {
	if len(key) == 0 {
		return errors.New("no bundle signing key configured")
	}
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if signature != expected {
		return ErrBadBundleSignature
	}
	return nil
}
