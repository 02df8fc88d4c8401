package uploads

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/tus/tusd/v2/pkg/handler"

	"github.com/northdocs/vault/internal/audit"
	"github.com/northdocs/vault/internal/auth"
)

func TestPreCreate(t *testing.T) {
	h := &Hooks{
		Audit:        audit.Nop{},
		AllowedTypes: []string{"application/pdf"},
		MaxBytes:     1 << 20,
		Log:          slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	tests := []struct {
		name      string
		ctx       context.Context
		meta      handler.MetaData
		size      int64
		wantCode  int
		wantOwner string
	}{
		{"accepted", auth.WithUser(context.Background(), "ana"), handler.MetaData{"filetype": "application/pdf", "filename": "../../etc/lease.pdf"}, 1000, 0, "ana"},
		{"anonymous", context.Background(), handler.MetaData{"filetype": "application/pdf"}, 1000, http.StatusUnauthorized, ""},
		{"wrong type", auth.WithUser(context.Background(), "ana"), handler.MetaData{"filetype": "application/x-msdownload"}, 10, http.StatusUnsupportedMediaType, ""},
		{"too large", auth.WithUser(context.Background(), "ana"), handler.MetaData{"filetype": "application/pdf"}, 2 << 20, http.StatusRequestEntityTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := handler.HookEvent{Context: tt.ctx, Upload: handler.FileInfo{MetaData: tt.meta, Size: tt.size}}
			_, changes, err := h.PreCreate(ev)
			if tt.wantCode != 0 {
				var herr handler.Error
				if !errors.As(err, &herr) || herr.HTTPResponse.StatusCode != tt.wantCode {
					t.Fatalf("err = %v, want status %d", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if changes.MetaData["owner"] != tt.wantOwner || changes.MetaData["filename"] != "lease.pdf" {
				t.Fatalf("changes = %+v", changes.MetaData)
			}
		})
	}
}
