"""The same pipeline on a Dask cluster: a partitioned Parquet corpus, errors kept beside it.

Needs the ``dask`` extra (``pip install "newscorpus[dask]"``); Dask is imported only when a run
starts, so importing this package costs nothing without it.

>>> from newscorpus.cluster import plan_partitions
>>> [piece.error for piece in plan_partitions("no/such/*.txt")[0].pieces]
['NoMatch']
"""

from newscorpus.cluster.inputs import (
    FilePiece,
    LinesPiece,
    MissingPiece,
    Partition,
    Piece,
    plan_partitions,
)
from newscorpus.cluster.parts import PartSummary, write_partition
from newscorpus.cluster.reading import read_piece, read_pieces
from newscorpus.cluster.requirements import require_dask, require_distributed
from newscorpus.cluster.run import ClusterSummary, partition_bytes, read_bag, run_on_dask

__all__ = [
    "ClusterSummary",
    "FilePiece",
    "LinesPiece",
    "MissingPiece",
    "PartSummary",
    "Partition",
    "Piece",
    "partition_bytes",
    "plan_partitions",
    "read_bag",
    "read_piece",
    "read_pieces",
    "require_dask",
    "require_distributed",
    "run_on_dask",
    "write_partition",
]
