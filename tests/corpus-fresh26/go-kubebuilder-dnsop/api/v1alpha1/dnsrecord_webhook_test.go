package v1alpha1

import (
	"context"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func newRecord(mutate ...func(*DNSRecord)) *DNSRecord {
	rec := &DNSRecord{
		ObjectMeta: metav1.ObjectMeta{Name: "www", Namespace: "default"},
		Spec: DNSRecordSpec{
			Zone:   "example.com",
			Name:   "www",
			Type:   RecordTypeA,
			Values: []string{"192.0.2.10"},
			TTL:    300,
		},
	}
	for _, m := range mutate {
		m(rec)
	}
	return rec
}

func mustReject(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("expected the webhook to reject the object")
	}
}

func TestDefaultNormalisesZoneAndTTL(t *testing.T) {
	rec := newRecord(func(r *DNSRecord) {
		r.Spec.Zone = "Example.COM."
		r.Spec.TTL = 0
	})
	if err := (&DNSRecordCustomDefaulter{}).Default(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	if rec.Spec.Zone != "example.com" || rec.Spec.TTL != 300 {
		t.Fatalf("got zone=%q ttl=%d", rec.Spec.Zone, rec.Spec.TTL)
	}
}

func TestValidateCreateRejectsBadIPv4(t *testing.T) {
	_, err := (&DNSRecordCustomValidator{}).ValidateCreate(context.Background(), newRecord(func(r *DNSRecord) {
		r.Spec.Values = []string{"2001:db8::1"}
	}))
	mustReject(t, err)
}

func TestValidateUpdateKeepsZoneImmutable(t *testing.T) {
	oldRec := newRecord()
	newRec := newRecord(func(r *DNSRecord) { r.Spec.Zone = "example.org" })
	_, err := (&DNSRecordCustomValidator{}).ValidateUpdate(context.Background(), oldRec, newRec)
	mustReject(t, err)
}

func TestValidateDeleteBlocksProtectedRecords(t *testing.T) {
	v := &DNSRecordCustomValidator{}
	if _, err := v.ValidateDelete(context.Background(), newRecord(func(r *DNSRecord) { r.Spec.Protected = true })); err == nil {
		t.Fatal("protected record must not be deletable")
	}
	if _, err := v.ValidateDelete(context.Background(), newRecord()); err != nil {
		t.Fatalf("unprotected record should be deletable: %v", err)
	}
}

func TestCNAMEAtApexIsRejected(t *testing.T) {
	errs := validateSpec(&newRecord(func(r *DNSRecord) {
		r.Spec.Type = RecordTypeCNAME
		r.Spec.Name = "@"
		r.Spec.Values = []string{"lb.example.net."}
	}).Spec)
	if len(errs) != 1 {
		t.Fatalf("expected exactly one error, got %v", errs)
	}
}
