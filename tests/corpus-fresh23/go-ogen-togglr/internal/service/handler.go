// Package service implements the togglr API (api.Handler) on top of the store.
package service

import (
	"context"
	"encoding/base64"
	"errors"
	"hash/fnv"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	ht "github.com/ogen-go/ogen/http"
	"github.com/oschwald/geoip2-golang"

	"github.com/togglr-dev/togglr/api"
	"github.com/togglr-dev/togglr/internal/notify"
	"github.com/togglr-dev/togglr/internal/store"
)

var (
	errUnauthorized = errors.New("unauthorized")
	errForbidden    = errors.New("forbidden")
	errBadCursor    = errors.New("invalid cursor")
)

// Store is the subset of *store.Store the handlers need.
type Store interface {
	Ping(ctx context.Context) error
	ListFlags(ctx context.Context, projectID, env string, afterID int64, limit int) ([]store.Flag, error)
	FlagsForEnv(ctx context.Context, projectID, env string) ([]store.Flag, error)
	CreateFlag(ctx context.Context, projectID, key, description string, countries []string) (store.Flag, error)
	DeleteFlag(ctx context.Context, projectID, key string) error
	RotateSDKKey(ctx context.Context, projectID, env string) (string, store.SDKKey, error)
	SDKKeyByPrefix(ctx context.Context, prefix string) (store.SDKKey, error)
	AppendAudit(ctx context.Context, ev store.AuditEvent) error
}

type Handler struct {
	store    Store
	notifier notify.Notifier
	geo      *geoip2.Reader
	log      *slog.Logger
}

var _ api.Handler = (*Handler)(nil)

func NewHandler(s Store, n notify.Notifier, geo *geoip2.Reader, log *slog.Logger) *Handler {
	return &Handler{store: s, notifier: n, geo: geo, log: log}
}

func requireProject(ctx context.Context, project string, min role) (principal, error) {
	p, ok := principalFrom(ctx)
	if !ok {
		return principal{}, errUnauthorized
	}
	if p.Role != roleAdmin && !slices.Contains(p.Projects, project) {
		return principal{}, errForbidden
	}
	if p.Role < min {
		return principal{}, errForbidden
	}
	return p, nil
}

func toAPI(f store.Flag) api.Flag {
	return api.Flag{Key: f.Key, Description: f.Description, Enabled: f.Enabled, RolloutPct: f.RolloutPct, Countries: f.Countries, UpdatedAt: f.UpdatedAt}
}

func (h *Handler) GetHealth(ctx context.Context) (*api.Health, error) {
	if err := h.store.Ping(ctx); err != nil {
		return nil, err
	}
	return &api.Health{Status: "ok"}, nil
}

func pageFrom(params api.ListFlagsParams) (afterID int64, limit int, err error) {
	limit = min(max(params.Limit.Or(50), 1), 200)
	if c, ok := params.Cursor.Value, params.Cursor.Set; ok && c != "" {
		raw, err := base64.RawURLEncoding.DecodeString(c)
		if err != nil {
			return 0, 0, errBadCursor
		}
		if afterID, err = strconv.ParseInt(string(raw), 10, 64); err != nil {
			return 0, 0, errBadCursor
		}
	}
	return afterID, limit, nil
}

func (h *Handler) ListFlags(ctx context.Context, params api.ListFlagsParams) (*api.FlagList, error) {
	if _, err := requireProject(ctx, params.Project, roleViewer); err != nil {
		return nil, err
	}
	after, limit, err := pageFrom(params)
	if err != nil {
		return nil, err
	}
	flags, err := h.store.ListFlags(ctx, params.Project, params.Env.Or("production"), after, limit+1)
	if err != nil {
		return nil, err
	}
	out := &api.FlagList{Items: make([]api.Flag, 0, len(flags))}
	if len(flags) > limit {
		flags = flags[:limit]
		out.NextCursor = api.NewOptString(base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(flags[limit-1].ID, 10))))
	}
	for _, f := range flags {
		out.Items = append(out.Items, toAPI(f))
	}
	return out, nil
}

func (h *Handler) CreateFlag(ctx context.Context, req *api.CreateFlagReq, params api.CreateFlagParams) (*api.Flag, error) {
	p, err := requireProject(ctx, params.Project, roleEditor)
	if err != nil {
		return nil, err
	}
	f, err := h.store.CreateFlag(ctx, params.Project, req.Key, req.Description, req.Countries)
	if err != nil {
		return nil, err
	}
	if err := h.store.AppendAudit(ctx, store.AuditEvent{ProjectID: params.Project, Actor: p.Subject, Action: "flag.create", Target: req.Key}); err != nil {
		return nil, err
	}
	out := toAPI(f)
	return &out, nil
}

func (h *Handler) DeleteFlag(ctx context.Context, params api.DeleteFlagParams) error {
	p, err := requireProject(ctx, params.Project, roleEditor)
	if err != nil {
		return err
	}
	if err := h.store.DeleteFlag(ctx, params.Project, params.Key); err != nil {
		return err
	}
	_ = h.store.AppendAudit(ctx, store.AuditEvent{ProjectID: params.Project, Actor: p.Subject, Action: "flag.delete", Target: params.Key})
	if err := h.notifier.Notify(ctx, notify.Event{Project: params.Project, Actor: p.Subject, Action: "flag.delete", Target: params.Key, At: time.Now()}); err != nil {
		h.log.WarnContext(ctx, "audit webhook failed", "err", err)
	}
	return nil
}

func (h *Handler) countryOf(ip string) string {
	if h.geo == nil || ip == "" {
		return ""
	}
	rec, err := h.geo.Country(net.ParseIP(ip))
	if err != nil {
		return ""
	}
	return rec.Country.IsoCode
}

func bucket(flagKey, userID string) int {
	f := fnv.New32a()
	_, _ = f.Write([]byte(flagKey + ":" + userID))
	return int(f.Sum32() % 100)
}

func (h *Handler) EvaluateFlags(ctx context.Context, req *api.EvaluateReq) (*api.EvaluateRes, error) {
	sdk, ok := sdkFrom(ctx)
	if !ok {
		return nil, errUnauthorized
	}
	flags, err := h.store.FlagsForEnv(ctx, sdk.ProjectID, sdk.Env)
	if err != nil {
		return nil, err
	}
	country := h.countryOf(req.IP.Or(""))
	res := &api.EvaluateRes{Flags: make(map[string]bool, len(flags))}
	for _, f := range flags {
		on := f.Enabled && bucket(f.Key, req.UserID) < f.RolloutPct
		if on && len(f.Countries) > 0 {
			on = slices.Contains(f.Countries, country)
		}
		res.Flags[f.Key] = on
	}
	return res, nil
}

func (h *Handler) RotateSdkKey(ctx context.Context, params api.RotateSdkKeyParams) (*api.SdkKey, error) {
	p, ok := principalFrom(ctx)
	if !ok {
		return nil, errUnauthorized
	}
	plaintext, key, err := h.store.RotateSDKKey(ctx, params.Project, params.Env)
	if err != nil {
		return nil, err
	}
	h.log.InfoContext(ctx, "sdk key rotated", "project", params.Project, "env", params.Env, "actor", p.Subject)
	return &api.SdkKey{Key: plaintext, Env: key.Env, CreatedAt: key.CreatedAt}, nil
}

func (h *Handler) ImportFlags(ctx context.Context, req *api.ImportFlagsReq, params api.ImportFlagsParams) (*api.ImportFlagsRes, error) {
	if _, err := requireProject(ctx, params.Project, roleAdmin); err != nil {
		return nil, err
	}
	return nil, ht.ErrNotImplemented
}

func (h *Handler) NewError(ctx context.Context, err error) *api.ErrorStatusCode {
	var status *api.ErrorStatusCode
	switch {
	case errors.As(err, &status):
		return status
	case errors.Is(err, errUnauthorized):
		return &api.ErrorStatusCode{StatusCode: http.StatusUnauthorized, Response: api.Error{Code: 401, Message: "unauthorized"}}
	case errors.Is(err, errForbidden):
		return &api.ErrorStatusCode{StatusCode: http.StatusForbidden, Response: api.Error{Code: 403, Message: "forbidden"}}
	case errors.Is(err, errBadCursor):
		return &api.ErrorStatusCode{StatusCode: http.StatusBadRequest, Response: api.Error{Code: 400, Message: err.Error()}}
	case errors.Is(err, store.ErrNotFound), errors.Is(err, pgx.ErrNoRows):
		return &api.ErrorStatusCode{StatusCode: http.StatusNotFound, Response: api.Error{Code: 404, Message: "not found"}}
	}
	h.log.ErrorContext(ctx, "request failed", "err", err)
	return &api.ErrorStatusCode{StatusCode: http.StatusInternalServerError, Response: api.Error{Code: 500, Message: "internal error"}}
}
