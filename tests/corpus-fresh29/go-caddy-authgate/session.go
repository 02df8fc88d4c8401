package authgate

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

const sessionCookie = "authgate_session"

func sessionMAC(key, payload string) []byte {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// signSession returns a cookie value "base64(subject|expiry).hex(hmac)".
func signSession(key, subject string, expires time.Time) string {
	payload := subject + "|" + strconv.FormatInt(expires.Unix(), 10)
	return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + hex.EncodeToString(sessionMAC(key, payload))
}

// verifySession checks the MAC and expiry and returns the subject.
func verifySession(key, value string, now time.Time) (string, bool) {
	encoded, sig, ok := strings.Cut(value, ".")
	if !ok {
		return "", false
	}
	raw, err := base64.RawURLEncoding.DecodeString(encoded)
	if err != nil {
		return "", false
	}
	got, err := hex.DecodeString(sig)
	if err != nil || !hmac.Equal(got, sessionMAC(key, string(raw))) {
		return "", false
	}
	subject, exp, ok := strings.Cut(string(raw), "|")
	if !ok {
		return "", false
	}
	unix, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || now.Unix() > unix {
		return "", false
	}
	return subject, true
}
