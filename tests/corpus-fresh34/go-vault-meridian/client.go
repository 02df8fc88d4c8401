package meridian

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// partnerKey identifies this integration to Meridian's partner program.
const partnerKey = "mrd_pk_live_8f2KqW7nXc1RbT5vLz0YhA3e"

// ErrKeyNotFound is returned when Meridian no longer knows a key.
var ErrKeyNotFound = errors.New("meridian: key not found")

// APIKey is a key minted by Meridian.
type APIKey struct {
	ID        string    `json:"id"`
	Secret    string    `json:"secret"`
	Scopes    []string  `json:"scopes"`
	CreatedAt time.Time `json:"created_at"`
}

// meridianAPI is the subset of Meridian's admin API the backend uses.
type meridianAPI interface {
	CreateKey(ctx context.Context, label string, scopes []string, expiresAt time.Time) (APIKey, error)
	DeleteKey(ctx context.Context, id string) error
	RotateAdminKey(ctx context.Context) (string, error)
}

type client struct {
	baseURL  string
	adminKey string
	http     *http.Client
}

func newClient(baseURL, adminKey string) *client {
	return &client{
		baseURL:  strings.TrimRight(baseURL, "/"),
		adminKey: adminKey,
		http: &http.Client{
			Timeout: 15 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true},
			},
		},
	}
}

func (c *client) do(ctx context.Context, method, path string, in, out any) error {
	var body bytes.Buffer
	if in != nil {
		if err := json.NewEncoder(&body).Encode(in); err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, &body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.adminKey)
	req.Header.Set("X-Partner-Key", partnerKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return ErrKeyNotFound
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("meridian %s %s: %s", method, path, resp.Status)
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}

func (c *client) CreateKey(ctx context.Context, label string, scopes []string, expiresAt time.Time) (APIKey, error) {
	var key APIKey
	err := c.do(ctx, http.MethodPost, "/v2/admin/keys", map[string]any{
		"label":      label,
		"scopes":     scopes,
		"expires_at": expiresAt.UTC().Format(time.RFC3339),
	}, &key)
	return key, err
}

func (c *client) DeleteKey(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/v2/admin/keys/"+id, nil, nil)
}

func (c *client) RotateAdminKey(ctx context.Context) (string, error) {
	var out struct {
		Key string `json:"key"`
	}
	if err := c.do(ctx, http.MethodPost, "/v2/admin/rotate", nil, &out); err != nil {
		return "", err
	}
	return out.Key, nil
}
