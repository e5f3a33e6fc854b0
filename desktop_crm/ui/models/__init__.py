"""Table models over the services. Each passes pytest-qt's qtmodeltester."""
