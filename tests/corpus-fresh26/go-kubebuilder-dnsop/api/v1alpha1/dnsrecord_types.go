package v1alpha1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

type RecordType string

const (
	RecordTypeA     RecordType = "A"
	RecordTypeAAAA  RecordType = "AAAA"
	RecordTypeCNAME RecordType = "CNAME"
	RecordTypeTXT   RecordType = "TXT"
	RecordTypeSRV   RecordType = "SRV"
)

// HealthCheck is probed before a record is published or updated.
type HealthCheck struct {
	// URL that must answer with a non-error status.
	URL string `json:"url"`

	// +kubebuilder:default=10
	// +kubebuilder:validation:Minimum=1
	TimeoutSeconds int32 `json:"timeoutSeconds,omitempty"`
}

// DNSRecordSpec defines the desired state of DNSRecord
type DNSRecordSpec struct {
	// Zone the record lives in, e.g. "example.com".
	// +kubebuilder:validation:MinLength=1
	Zone string `json:"zone"`

	// Name relative to the zone; "@" for the apex.
	// +kubebuilder:validation:MinLength=1
	Name string `json:"name"`

	// +kubebuilder:validation:Enum=A;AAAA;CNAME;TXT;SRV
	Type RecordType `json:"type"`

	// +kubebuilder:validation:MinItems=1
	Values []string `json:"values"`

	// +kubebuilder:default=300
	// +kubebuilder:validation:Minimum=30
	TTL int32 `json:"ttl,omitempty"`

	// Protected records cannot be deleted until this flag is cleared.
	// +optional
	Protected bool `json:"protected,omitempty"`

	// +optional
	HealthCheck *HealthCheck `json:"healthCheck,omitempty"`
}

// DNSRecordStatus defines the observed state of DNSRecord
type DNSRecordStatus struct {
	// ProviderID is the record id at CloudZone.
	ProviderID string `json:"providerID,omitempty"`

	ObservedGeneration int64 `json:"observedGeneration,omitempty"`

	LastSyncTime *metav1.Time `json:"lastSyncTime,omitempty"`

	// +listType=map
	// +listMapKey=type
	Conditions []metav1.Condition `json:"conditions,omitempty"`
}

// +kubebuilder:object:root=true
// +kubebuilder:subresource:status
// +kubebuilder:storageversion
// +kubebuilder:printcolumn:name="Zone",type=string,JSONPath=`.spec.zone`
// +kubebuilder:printcolumn:name="Name",type=string,JSONPath=`.spec.name`
// +kubebuilder:printcolumn:name="Type",type=string,JSONPath=`.spec.type`
// +kubebuilder:printcolumn:name="Ready",type=string,JSONPath=`.status.conditions[?(@.type=="Ready")].status`

// DNSRecord is the Schema for the dnsrecords API
type DNSRecord struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec   DNSRecordSpec   `json:"spec,omitempty"`
	Status DNSRecordStatus `json:"status,omitempty"`
}

// +kubebuilder:object:root=true

// DNSRecordList contains a list of DNSRecord
type DNSRecordList struct {
	metav1.TypeMeta `json:",inline"`
	metav1.ListMeta `json:"metadata,omitempty"`
	Items           []DNSRecord `json:"items"`
}

// Hub marks v1alpha1 as the conversion hub for future API versions.
func (*DNSRecord) Hub() {}

func init() {
	SchemeBuilder.Register(&DNSRecord{}, &DNSRecordList{})
}
