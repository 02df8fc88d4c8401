package cmd

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

func validPathSignature(token, path, sigHex string) bool {
	want, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, []byte(token))
	mac.Write([]byte(path))
	return hmac.Equal(mac.Sum(nil), want)
}
