package dal

import (
	"context"
	"errors"
	"time"

	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
	"gorm.io/gorm/logger"
)

var (
	ErrInsufficientFunds = errors.New("insufficient funds")
	ErrAccountFrozen     = errors.New("account frozen")
	ErrNotFound          = gorm.ErrRecordNotFound
)

type Account struct {
	ID           string `gorm:"primaryKey;size:34"`
	Currency     string `gorm:"size:3"`
	BalanceMinor int64
	Frozen       bool
	ClosedAt     *time.Time
	UpdatedAt    time.Time
}

type Entry struct {
	ID             uint64 `gorm:"primaryKey"`
	TransferID     string `gorm:"index;size:36"`
	Account        string `gorm:"index;size:34"`
	AmountMinor    int64
	Currency       string `gorm:"size:3"`
	IdempotencyKey string `gorm:"uniqueIndex:idx_idem_account;size:64"`
	Memo           string
	CreatedAt      time.Time
}

type AuditLog struct {
	ID        uint64 `gorm:"primaryKey"`
	Actor     string `gorm:"size:128"`
	Action    string `gorm:"size:64"`
	Target    string `gorm:"size:64"`
	Detail    string
	CreatedAt time.Time
}

type Outbox struct {
	ID        uint64 `gorm:"primaryKey"`
	Topic     string `gorm:"size:64"`
	Payload   []byte
	SentAt    *time.Time
	CreatedAt time.Time
}

type Store struct {
	db *gorm.DB
}

func Open(dsn string) (*Store, error) {
	db, err := gorm.Open(mysql.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Warn)})
	if err != nil {
		return nil, err
	}
	return New(db)
}

func New(db *gorm.DB) (*Store, error) {
	if err := db.AutoMigrate(&Account{}, &Entry{}, &AuditLog{}, &Outbox{}); err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

func (s *Store) DB(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

func (s *Store) Account(ctx context.Context, id string) (*Account, error) {
	var acc Account
	if err := s.DB(ctx).First(&acc, "id = ?", id).Error; err != nil {
		return nil, err
	}
	return &acc, nil
}

// Transfer moves funds between two accounts in a single transaction and returns the
// transfer id. Replaying an idempotency key returns the original transfer id.
func (s *Store) Transfer(ctx context.Context, transferID, from, to string, amount int64, currency, idemKey, memo string) (string, error) {
	var existing Entry
	if err := s.DB(ctx).Where("idempotency_key = ? AND account = ?", idemKey, from).First(&existing).Error; err == nil {
		return existing.TransferID, nil
	}
	err := s.DB(ctx).Transaction(func(tx *gorm.DB) error {
		var src, dst Account
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&src, "id = ?", from).Error; err != nil {
			return err
		}
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&dst, "id = ?", to).Error; err != nil {
			return err
		}
		if src.Frozen || dst.Frozen {
			return ErrAccountFrozen
		}
		if src.BalanceMinor < amount {
			return ErrInsufficientFunds
		}
		if err := tx.Model(&src).Update("balance_minor", gorm.Expr("balance_minor - ?", amount)).Error; err != nil {
			return err
		}
		if err := tx.Model(&dst).Update("balance_minor", gorm.Expr("balance_minor + ?", amount)).Error; err != nil {
			return err
		}
		return tx.Create([]Entry{
			{TransferID: transferID, Account: from, AmountMinor: -amount, Currency: currency, IdempotencyKey: idemKey, Memo: memo},
			{TransferID: transferID, Account: to, AmountMinor: amount, Currency: currency, IdempotencyKey: idemKey + ":cr", Memo: memo},
		}).Error
	})
	if err != nil {
		return "", err
	}
	return transferID, nil
}

func (s *Store) SetFrozen(ctx context.Context, account string, frozen bool) error {
	return s.DB(ctx).Model(&Account{}).Where("id = ?", account).Update("frozen", frozen).Error
}

func (s *Store) Close(ctx context.Context, account string) error {
	now := time.Now().UTC()
	return s.DB(ctx).Model(&Account{}).Where("id = ? AND balance_minor = 0", account).Update("closed_at", &now).Error
}

func (s *Store) AppendAudit(ctx context.Context, actor, action, target, detail string) error {
	return s.DB(ctx).Create(&AuditLog{Actor: actor, Action: action, Target: target, Detail: detail}).Error
}

func (s *Store) EntriesBetween(ctx context.Context, account string, from, to time.Time) ([]Entry, error) {
	var entries []Entry
	err := s.DB(ctx).Where("account = ? AND created_at >= ? AND created_at < ?", account, from, to).
		Order("id").Find(&entries).Error
	return entries, err
}
