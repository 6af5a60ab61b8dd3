"""The kata runner: processes and the sandbox. It runs code and reports what happened.

A warm worker (`forkserver`, `worker`) forks one job per solution run; each job
raises the boundary (`isolation`, `landlock`, `sandbox`, `guards`) before the
user's code is imported, and talks to the checker in framed JSON (`channel`,
`codec`). `jobs` and `bench_jobs` drive jobs from the checker's side. Nothing
here decides whether a solution is right: that is `mlprep.kata.judge`.
"""
