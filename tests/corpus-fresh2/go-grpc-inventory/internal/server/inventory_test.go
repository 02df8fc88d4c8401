package server

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	pb "github.com/acme-retail/inventory/gen/inventory/v1"
	"github.com/acme-retail/inventory/internal/store"
)

type memStock struct {
	avail   map[string]int32
	lastTTL time.Duration
}

func (m *memStock) Available(_ context.Context, sku string) (int32, error) {
	return m.avail[sku], nil
}

func (m *memStock) Reserve(_ context.Context, sku string, qty int32, ttl time.Duration) (*store.Reservation, error) {
	m.lastTTL = ttl
	if m.avail[sku] < qty {
		return nil, store.ErrInsufficientStock
	}
	m.avail[sku] -= qty
	return &store.Reservation{ID: "r-1", SKU: sku, Qty: qty, ExpiresAt: time.Now().Add(ttl)}, nil
}

func newTestServer(t *testing.T) (*Server, *memStock) {
	t.Helper()
	st := &memStock{avail: map[string]int32{"SKU-1": 5}}
	return New(st, slog.New(slog.NewTextHandler(io.Discard, nil))), st
}

func TestReserveStock(t *testing.T) {
	tests := []struct {
		name     string
		req      *pb.ReserveRequest
		wantCode codes.Code
		wantTTL  time.Duration
	}{
		{"ok default ttl", &pb.ReserveRequest{Sku: "SKU-1", Quantity: 2}, codes.OK, 15 * time.Minute},
		{"ok custom ttl", &pb.ReserveRequest{Sku: "SKU-1", Quantity: 1, Ttl: durationpb.New(time.Hour)}, codes.OK, time.Hour},
		{"too many", &pb.ReserveRequest{Sku: "SKU-1", Quantity: 50}, codes.FailedPrecondition, 15 * time.Minute},
		{"missing sku", &pb.ReserveRequest{Quantity: 1}, codes.InvalidArgument, 0},
		{"zero qty", &pb.ReserveRequest{Sku: "SKU-1"}, codes.InvalidArgument, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, st := newTestServer(t)
			_, err := srv.ReserveStock(context.Background(), tt.req)
			if got := status.Code(err); got != tt.wantCode {
				t.Fatalf("code = %v, want %v (err=%v)", got, tt.wantCode, err)
			}
			if st.lastTTL != tt.wantTTL {
				t.Errorf("ttl passed to store = %v, want %v", st.lastTTL, tt.wantTTL)
			}
		})
	}
}

func TestGetStock_Smoke(t *testing.T) {
	srv, _ := newTestServer(t)
	resp, err := srv.GetStock(context.Background(), &pb.GetStockRequest{Sku: "SKU-1"})
	t.Logf("resp=%v err=%v", resp, err)
}

func TestGetStock_RequiresSKU(t *testing.T) {
	srv, _ := newTestServer(t)
	_, err := srv.GetStock(context.Background(), &pb.GetStockRequest{})
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("want InvalidArgument, got %v", err)
	}
}
