package api

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"log"
	"math/big"
	"net"
	"net/url"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/valyala/fasthttp"

	"github.com/linkhut/shortlinks/db"
	"github.com/linkhut/shortlinks/internal/safety"
)

const codeAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// Store is the subset of the generated queries the HTTP layer needs.
type Store interface {
	keyStore
	GetLinkByCode(ctx context.Context, code string) (db.Link, error)
	CreateLink(ctx context.Context, arg db.CreateLinkParams) (db.Link, error)
	ListLinksByOwner(ctx context.Context, arg db.ListLinksByOwnerParams) ([]db.Link, error)
	ListAllLinks(ctx context.Context, arg db.ListAllLinksParams) ([]db.Link, error)
	RecordClick(ctx context.Context, arg db.RecordClickParams) error
	DisableLink(ctx context.Context, id int64) (int64, error)
	RevokeAPIKey(ctx context.Context, id int64) (int64, error)
	InsertAuditEvent(ctx context.Context, arg db.InsertAuditEventParams) error
}

type Cache interface {
	Get(code string) (string, bool)
	Set(code, target string, ttl time.Duration)
}

// noopCache is used when CACHE_TTL is zero.
type noopCache struct{}

func (noopCache) Get(code string) (string, bool) { return "", false }

func (noopCache) Set(code, target string, ttl time.Duration) {}

type GeoLookup interface {
	Country(ip net.IP) string
}

type Checker interface {
	Check(target string) (safety.Verdict, error)
}

type Handler struct {
	store    Store
	cache    Cache
	cacheTTL time.Duration
	geo      GeoLookup
	safety   Checker
	baseURL  string
}

func NewHandler(store Store, cache Cache, cacheTTL time.Duration, geo GeoLookup, checker Checker, baseURL string) *Handler {
	if cache == nil || cacheTTL == 0 {
		cache = noopCache{}
	}
	return &Handler{store: store, cache: cache, cacheTTL: cacheTTL, geo: geo, safety: checker, baseURL: baseURL}
}

func writeJSON(ctx *fasthttp.RequestCtx, status int, v any) {
	ctx.SetContentType("application/json")
	ctx.SetStatusCode(status)
	if err := json.NewEncoder(ctx).Encode(v); err != nil {
		log.Printf("encode response: %v", err)
	}
}

func newCode(n int) (string, error) {
	out := make([]byte, n)
	for i := range out {
		idx, err := rand.Int(rand.Reader, big.NewInt(int64(len(codeAlphabet))))
		if err != nil {
			return "", err
		}
		out[i] = codeAlphabet[idx.Int64()]
	}
	return string(out), nil
}

func (h *Handler) health(ctx *fasthttp.RequestCtx) {
	writeJSON(ctx, fasthttp.StatusOK, map[string]string{"status": "ok"})
}

func (h *Handler) redirect(ctx *fasthttp.RequestCtx) {
	code, _ := ctx.UserValue("code").(string)
	target, ok := h.cache.Get(code)
	var linkID int64
	if !ok {
		link, err := h.store.GetLinkByCode(ctx, code)
		if errors.Is(err, pgx.ErrNoRows) {
			ctx.Error("not found", fasthttp.StatusNotFound)
			return
		}
		if err != nil {
			log.Printf("lookup %q: %v", code, err)
			ctx.Error("internal error", fasthttp.StatusInternalServerError)
			return
		}
		target, linkID = link.Target, link.ID
		h.cache.Set(code, target, h.cacheTTL)
	}
	if linkID != 0 {
		country := h.geo.Country(ctx.RemoteIP())
		err := h.store.RecordClick(ctx, db.RecordClickParams{
			ID:      linkID,
			Country: pgtype.Text{String: country, Valid: country != ""},
			Referer: pgtype.Text{String: string(ctx.Referer()), Valid: len(ctx.Referer()) > 0},
		})
		if err != nil {
			log.Printf("record click for %q: %v", code, err)
		}
	}
	ctx.Redirect(target, fasthttp.StatusFound)
}

type createLinkRequest struct {
	Target    string     `json:"target"`
	ExpiresAt *time.Time `json:"expires_at"`
}

// CreateLink validates target and stores a new short link for owner.
func (h *Handler) CreateLink(ctx context.Context, ownerID int64, target string, expiresAt *time.Time) (db.Link, error) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return db.Link{}, errInvalidTarget
	}
	verdict, err := h.safety.Check(target)
	if err != nil {
		return db.Link{}, err
	}
	if verdict.Malicious {
		return db.Link{}, errUnsafeTarget
	}
	code, err := newCode(7)
	if err != nil {
		return db.Link{}, err
	}
	return h.store.CreateLink(ctx, db.CreateLinkParams{
		Code:    code,
		Target:  u.String(),
		OwnerID: ownerID,
	})
}

var (
	errInvalidTarget = errors.New("target must be an absolute http(s) URL")
	errUnsafeTarget  = errors.New("target was flagged by the reputation service")
)

func (h *Handler) createLink(ctx *fasthttp.RequestCtx) {
	key := ctx.UserValue(userValueAPIKey).(*db.ApiKey)
	var req createLinkRequest
	if err := json.Unmarshal(ctx.PostBody(), &req); err != nil {
		ctx.Error("invalid JSON body", fasthttp.StatusBadRequest)
		return
	}
	if req.ExpiresAt != nil && req.ExpiresAt.Before(time.Now()) {
		ctx.Error("expires_at is in the past", fasthttp.StatusBadRequest)
		return
	}
	link, err := h.CreateLink(ctx, key.OwnerID, req.Target, req.ExpiresAt)
	switch {
	case errors.Is(err, errInvalidTarget), errors.Is(err, errUnsafeTarget):
		ctx.Error(err.Error(), fasthttp.StatusUnprocessableEntity)
		return
	case err != nil:
		log.Printf("create link: %v", err)
		ctx.Error("internal error", fasthttp.StatusInternalServerError)
		return
	}
	writeJSON(ctx, fasthttp.StatusCreated, map[string]any{
		"code":      link.Code,
		"short_url": h.baseURL + "/" + link.Code,
		"target":    link.Target,
	})
}

func (h *Handler) listLinks(ctx *fasthttp.RequestCtx) {
	key := ctx.UserValue(userValueAPIKey).(*db.ApiKey)
	offset, _ := strconv.Atoi(string(ctx.QueryArgs().Peek("offset")))
	links, err := h.store.ListLinksByOwner(ctx, db.ListLinksByOwnerParams{
		OwnerID: key.OwnerID,
		Limit:   50,
		Offset:  int32(offset),
	})
	if err != nil {
		log.Printf("list links: %v", err)
		ctx.Error("internal error", fasthttp.StatusInternalServerError)
		return
	}
	writeJSON(ctx, fasthttp.StatusOK, links)
}

func (h *Handler) bulkCreate(ctx *fasthttp.RequestCtx) {
	ctx.Error("bulk creation is not implemented", fasthttp.StatusNotImplemented)
}
