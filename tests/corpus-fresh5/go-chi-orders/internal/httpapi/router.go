package httpapi

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type Config struct {
	InternalKey     string
	CarrierHookKey  string
	RequestTimeout  time.Duration
}

func NewRouter(cfg Config, s *Server) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)
	r.Use(middleware.Timeout(cfg.RequestTimeout))

	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		// Write errors here mean the probe hung up; nothing useful to do.
		_, _ = w.Write([]byte("ok"))
	})

	r.Route("/v1", func(r chi.Router) {
		r.Use(Authenticate(s.tokens))
		r.Get("/orders/{id}", s.getOrder)
		r.With(RequireScope("orders:write")).Post("/orders", s.createOrder)
		r.With(RequireScope("orders:write")).Post("/orders/{id}/cancel", s.cancelOrder)
	})

	r.Group(func(r chi.Router) {
		r.Use(Authenticate(s.tokens))
		r.Post("/ops/orders/{id}/force-refund", s.forceRefund)
		r.Delete("/ops/customers/{id}", s.eraseCustomer)
	})

	r.With(InternalOnly(cfg.InternalKey)).Post("/internal/fulfilment", s.fulfilmentCallback)
	r.Post("/hooks/carrier", s.carrierHook(cfg.CarrierHookKey))

	return r
}
