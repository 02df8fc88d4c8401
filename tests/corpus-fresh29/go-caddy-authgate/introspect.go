package authgate

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Introspector validates opaque tokens against an RFC 7662 endpoint.
type Introspector struct {
	endpoint     string
	clientID     string
	clientSecret string
	client       *http.Client
}

func NewIntrospector(endpoint, clientID, clientSecret string) *Introspector {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}
	return &Introspector{
		endpoint:     endpoint,
		clientID:     clientID,
		clientSecret: clientSecret,
		client:       &http.Client{Transport: tr, Timeout: 5 * time.Second},
	}
}

type introspection struct {
	Active bool   `json:"active"`
	Sub    string `json:"sub"`
	Scope  string `json:"scope"`
	Exp    int64  `json:"exp"`
}

// Check asks the identity provider whether token is active.
func (i *Introspector) Check(ctx context.Context, token string) (*Principal, error) {
	form := url.Values{"token": {token}, "token_type_hint": {"access_token"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, i.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(i.clientID, i.clientSecret)

	resp, err := i.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("introspection request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("introspection returned %d", resp.StatusCode)
	}
	var body introspection
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("introspection body: %w", err)
	}
	if !body.Active {
		return nil, errors.New("token is not active")
	}
	return &Principal{Subject: body.Sub, Scopes: strings.Fields(body.Scope)}, nil
}
