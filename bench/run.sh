#!/usr/bin/env bash
# One command for the benchmarks: builds the API and the bench in Release, starts a throwaway PostgreSQL, measures
# PostgreSQL's own single-insert limit with pgbench and then the API over real HTTP in the same run, and writes
# docs/benchmarks.md. Takes about six minutes on a 2-core machine (--quick: less; --catalog-only: the search part;
# --board-only: the staff board alone, printed; --import-only [--import-orders N]: the switch-over import alone, printed;
# --writes-only: the write phases alone, printed; --diagnose: where the CPU went per operation).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Api/Cvety.Api.csproj -v quiet -nologo
dotnet build -c Release bench/Cvety.Bench/Cvety.Bench.csproj -v quiet -nologo
dotnet bench/Cvety.Bench/bin/Release/net10.0/Cvety.Bench.dll \
  --api src/Api/bin/Release/net10.0/Cvety.Api.dll --out docs/benchmarks.md "$@"
