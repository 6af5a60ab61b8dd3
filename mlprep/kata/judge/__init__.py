"""The kata judge: cases against expected values, the verdict, and the diagnosis of a failure.

`static` reads the source without running it (syntax, banned names); `compare`
compares a decoded result with the expected one (types, shapes, dtypes,
tolerances); `check` puts the runner's outcomes through them and names the
classic mistake a failing solution shares with a mutant.
"""
