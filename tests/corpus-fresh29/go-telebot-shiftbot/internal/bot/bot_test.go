package bot

import "testing"

func TestApproveRejectButtonsShareMenu(t *testing.T) {
	if btnApproveSwap.Unique == btnRejectSwap.Unique {
		t.Fatal("approve and reject buttons must have distinct unique ids")
	}
	if btnTakeSwap.Unique != "swap_take" {
		t.Errorf("take button unique = %q", btnTakeSwap.Unique)
	}
}
