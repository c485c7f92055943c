"""Contrechamp's benchmarks: ``python -m bench.run [--quick]`` measures DESIGN.md's table."""
