package tenantdns

import (
	"fmt"
	"net"
)

// ACL decides which client networks may resolve tenant names. Global rules apply
// to every zone; zone rules only to their zone.
type ACL struct {
	global  []*net.IPNet
	perZone map[string][]*net.IPNet
}

func NewACL() *ACL {
	return &ACL{perZone: map[string][]*net.IPNet{}}
}

func parseNets(cidrs []string) ([]*net.IPNet, error) {
	nets := make([]*net.IPNet, 0, len(cidrs))
	for _, s := range cidrs {
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			ip := net.ParseIP(s)
			if ip == nil {
				return nil, fmt.Errorf("invalid network %q", s)
			}
			bits := 8 * len(ip.To16())
			if ip.To4() != nil {
				ip, bits = ip.To4(), 32
			}
			n = &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)}
		}
		nets = append(nets, n)
	}
	return nets, nil
}

func (a *ACL) AllowGlobal(cidrs ...string) error {
	nets, err := parseNets(cidrs)
	if err != nil {
		return err
	}
	a.global = append(a.global, nets...)
	return nil
}

func (a *ACL) AllowZone(zone string, cidrs ...string) error {
	nets, err := parseNets(cidrs)
	if err != nil {
		return err
	}
	a.perZone[zone] = append(a.perZone[zone], nets...)
	return nil
}

func (a *ACL) Empty() bool {
	return len(a.global) == 0 && len(a.perZone) == 0
}

// Allowed reports whether ip may query names in zone.
func (a *ACL) Allowed(ip net.IP, zone string) bool {
	for _, n := range a.global {
		if n.Contains(ip) {
			return true
		}
	}
	for _, nets := range a.perZone {
		for _, n := range nets {
			if n.Contains(ip) {
				return true
			}
		}
	}
	return false
}
