package fleetlog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"goa.design/goa/v3/security"

	vehicles "github.com/northwind-logistics/fleetlog/gen/vehicles"
	"github.com/northwind-logistics/fleetlog/store"
	"github.com/northwind-logistics/fleetlog/telematics"
)

type ctxKey int

const claimsKey ctxKey = iota

// Claims are the fleetlog-specific JWT claims issued by the IdP.
type Claims struct {
	jwt.RegisteredClaims
	Scopes []string `json:"scopes"`
	Depot  string   `json:"depot"`
}

type Config struct {
	JWTKey     []byte
	Issuer     string
	IngestKeys map[string]string // gateway id -> key
}

type vehiclessrvc struct {
	cfg   Config
	store *store.Store
	tm    *telematics.Client
	log   *slog.Logger
}

// NewVehicles returns the vehicles service implementation.
func NewVehicles(cfg Config, st *store.Store, tm *telematics.Client, log *slog.Logger) vehicles.Service {
	return &vehiclessrvc{cfg: cfg, store: st, tm: tm, log: log}
}

// JWTAuth implements the authorization logic for the "jwt" security scheme.
func (s *vehiclessrvc) JWTAuth(ctx context.Context, token string, scheme *security.JWTScheme) (context.Context, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return s.cfg.JWTKey, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	if err != nil {
		return ctx, vehicles.MakeUnauthorized(fmt.Errorf("invalid token: %w", err))
	}
	if claims.Issuer != s.cfg.Issuer {
		return ctx, vehicles.MakeUnauthorized(errors.New("unexpected issuer"))
	}
	if err := scheme.Validate(claims.Scopes); err != nil {
		return ctx, vehicles.MakeForbidden(err)
	}
	return context.WithValue(ctx, claimsKey, claims), nil
}

// APIKeyAuth implements the authorization logic for the "ingest_key" security scheme.
// Keys are "<gateway>:<secret>".
func (s *vehiclessrvc) APIKeyAuth(ctx context.Context, key string, scheme *security.APIKeyScheme) (context.Context, error) {
	gateway, secret, ok := splitKey(key)
	if !ok {
		return ctx, vehicles.MakeUnauthorized(errors.New("malformed ingest key"))
	}
	expected, known := s.cfg.IngestKeys[gateway]
	if !known || secret != expected {
		return ctx, vehicles.MakeUnauthorized(errors.New("unknown gateway"))
	}
	return context.WithValue(ctx, claimsKey, &Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: "gateway:" + gateway}}), nil
}

func claimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey).(*Claims)
	if c == nil {
		return &Claims{}
	}
	return c
}

func (s *vehiclessrvc) Health(ctx context.Context) (string, error) {
	if err := s.store.Ping(ctx); err != nil {
		return "", err
	}
	return "ok", nil
}

func listFilter(p *vehicles.ListPayload, c *Claims) (depot string, includeRetired bool) {
	if p.Depot != nil {
		depot = *p.Depot
	}
	if c.Depot != "" && c.Depot != "*" {
		depot = c.Depot
	}
	return depot, p.IncludeRetired
}

func (s *vehiclessrvc) List(ctx context.Context, p *vehicles.ListPayload) ([]*vehicles.Vehicle, error) {
	depot, includeRetired := listFilter(p, claimsFrom(ctx))
	vs, err := s.store.ListVehicles(ctx, depot, includeRetired)
	if err != nil {
		return nil, err
	}
	out := make([]*vehicles.Vehicle, 0, len(vs))
	for _, v := range vs {
		next := v.LastServiceKm + v.ServiceEvery
		out = append(out, &vehicles.Vehicle{ID: v.ID, Vin: v.VIN, Depot: v.Depot, OdometerKm: v.OdometerKm, NextServiceKm: &next, Retired: v.Retired})
	}
	return out, nil
}

// kmUntilService projects the remaining distance, assuming the fleet average of 180 km/day.
func kmUntilService(v *store.Vehicle, asOf time.Time) int {
	days := int(time.Since(v.LastServiceAt).Hours() / 24)
	projected := v.LastServiceKm + days*180
	if v.OdometerKm > projected {
		projected = v.OdometerKm
	}
	return v.LastServiceKm + v.ServiceEvery - projected
}

func (s *vehiclessrvc) ServiceDue(ctx context.Context, p *vehicles.ServiceDuePayload) (int, error) {
	asOf := time.Now()
	if p.AsOf != nil {
		t, err := time.Parse(time.DateOnly, *p.AsOf)
		if err != nil {
			return 0, fmt.Errorf("as_of: %w", err)
		}
		asOf = t
	}
	v, err := s.store.Vehicle(ctx, p.ID)
	if errors.Is(err, store.ErrNotFound) {
		return 0, vehicles.MakeNotFound(err)
	} else if err != nil {
		return 0, err
	}
	return kmUntilService(v, asOf), nil
}

func (s *vehiclessrvc) RecordService(ctx context.Context, p *vehicles.RecordServicePayload) (*vehicles.ServiceRecord, error) {
	c := claimsFrom(ctx)
	v, err := s.store.Vehicle(ctx, p.VehicleID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, vehicles.MakeNotFound(err)
	} else if err != nil {
		return nil, err
	}
	if c.Depot != "*" && v.Depot != c.Depot {
		return nil, vehicles.MakeForbidden(fmt.Errorf("vehicle %s belongs to depot %s", v.ID, v.Depot))
	}
	at, err := time.Parse(time.RFC3339, p.PerformedAt)
	if err != nil {
		return nil, fmt.Errorf("performed_at: %w", err)
	}
	notes := ""
	if p.Notes != nil {
		notes = *p.Notes
	}
	if err := s.store.RecordService(ctx, v.ID, at, p.OdometerKm, notes, c.Subject); err != nil {
		return nil, err
	}
	if err := s.tm.ResetServiceReminder(ctx, v.ID, p.OdometerKm); err != nil {
		return nil, fmt.Errorf("service stored but reminder reset failed: %w", err)
	}
	return &vehicles.ServiceRecord{VehicleID: v.ID, PerformedAt: p.PerformedAt, OdometerKm: p.OdometerKm, Notes: p.Notes}, nil
}

func (s *vehiclessrvc) Retire(ctx context.Context, p *vehicles.RetirePayload) error {
	if err := s.store.Retire(ctx, p.ID); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return vehicles.MakeNotFound(err)
		}
		return err
	}
	return s.store.Audit(ctx, claimsFrom(ctx).Subject, "vehicle.retire", p.ID)
}

func (s *vehiclessrvc) PurgeHistory(ctx context.Context, p *vehicles.PurgeHistoryPayload) error {
	n, err := s.store.PurgeHistory(ctx, p.ID)
	if err != nil {
		return err
	}
	_ = s.store.Audit(ctx, claimsFrom(ctx).Subject, "vehicle.purge_history", p.ID)
	s.log.Info("service history purged", "vehicle", p.ID, "rows", n)
	return nil
}

func (s *vehiclessrvc) ExportFuelCards(ctx context.Context, p *vehicles.ExportFuelCardsPayload) ([]byte, error) {
	panic("not implemented: fuel card export")
}

func (s *vehiclessrvc) IngestOdometer(ctx context.Context, p *vehicles.IngestOdometerPayload) error {
	if p.OdometerKm < 0 {
		return fmt.Errorf("odometer_km must be positive")
	}
	return s.store.UpdateOdometer(ctx, p.VehicleID, p.OdometerKm)
}

func splitKey(key string) (gateway, secret string, ok bool) {
	for i := 0; i < len(key); i++ {
		if key[i] == ':' {
			return key[:i], key[i+1:], i > 0 && i < len(key)-1
		}
	}
	return "", "", false
}
