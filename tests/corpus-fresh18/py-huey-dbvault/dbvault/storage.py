import abc
import logging
import posixpath

import boto3
import paramiko
from botocore.config import Config
from botocore.exceptions import ClientError

logger = logging.getLogger("dbvault.storage")


def build_key(prefix, database, filename):
    return posixpath.join(prefix, database, filename)


class Storage(abc.ABC):
    @abc.abstractmethod
    def upload(self, local_path, key):
        """Upload a local file under `key` and return the stored object's checksum."""

    @abc.abstractmethod
    def delete(self, key):
        """Remove `key`; deleting a missing key is not an error."""


class S3Storage(Storage):
    def __init__(self, bucket, region, endpoint_url=None, verify=True, kms_key_id=None, credentials=None):
        self.bucket = bucket
        self.kms_key_id = kms_key_id
        self.client = boto3.client(
            "s3",
            region_name=region,
            endpoint_url=endpoint_url,
            verify=verify,
            config=Config(retries={"max_attempts": 5, "mode": "adaptive"}),
            **(credentials or {}),
        )

    def upload(self, local_path, key):
        extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": self.kms_key_id} if self.kms_key_id else {}
        self.client.upload_file(str(local_path), self.bucket, key, ExtraArgs=extra)
        head = self.client.head_object(Bucket=self.bucket, Key=key)
        return head["ETag"].strip('"')

    def delete(self, key):
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def stat(self, key):
        try:
            return self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey"):
                return None
            raise

    def verify_upload(self, key, local_md5):
        head = self.stat(key)
        if head is None:
            raise RuntimeError(f"{key} missing after upload")
        etag = head["ETag"].strip('"')
        # multipart uploads have "<md5-of-md5s>-<parts>" ETags, which are not comparable
        if "-" not in etag and etag != local_md5:
            raise RuntimeError(f"checksum mismatch for {key}: {etag} != {local_md5}")


class SftpStorage(Storage):
    def __init__(self, host, username, key_file, known_hosts, root):
        self.host = host
        self.username = username
        self.key_file = key_file
        self.known_hosts = known_hosts
        self.root = root

    def _connect(self):
        client = paramiko.SSHClient()
        client.load_host_keys(self.known_hosts)
        client.set_missing_host_key_policy(paramiko.RejectPolicy())
        client.connect(self.host, username=self.username, key_filename=self.key_file, timeout=30)
        return client

    def upload(self, local_path, key):
        remote = posixpath.join(self.root, key)
        with self._connect() as client, client.open_sftp() as sftp:
            self._mkdirs(sftp, posixpath.dirname(remote))
            sftp.put(str(local_path), remote + ".part")
            sftp.posix_rename(remote + ".part", remote)
        return None

    def delete(self, key):
        with self._connect() as client, client.open_sftp() as sftp:
            try:
                sftp.remove(posixpath.join(self.root, key))
            except FileNotFoundError:
                logger.debug("sftp delete: %s already gone", key)

    @staticmethod
    def _mkdirs(sftp, path):
        parts = []
        for part in path.split("/"):
            parts.append(part)
            current = "/".join(parts)
            if not current:
                continue
            try:
                sftp.stat(current)
            except FileNotFoundError:
                sftp.mkdir(current)
