package handler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cloudwego/kitex/pkg/kerrors"
	"github.com/cloudwego/kitex/pkg/klog"
	"github.com/google/uuid"

	"github.com/finchpay/ledger/bank"
	"github.com/finchpay/ledger/dal"
	"github.com/finchpay/ledger/kitex_gen/ledger"
	"github.com/finchpay/ledger/middleware"
	"github.com/finchpay/ledger/statement"
)

const (
	codeInvalid   = 3
	codeNotFound  = 5
	codeFailedPre = 9
	codeUnimpl    = 12

	// clearingAccount holds payouts between the ledger debit and bank settlement.
	clearingAccount = "PAYOUT-CLEARING"
)

// BankAPI is the part of the bank client the handlers use.
type BankAPI interface {
	Payout(ctx context.Context, reference, iban string, amountMinor int64, currency string) (*bank.PayoutResult, error)
	Sign(payload []byte) string
}

// LedgerImpl implements ledger.LedgerService.
type LedgerImpl struct {
	Store      *dal.Store
	Bank       BankAPI
	Statements *statement.Exporter
}

func actor(ctx context.Context) string {
	if p, ok := middleware.PrincipalFrom(ctx); ok {
		return p.Subject
	}
	return "anonymous"
}

func (s *LedgerImpl) Ping(ctx context.Context, req *ledger.PingReq) (*ledger.Ack, error) {
	return &ledger.Ack{Ok: true}, nil
}

func (s *LedgerImpl) GetBalance(ctx context.Context, req *ledger.BalanceReq) (*ledger.BalanceResp, error) {
	if _, err := middleware.RequireScope(ctx, "ledger:read"); err != nil {
		return nil, err
	}
	acc, err := s.Store.Account(ctx, req.Account)
	if errors.Is(err, dal.ErrNotFound) {
		return nil, kerrors.NewBizStatusError(codeNotFound, "unknown account")
	} else if err != nil {
		return nil, err
	}
	return &ledger.BalanceResp{Account: acc.ID, BalanceMinor: acc.BalanceMinor, Currency: acc.Currency, Frozen: acc.Frozen}, nil
}

func (s *LedgerImpl) Transfer(ctx context.Context, req *ledger.TransferReq) (*ledger.TransferResp, error) {
	p, err := middleware.RequireScope(ctx, "ledger:write")
	if err != nil {
		return nil, err
	}
	if req.AmountMinor <= 0 || req.FromAccount == req.ToAccount || req.IdempotencyKey == "" {
		return nil, kerrors.NewBizStatusError(codeInvalid, "invalid transfer")
	}
	id, err := s.Store.Transfer(ctx, uuid.NewString(), req.FromAccount, req.ToAccount, req.AmountMinor, req.Currency, req.IdempotencyKey, req.Memo)
	switch {
	case errors.Is(err, dal.ErrInsufficientFunds), errors.Is(err, dal.ErrAccountFrozen):
		return nil, kerrors.NewBizStatusError(codeFailedPre, err.Error())
	case err != nil:
		klog.CtxErrorf(ctx, "transfer %s -> %s failed: %v", req.FromAccount, req.ToAccount, err)
		return nil, err
	}
	_ = s.Store.AppendAudit(ctx, p.Subject, "transfer", id, fmt.Sprintf("%d %s", req.AmountMinor, req.Currency))
	return &ledger.TransferResp{TransferId: id, Status: "posted"}, nil
}

func (s *LedgerImpl) ReverseTransfer(ctx context.Context, req *ledger.ReverseReq) (*ledger.TransferResp, error) {
	if _, err := middleware.RequireScope(ctx, "ledger:admin"); err != nil {
		return nil, err
	}
	return nil, kerrors.NewBizStatusError(codeUnimpl, "reverse transfer not implemented")
}

func (s *LedgerImpl) FreezeAccount(ctx context.Context, req *ledger.AccountActionReq) (*ledger.Ack, error) {
	if err := s.Store.SetFrozen(ctx, req.Account, true); err != nil {
		return nil, err
	}
	if err := s.Store.AppendAudit(ctx, actor(ctx), "freeze", req.Account, req.Reason); err != nil {
		return nil, fmt.Errorf("account frozen but audit failed: %w", err)
	}
	return &ledger.Ack{Ok: true}, nil
}

func (s *LedgerImpl) CloseAccount(ctx context.Context, req *ledger.AccountActionReq) (*ledger.Ack, error) {
	p, err := middleware.RequireScope(ctx, "ledger:admin")
	if err != nil {
		return nil, err
	}
	path, err := s.Statements.Monthly(ctx, req.Account, time.Now().UTC())
	if err != nil {
		return nil, fmt.Errorf("final statement: %w", err)
	}
	klog.CtxInfof(ctx, "final statement for %s written to %s", req.Account, path)
	if err := s.Store.Close(ctx, req.Account); err != nil {
		return nil, err
	}
	if err := s.Store.AppendAudit(ctx, p.Subject, "close", req.Account, req.Reason); err != nil {
		klog.CtxErrorf(ctx, "audit for close of %s failed: %v", req.Account, err)
		return nil, err
	}
	return &ledger.Ack{Ok: true}, nil
}

func (s *LedgerImpl) Payout(ctx context.Context, req *ledger.PayoutReq) (*ledger.PayoutResp, error) {
	p, err := middleware.RequireScope(ctx, "ledger:payout")
	if err != nil {
		return nil, err
	}
	acc, err := s.Store.Account(ctx, req.Account)
	if err != nil {
		return nil, err
	}
	if acc.Frozen || acc.BalanceMinor < req.AmountMinor {
		return nil, kerrors.NewBizStatusError(codeFailedPre, "payout not allowed")
	}
	reference := uuid.NewString()
	if _, err := s.Store.Transfer(ctx, reference, acc.ID, clearingAccount, req.AmountMinor, req.Currency, "payout:"+reference, "payout"); err != nil {
		return nil, err
	}
	res, err := s.Bank.Payout(ctx, reference, req.Iban, req.AmountMinor, req.Currency)
	if err != nil {
		return nil, err
	}
	payload, _ := json.Marshal(map[string]any{"payout_id": res.ID, "account": acc.ID, "amount_minor": req.AmountMinor})
	s.Store.DB(ctx).Create(&dal.Outbox{Topic: "ledger.payout.sent", Payload: payload})
	if err := s.Store.AppendAudit(ctx, p.Subject, "payout", acc.ID, res.ID); err != nil {
		// The money has left; failing the RPC now would invite a retry and a second payout.
		klog.CtxErrorf(ctx, "payout %s sent but audit failed: %v", res.ID, err)
	}
	return &ledger.PayoutResp{PayoutId: res.ID, Status: res.Status}, nil
}

type settlement struct {
	PaymentID string `json:"payment_id"`
	Status    string `json:"status"`
}

func (s *LedgerImpl) SettleCallback(ctx context.Context, req *ledger.SettleCallbackReq) (*ledger.Ack, error) {
	if req.Signature == "" || req.Signature != s.Bank.Sign(req.Payload) {
		return nil, kerrors.NewBizStatusError(codeInvalid, "bad signature")
	}
	var st settlement
	if err := json.Unmarshal(req.Payload, &st); err != nil {
		return nil, kerrors.NewBizStatusError(codeInvalid, "malformed settlement")
	}
	payload, _ := json.Marshal(st)
	if err := s.Store.DB(ctx).Create(&dal.Outbox{Topic: "ledger.payout.settled", Payload: payload}).Error; err != nil {
		klog.CtxErrorf(ctx, "settlement %s not queued: %v", st.PaymentID, err)
		return nil, err
	}
	return &ledger.Ack{Ok: true}, nil
}
