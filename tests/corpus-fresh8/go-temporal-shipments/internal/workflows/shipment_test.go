package workflows

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"

	"github.com/acme-retail/shipments-worker/internal/activities"
)

func TestShipmentWorkflow(t *testing.T) {
	tests := []struct {
		name      string
		labelErr  error
		notifyErr error
		wantErr   bool
		wantTrack string
	}{
		{name: "happy path", wantTrack: "1Z999"},
		{name: "notification failure is tolerated", notifyErr: errors.New("smtp down"), wantTrack: "1Z999"},
		{name: "label failure fails workflow", labelErr: errors.New("carrier 500"), wantErr: true},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var suite testsuite.WorkflowTestSuite
			env := suite.NewTestWorkflowEnvironment()
			a := &activities.Activities{}
			env.RegisterActivity(a)
			env.OnActivity(a.PurchaseLabel, mock.Anything, mock.Anything).
				Return(&activities.Label{TrackingNumber: "1Z999", URL: "https://labels.test/1"}, tt.labelErr)
			env.OnActivity(a.NotifyCustomer, mock.Anything, mock.Anything, mock.Anything).Return(tt.notifyErr)

			env.ExecuteWorkflow(ShipmentWorkflow, ShipmentInput{OrderID: "o-1", Carrier: "ups", WeightGr: 900,
				Address: activities.Address{Zip: "10115", Country: "DE"}})

			require.True(t, env.IsWorkflowCompleted())
			if tt.wantErr {
				require.Error(t, env.GetWorkflowError())
				return
			}
			require.NoError(t, env.GetWorkflowError())
			var res ShipmentResult
			require.NoError(t, env.GetWorkflowResult(&res))
			require.Equal(t, tt.wantTrack, res.TrackingNumber)
		})
	}
}

func TestShipmentWorkflowExpedited(t *testing.T) {
	cases := []struct {
		name      string
		expedited bool
	}{
		{"standard", false},
		{"express", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var suite testsuite.WorkflowTestSuite
			env := suite.NewTestWorkflowEnvironment()
			a := &activities.Activities{}
			env.RegisterActivity(a)
			env.OnActivity(a.PurchaseLabel, mock.Anything, mock.Anything).Return(&activities.Label{TrackingNumber: "X"}, nil)
			env.OnActivity(a.NotifyCustomer, mock.Anything, mock.Anything, mock.Anything).Return(nil)
			env.ExecuteWorkflow(ShipmentWorkflow, ShipmentInput{OrderID: "o-2", Expedited: tc.expedited,
				Address: activities.Address{Zip: "1000", Country: "AT"}})
		})
	}
}

func TestPurchaseLabelRejectsIncompleteAddress(t *testing.T) {
	a := activities.New("http://127.0.0.1:0")
	var env testsuite.WorkflowTestSuite
	actEnv := env.NewTestActivityEnvironment()
	actEnv.RegisterActivity(a)
	_, err := actEnv.ExecuteActivity(a.PurchaseLabel, activities.LabelRequest{OrderID: "o-3"})
	require.Error(t, err)
	require.Contains(t, err.Error(), "address incomplete")
}
