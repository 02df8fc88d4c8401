package report

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/northwind-support/helpdesk/database/model"

	"goyave.dev/goyave/v5"
	"goyave.dev/goyave/v5/auth"
)

type Controller struct {
	goyave.Component
}

func NewController() *Controller {
	return &Controller{}
}

func (ctrl *Controller) RegisterRoutes(router *goyave.Router) {
	reports := router.Subrouter("/reports").SetMeta(auth.MetaAuth, true)
	reports.Get("/sla", ctrl.SLA)
	reports.Get("/customers.csv", ctrl.CustomersCSV)
}

type slaRow struct {
	Priority      string  `json:"priority"`
	Tickets       int64   `json:"tickets"`
	MedianHours   float64 `json:"medianFirstResponseHours"`
	BreachedCount int64   `json:"breached"`
}

func (ctrl *Controller) SLA(response *goyave.Response, request *goyave.Request) {
	since := time.Now().AddDate(0, -1, 0)
	var rows []slaRow
	err := ctrl.DB().WithContext(request.Context()).Raw(`
		SELECT t.priority,
		       count(*) AS tickets,
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_reply - t.created_at) / 3600) AS median_hours,
		       count(*) FILTER (WHERE r.first_reply - t.created_at > interval '8 hours') AS breached_count
		FROM tickets t
		JOIN LATERAL (SELECT min(created_at) AS first_reply FROM replies WHERE ticket_id = t.id AND author_id <> t.requester_id) r ON true
		WHERE t.created_at >= ?
		GROUP BY t.priority`, since).Scan(&rows).Error
	if response.WriteDBError(err) {
		return
	}
	response.JSON(http.StatusOK, rows)
}

func (ctrl *Controller) CustomersCSV(response *goyave.Response, request *goyave.Request) {
	var users []model.User
	if err := ctrl.DB().WithContext(request.Context()).Where("role = ?", model.RoleCustomer).Order("id").Find(&users).Error; err != nil {
		response.Error(err)
		return
	}
	response.Header().Set("Content-Type", "text/csv")
	response.Header().Set("Content-Disposition", `attachment; filename="customers.csv"`)
	response.WriteHeader(http.StatusOK)
	w := csv.NewWriter(response)
	_ = w.Write([]string{"id", "name", "email", "created_at"})
	for _, u := range users {
		_ = w.Write([]string{strconv.FormatUint(uint64(u.ID), 10), u.Name, u.Email, u.CreatedAt.Format(time.RFC3339)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		ctrl.Logger().Error("writing customer export failed", "error", err)
	}
}
