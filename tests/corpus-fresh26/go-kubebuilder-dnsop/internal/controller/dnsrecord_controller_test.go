package controller

import (
	"context"
	"net/http"
	"sync"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/tools/record"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	netopsv1alpha1 "github.com/acme-netops/dns-operator/api/v1alpha1"
	"github.com/acme-netops/dns-operator/internal/dnsapi"
)

type fakeProvider struct {
	mu      sync.Mutex
	upserts []dnsapi.Record
	deletes []string
}

func (f *fakeProvider) UpsertRecord(_ context.Context, zoneID string, rec dnsapi.Record) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.upserts = append(f.upserts, rec)
	return "rec-" + rec.Name, nil
}

func (f *fakeProvider) DeleteRecord(_ context.Context, zoneID, recordID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.deletes = append(f.deletes, recordID)
	return nil
}

func (f *fakeProvider) deleted() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.deletes...)
}

var _ = Describe("DNSRecord Controller", func() {
	const name = "www"
	key := types.NamespacedName{Name: name, Namespace: "default"}

	var (
		provider   *fakeProvider
		reconciler *DNSRecordReconciler
	)

	BeforeEach(func() {
		provider = &fakeProvider{}
		reconciler = &DNSRecordReconciler{
			Client:   k8sClient,
			Scheme:   k8sClient.Scheme(),
			DNS:      provider,
			Zones:    map[string]string{"example.com": "zone-1"},
			Recorder: record.NewFakeRecorder(16),
			Probe:    http.DefaultClient,
		}

		err := k8sClient.Get(ctx, key, &netopsv1alpha1.DNSRecord{})
		if apierrors.IsNotFound(err) {
			rec := &netopsv1alpha1.DNSRecord{
				ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
				Spec: netopsv1alpha1.DNSRecordSpec{
					Zone:   "example.com",
					Name:   "www",
					Type:   netopsv1alpha1.RecordTypeA,
					Values: []string{"192.0.2.10"},
					TTL:    300,
				},
			}
			Expect(k8sClient.Create(ctx, rec)).To(Succeed())
		}
	})

	AfterEach(func() {
		rec := &netopsv1alpha1.DNSRecord{}
		if err := k8sClient.Get(ctx, key, rec); err == nil {
			controllerutil.RemoveFinalizer(rec, finalizerName)
			Expect(k8sClient.Update(ctx, rec)).To(Succeed())
			Expect(ignoreNotFound(k8sClient.Delete(ctx, rec))).To(Succeed())
		}
	})

	It("should successfully reconcile the resource", func() {
		By("Reconciling the created resource")
		reconciler.Reconcile(ctx, reconcile.Request{NamespacedName: key})
	})

	It("publishes the record and stores the provider id", func() {
		Eventually(func(g Gomega) {
			_, err := reconciler.Reconcile(ctx, reconcile.Request{NamespacedName: key})
			g.Expect(err).NotTo(HaveOccurred())

			var rec netopsv1alpha1.DNSRecord
			g.Expect(k8sClient.Get(ctx, key, &rec)).To(Succeed())
			g.Expect(rec.Status.ProviderID).To(Equal("rec-www"))
		}).Should(Succeed())
	})

	It("releases the provider record on deletion", func() {
		_, err := reconciler.Reconcile(ctx, reconcile.Request{NamespacedName: key})
		Expect(err).NotTo(HaveOccurred())

		Expect(k8sClient.Delete(ctx, &netopsv1alpha1.DNSRecord{
			ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
		})).To(Succeed())
		_, err = reconciler.Reconcile(ctx, reconcile.Request{NamespacedName: key})
		Expect(err).NotTo(HaveOccurred())
		Expect(provider.deleted()).To(ContainElement("rec-www"))
	})
})

func ignoreNotFound(err error) error {
	if apierrors.IsNotFound(err) {
		return nil
	}
	return err
}
