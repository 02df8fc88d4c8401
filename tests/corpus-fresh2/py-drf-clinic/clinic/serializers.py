from rest_framework import serializers

from .models import Invoice, MedicalRecord, Patient


class PatientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Patient
        fields = ["id", "full_name", "email", "phone", "prefers_sms", "archived", "clinician"]
        read_only_fields = ["archived"]


class RecordSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.get_full_name", read_only=True)

    class Meta:
        model = MedicalRecord
        fields = ["id", "patient", "author_name", "body", "created_at"]


class InvoiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invoice
        fields = ["id", "patient", "amount", "refunded", "status"]
        read_only_fields = ["refunded", "status"]


class RefundSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True)

    def validate(self, attrs):
        invoice = self.context["invoice"]
        if attrs["amount"] > invoice.amount - invoice.refunded:
            raise serializers.ValidationError("refund exceeds remaining balance")
        return attrs
