package handlers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"

	dapr "github.com/dapr/go-sdk/client"

	"github.com/stallwise/payouts/internal/bank"
	"github.com/stallwise/payouts/internal/config"
	"github.com/stallwise/payouts/internal/state"
)

type fakeState struct {
	mu    sync.Mutex
	items map[string][]byte
	etags map[string]int
}

func newFakeState() *fakeState {
	return &fakeState{items: map[string][]byte{}, etags: map[string]int{}}
}

func (f *fakeState) GetState(_ context.Context, _, key string, _ map[string]string) (*dapr.StateItem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.items[key]
	if !ok {
		return &dapr.StateItem{Key: key}, nil
	}
	return &dapr.StateItem{Key: key, Value: v, Etag: fmt.Sprint(f.etags[key])}, nil
}

func (f *fakeState) SaveState(_ context.Context, _, key string, data []byte, _ map[string]string, _ ...dapr.StateOption) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items[key] = data
	f.etags[key]++
	return nil
}

func (f *fakeState) SaveStateWithETag(_ context.Context, _, key string, data []byte, etag string, _ map[string]string, _ ...dapr.StateOption) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, exists := f.items[key]; exists && etag != fmt.Sprint(f.etags[key]) {
		return errors.New("etag mismatch")
	}
	f.items[key] = data
	f.etags[key]++
	return nil
}

type fakePub struct{ topics []string }

func (f *fakePub) PublishEvent(_ context.Context, _, topic string, _ interface{}, _ ...dapr.PublishEventOption) error {
	f.topics = append(f.topics, topic)
	return nil
}

func (f *fakePub) InvokeOutputBinding(context.Context, *dapr.InvokeBindingRequest) error {
	return errors.New("fakePub: output bindings are not exercised in these tests")
}

type fakeBank struct{ transfers []bank.TransferRequest }

func (f *fakeBank) CreateTransfer(_ context.Context, tr bank.TransferRequest) (*bank.Transfer, error) {
	f.transfers = append(f.transfers, tr)
	return &bank.Transfer{Ref: "tr_" + tr.PayoutID, Status: "accepted"}, nil
}

func newTestHandlers(t *testing.T) (*Handlers, *fakeState, *fakePub, *fakeBank) {
	t.Helper()
	st, pub, bk := newFakeState(), &fakePub{}, &fakeBank{}
	h := &Handlers{
		Cfg: &config.Config{
			ApprovalLimit:    100_000,
			MinPayoutCents:   1_000,
			BackofficeAppID:  "backoffice",
			StatementArchive: t.TempDir(),
		},
		Store:     state.New(st),
		Bank:      bk,
		Pub:       pub,
		Bindings:  pub,
		Log:       slog.New(slog.NewTextHandler(io.Discard, nil)),
		BankWHKey: []byte("test-webhook-key"),
	}
	return h, st, pub, bk
}
