package uploads

import (
	"context"
	"log/slog"
	"net/http"
	"path"
	"slices"
	"time"

	"github.com/tus/tusd/v2/pkg/handler"

	"github.com/northdocs/vault/internal/audit"
	"github.com/northdocs/vault/internal/auth"
)

type Hooks struct {
	Registry     *Registry
	Audit        audit.Recorder
	AllowedTypes []string
	MaxBytes     int64
	Log          *slog.Logger
}

// PreCreate runs before tusd allocates an upload: it checks the caller, the
// declared type and size, and pins the owner into the upload's metadata.
func (h *Hooks) PreCreate(hook handler.HookEvent) (handler.HTTPResponse, handler.FileInfoChanges, error) {
	user, ok := auth.UserFrom(hook.Context)
	if !ok {
		return handler.HTTPResponse{}, handler.FileInfoChanges{},
			handler.NewError("ERR_UNAUTHENTICATED", "authentication required", http.StatusUnauthorized)
	}
	meta := hook.Upload.MetaData
	if !slices.Contains(h.AllowedTypes, meta["filetype"]) {
		return handler.HTTPResponse{}, handler.FileInfoChanges{},
			handler.NewError("ERR_TYPE_NOT_ALLOWED", "file type not accepted", http.StatusUnsupportedMediaType)
	}
	if hook.Upload.Size > h.MaxBytes {
		return handler.HTTPResponse{}, handler.FileInfoChanges{},
			handler.NewError("ERR_TOO_LARGE", "upload exceeds the size limit", http.StatusRequestEntityTooLarge)
	}

	changes := handler.FileInfoChanges{MetaData: handler.MetaData{
		"owner":    user,
		"filename": path.Base(meta["filename"]),
		"filetype": meta["filetype"],
	}}
	return handler.HTTPResponse{}, changes, nil
}

// PreFinish records the finished upload before tusd answers the final PATCH, so a
// client that sees 204 can immediately list it.
func (h *Hooks) PreFinish(hook handler.HookEvent) (handler.HTTPResponse, error) {
	info := hook.Upload
	err := h.Registry.Put(hook.Context, Record{
		ID:        info.ID,
		Owner:     info.MetaData["owner"],
		Filename:  info.MetaData["filename"],
		MimeType:  info.MetaData["filetype"],
		Size:      info.Size,
		CreatedAt: time.Now().UTC(),
	})
	if err != nil {
		h.Log.Error("registry insert failed", "upload", info.ID, "err", err)
		return handler.HTTPResponse{}, handler.NewError("ERR_INDEX", "could not record upload", http.StatusInternalServerError)
	}
	return handler.HTTPResponse{Header: handler.HTTPHeader{"X-Vault-Id": info.ID}}, nil
}

// Drain consumes tusd's completion notifications until the channel closes.
func (h *Hooks) Drain(ctx context.Context, events <-chan handler.HookEvent) {
	for ev := range events {
		if err := h.Registry.MarkComplete(ctx, ev.Upload.ID, ev.Upload.Size); err != nil {
			continue
		}
		if err := h.Audit.Record(audit.Event{Actor: ev.Upload.MetaData["owner"], Action: "upload", Upload: ev.Upload.ID}); err != nil {
			h.Log.Error("audit record failed", "upload", ev.Upload.ID, "err", err)
		}
	}
}
