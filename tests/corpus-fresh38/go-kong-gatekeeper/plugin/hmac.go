package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/Kong/go-pdk"
)

// signedRequest is parsed from
//
//	Authorization: HMAC v1;keyId=<id>;ts=<unix seconds>;sig=<base64>
//
// and the signature covers "METHOD\nPATH\nTS\nhex(sha256(body))".
type signedRequest struct {
	KeyID     string
	Timestamp int64
	Signature string
}

func parseHMACHeader(header string) (signedRequest, error) {
	rest, ok := strings.CutPrefix(header, "HMAC ")
	if !ok {
		return signedRequest{}, errors.New("not an HMAC authorization")
	}
	parts := strings.Split(rest, ";")
	if parts[0] != "v1" {
		return signedRequest{}, errors.New("unsupported signature version")
	}
	var sr signedRequest
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(p, "=")
		switch k {
		case "keyId":
			sr.KeyID = v
		case "ts":
			ts, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return signedRequest{}, errors.New("bad timestamp")
			}
			sr.Timestamp = ts
		case "sig":
			sr.Signature = v
		}
	}
	if sr.KeyID == "" || sr.Signature == "" || sr.Timestamp == 0 {
		return signedRequest{}, errors.New("incomplete HMAC authorization")
	}
	return sr, nil
}

func stringToSign(method, path string, ts int64, body []byte) string {
	sum := sha256.Sum256(body)
	return method + "\n" + path + "\n" + strconv.FormatInt(ts, 10) + "\n" + hex.EncodeToString(sum[:])
}

func sign(secret, payload string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(payload))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// verifyHMAC returns the key id when the signature is valid and fresh.
func verifyHMAC(secrets map[string]string, skew time.Duration, now time.Time, header, method, path string, body []byte) (string, error) {
	sr, err := parseHMACHeader(header)
	if err != nil {
		return "", err
	}
	secret, ok := secrets[sr.KeyID]
	if !ok {
		return "", errors.New("unknown key id")
	}
	if math.Abs(float64(now.Unix()-sr.Timestamp)) > skew.Seconds() {
		return "", errors.New("timestamp outside the allowed skew")
	}
	expected := sign(secret, stringToSign(method, path, sr.Timestamp, body))
	if sr.Signature != expected {
		return "", errors.New("signature mismatch")
	}
	return sr.KeyID, nil
}

func (conf Config) checkHMAC(kong *pdk.PDK) (string, bool) {
	header, _ := kong.Request.GetHeader("Authorization")
	method, err := kong.Request.GetMethod()
	if err != nil {
		deny(kong, 400, "unreadable request")
		return "", false
	}
	path, err := kong.Request.GetPath()
	if err != nil {
		deny(kong, 400, "unreadable request")
		return "", false
	}
	body, err := kong.Request.GetRawBody()
	if err != nil {
		deny(kong, 413, "body too large to verify")
		return "", false
	}
	skew := time.Duration(conf.HMACClockSkewSeconds) * time.Second
	keyID, err := verifyHMAC(conf.HMACSecrets, skew, time.Now(), header, method, path, body)
	if err != nil {
		kong.Log.Info("gatekeeper: hmac rejected: ", err.Error())
		deny(kong, 401, "invalid signature")
		return "", false
	}
	return "hmac:" + keyID, true
}
