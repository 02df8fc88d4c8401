from __future__ import annotations

import abc
import csv
from typing import Iterable, Iterator

import luigi


class CsvTransformTask(luigi.Task):
    """Reads the upstream CSV, applies ``transform`` row by row and writes the result."""

    __metaclass__ = abc.ABCMeta

    @abc.abstractmethod
    def transform(self, rows: Iterable[dict]) -> Iterator[dict]:
        raise NotImplementedError

    def run(self) -> None:
        with self.input().open("r") as src, self.output().open("w") as dst:
            reader = csv.DictReader(src)
            writer = None
            for row in self.transform(reader):
                if writer is None:
                    writer = csv.DictWriter(dst, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
