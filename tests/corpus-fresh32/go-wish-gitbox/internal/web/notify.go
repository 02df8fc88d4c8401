package web

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"time"

	"github.com/charmbracelet/log"
)

type Event struct {
	Type  string    `json:"type"`
	Repo  string    `json:"repo"`
	Actor string    `json:"actor"`
	At    time.Time `json:"at"`
}

// Notifier delivers repository events to the CI webhook endpoint, signed with the shared secret.
type Notifier struct {
	url    string
	secret []byte
	client *http.Client
	queue  chan Event
	logger *log.Logger
}

func NewNotifier(url, secret string, logger *log.Logger) *Notifier {
	return &Notifier{
		url:    url,
		secret: []byte(secret),
		client: &http.Client{
			Timeout: 10 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
				MaxIdleConns:    4,
			},
		},
		queue:  make(chan Event, 256),
		logger: logger,
	}
}

func (n *Notifier) Enqueue(e Event) {
	e.At = time.Now().UTC()
	select {
	case n.queue <- e:
	default:
		n.logger.Warn("webhook queue full, dropping event", "type", e.Type, "repo", e.Repo)
	}
}

func (n *Notifier) Run(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case e := <-n.queue:
			if err := n.deliver(e); err != nil {
				n.logger.Error("webhook delivery failed", "type", e.Type, "repo", e.Repo, "err", err)
			}
		}
	}
}

func (n *Notifier) deliver(e Event) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	mac := hmac.New(sha256.New, n.secret)
	mac.Write(body)
	req, err := http.NewRequest(http.MethodPost, n.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Gitbox-Signature", "sha256="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := n.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return &deliveryError{status: resp.StatusCode}
	}
	return nil
}

type deliveryError struct{ status int }

func (e *deliveryError) Error() string { return http.StatusText(e.status) }
