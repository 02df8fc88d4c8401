from ninja import NinjaAPI

from clinic.routers.admin import router as admin_router
from clinic.routers.patients import router as patients_router

api = NinjaAPI(title="Clinic API", version="1.8.0", urls_namespace="clinic-api")

api.add_router("/patients/", patients_router)
api.add_router("/admin/", admin_router)


@api.get("/healthz", auth=None, include_in_schema=False)
def healthz(request):
    return {"status": "ok"}
