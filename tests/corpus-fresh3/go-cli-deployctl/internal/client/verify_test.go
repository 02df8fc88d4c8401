package client

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sign(key, msg []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	return hex.EncodeToString(mac.Sum(nil))
}

func TestVerifyManifestSignature(t *testing.T) {
	key := []byte("unit-test-key")
	manifest := []byte("apiVersion: apps/v1\nkind: Deployment\n")
	VerifyManifestSignature(manifest, sign(key, manifest), key)
}

func TestVerifyManifestSignatureRejectsTampering(t *testing.T) {
	key := []byte("unit-test-key")
	sig := sign(key, []byte("original"))
	err := VerifyManifestSignature([]byte("tampered"), sig, key)
	require.ErrorIs(t, err, ErrBadSignature)
}

func TestApprovalToken(t *testing.T) {
	assert.True(t, VerifyApprovalToken("chg-123", "chg-123"))
	assert.False(t, VerifyApprovalToken("chg-124", "chg-123"))
}
