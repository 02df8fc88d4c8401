from decimal import Decimal

from rest_framework import serializers

from .models import Customer, Invoice, LineItem


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name", "email", "currency", "created_at"]
        read_only_fields = ["created_at"]


class LineItemSerializer(serializers.ModelSerializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)

    class Meta:
        model = LineItem
        fields = ["id", "description", "quantity", "unit_price", "amount"]


class InvoiceSerializer(serializers.ModelSerializer):
    lines = LineItemSerializer(many=True)

    class Meta:
        model = Invoice
        fields = ["id", "number", "customer", "status", "currency", "total", "due_date", "lines",
                  "issued_at", "paid_at"]
        read_only_fields = ["status", "total", "issued_at", "paid_at"]

    def validate_customer(self, customer):
        request = self.context["request"]
        if customer.owner_id != request.user.id:
            raise serializers.ValidationError("Unknown customer.")
        return customer

    def create(self, validated_data):
        lines = validated_data.pop("lines")
        invoice = Invoice.objects.create(**validated_data)
        total = Decimal("0.00")
        for line in lines:
            item = LineItem.objects.create(invoice=invoice, **line)
            total += item.amount
        invoice.total = total
        invoice.save(update_fields=["total"])
        return invoice


class RefundSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    reason = serializers.CharField(max_length=200)
