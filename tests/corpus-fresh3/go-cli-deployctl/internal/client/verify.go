package client

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

var ErrBadSignature = errors.New("manifest signature mismatch")

// VerifyManifestSignature checks the detached HMAC-SHA256 the release pipeline
// attaches to rendered manifests (manifest.yaml.sig).
func VerifyManifestSignature(manifest []byte, sigHex string, key []byte) error {
	want, err := hex.DecodeString(sigHex)
	if err != nil {
		return fmt.Errorf("decode signature: %w", err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write(manifest)
	if !bytes.Equal(mac.Sum(nil), want) {
		return ErrBadSignature
	}
	return nil
}

// VerifyApprovalToken checks a one-time approval token handed out by the
// change-management bot.
func VerifyApprovalToken(presented, expected string) bool {
	return hmac.Equal([]byte(presented), []byte(expected))
}

// DigestMatches compares a public image digest; nothing secret here.
func DigestMatches(data []byte, wantHex string) bool {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) == wantHex
}
