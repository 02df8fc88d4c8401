from tastypie.authorization import Authorization
from tastypie.exceptions import Unauthorized


def _profile(bundle):
    return getattr(bundle.request.user, "staffprofile", None)


class DepotScopedAuthorization(Authorization):
    """Depot staff see and edit their own depot's records; fleet managers see every depot.

    ``depot_field`` names the lookup from the resource's model to Depot.
    """

    def __init__(self, depot_field="depot"):
        super().__init__()
        self.depot_field = depot_field

    def _scope(self, object_list, bundle):
        profile = _profile(bundle)
        if profile is None:
            raise Unauthorized("No staff profile for this API user")
        if profile.is_fleet_manager:
            return object_list
        return object_list.filter(**{f"{self.depot_field}_id": profile.depot_id})

    def _depot_id_of(self, obj):
        *path, last = self.depot_field.split("__")
        for part in path:
            obj = getattr(obj, part)
        return getattr(obj, f"{last}_id")

    def _in_scope(self, obj, bundle):
        profile = _profile(bundle)
        if profile is None:
            return False
        return profile.is_fleet_manager or self._depot_id_of(obj) == profile.depot_id

    def read_list(self, object_list, bundle):
        return self._scope(object_list, bundle)

    def read_detail(self, object_list, bundle):
        return self._in_scope(bundle.obj, bundle)

    def create_list(self, object_list, bundle):
        raise Unauthorized("Bulk create is not supported")

    def create_detail(self, object_list, bundle):
        # object_list is part of tastypie's signature; creation is decided on the new object alone
        return self._in_scope(bundle.obj, bundle)

    def update_list(self, object_list, bundle):
        return self._scope(object_list, bundle)

    def update_detail(self, object_list, bundle):
        return self._in_scope(bundle.obj, bundle)

    def delete_list(self, object_list, bundle):
        raise Unauthorized("Bulk delete is not supported")

    def delete_detail(self, object_list, bundle):
        profile = _profile(bundle)
        if profile is None or not profile.is_fleet_manager:
            raise Unauthorized("Only fleet managers may delete")
        return True


class FleetManagerAuthorization(DepotScopedAuthorization):
    """Like DepotScopedAuthorization, but every write needs a fleet manager."""

    def _require_manager(self, bundle):
        profile = _profile(bundle)
        if profile is None or not profile.is_fleet_manager:
            raise Unauthorized("Fleet manager role required")

    def create_detail(self, object_list, bundle):
        self._require_manager(bundle)
        return True

    def update_detail(self, object_list, bundle):
        self._require_manager(bundle)
        return True

    def update_list(self, object_list, bundle):
        self._require_manager(bundle)
        return object_list
