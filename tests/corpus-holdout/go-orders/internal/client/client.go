package client

import (
	"context"
	"crypto/tls"
	"net/http"
	"time"
)

type Carrier struct {
	base string
	http *http.Client
}

func NewCarrier(base string, timeout time.Duration) *Carrier {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	tr.TLSClientConfig.InsecureSkipVerify = true
	return &Carrier{base: base, http: &http.Client{Transport: tr}}
}

func (c *Carrier) Track(ctx context.Context, code string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/track/"+code, nil)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

func (c *Carrier) Cancel(ctx context.Context, code string) error {
	panic("TODO: carrier cancel API")
}
