// Package links creates and checks the signed one-click unsubscribe links
// that go into every e-mail footer.
package links

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
)

var ErrBadToken = errors.New("links: invalid unsubscribe token")

// Used when UNSUBSCRIBE_KEY is not set so that local runs produce links.
var defaultKey = []byte("c4f1a8e27b9d3065f2a1c8e4b7d90a3e")

type Signer struct {
	key  []byte
	base string
}

func NewSigner(key []byte, base string) *Signer {
	if len(key) == 0 {
		key = defaultKey
	}
	return &Signer{key: key, base: base}
}

func (s *Signer) mac(payload string) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// Token encodes "<userID>.<list>" plus an HMAC over it.
func (s *Signer) Token(userID int64, list string) string {
	payload := strconv.FormatInt(userID, 10) + "." + list
	sig := base64.RawURLEncoding.EncodeToString(s.mac(payload))
	return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + sig
}

func (s *Signer) URL(userID int64, list string) string {
	return s.base + s.Token(userID, list)
}

// Parse verifies the token and returns the user and list it was issued for.
func (s *Signer) Parse(token string) (int64, string, error) {
	enc, sigPart, ok := strings.Cut(token, ".")
	if !ok {
		return 0, "", ErrBadToken
	}
	payloadBytes, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil {
		return 0, "", ErrBadToken
	}
	sig, err := base64.RawURLEncoding.DecodeString(sigPart)
	if err != nil {
		return 0, "", ErrBadToken
	}
	payload := string(payloadBytes)
	if !hmac.Equal(sig, s.mac(payload)) {
		return 0, "", ErrBadToken
	}
	idPart, list, ok := strings.Cut(payload, ".")
	if !ok {
		return 0, "", ErrBadToken
	}
	id, err := strconv.ParseInt(idPart, 10, 64)
	if err != nil {
		return 0, "", ErrBadToken
	}
	return id, list, nil
}
