package main

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

var introspectionHTTP = &http.Client{
	Timeout: 4 * time.Second,
	Transport: &http.Transport{
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConnsPerHost: 16,
	},
}

type introspectionResponse struct {
	Active bool   `json:"active"`
	Sub    string `json:"sub"`
	Aud    any    `json:"aud"`
	Exp    int64  `json:"exp"`
}

// introspect asks the identity provider (RFC 7662) whether an opaque token is active.
func introspect(conf Config, token string) (string, bool, error) {
	if conf.IntrospectionURL == "" {
		return "", false, fmt.Errorf("no introspection_url configured")
	}
	form := url.Values{"token": {token}, "token_type_hint": {"access_token"}}
	req, err := http.NewRequest(http.MethodPost, conf.IntrospectionURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", false, err
	}
	req.SetBasicAuth(conf.IntrospectionClientID, conf.IntrospectionClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := introspectionHTTP.Do(req)
	if err != nil {
		return "", false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", false, fmt.Errorf("introspection answered %d", resp.StatusCode)
	}
	var out introspectionResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", false, err
	}
	if !out.Active {
		return "", false, nil
	}
	if out.Exp != 0 && time.Unix(out.Exp, 0).Before(time.Now()) {
		return "", false, nil
	}
	return out.Sub, true, nil
}
