"""Time the generator's own work (load, check, render, write) in one process, without interpreter start-up."""

import json
import sys
import time
from pathlib import Path

from generator.generate import generate

start = time.perf_counter()
result = generate(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), cache=Path(sys.argv[4]) if len(sys.argv) > 4 else None)
print(json.dumps({"wall": time.perf_counter() - start, "pages": sum(1 for f in result.files if f.endswith(".md"))}))
