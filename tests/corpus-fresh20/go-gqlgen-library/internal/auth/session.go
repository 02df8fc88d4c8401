package auth

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

var (
	ErrMalformed = errors.New("auth: malformed session token")
	ErrSignature = errors.New("auth: bad session signature")
	ErrExpired   = errors.New("auth: session expired")
)

type Session struct {
	MemberID  string    `json:"sub"`
	Role      string    `json:"role"`
	ExpiresAt time.Time `json:"exp"`
}

type Signer struct {
	key []byte
	ttl time.Duration
	now func() time.Time
}

func NewSigner(key []byte, ttl time.Duration) *Signer {
	return &Signer{key: key, ttl: ttl, now: time.Now}
}

func (s *Signer) mac(payload []byte) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write(payload)
	return m.Sum(nil)
}

func (s *Signer) Issue(memberID, role string) (string, error) {
	payload, err := json.Marshal(Session{MemberID: memberID, Role: role, ExpiresAt: s.now().Add(s.ttl).UTC()})
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(payload) + "." + enc.EncodeToString(s.mac(payload)), nil
}

func (s *Signer) Parse(token string) (*Session, error) {
	body, sig, ok := strings.Cut(token, ".")
	if !ok {
		return nil, ErrMalformed
	}
	payload, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return nil, ErrMalformed
	}
	given, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return nil, ErrMalformed
	}
	if !bytes.Equal(given, s.mac(payload)) {
		return nil, ErrSignature
	}
	var sess Session
	if err := json.Unmarshal(payload, &sess); err != nil {
		return nil, ErrMalformed
	}
	if s.now().After(sess.ExpiresAt) {
		return nil, ErrExpired
	}
	return &sess, nil
}
