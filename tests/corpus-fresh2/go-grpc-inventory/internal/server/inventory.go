package server

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/timestamppb"

	pb "github.com/acme-retail/inventory/gen/inventory/v1"
	"github.com/acme-retail/inventory/internal/store"
)

// Stock is the storage the gRPC layer needs; *store.Store implements it.
type Stock interface {
	Available(ctx context.Context, sku string) (int32, error)
	Reserve(ctx context.Context, sku string, qty int32, ttl time.Duration) (*store.Reservation, error)
}

type Server struct {
	// Forward-compatible: methods added to the proto later return Unimplemented
	// until we implement them here.
	pb.UnimplementedInventoryServiceServer

	stock Stock
	log   *slog.Logger
}

func New(stock Stock, log *slog.Logger) *Server {
	return &Server{stock: stock, log: log}
}

func (s *Server) GetStock(ctx context.Context, req *pb.GetStockRequest) (*pb.StockLevel, error) {
	if req.GetSku() == "" {
		return nil, status.Error(codes.InvalidArgument, "sku is required")
	}
	n, err := s.stock.Available(ctx, req.GetSku())
	if err != nil {
		return nil, status.Errorf(codes.Internal, "available: %v", err)
	}
	return &pb.StockLevel{Sku: req.GetSku(), Available: n}, nil
}

func (s *Server) ReserveStock(ctx context.Context, req *pb.ReserveRequest) (*pb.Reservation, error) {
	if req.GetSku() == "" || req.GetQuantity() <= 0 {
		return nil, status.Error(codes.InvalidArgument, "sku and positive quantity are required")
	}
	ttl := req.GetTtl().AsDuration()
	if ttl <= 0 || ttl > 24*time.Hour {
		ttl = 15 * time.Minute
	}
	r, err := s.stock.Reserve(ctx, req.GetSku(), req.GetQuantity(), ttl)
	switch {
	case errors.Is(err, store.ErrInsufficientStock):
		return nil, status.Error(codes.FailedPrecondition, "insufficient stock")
	case err != nil:
		s.log.ErrorContext(ctx, "reserve failed", "sku", req.GetSku(), "err", err)
		return nil, status.Error(codes.Internal, "reserve failed")
	}
	return &pb.Reservation{Id: r.ID, Sku: r.SKU, Quantity: r.Qty, ExpiresAt: timestamppb.New(r.ExpiresAt)}, nil
}

// TransferStock moves units between two warehouses atomically.
func (s *Server) TransferStock(ctx context.Context, req *pb.TransferRequest) (*pb.Transfer, error) {
	panic("TODO: transfer between warehouses")
}

// Ping is used by the load balancer; the request carries nothing.
func (s *Server) Ping(_ context.Context, _ *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}
