package handler

import (
	"context"
	"errors"
	"testing"

	"github.com/cloudwego/kitex/pkg/kerrors"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"github.com/finchpay/ledger/bank"
	"github.com/finchpay/ledger/dal"
	"github.com/finchpay/ledger/kitex_gen/ledger"
	"github.com/finchpay/ledger/middleware"
	"github.com/finchpay/ledger/statement"
)

type fakeBank struct {
	calls []int64
	err   error
}

func (f *fakeBank) Payout(_ context.Context, reference, _ string, amountMinor int64, _ string) (*bank.PayoutResult, error) {
	f.calls = append(f.calls, amountMinor)
	if f.err != nil {
		return nil, f.err
	}
	return &bank.PayoutResult{ID: "pay-" + reference[:8], Status: "accepted"}, nil
}

func (f *fakeBank) Sign(payload []byte) string { return "sig:" + string(payload) }

func newImpl(t *testing.T) (*LedgerImpl, *fakeBank) {
	t.Helper()
	db, err := gorm.Open(sqlite.Open("file:"+t.Name()+"?mode=memory&cache=shared"), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	store, err := dal.New(db)
	if err != nil {
		t.Fatal(err)
	}
	db.Create([]dal.Account{
		{ID: "DE001", Currency: "EUR", BalanceMinor: 10_000},
		{ID: "DE002", Currency: "EUR", BalanceMinor: 0},
		{ID: "DE003", Currency: "EUR", BalanceMinor: 500, Frozen: true},
		{ID: clearingAccount, Currency: "EUR"},
	})
	fb := &fakeBank{}
	return &LedgerImpl{Store: store, Bank: fb, Statements: &statement.Exporter{Store: store, Dir: t.TempDir()}}, fb
}

func as(scopes ...string) context.Context {
	set := map[string]bool{}
	for _, s := range scopes {
		set[s] = true
	}
	return middleware.WithPrincipal(context.Background(), &middleware.Principal{Subject: "tester", Scopes: set})
}

func bizCode(err error) int32 {
	var biz kerrors.BizStatusErrorIface
	if errors.As(err, &biz) {
		return biz.BizStatusCode()
	}
	return -1
}

func TestTransfer(t *testing.T) {
	impl, _ := newImpl(t)
	tests := []struct {
		name     string
		ctx      context.Context
		req      *ledger.TransferReq
		wantCode int32
	}{
		{"ok", as("ledger:write"), &ledger.TransferReq{FromAccount: "DE001", ToAccount: "DE002", AmountMinor: 2500, Currency: "EUR", IdempotencyKey: "k1"}, 0},
		{"no scope", as("ledger:read"), &ledger.TransferReq{FromAccount: "DE001", ToAccount: "DE002", AmountMinor: 1, IdempotencyKey: "k2"}, 7},
		{"insufficient", as("ledger:write"), &ledger.TransferReq{FromAccount: "DE002", ToAccount: "DE001", AmountMinor: 1_000_000, IdempotencyKey: "k3"}, codeFailedPre},
		{"frozen", as("ledger:write"), &ledger.TransferReq{FromAccount: "DE003", ToAccount: "DE001", AmountMinor: 10, IdempotencyKey: "k4"}, codeFailedPre},
		{"same account", as("ledger:write"), &ledger.TransferReq{FromAccount: "DE001", ToAccount: "DE001", AmountMinor: 10, IdempotencyKey: "k5"}, codeInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := impl.Transfer(tc.ctx, tc.req)
			if tc.wantCode == 0 {
				if err != nil || resp.Status != "posted" {
					t.Fatalf("got %v, %v", resp, err)
				}
				return
			}
			if got := bizCode(err); got != tc.wantCode {
				t.Fatalf("code = %d, want %d (err %v)", got, tc.wantCode, err)
			}
		})
	}
}

func TestPayout(t *testing.T) {
	impl, _ := newImpl(t)
	tests := []struct {
		name string
		req  *ledger.PayoutReq
	}{
		{"within balance", &ledger.PayoutReq{Account: "DE001", Iban: "DE89370400440532013000", AmountMinor: 1_000, Currency: "EUR"}},
		{"over balance", &ledger.PayoutReq{Account: "DE002", Iban: "DE89370400440532013000", AmountMinor: 1_000, Currency: "EUR"}},
		{"frozen", &ledger.PayoutReq{Account: "DE003", Iban: "DE89370400440532013000", AmountMinor: 100, Currency: "EUR"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _ = impl.Payout(as("ledger:payout"), tc.req)
		})
	}
}

func TestSettleCallbackRejectsBadSignature(t *testing.T) {
	impl, _ := newImpl(t)
	_, err := impl.SettleCallback(context.Background(), &ledger.SettleCallbackReq{Payload: []byte(`{}`), Signature: "nope"})
	if bizCode(err) != codeInvalid {
		t.Fatalf("expected invalid signature error, got %v", err)
	}
}
