"""Store errors. Each message names the file and says what to do; none is a traceback."""


class StoreError(RuntimeError):
    pass


class StoreKeyError(StoreError):
    pass


class StoreUnreadable(StoreError):
    """Wrong key, or not a MARS database, or damaged: the file is left untouched."""


class StoreNotWritable(StoreError):
    """Read-only file or folder, or the disk is full."""


class StoreBusy(StoreError):
    pass


class NoSuchSession(StoreError):
    pass


class InvalidTransition(StoreError):
    pass
