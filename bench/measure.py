"""Run one command; print its wall time and the peak memory of it and all its children as JSON.

A fresh process per measurement: ``RUSAGE_CHILDREN`` only ever grows within one process.
"""

import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, check=False)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak_kib = usage.ru_maxrss  # KiB on Linux
cpu = usage.ru_utime + usage.ru_stime  # barely changes when other work shares the machine, unlike wall time
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mib": peak_kib / 1024, "rc": done.returncode,
                  "stderr": done.stderr.decode()[-2000:], "stdout": done.stdout.decode()[-2000:]}))
