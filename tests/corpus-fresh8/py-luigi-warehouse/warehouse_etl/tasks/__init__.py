from .extract import ExtractOrders
from .load import LoadOrders, NightlyPipeline, RefreshMaterializedViews

__all__ = ["ExtractOrders", "LoadOrders", "NightlyPipeline", "RefreshMaterializedViews"]
