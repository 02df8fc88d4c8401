// Package pgsink registers the orders_postgres output.
package pgsink

import (
	"context"
	"crypto/tls"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/redpanda-data/benthos/v4/public/service"
)

func outputSpec() *service.ConfigSpec {
	return service.NewConfigSpec().
		Beta().
		Categories("Services").
		Summary("Upserts enriched orders and their lines into Postgres.").
		Field(service.NewStringField("dsn").Secret().
			Example("postgres://orders_writer:${ORDERS_DB_PASSWORD}@orders-db:5432/orders")).
		Field(service.NewStringField("table").Default("orders")).
		Field(service.NewStringField("dead_letter_table").Default("orders_dead_letter")).
		Field(service.NewOutputMaxInFlightField())
}

func init() {
	err := service.RegisterOutput("orders_postgres", outputSpec(),
		func(conf *service.ParsedConfig, mgr *service.Resources) (service.Output, int, error) {
			maxInFlight, err := conf.FieldMaxInFlight()
			if err != nil {
				return nil, 0, err
			}
			out, err := newOutput(conf, mgr)
			return out, maxInFlight, err
		})
	if err != nil {
		panic(err)
	}
}

type line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
	Cents    int64  `json:"unit_price_cents"`
}

type order struct {
	ID         string `json:"id"`
	CustomerID string `json:"customer_id"`
	TotalCents int64  `json:"total_cents"`
	Currency   string `json:"currency"`
	Customer   struct {
		Tier   string `json:"tier"`
		Region string `json:"region"`
	} `json:"customer"`
	Lines []line `json:"lines"`
}

type pgOutput struct {
	dsn        string
	table      string
	deadLetter string
	db         *sql.DB
	log        *service.Logger
}

func newOutput(conf *service.ParsedConfig, mgr *service.Resources) (*pgOutput, error) {
	dsn, err := conf.FieldString("dsn")
	if err != nil {
		return nil, err
	}
	table, err := conf.FieldString("table")
	if err != nil {
		return nil, err
	}
	deadLetter, err := conf.FieldString("dead_letter_table")
	if err != nil {
		return nil, err
	}
	return &pgOutput{dsn: dsn, table: table, deadLetter: deadLetter, log: mgr.Logger()}, nil
}

func (o *pgOutput) Connect(ctx context.Context) error {
	cfg, err := pgx.ParseConfig(o.dsn)
	if err != nil {
		return fmt.Errorf("parsing dsn: %w", err)
	}
	cfg.TLSConfig = &tls.Config{ServerName: cfg.Host, MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}
	db := stdlib.OpenDB(*cfg)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return err
	}
	o.db = db
	return nil
}

func (o *pgOutput) Write(ctx context.Context, msg *service.Message) error {
	raw, err := msg.AsBytes()
	if err != nil {
		return err
	}
	var ord order
	if err := json.Unmarshal(raw, &ord); err != nil || ord.ID == "" {
		o.log.Warnf("order rejected, moving to %s: %v", o.deadLetter, err)
		_, _ = o.db.ExecContext(ctx,
			"INSERT INTO "+pgx.Identifier{o.deadLetter}.Sanitize()+" (payload, reason) VALUES ($1, $2)",
			raw, fmt.Sprint(err))
		return nil
	}

	tx, err := o.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// Rollback after a successful Commit is a no-op that returns sql.ErrTxDone.
	defer func() { _ = tx.Rollback() }()

	if err := upsertOrder(ctx, tx, o.table, ord); err != nil {
		return fmt.Errorf("upserting order %s: %w", ord.ID, err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM order_lines WHERE order_id = $1", ord.ID); err != nil {
		return err
	}
	for _, l := range ord.Lines {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO order_lines (order_id, sku, quantity, unit_price_cents) VALUES ($1, $2, $3, $4)",
			ord.ID, l.SKU, l.Quantity, l.Cents); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func upsertOrder(ctx context.Context, tx *sql.Tx, table string, o order) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO orders (id, customer_id, total_cents, currency, customer_tier, customer_region, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, now())
		ON CONFLICT (id) DO UPDATE SET
			total_cents = EXCLUDED.total_cents,
			currency = EXCLUDED.currency,
			customer_tier = EXCLUDED.customer_tier,
			customer_region = EXCLUDED.customer_region,
			updated_at = now()`,
		o.ID, o.CustomerID, o.TotalCents, o.Currency, o.Customer.Tier, o.Customer.Region)
	return err
}

func (o *pgOutput) Close(ctx context.Context) error {
	if o.db == nil {
		return nil
	}
	return o.db.Close()
}
