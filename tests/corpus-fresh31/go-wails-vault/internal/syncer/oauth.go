package syncer

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

const (
	authURL  = "https://id.vaultsync.app/oauth2/authorize"
	tokenURL = "https://id.vaultsync.app/oauth2/token"
	clientID = "vault-desktop"
)

// Opener opens the system browser; runtime.BrowserOpenURL in the app.
type Opener func(url string)

type Connector struct {
	Open    Opener
	Timeout time.Duration
}

func oauthConfig(redirect string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     clientID,
		ClientSecret: "vsk_live_q8Nf2LxR7cT4mW9aZ1pE6hY3",
		Endpoint:     oauth2.Endpoint{AuthURL: authURL, TokenURL: tokenURL},
		RedirectURL:  redirect,
		Scopes:       []string{"sync", "offline_access"},
	}
}

func randomState() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Connect runs the authorization-code flow with PKCE through a one-shot listener
// on the loopback interface (RFC 8252 section 7.3).
func (c *Connector) Connect(ctx context.Context) (*oauth2.Token, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	conf := oauthConfig(fmt.Sprintf("http://127.0.0.1:%d/callback", port))
	state, err := randomState()
	if err != nil {
		ln.Close()
		return nil, err
	}
	verifier := oauth2.GenerateVerifier()

	codes := make(chan string, 1)
	failures := make(chan error, 1)
	// The listener needs no authentication of its own: it is loopback-only, lives for
	// one login, and only accepts a code that comes back with our random state.
	srv := &http.Server{
		ReadHeaderTimeout: 5 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/callback" {
				http.NotFound(w, r)
				return
			}
			q := r.URL.Query()
			if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(state)) != 1 {
				http.Error(w, "state mismatch", http.StatusBadRequest)
				failures <- errors.New("oauth state mismatch")
				return
			}
			if e := q.Get("error"); e != "" {
				http.Error(w, "authorization denied", http.StatusForbidden)
				failures <- fmt.Errorf("authorization denied: %s", e)
				return
			}
			fmt.Fprintln(w, "Vault is connected. You can close this tab.")
			codes <- q.Get("code")
		}),
	}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())

	c.Open(conf.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)))

	timeout := c.Timeout
	if timeout == 0 {
		timeout = 3 * time.Minute
	}
	select {
	case code := <-codes:
		return conf.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	case err := <-failures:
		return nil, err
	case <-time.After(timeout):
		return nil, errors.New("timed out waiting for the browser login")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
