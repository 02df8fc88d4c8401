"""Snapshot storage backends."""
import json
from abc import ABC, abstractmethod

import boto3


class StorageBackend(ABC):
    @abstractmethod
    def load(self, key):
        raise NotImplementedError

    @abstractmethod
    def save(self, key, value):
        raise NotImplementedError

    @abstractmethod
    def delete(self, key):
        raise NotImplementedError


class S3Storage(StorageBackend):
    def __init__(self, bucket):
        self.bucket = bucket
        self.client = boto3.client("s3")

    def load(self, key):
        obj = self.client.get_object(Bucket=self.bucket, Key=key)
        return json.loads(obj["Body"].read())

    def save(self, key, value):
        self.client.put_object(Bucket=self.bucket, Key=key, Body=json.dumps(value))

    def delete(self, key):
        raise NotImplementedError

    def compact(self):
        pass
