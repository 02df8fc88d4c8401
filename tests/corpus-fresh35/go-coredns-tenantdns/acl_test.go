package tenantdns

import (
	"net"
	"testing"
)

func TestACLGlobal(t *testing.T) {
	acl := NewACL()
	if err := acl.AllowGlobal("10.0.0.0/8", "192.168.1.7"); err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{
		"10.2.3.4":    true,
		"192.168.1.7": true,
		"192.168.1.8": false,
		"8.8.8.8":     false,
	}
	for ip, want := range cases {
		if got := acl.Allowed(net.ParseIP(ip), "tenants.acme.cloud."); got != want {
			t.Errorf("Allowed(%s) = %v, want %v", ip, got, want)
		}
	}
}

func TestACLRejectsGarbage(t *testing.T) {
	if err := NewACL().AllowGlobal("not-an-ip"); err == nil {
		t.Fatal("expected an error for an invalid network")
	}
}
