"""The engine behind :func:`toolkit.analyze`: it runs registered annotators on chunks of
documents, caches each step, and combines the results. Each concern has its own module:

* :mod:`.keys` - the cache key of every (chunk, step): what a result depends on, hashed.
* :mod:`.store` - the cache on disk: Arrow IPC parts, checksummed, written atomically.
* :mod:`.plan` - input batches and the split of a corpus into chunks of whole documents.
* :mod:`.transport` - the one form a table travels in (Arrow) and the one place it is converted.
* :mod:`.chunk` - one chunk's steps, in this process or a worker (:class:`.chunk.Task`).
* :mod:`.workers` - the local process pool and the Dask engine.
* :mod:`.collect` - per-chunk parts combined into tables (in memory or Parquet files).
* :mod:`.results` - :class:`.results.Analysis`, the tables a user gets back.

Annotators never import the engine: they are records of :mod:`toolkit.annotator`.
"""
