package api

import (
	"log"
	"strconv"

	"github.com/valyala/fasthttp"

	"github.com/linkhut/shortlinks/db"
)

func pathID(ctx *fasthttp.RequestCtx) (int64, bool) {
	raw, _ := ctx.UserValue("id").(string)
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		ctx.Error("invalid id", fasthttp.StatusBadRequest)
		return 0, false
	}
	return id, true
}

func (h *Handler) adminListLinks(ctx *fasthttp.RequestCtx) {
	offset, _ := strconv.Atoi(string(ctx.QueryArgs().Peek("offset")))
	links, err := h.store.ListAllLinks(ctx, db.ListAllLinksParams{Limit: 200, Offset: int32(offset)})
	if err != nil {
		log.Printf("admin list links: %v", err)
		ctx.Error("internal error", fasthttp.StatusInternalServerError)
		return
	}
	writeJSON(ctx, fasthttp.StatusOK, links)
}

func (h *Handler) adminDisableLink(ctx *fasthttp.RequestCtx) {
	id, ok := pathID(ctx)
	if !ok {
		return
	}
	n, err := h.store.DisableLink(ctx, id)
	if err != nil {
		log.Printf("disable link %d: %v", id, err)
		ctx.Error("internal error", fasthttp.StatusInternalServerError)
		return
	}
	if n == 0 {
		ctx.Error("link not found or already disabled", fasthttp.StatusNotFound)
		return
	}
	_ = h.store.InsertAuditEvent(ctx, db.InsertAuditEventParams{
		Actor:   "admin",
		Action:  "link.disable",
		Subject: strconv.FormatInt(id, 10),
	})
	ctx.SetStatusCode(fasthttp.StatusNoContent)
}

func (h *Handler) adminRevokeKey(ctx *fasthttp.RequestCtx) {
	id, ok := pathID(ctx)
	if !ok {
		return
	}
	n, err := h.store.RevokeAPIKey(ctx, id)
	if err != nil {
		log.Printf("revoke key %d: %v", id, err)
		ctx.Error("internal error", fasthttp.StatusInternalServerError)
		return
	}
	if n == 0 {
		ctx.Error("key not found or already revoked", fasthttp.StatusNotFound)
		return
	}
	if err := h.store.InsertAuditEvent(ctx, db.InsertAuditEventParams{
		Actor:   "admin",
		Action:  "key.revoke",
		Subject: strconv.FormatInt(id, 10),
	}); err != nil {
		log.Printf("audit key revoke %d: %v", id, err)
		ctx.Error("revoked, but the audit record failed", fasthttp.StatusInternalServerError)
		return
	}
	ctx.SetStatusCode(fasthttp.StatusNoContent)
}
