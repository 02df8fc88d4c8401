package controller

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/tools/record"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/log"
	"sigs.k8s.io/controller-runtime/pkg/predicate"

	netopsv1alpha1 "github.com/acme-netops/dns-operator/api/v1alpha1"
	"github.com/acme-netops/dns-operator/internal/dnsapi"
)

const (
	finalizerName    = "netops.acme.io/provider-record"
	resyncAnnotation = "netops.acme.io/resync-requested"
	conditionReady   = "Ready"
)

// DNSRecordReconciler keeps CloudZone in sync with DNSRecord objects.
type DNSRecordReconciler struct {
	client.Client
	Scheme   *runtime.Scheme
	DNS      dnsapi.Provider
	Zones    map[string]string
	Recorder record.EventRecorder
	Probe    *http.Client
}

// NewProbeClient returns the HTTP client used for spec.healthCheck probes.
func NewProbeClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	// targets are often still on their bootstrap certificate when the record is first created
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &http.Client{Transport: transport, Timeout: 15 * time.Second}
}

// +kubebuilder:rbac:groups=netops.acme.io,resources=dnsrecords,verbs=get;list;watch;create;update;patch;delete
// +kubebuilder:rbac:groups=netops.acme.io,resources=dnsrecords/status,verbs=get;update;patch
// +kubebuilder:rbac:groups=netops.acme.io,resources=dnsrecords/finalizers,verbs=update
// +kubebuilder:rbac:groups=core,resources=events,verbs=create;patch

func (r *DNSRecordReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	logger := log.FromContext(ctx)

	var rec netopsv1alpha1.DNSRecord
	if err := r.Get(ctx, req.NamespacedName, &rec); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}

	zoneID, known := r.Zones[rec.Spec.Zone]

	if !rec.DeletionTimestamp.IsZero() {
		if controllerutil.ContainsFinalizer(&rec, finalizerName) {
			if known && rec.Status.ProviderID != "" {
				_ = r.DNS.DeleteRecord(ctx, zoneID, rec.Status.ProviderID)
			}
			controllerutil.RemoveFinalizer(&rec, finalizerName)
			if err := r.Update(ctx, &rec); err != nil {
				return ctrl.Result{}, err
			}
			logger.Info("released provider record", "providerID", rec.Status.ProviderID)
		}
		return ctrl.Result{}, nil
	}

	if !known {
		r.setReady(&rec, metav1.ConditionFalse, "UnknownZone", fmt.Sprintf("zone %q is not configured", rec.Spec.Zone))
		return ctrl.Result{}, r.Status().Update(ctx, &rec)
	}

	if controllerutil.AddFinalizer(&rec, finalizerName) {
		if err := r.Update(ctx, &rec); err != nil {
			return ctrl.Result{}, err
		}
	}

	if hc := rec.Spec.HealthCheck; hc != nil {
		if err := r.probe(ctx, hc); err != nil {
			r.Recorder.Eventf(&rec, corev1.EventTypeWarning, "HealthCheckFailed", "%s: %v", hc.URL, err)
			r.setReady(&rec, metav1.ConditionFalse, "HealthCheckFailed", err.Error())
			if uerr := r.Status().Update(ctx, &rec); uerr != nil {
				return ctrl.Result{}, uerr
			}
			return ctrl.Result{RequeueAfter: time.Minute}, nil
		}
	}

	desired, err := toProviderRecord(&rec)
	if err != nil {
		r.setReady(&rec, metav1.ConditionFalse, "Unsupported", err.Error())
		return ctrl.Result{}, r.Status().Update(ctx, &rec)
	}

	id, err := r.DNS.UpsertRecord(ctx, zoneID, desired)
	if err != nil {
		logger.Error(err, "upsert failed", "zone", rec.Spec.Zone, "name", rec.Spec.Name)
		r.Recorder.Eventf(&rec, corev1.EventTypeWarning, "SyncFailed", "%v", err)
		return ctrl.Result{}, err
	}

	now := metav1.Now()
	rec.Status.ProviderID = id
	rec.Status.ObservedGeneration = rec.Generation
	rec.Status.LastSyncTime = &now
	r.setReady(&rec, metav1.ConditionTrue, "Synced", "record published")
	if err := r.Status().Update(ctx, &rec); err != nil {
		if apierrors.IsConflict(err) {
			return ctrl.Result{Requeue: true}, nil
		}
		return ctrl.Result{}, err
	}
	return ctrl.Result{RequeueAfter: 30 * time.Minute}, nil
}

func toProviderRecord(rec *netopsv1alpha1.DNSRecord) (dnsapi.Record, error) {
	switch rec.Spec.Type {
	case netopsv1alpha1.RecordTypeA, netopsv1alpha1.RecordTypeAAAA, netopsv1alpha1.RecordTypeCNAME, netopsv1alpha1.RecordTypeTXT:
		return dnsapi.Record{
			ID:     rec.Status.ProviderID,
			Name:   rec.Spec.Name,
			Type:   string(rec.Spec.Type),
			Values: rec.Spec.Values,
			TTL:    int(rec.Spec.TTL),
		}, nil
	case netopsv1alpha1.RecordTypeSRV:
		return dnsapi.Record{}, errors.New("SRV records are not implemented yet")
	}
	return dnsapi.Record{}, fmt.Errorf("unsupported record type %q", rec.Spec.Type)
}

func (r *DNSRecordReconciler) probe(ctx context.Context, hc *netopsv1alpha1.HealthCheck) error {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(hc.TimeoutSeconds)*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, hc.URL, nil)
	if err != nil {
		return err
	}
	resp, err := r.Probe.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("health check returned %d", resp.StatusCode)
	}
	return nil
}

func (r *DNSRecordReconciler) setReady(rec *netopsv1alpha1.DNSRecord, status metav1.ConditionStatus, reason, message string) {
	meta.SetStatusCondition(&rec.Status.Conditions, metav1.Condition{
		Type:               conditionReady,
		Status:             status,
		Reason:             reason,
		Message:            message,
		ObservedGeneration: rec.Generation,
	})
}

// RequestResync annotates matching records so the next reconcile pushes them again.
func RequestResync(ctx context.Context, c client.Client, zone, name string) error {
	var list netopsv1alpha1.DNSRecordList
	if err := c.List(ctx, &list); err != nil {
		return err
	}
	stamp := time.Now().UTC().Format(time.RFC3339)
	for i := range list.Items {
		rec := &list.Items[i]
		if rec.Spec.Zone != zone || (name != "" && rec.Spec.Name != name) {
			continue
		}
		patch := client.MergeFrom(rec.DeepCopy())
		if rec.Annotations == nil {
			rec.Annotations = map[string]string{}
		}
		rec.Annotations[resyncAnnotation] = stamp
		if err := c.Patch(ctx, rec, patch); err != nil {
			return fmt.Errorf("annotating %s/%s: %w", rec.Namespace, rec.Name, err)
		}
	}
	return nil
}

// SetupWithManager sets up the controller with the Manager.
func (r *DNSRecordReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).
		For(&netopsv1alpha1.DNSRecord{}).
		WithEventFilter(predicate.Or(predicate.GenerationChangedPredicate{}, predicate.AnnotationChangedPredicate{})).
		Named("dnsrecord").
		Complete(r)
}
