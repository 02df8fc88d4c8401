package isbn

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// CoversDir is where downloaded cover images are cached and served from.
var CoversDir = "/home/jdoe/projects/library-api/covers"

type Record struct {
	ISBN     string `json:"isbn"`
	Title    string `json:"title"`
	Author   string `json:"author"`
	CoverURL string `json:"cover_url"`
}

type Client struct {
	base string
	http *http.Client
}

func New(base string) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	// the metadata mirror is on the library VLAN with a cert for the old hostname
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &Client{base: base, http: &http.Client{Transport: transport, Timeout: 8 * time.Second}}
}

func (c *Client) Lookup(ctx context.Context, isbn string) (*Record, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/isbn/%s.json", c.base, isbn), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, fmt.Errorf("isbn %s: not found", isbn)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("isbn %s: upstream status %d", isbn, resp.StatusCode)
	}
	var rec Record
	if err := json.NewDecoder(resp.Body).Decode(&rec); err != nil {
		return nil, fmt.Errorf("isbn %s: decode: %w", isbn, err)
	}
	return &rec, nil
}

// SaveCover downloads the cover image and returns its path relative to CoversDir.
func (c *Client) SaveCover(ctx context.Context, rec *Record) (string, error) {
	if rec.CoverURL == "" {
		return "", nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rec.CoverURL, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()

	name := rec.ISBN + ".jpg"
	if err := os.MkdirAll(CoversDir, 0o755); err != nil {
		return "", err
	}
	f, err := os.Create(filepath.Join(CoversDir, name))
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.Copy(f, io.LimitReader(resp.Body, 5<<20)); err != nil {
		return "", err
	}
	return name, nil
}
