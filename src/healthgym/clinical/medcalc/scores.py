ADAPTERS: dict = {}
