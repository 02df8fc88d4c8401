package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// Signer issues short-lived download links that work without a bearer token,
// so they can be handed to a browser or an e-mail.
type Signer struct {
	Key     []byte
	BaseURL string
	TTL     time.Duration
	Now     func() time.Time
}

func (s *Signer) mac(id string, expires int64) string {
	m := hmac.New(sha256.New, s.Key)
	fmt.Fprintf(m, "%s:%d", id, expires)
	return hex.EncodeToString(m.Sum(nil))
}

func (s *Signer) URL(id string) string {
	exp := s.Now().Add(s.TTL).Unix()
	q := url.Values{"exp": {strconv.FormatInt(exp, 10)}, "sig": {s.mac(id, exp)}}
	return fmt.Sprintf("%s/d/%s?%s", s.BaseURL, url.PathEscape(id), q.Encode())
}

func (s *Signer) Valid(id, expParam, sig string) bool {
	exp, err := strconv.ParseInt(expParam, 10, 64)
	if err != nil || s.Now().Unix() > exp {
		return false
	}
	return sig == s.mac(id, exp)
}
