package svc

import (
	"github.com/acme-retail/orders-api/internal/config"
	"github.com/acme-retail/orders-api/internal/middleware"
	"github.com/acme-retail/orders-api/internal/model"
	"github.com/acme-retail/orders-api/internal/payment"

	"github.com/zeromicro/go-zero/core/stores/sqlx"
	"github.com/zeromicro/go-zero/rest"
)

type ServiceContext struct {
	Config    config.Config
	AdminOnly rest.Middleware
	Orders    model.OrdersModel
	Payments  *payment.Client
}

func NewServiceContext(c config.Config) *ServiceContext {
	conn := sqlx.NewSqlConn("pgx", c.DataSource)
	return &ServiceContext{
		Config:    c,
		AdminOnly: middleware.NewAdminOnlyMiddleware().Handle,
		Orders:    model.NewOrdersModel(conn),
		Payments:  payment.NewClient(c.Payment.BaseURL, c.Payment.APIKey),
	}
}
