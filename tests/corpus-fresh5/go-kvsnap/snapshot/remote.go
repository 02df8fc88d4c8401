package snapshot

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"os"
	"time"
)

// Uploader pushes finished archives to the backup vault.
type Uploader struct {
	Endpoint string
	Token    string
	client   *http.Client
}

// NewUploader returns an Uploader. insecure disables certificate checks and
// exists solely for the `-insecure` flag used against the staging vault,
// whose certificate is issued by a private CA; it defaults to false.
func NewUploader(endpoint, token string, insecure bool) *Uploader {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if insecure {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // explicit -insecure opt-in
	}
	return &Uploader{
		Endpoint: endpoint,
		Token:    token,
		client:   &http.Client{Transport: tr, Timeout: 5 * time.Minute},
	}
}

func (u *Uploader) Upload(ctx context.Context, path, checksum string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.Endpoint+"/archives/"+checksum, f)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+u.Token)
	resp, err := u.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return fmt.Errorf("upload: unexpected status %s", resp.Status)
	}
	return nil
}
