"""The quiz domain: scheduling, grading and sessions. Returns data; never prints."""
