package workflows

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/acme-retail/shipments-worker/internal/activities"
)

const TaskQueue = "shipments"

type ShipmentInput struct {
	OrderID   string
	Carrier   string
	Address   activities.Address
	WeightGr  int
	Expedited bool
}

type ShipmentResult struct {
	TrackingNumber string
	LabelURL       string
}

func ShipmentWorkflow(ctx workflow.Context, in ShipmentInput) (*ShipmentResult, error) {
	logger := workflow.GetLogger(ctx)
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 30 * time.Second,
		RetryPolicy: &temporal.RetryPolicy{
			InitialInterval:        time.Second,
			BackoffCoefficient:     2,
			MaximumAttempts:        5,
			NonRetryableErrorTypes: []string{"InvalidAddress"},
		},
	})

	var a *activities.Activities
	var label activities.Label
	if err := workflow.ExecuteActivity(ctx, a.PurchaseLabel, activities.LabelRequest{
		OrderID: in.OrderID, Carrier: in.Carrier, Address: in.Address, WeightGr: in.WeightGr, Expedited: in.Expedited,
	}).Get(ctx, &label); err != nil {
		logger.Error("label purchase failed", "order", in.OrderID, "error", err)
		return nil, fmt.Errorf("purchase label for %s: %w", in.OrderID, err)
	}

	if err := workflow.ExecuteActivity(ctx, a.NotifyCustomer, in.OrderID, label.TrackingNumber).Get(ctx, nil); err != nil {
		// Notification failures must not roll back a purchased label; surface via search attribute.
		logger.Warn("customer notification failed", "order", in.OrderID, "error", err)
		_ = workflow.UpsertSearchAttributes(ctx, map[string]interface{}{"NotificationFailed": true})
	}

	return &ShipmentResult{TrackingNumber: label.TrackingNumber, LabelURL: label.URL}, nil
}
