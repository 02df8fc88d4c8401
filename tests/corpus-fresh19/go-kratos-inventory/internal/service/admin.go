package service

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/go-kratos/kratos/v2/errors"
	"github.com/go-kratos/kratos/v2/log"
	"github.com/go-kratos/kratos/v2/transport/http"

	"github.com/acme/inventory/internal/data"
)

type AdminService struct {
	store     *data.Store
	audit     *data.AuditLog
	priceFile string
	log       *log.Helper
}

func NewAdminService(store *data.Store, audit *data.AuditLog, priceFile string, logger log.Logger) *AdminService {
	return &AdminService{
		store:     store,
		audit:     audit,
		priceFile: priceFile,
		log:       log.NewHelper(log.With(logger, "module", "service/admin")),
	}
}

func loadPrices(path string) (map[string]int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = 2
	prices := make(map[string]int64)
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if line == 1 && rec[0] == "sku" {
			continue
		}
		cents, err := strconv.ParseInt(rec[1], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad price %q", path, line, rec[1])
		}
		prices[rec[0]] = cents
	}
	return prices, nil
}

// Reindex rebuilds the search materialized view.
func (s *AdminService) Reindex(ctx http.Context) error {
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		if err := s.store.RebuildSearchIndex(c); err != nil {
			return nil, err
		}
		return map[string]bool{"ok": true}, nil
	})
}

func (s *AdminService) Reprice(ctx http.Context) error {
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		claims, err := requireAdmin(c)
		if err != nil {
			return nil, err
		}
		prices, err := loadPrices(s.priceFile)
		if err != nil {
			return nil, errors.InternalServer("PRICE_FILE", err.Error())
		}
		n, err := s.store.ApplyPrices(c, prices)
		if err != nil {
			return nil, err
		}
		if err := s.audit.Record(c, claims.Subject, "prices.apply", "*", map[string]interface{}{"rows": n}); err != nil {
			s.log.WithContext(c).Errorf("audit reprice: %v", err)
			return nil, err
		}
		return map[string]int{"updated": n}, nil
	})
}

func (s *AdminService) ExportPrices(ctx http.Context) error {
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		prices, err := s.store.AllPrices(c)
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"prices": prices}, nil
	})
}
