package fleet

import (
	"context"
	"encoding/csv"
	"os"
	"strconv"

	"github.com/jmoiron/sqlx"
)

type costRow struct {
	Plate     string `db:"plate"`
	Orders    int    `db:"orders"`
	CostCents int64  `db:"cost_cents"`
}

// WriteCostReport writes last month's closed work-order costs per vehicle.
func WriteCostReport(ctx context.Context, db *sqlx.DB, path string) error {
	var rows []costRow
	err := db.SelectContext(ctx, &rows, `
		SELECT v.plate, count(w.id) AS orders, coalesce(sum(w.cost_cents), 0) AS cost_cents
		  FROM vehicles v
		  LEFT JOIN work_orders w ON w.vehicle_id = v.id
		   AND w.closed_at >= date_trunc('month', now()) - interval '1 month'
		   AND w.closed_at < date_trunc('month', now())
		 GROUP BY v.plate ORDER BY v.plate`)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	_ = w.Write([]string{"plate", "orders", "cost_cents"})
	for _, r := range rows {
		if err := w.Write([]string{r.Plate, strconv.Itoa(r.Orders), strconv.FormatInt(r.CostCents, 10)}); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
