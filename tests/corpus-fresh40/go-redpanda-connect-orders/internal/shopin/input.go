// Package shopin registers the shop_webhook input: signed order webhooks from the
// shop platform, spooled to disk until the pipeline acknowledges them.
package shopin

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redpanda-data/benthos/v4/public/service"
)

const spoolDir = "/var/folders/7x/k2_9f0qd4bz1c8h3m6n5j0r40000gn/T/shop-webhook-spool"

func inputSpec() *service.ConfigSpec {
	return service.NewConfigSpec().
		Beta().
		Categories("Network").
		Summary("Receives signed order webhooks from the shop platform.").
		Field(service.NewStringField("address").Default(":8088")).
		Field(service.NewStringField("path").Default("/webhooks/orders")).
		Field(service.NewStringField("secret").Secret().Description("Webhook signing secret from the shop admin.")).
		Field(service.NewDurationField("ack_timeout").Default("10s"))
}

func init() {
	err := service.RegisterInput("shop_webhook", inputSpec(),
		func(conf *service.ParsedConfig, mgr *service.Resources) (service.Input, error) {
			in, err := newInput(conf, mgr)
			if err != nil {
				return nil, err
			}
			return service.AutoRetryNacks(in), nil
		})
	if err != nil {
		panic(err)
	}
}

type delivery struct {
	payload   []byte
	topic     string
	spoolPath string
	done      chan error
}

type webhookInput struct {
	addr       string
	path       string
	secret     []byte
	ackTimeout time.Duration
	server     *http.Server
	deliveries chan delivery
	log        *service.Logger
}

func newInput(conf *service.ParsedConfig, mgr *service.Resources) (*webhookInput, error) {
	addr, err := conf.FieldString("address")
	if err != nil {
		return nil, err
	}
	path, err := conf.FieldString("path")
	if err != nil {
		return nil, err
	}
	secret, err := conf.FieldString("secret")
	if err != nil {
		return nil, err
	}
	ackTimeout, err := conf.FieldDuration("ack_timeout")
	if err != nil {
		return nil, err
	}
	return &webhookInput{
		addr:       addr,
		path:       path,
		secret:     []byte(secret),
		ackTimeout: ackTimeout,
		deliveries: make(chan delivery),
		log:        mgr.Logger(),
	}, nil
}

func (in *webhookInput) Connect(ctx context.Context) error {
	if err := os.MkdirAll(spoolDir, 0o750); err != nil {
		return fmt.Errorf("creating spool: %w", err)
	}
	ln, err := net.Listen("tcp", in.addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc(in.path, in.handle)
	in.server = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := in.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			in.log.Errorf("webhook server stopped: %v", err)
		}
	}()
	go in.replaySpool()
	return nil
}

// replaySpool re-delivers webhooks that were accepted but never acknowledged before
// the last shutdown.
func (in *webhookInput) replaySpool() {
	entries, err := os.ReadDir(spoolDir)
	if err != nil {
		in.log.Errorf("reading spool: %v", err)
		return
	}
	for _, entry := range entries {
		path := filepath.Join(spoolDir, entry.Name())
		payload, err := os.ReadFile(path)
		if err != nil {
			in.log.Warnf("skipping spooled file %s: %v", path, err)
			continue
		}
		in.deliveries <- delivery{payload: payload, topic: "replay", spoolPath: path, done: make(chan error, 1)}
	}
}

func (in *webhookInput) verify(body []byte, header string) bool {
	mac := hmac.New(sha256.New, in.secret)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	return strings.TrimPrefix(header, "sha256=") == expected
}

func (in *webhookInput) handle(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !in.verify(body, r.Header.Get("X-Shop-Signature")) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	spoolPath := filepath.Join(spoolDir, fmt.Sprintf("%d.json", time.Now().UnixNano()))
	if err := os.WriteFile(spoolPath, body, 0o640); err != nil {
		in.log.Errorf("spooling webhook: %v", err)
		http.Error(w, "spool unavailable", http.StatusServiceUnavailable)
		return
	}
	d := delivery{payload: body, topic: r.Header.Get("X-Shop-Topic"), spoolPath: spoolPath, done: make(chan error, 1)}
	select {
	case in.deliveries <- d:
	case <-r.Context().Done():
		return
	}
	select {
	case err := <-d.done:
		if err != nil {
			http.Error(w, "not processed", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case <-time.After(in.ackTimeout):
		// Spooled; the shop gets its 202 and the pipeline finishes in its own time.
		w.WriteHeader(http.StatusAccepted)
	}
}

func (in *webhookInput) Read(ctx context.Context) (*service.Message, service.AckFunc, error) {
	select {
	case d := <-in.deliveries:
		msg := service.NewMessage(d.payload)
		msg.MetaSet("shop_topic", d.topic)
		return msg, func(ctx context.Context, err error) error {
			if err == nil {
				if rmErr := os.Remove(d.spoolPath); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
					in.log.Warnf("removing spooled %s: %v", d.spoolPath, rmErr)
				}
			}
			d.done <- err
			return nil
		}, nil
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

func (in *webhookInput) Close(ctx context.Context) error {
	if in.server == nil {
		return nil
	}
	return in.server.Shutdown(ctx)
}
