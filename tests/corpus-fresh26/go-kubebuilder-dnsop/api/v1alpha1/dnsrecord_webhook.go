package v1alpha1

import (
	"context"
	"fmt"
	"net"
	"strings"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	ctrl "sigs.k8s.io/controller-runtime"
	logf "sigs.k8s.io/controller-runtime/pkg/log"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

var dnsrecordlog = logf.Log.WithName("dnsrecord-resource")

// SetupWebhookWithManager registers the defaulting and validating webhooks.
func (r *DNSRecord) SetupWebhookWithManager(mgr ctrl.Manager) error {
	return ctrl.NewWebhookManagedBy(mgr).
		For(r).
		WithDefaulter(&DNSRecordCustomDefaulter{}).
		WithValidator(&DNSRecordCustomValidator{}).
		Complete()
}

// +kubebuilder:webhook:path=/mutate-netops-acme-io-v1alpha1-dnsrecord,mutating=true,failurePolicy=fail,sideEffects=None,groups=netops.acme.io,resources=dnsrecords,verbs=create;update,versions=v1alpha1,name=mdnsrecord.kb.io,admissionReviewVersions=v1

type DNSRecordCustomDefaulter struct{}

func (d *DNSRecordCustomDefaulter) Default(ctx context.Context, obj runtime.Object) error {
	rec, ok := obj.(*DNSRecord)
	if !ok {
		return fmt.Errorf("expected a DNSRecord but got %T", obj)
	}
	dnsrecordlog.V(1).Info("defaulting", "name", rec.GetName())

	if rec.Spec.TTL == 0 {
		rec.Spec.TTL = 300
	}
	rec.Spec.Zone = strings.TrimSuffix(strings.ToLower(rec.Spec.Zone), ".")
	rec.Spec.Name = strings.ToLower(rec.Spec.Name)
	if rec.Spec.HealthCheck != nil && rec.Spec.HealthCheck.TimeoutSeconds == 0 {
		rec.Spec.HealthCheck.TimeoutSeconds = 10
	}
	return nil
}

// +kubebuilder:webhook:path=/validate-netops-acme-io-v1alpha1-dnsrecord,mutating=false,failurePolicy=fail,sideEffects=None,groups=netops.acme.io,resources=dnsrecords,verbs=create;update,versions=v1alpha1,name=vdnsrecord.kb.io,admissionReviewVersions=v1

type DNSRecordCustomValidator struct{}

func (v *DNSRecordCustomValidator) ValidateCreate(ctx context.Context, obj runtime.Object) (admission.Warnings, error) {
	rec, ok := obj.(*DNSRecord)
	if !ok {
		return nil, fmt.Errorf("expected a DNSRecord but got %T", obj)
	}
	return warningsFor(rec), validateSpec(&rec.Spec).ToAggregate()
}

func (v *DNSRecordCustomValidator) ValidateUpdate(ctx context.Context, oldObj, newObj runtime.Object) (admission.Warnings, error) {
	oldRec, ok := oldObj.(*DNSRecord)
	if !ok {
		return nil, fmt.Errorf("expected a DNSRecord but got %T", oldObj)
	}
	newRec, ok := newObj.(*DNSRecord)
	if !ok {
		return nil, fmt.Errorf("expected a DNSRecord but got %T", newObj)
	}

	errs := validateSpec(&newRec.Spec)
	if oldRec.Spec.Zone != newRec.Spec.Zone {
		errs = append(errs, field.Forbidden(field.NewPath("spec", "zone"), "zone is immutable"))
	}
	return warningsFor(newRec), errs.ToAggregate()
}

// ValidateDelete refuses to delete records marked as protected.
func (v *DNSRecordCustomValidator) ValidateDelete(ctx context.Context, obj runtime.Object) (admission.Warnings, error) {
	rec, ok := obj.(*DNSRecord)
	if !ok {
		return nil, fmt.Errorf("expected a DNSRecord but got %T", obj)
	}
	if rec.Spec.Protected {
		return nil, fmt.Errorf("DNSRecord %s/%s is protected; clear spec.protected before deleting it", rec.Namespace, rec.Name)
	}
	return nil, nil
}

func warningsFor(rec *DNSRecord) admission.Warnings {
	if rec.Spec.TTL < 60 {
		return admission.Warnings{"ttl below 60s increases query load at the provider"}
	}
	return nil
}

func validateSpec(spec *DNSRecordSpec) field.ErrorList {
	var errs field.ErrorList
	values := field.NewPath("spec", "values")
	for i, value := range spec.Values {
		switch spec.Type {
		case RecordTypeA:
			if ip := net.ParseIP(value); ip == nil || ip.To4() == nil {
				errs = append(errs, field.Invalid(values.Index(i), value, "must be an IPv4 address"))
			}
		case RecordTypeAAAA:
			if ip := net.ParseIP(value); ip == nil || ip.To4() != nil {
				errs = append(errs, field.Invalid(values.Index(i), value, "must be an IPv6 address"))
			}
		case RecordTypeTXT:
			if len(value) > 255 {
				errs = append(errs, field.TooLong(values.Index(i), value, 255))
			}
		}
	}
	if spec.Type == RecordTypeCNAME && len(spec.Values) != 1 {
		errs = append(errs, field.Invalid(values, spec.Values, "CNAME records take exactly one value"))
	}
	if spec.Type == RecordTypeCNAME && spec.Name == "@" {
		errs = append(errs, field.Forbidden(field.NewPath("spec", "name"), "CNAME is not allowed at the zone apex"))
	}
	return errs
}
