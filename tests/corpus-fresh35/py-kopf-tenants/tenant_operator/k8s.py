import base64
import functools

from kubernetes import client
from kubernetes import config as kube_config
from kubernetes.client.exceptions import ApiException

MANAGED_BY = {"app.kubernetes.io/managed-by": "tenant-operator"}


@functools.lru_cache(maxsize=1)
def _load() -> None:
    try:
        kube_config.load_incluster_config()
    except kube_config.ConfigException:
        kube_config.load_kube_config()


def core() -> client.CoreV1Api:
    _load()
    return client.CoreV1Api()


def rbac() -> client.RbacAuthorizationV1Api:
    _load()
    return client.RbacAuthorizationV1Api()


def ensure_namespace(name: str, tenant: str, region: str) -> None:
    body = client.V1Namespace(
        metadata=client.V1ObjectMeta(
            name=name,
            labels={**MANAGED_BY, "platform.acme.io/tenant": tenant, "topology.acme.io/region": region},
        )
    )
    try:
        core().create_namespace(body=body)
    except ApiException as exc:
        if exc.status != 409:
            raise
        core().patch_namespace(name=name, body={"metadata": {"labels": body.metadata.labels}})


def ensure_quota(namespace: str, cpu: str, memory: str, pods: int) -> None:
    body = client.V1ResourceQuota(
        metadata=client.V1ObjectMeta(name="tenant-quota", labels=MANAGED_BY),
        spec=client.V1ResourceQuotaSpec(
            hard={
                "requests.cpu": cpu,
                "limits.cpu": cpu,
                "requests.memory": memory,
                "limits.memory": memory,
            }
        ),
    )
    try:
        core().create_namespaced_resource_quota(namespace=namespace, body=body)
    except ApiException as exc:
        if exc.status != 409:
            raise
        core().replace_namespaced_resource_quota(name="tenant-quota", namespace=namespace, body=body)


def ensure_owner_binding(namespace: str, owners: list[str]) -> None:
    body = client.V1RoleBinding(
        metadata=client.V1ObjectMeta(name="tenant-owners", labels=MANAGED_BY),
        role_ref=client.V1RoleRef(api_group="rbac.authorization.k8s.io", kind="ClusterRole", name="admin"),
        subjects=[client.RbacV1Subject(kind="User", name=o, api_group="rbac.authorization.k8s.io") for o in owners],
    )
    try:
        rbac().create_namespaced_role_binding(namespace=namespace, body=body)
    except ApiException as exc:
        if exc.status != 409:
            raise
        rbac().replace_namespaced_role_binding(name="tenant-owners", namespace=namespace, body=body)


def delete_namespace(name: str) -> None:
    try:
        core().delete_namespace(name=name, propagation_policy="Foreground")
    except ApiException as exc:
        if exc.status != 404:
            raise


def read_secret_value(namespace: str, name: str, key: str) -> str:
    secret = core().read_namespaced_secret(name=name, namespace=namespace)
    return base64.b64decode(secret.data[key]).decode("utf-8")
